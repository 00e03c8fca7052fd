import { describe, expect, it } from 'vitest';
import { PACE_NOISE_PERCENT, readPace } from './pace.js';

describe('readPace', () => {
  it('reads a pace on or near the estimate as estimated', () => {
    expect(readPace(1)).toEqual({ kind: 'even' });
    expect(readPace(1.004)).toEqual({ kind: 'even' });
    expect(readPace(0.996)).toEqual({ kind: 'even' });
  });

  it('reads a pace from the threshold on as slower or faster, by a whole percent', () => {
    expect(PACE_NOISE_PERCENT).toBe(1);
    // 4.6% slower moves a 2,000-hour plan's finish by months: never "as estimated".
    expect(readPace(1.046)).toEqual({ kind: 'slower', percent: 5 });
    expect(readPace(1.01)).toEqual({ kind: 'slower', percent: 1 });
    expect(readPace(0.97)).toEqual({ kind: 'faster', percent: 3 });
    expect(readPace(1.05)).toEqual({ kind: 'slower', percent: 5 });
    expect(readPace(0.95)).toEqual({ kind: 'faster', percent: 5 });
    expect(readPace(1.2)).toEqual({ kind: 'slower', percent: 20 });
    expect(readPace(0.8)).toEqual({ kind: 'faster', percent: 20 });
    expect(readPace(1.234)).toEqual({ kind: 'slower', percent: 23 });
    expect(readPace(2.5)).toEqual({ kind: 'slower', percent: 150 });
  });

  it('never says a percent under the threshold: a difference that rounds up to it counts', () => {
    // 0.6% rounds to 1%: said as 1% slower, not as estimated (the number said and the rule agree).
    expect(readPace(1.006)).toEqual({ kind: 'slower', percent: 1 });
    expect(readPace(1.004)).toEqual({ kind: 'even' });
    for (let i = 0; i <= 400; i++) {
      const reading = readPace(i / 200);
      if (reading.kind !== 'even') expect(reading.percent).toBeGreaterThanOrEqual(PACE_NOISE_PERCENT);
    }
  });

  it('reads a pace it cannot measure as estimated', () => {
    expect(readPace(Number.NaN)).toEqual({ kind: 'even' });
  });
});
