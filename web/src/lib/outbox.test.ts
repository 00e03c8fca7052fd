import { describe, expect, it } from 'vitest';
import { ApiError } from './api.js';
import { worthRetrying } from './outbox.js';

describe('which failed sends the outbox keeps for later', () => {
  it('keeps what could not reach the server and what the server could not store now (503, a proxy’s 502/504)', () => {
    expect(worthRetrying(new ApiError(0, 'NETWORK', 'Failed to fetch'))).toBe(true);
    expect(worthRetrying(new ApiError(503, 'UNAVAILABLE', 'the database is unavailable'))).toBe(true);
    expect(worthRetrying(new ApiError(502, 'HTTP', 'Bad Gateway'))).toBe(true);
    expect(worthRetrying(new ApiError(504, 'HTTP', 'Gateway Timeout'))).toBe(true);
  });

  it('gives up on answers that will not change: bad input, a conflict, a broken store, a bug', () => {
    expect(worthRetrying(new ApiError(400, 'INVALID_INPUT', 'bad'))).toBe(false);
    expect(worthRetrying(new ApiError(409, 'CONFLICT', 'already recorded'))).toBe(false);
    expect(worthRetrying(new ApiError(500, 'STORAGE', 'the disk is full'))).toBe(false);
    expect(worthRetrying(new Error('not an API error'))).toBe(false);
  });
});
