import { describe, expect, it } from 'vitest';
import { breakCycles, schedule, scheduledWeeks } from './schedule.js';
import type { ScheduleTask } from './schedule.js';

const task = (centi: number, more: Partial<ScheduleTask> = {}): ScheduleTask => ({
  centi,
  preds: [],
  coPreds: [],
  track: 0,
  priority: 0,
  ...more,
});
const weekly = (centi: number) => ({ capacity: () => centi, nominal: centi, alongsideShare: 1 / 3, maxWeeks: 1000 });

describe('schedule', () => {
  it('fills each week to the budget, splitting tasks across weeks, in priority order', () => {
    const r = schedule([task(1500, { priority: 2 }), task(1000, { priority: 1 })], weekly(1000));
    expect(scheduledWeeks(r).map((w) => w.used)).toEqual([1000, 1000, 500]);
    expect(scheduledWeeks(r)[0]?.chunks).toEqual([{ task: 1, centi: 1000 }]);
    expect(r.endWeek[1]).toBe(0);
    expect(r.endWeek[0]).toBe(2);
  });

  it('lets a dependant start in the same week right after its prerequisite ends', () => {
    const r = schedule([task(300), task(300, { preds: [0] })], weekly(1000));
    expect(scheduledWeeks(r)).toHaveLength(1);
    expect(scheduledWeeks(r)[0]?.chunks.map((c) => c.task)).toEqual([0, 1]);
  });

  it('gives the alongside track a third of the week while both tracks have work, then everything', () => {
    const r = schedule([task(2000), task(600, { track: 1 })], weekly(900));
    expect(scheduledWeeks(r)[0]?.chunks).toEqual([
      { task: 0, centi: 600 },
      { task: 1, centi: 300 },
    ]);
    expect(scheduledWeeks(r).reduce((s, w) => s + w.used, 0)).toBe(2600);
  });

  it('holds an alongside task until the main track reaches its partner, or has nothing else to do', () => {
    // Main: coding (priority 1, 2 weeks), then shallow ML (priority 10); maths held until priority 10.
    const r = schedule(
      [task(2000, { priority: 1 }), task(1000, { priority: 10 }), task(600, { track: 1, holdUntil: 10 })],
      weekly(1000),
    );
    expect(r.startWeek[2]).toBe(r.startWeek[1]);
    expect(r.startWeek[2]).toBeGreaterThan(0);
    // With a main task that waits for the held one to start, the idle main track releases it.
    const idle = schedule(
      [task(600, { priority: 10, coPreds: [1] }), task(600, { track: 1, holdUntil: 10 })],
      weekly(1000),
    );
    expect(idle.endWeek.every((w) => w >= 0)).toBe(true);
    expect(idle.startWeek[1]).toBe(0);
  });

  it('splits no task into a piece under a quarter hour', () => {
    // 990 left in the week: a 1000 task would leave 10 for next week; it leaves 25 instead.
    const r = schedule([task(10), task(1000, { priority: 1 })], weekly(1000));
    const pieces = scheduledWeeks(r).flatMap((w) => w.chunks.map((c) => c.centi));
    expect(Math.min(...pieces.filter((_, i) => i > 0))).toBeGreaterThanOrEqual(25);
    expect(
      scheduledWeeks(r)
        .flatMap((w) => w.chunks)
        .filter((c) => c.task === 1)
        .map((c) => c.centi),
    ).toEqual([975, 25]);
  });

  it('starts a corequisite no later than its dependant', () => {
    const r = schedule([task(500, { coPreds: [1] }), task(500, { priority: 5 })], weekly(1000));
    expect(scheduledWeeks(r)[0]?.chunks.map((c) => c.task)).toEqual([1, 0]);
  });

  it('spreads bedside reading thinly and never beyond a quarter of a week while other work remains', () => {
    const r = schedule([task(4000), task(1000, { track: -1 })], weekly(1000));
    for (const w of scheduledWeeks(r).slice(0, 3)) {
      const ambient = w.chunks.find((c) => c.task === 1)?.centi ?? 0;
      expect(ambient).toBeGreaterThanOrEqual(50);
      expect(ambient).toBeLessThanOrEqual(250);
    }
    expect(scheduledWeeks(r).reduce((s, w) => s + w.used, 0)).toBe(5000);
  });

  it('skips weeks with no budget', () => {
    const r = schedule([task(1500)], { ...weekly(1000), capacity: (w: number) => (w === 1 ? 0 : 1000) });
    expect(scheduledWeeks(r).map((w) => w.used)).toEqual([1000, 0, 500]);
  });

  it('breaks a cycle among tasks by releasing the first task by priority, and reports the dropped edge', () => {
    const tasks = [task(100, { preds: [1], priority: 1 }), task(100, { preds: [0], priority: 2 })];
    expect(breakCycles(tasks).dropped).toEqual([[0, 1]]);
    const r = schedule(tasks, weekly(1000));
    expect(r.dropped).toEqual([[0, 1]]);
    expect(scheduledWeeks(r)[0]?.chunks.map((c) => c.task)).toEqual([0, 1]);
  });
});
