import { describe, expect, it } from 'vitest';
import { burnupAgainstCurrent, evenTicks, everyWeek } from './charts.js';

describe('everyWeek', () => {
  it('lists every week to the current one, a week without hours as zero', () => {
    const weeks = everyWeek(
      [
        { week: '2026-11-02', hours: 3 },
        { week: '2026-11-16', hours: 1.5 },
      ],
      '2026-12-02',
    );
    expect(weeks).toEqual([
      { week: '2026-11-02', hours: 3, current: false },
      { week: '2026-11-09', hours: 0, current: false },
      { week: '2026-11-16', hours: 1.5, current: false },
      { week: '2026-11-23', hours: 0, current: false },
      { week: '2026-11-30', hours: 0, current: true },
    ]);
  });

  it('starts at the plan start when that is earlier, and is empty with nothing to show', () => {
    expect(everyWeek([], '2026-11-18', '2026-11-04').map((w) => [w.week, w.hours])).toEqual([
      ['2026-11-02', 0],
      ['2026-11-09', 0],
      ['2026-11-16', 0],
    ]);
    expect(everyWeek([], '2026-11-18')).toEqual([]);
  });
});

describe('burnupAgainstCurrent', () => {
  it('scales the planned line to the current total and keeps the first plan as it was', () => {
    const rows = burnupAgainstCurrent([
      { week: '2026-01-05', doneHours: 10, loggedHours: null, plannedHours: 10, forecastHours: null },
      { week: '2026-01-12', doneHours: 30, loggedHours: null, plannedHours: 20, forecastHours: 30 },
      { week: '2026-01-19', doneHours: null, loggedHours: null, plannedHours: 20, forecastHours: 40 },
    ]);
    expect(rows.map((r) => r.plannedHours)).toEqual([20, 40, 40]);
    expect(rows.map((r) => r.firstPlanHours)).toEqual([10, 20, 20]);
    // Ends where the forecast ends: ahead reads as ahead.
    expect(rows.at(-1)?.plannedHours).toBe(rows.at(-1)?.forecastHours);
  });
});

describe('evenTicks', () => {
  const weeks = Array.from({ length: 80 }, (_, i) =>
    new Date(Date.UTC(2026, 0, 12 + 7 * i)).toISOString().slice(0, 10),
  );

  it('ticks the first week of months at one even step, at most max of them', () => {
    const ticks = evenTicks(weeks, 6);
    expect(ticks.length).toBeLessThanOrEqual(6);
    const months = ticks.map((d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)));
    const steps = new Set(months.slice(1).map((m, i) => m - (months[i] ?? 0)));
    expect(steps.size).toBe(1);
    for (const tick of ticks) expect(Number(tick.slice(8, 10))).toBeLessThanOrEqual(7);
  });

  it('ticks every k-th week of a short span', () => {
    expect(evenTicks(weeks.slice(0, 10), 5)).toEqual([weeks[0], weeks[2], weeks[4], weeks[6], weeks[8]]);
  });
});
