import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen } from './server.js';
import { harness } from './test-support/harness.js';
import type { Harness } from './test-support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('listen', () => {
  it('serves the app on a real loopback port and closes cleanly', async () => {
    const server = await listen(h.app, { port: 0, host: '127.0.0.1' });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({
        ok: true,
        version: '9.9.9-test',
        database: { kind: 'sqlite', status: 'ok' },
      });
      const recorded = await fetch(`${server.url}/api/progress/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'hours', hours: 1 }),
      });
      expect(recorded.status).toBe(200);
      expect(await h.store.countEvents('local')).toBe(1);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('refuses a port in use with a message naming the port and the flag', async () => {
    const first = await listen(h.app, { port: 0, host: '127.0.0.1' });
    try {
      await expect(listen(h.app, { port: first.port, host: '127.0.0.1' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: `port ${first.port} on 127.0.0.1 is already in use`,
        hint: expect.stringContaining('--port') as unknown,
      });
    } finally {
      await first.close();
    }
  });
});
