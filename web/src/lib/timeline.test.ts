import { describe, expect, it } from 'vitest';
import type { PlanTask, PlanWeek } from './api.js';
import { stageBars, weekNumber } from './timeline.js';

const task = (stage: string, hours: number): PlanTask => ({
  kind: 'study',
  stage,
  resource: `${stage}-book`,
  unit: undefined,
  skills: [],
  hours,
  why: undefined,
});
const week = (index: number, start: string, tasks: PlanTask[], off = false): PlanWeek => ({
  index,
  start,
  off,
  hours: tasks.reduce((sum, t) => sum + t.hours, 0),
  tasks,
});

describe('stageBars', () => {
  it('spans each stage from its first task to its last, in the order stages begin, across weeks off', () => {
    const bars = stageBars({
      weeks: [
        week(0, '2026-01-05', [task('code', 6), task('maths', 4)]),
        week(1, '2026-01-12', [task('code', 6), task('maths', 4)]),
        week(2, '2026-01-19', [], true),
        week(3, '2026-01-26', [task('code', 10)]),
        week(4, '2026-02-02', [task('ml', 10)]),
      ],
    });
    expect(bars).toEqual([
      { stage: 'code', from: 0, to: 3, start: '2026-01-05', end: '2026-02-01', hours: 22 },
      { stage: 'maths', from: 0, to: 1, start: '2026-01-05', end: '2026-01-18', hours: 8 },
      { stage: 'ml', from: 4, to: 4, start: '2026-02-02', end: '2026-02-08', hours: 10 },
    ]);
  });

  it('leaves bedside reading out of a stage that has other work, and keeps a stage of reading only', () => {
    const bedside = (stage: string): PlanTask => ({ ...task(stage, 1), kind: 'ambient' });
    const bars = stageBars({
      weeks: [
        week(0, '2026-01-05', [task('code', 6), bedside('code'), bedside('books')]),
        week(1, '2026-01-12', [task('ml', 6), bedside('code'), bedside('books')]),
      ],
    });
    expect(bars.map((b) => [b.stage, b.from, b.to])).toEqual([
      ['books', 0, 1],
      ['code', 0, 0],
      ['ml', 1, 1],
    ]);
  });

  it('is empty for a plan without tasks', () => {
    expect(stageBars({ weeks: [] })).toEqual([]);
  });
});

describe('weekNumber', () => {
  it('numbers the week holding a mid-week start as week 1 (its Monday is before the start)', () => {
    // Started on Wednesday 2027-01-06: the plan's first week begins on Monday 2027-01-04.
    expect(weekNumber('2027-01-04', '2027-01-06', 0)).toBe(1);
    expect(weekNumber('2027-01-11', '2027-01-06', 1)).toBe(2);
  });

  it("counts a re-plan from the learner's own start, not from the re-plan", () => {
    expect(weekNumber('2027-03-01', '2027-01-06', 0)).toBe(9);
  });

  it('counts from 1 without a start', () => {
    expect(weekNumber('2027-03-01', undefined, 4)).toBe(5);
  });
});
