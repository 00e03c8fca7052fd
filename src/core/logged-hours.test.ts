import { describe, expect, it } from 'vitest';
import { isEntryHours } from './logged-hours.js';
import { MAX_HOURS_PER_ENTRY } from './progress-model.js';

describe('isEntryHours, the one rule for a log entry on every face', () => {
  it('takes any amount above 0 (kept to the thousandth) up to MAX_HOURS_PER_ENTRY', () => {
    expect([0.1, 0.001, 1.5, MAX_HOURS_PER_ENTRY].map(isEntryHours)).toEqual([true, true, true, true]);
    expect([0, -1, 0.0004, MAX_HOURS_PER_ENTRY + 0.01, Number.NaN, Infinity].map(isEntryHours)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
