import { describe, expect, it } from 'vitest';
import type { PlanTask, PlanWeek } from '../plan-model.js';
import { isoWeekday } from '../dates.js';
import { canonicalTimeZone, isKnownTimeZone, localDateTime, studyDates, weekSessions } from './sessions.js';

function task(resource: string, hours: number): PlanTask {
  return { kind: 'study', stage: 's', resource, unit: undefined, skills: [], hours, why: undefined, key: resource };
}

const week: Pick<PlanWeek, 'start' | 'tasks'> = { start: '2026-11-30', tasks: [task('a', 4.5), task('b', 1.5)] };
const limits = { planStart: '2026-11-30', weeksOff: [] };

describe('weekSessions', () => {
  it("shares a week's hours evenly over the study days, tasks back to back in plan order", () => {
    const pieces = weekSessions(week, { days: ['mon', 'wed', 'sat'] }, limits);
    expect(pieces).toEqual([
      { task: 0, date: '2026-11-30', offsetMinutes: 0, minutes: 120 },
      { task: 0, date: '2026-12-02', offsetMinutes: 0, minutes: 120 },
      { task: 0, date: '2026-12-05', offsetMinutes: 0, minutes: 30 },
      { task: 1, date: '2026-12-05', offsetMinutes: 30, minutes: 90 },
    ]);
  });

  it('keeps every minute of the week and puts sessions only on study days', () => {
    for (const days of [['tue'], ['mon', 'thu'], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']] as const) {
      const pieces = weekSessions(week, { days }, limits);
      expect(pieces.reduce((sum, p) => sum + p.minutes, 0)).toBe(360);
      const numbers = days.map((d) => ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(d) + 1);
      for (const p of pieces) expect(numbers).toContain(isoWeekday(p.date));
      for (const p of pieces) expect(p.minutes).toBeGreaterThanOrEqual(15);
    }
  });

  it('skips study days before the plan starts and inside weeks off', () => {
    expect(
      studyDates(
        week,
        { days: ['mon', 'wed', 'sat'] },
        { planStart: '2026-12-01', weeksOff: [{ start: '2026-12-05', end: '2026-12-06' }] },
      ),
    ).toEqual(['2026-12-02']);
    expect(
      weekSessions(
        week,
        { days: ['sun'] },
        { planStart: '2026-11-30', weeksOff: [{ start: '2026-12-06', end: '2026-12-06' }] },
      ),
    ).toEqual([]);
  });
});

describe('localDateTime', () => {
  it('adds minutes to a local start time, across midnight', () => {
    expect(localDateTime('2026-11-30', '19:00', 90)).toBe('2026-11-30T20:30:00');
    expect(localDateTime('2026-12-31', '23:30', 45)).toBe('2027-01-01T00:15:00');
  });
});

describe('canonicalTimeZone', () => {
  it('names a known zone one way whatever its casing, and refuses unknown ones', () => {
    expect(canonicalTimeZone('asia/SHANGHAI')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalTimeZone(' ')).toBeUndefined();
    expect(isKnownTimeZone('utc')).toBe(true);
    expect(isKnownTimeZone('+08:00')).toBe(false);
  });
});
