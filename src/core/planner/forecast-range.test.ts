import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import { seededRandom } from '../random.js';
import { forecastRange, MIN_HISTORY_WEEKS } from './forecast-range.js';
import type { HistoryWeek } from './forecast-range.js';

const TODAY = '2027-03-01';
const base = { today: TODAY, finishDate: '2027-12-27', remainingHours: 430, hoursPerWeek: 10 };

/** Weeks before today with these hours logged (and as many planned hours of work finished). */
function history(hours: readonly number[], done: readonly number[] = hours): HistoryWeek[] {
  return hours.map((h, i) => ({
    start: addDays(TODAY, -7 * (hours.length - i)),
    budgetHours: 10,
    loggedHours: h,
    doneHours: done[i] ?? h,
  }));
}

const spread = (r: ReturnType<typeof forecastRange>): number =>
  r.kind === 'range' ? (Date.parse(r.p90) - Date.parse(r.p10)) / 86_400_000 : Number.NaN;

describe('forecastRange', () => {
  it('brackets the p50: p10 on or before it, p90 on or after it', () => {
    const r = forecastRange({ ...base, weeks: history([8, 12, 6, 10, 14, 9, 11, 7]) });
    expect(r.kind).toBe('range');
    if (r.kind !== 'range') return;
    expect(r.p10 <= r.p50).toBe(true);
    expect(r.p50 <= r.p90).toBe(true);
    expect(r.p10 < r.p90).toBe(true);
    expect(r.weeks).toBe(8);
  });

  it('is the forecast itself for a learner whose every week went to plan', () => {
    const r = forecastRange({ ...base, weeks: history([10, 10, 10, 10, 10, 10]) });
    expect(r).toMatchObject({ kind: 'range', p10: base.finishDate, p50: base.finishDate, p90: base.finishDate });
  });

  it('widens with erratic weeks of the same mean', () => {
    const steady = forecastRange({ ...base, weeks: history([9, 11, 10, 9, 11, 10, 9, 11]) });
    const erratic = forecastRange({ ...base, weeks: history([0, 20, 2, 18, 0, 21, 1, 18]) });
    expect(spread(erratic)).toBeGreaterThan(spread(steady) + 14);
  });

  it('widens when the pace varies from week to week', () => {
    const even = forecastRange({ ...base, weeks: history([10, 10, 10, 10, 10, 10], [10, 10, 10, 10, 10, 10]) });
    const uneven = forecastRange({ ...base, weeks: history([10, 10, 10, 10, 10, 10], [30, 0, 0, 25, 5, 0]) });
    expect(spread(uneven)).toBeGreaterThan(spread(even));
  });

  it('moves later for a learner who studies half the planned hours', () => {
    const r = forecastRange({ ...base, weeks: history([5, 5, 4, 6, 5, 5]) });
    expect(r.kind === 'range' && r.p50 > base.finishDate).toBe(true);
  });

  it('gives no range with too little history, and says how much there is', () => {
    expect(forecastRange({ ...base, weeks: history([10, 12, 8]) })).toEqual({
      kind: 'too-little-history',
      weeks: 3,
      needed: MIN_HISTORY_WEEKS,
    });
    // Weeks with no study at all say nothing of how the learner studies.
    expect(forecastRange({ ...base, weeks: history([0, 0, 0, 0, 0]) })).toMatchObject({
      kind: 'too-little-history',
      weeks: 0,
    });
  });

  it('is deterministic: the same history and seed give the same range', () => {
    const weeks = history([3, 15, 8, 0, 12, 9]);
    expect(forecastRange({ ...base, weeks })).toEqual(forecastRange({ ...base, weeks }));
    const a = seededRandom(7);
    const b = seededRandom(7);
    for (let i = 0; i < 5; i++) expect(a()).toBe(b());
  });
});
