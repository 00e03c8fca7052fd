import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, weekStart } from './dates.js';
import type { ProgressState } from './plan-model.js';
import { planFor } from './planner/plan.js';
import { fixture, profileOf } from './planner/test-support/fixtures.js';
import {
  currentWeekView,
  hoursLoggedBetween,
  hoursLoggedByWeek,
  openSpans,
  studyCalendar,
  weekNumber,
} from './weeks.js';

const curriculum = fixture({
  skills: { a: [], b: ['a'], c: ['b'] },
  resources: {
    ra: {
      hours: 30,
      teaches: ['a'],
      units: [
        ['p1', 10, ['a']],
        ['p2', 10, ['a']],
        ['p3', 10, ['a']],
      ],
    },
    rb: { hours: 30, teaches: ['b'] },
    rc: { hours: 30, teaches: ['c'] },
  },
  stages: [{ id: 's', skills: ['a', 'b', 'c'], resources: ['ra', 'rb', 'rc'] }],
  startingPoints: [{ id: 'p', effortFactor: 1 }],
});
const sumHours = (tasks: readonly { hours: number }[]): number =>
  Math.round(tasks.reduce((s, t) => s + t.hours, 0) * 100) / 100;
const logged = (entries: Array<[string, number]>): ProgressState => ({
  skills: new Map(),
  items: new Map(),
  logged: entries.map(([date, hours]) => ({ date, hours })),
  loggedByItem: new Map([['', entries.reduce((sum, [, hours]) => sum + hours, 0)]]),
});

describe('calendar weeks', () => {
  it('start every plan week on a Monday, the first partly open when study starts mid-week', () => {
    // Wednesday 2027-01-06: the first week is the week of Monday 2027-01-04, open Wednesday to Sunday.
    const plan = planFor(curriculum, profileOf(curriculum, 'p', { hoursPerWeek: 7, startDate: '2027-01-06' }));
    expect(plan.weeks.every((w) => isoWeekday(w.start) === 1)).toBe(true);
    expect(plan.weeks[0]).toMatchObject({ start: '2027-01-04', hours: 5, offDays: ['2027-01-04', '2027-01-05'] });
    expect(plan.weeks[1]).toMatchObject({ start: '2027-01-11', hours: 7 });
    expect(plan.weeks[1]?.offDays).toBeUndefined();
    expect(plan.startDate).toBe('2027-01-06');
  });

  it('keep a declared week off free for all seven days', () => {
    const profile = profileOf(curriculum, 'p', {
      hoursPerWeek: 10,
      startDate: '2027-01-04',
      weeksOff: [{ start: '2027-01-18', end: '2027-01-24' }],
    });
    const plan = planFor(curriculum, profile);
    const off = plan.weeks.find((w) => w.start === '2027-01-18');
    expect(off).toMatchObject({ off: true, hours: 0, tasks: [] });
    expect(off?.offDays).toHaveLength(7);
    expect(openSpans(off ?? { start: '2027-01-18' })).toEqual([]);
    const view = currentWeekView({ profile, plan, logged: [], today: '2027-01-20' });
    expect(view.week).toMatchObject({ number: 3, off: true, budgetHours: 0, remainingHours: 0, tasks: [] });
  });

  it('share a week partly off pro rata over its open days, and place study only on those', () => {
    const profile = profileOf(curriculum, 'p', {
      hoursPerWeek: 7,
      startDate: '2027-01-04',
      weeksOff: [{ start: '2027-01-13', end: '2027-01-14' }],
    });
    expect(studyCalendar(profile).budgetCenti(studyCalendar(profile).firstMonday + 7)).toBe(500);
    const week = planFor(curriculum, profile).weeks[1];
    expect(week).toMatchObject({ start: '2027-01-11', hours: 5, offDays: ['2027-01-13', '2027-01-14'] });
    expect(openSpans(week ?? { start: '' })).toEqual([
      { start: '2027-01-11', end: '2027-01-13' },
      { start: '2027-01-15', end: '2027-01-18' },
    ]);
  });

  it('share a part week over the study days left in it, for a learner with study days', () => {
    const study = { days: ['mon', 'wed', 'sat'] as const, time: '19:00', timeZone: 'UTC', reminderMinutes: undefined };
    // Begun on Tuesday 2026-12-01: Wednesday and Saturday are left, two of the three study days.
    const profile = profileOf(curriculum, 'p', { hoursPerWeek: 10, startDate: '2026-12-01', study });
    const calendar = studyCalendar(profile);
    expect(calendar.budgetCenti(calendar.firstMonday)).toBe(667);
    expect(calendar.budgetCenti(calendar.firstMonday + 7)).toBe(1000);
    // Days off over Wednesday and Thursday of the next week leave two of three (Monday, Saturday).
    const off = studyCalendar({ ...profile, weeksOff: [{ start: '2026-12-09', end: '2026-12-10' }] });
    expect(off.budgetCenti(off.firstMonday + 7)).toBe(667);
    // Without study days, the six days left of seven.
    const plain = studyCalendar({ ...profile, study: undefined });
    expect(plain.budgetCenti(plain.firstMonday)).toBe(857);
  });
});

describe('hours logged this week without an item', () => {
  const profile = profileOf(curriculum, 'p', { hoursPerWeek: 10, startDate: '2027-01-04' });
  const general = (hours: number): ProgressState => ({
    ...logged([['2027-01-05', hours]]),
    loggedGeneral: new Map([['2027-01-05', hours]]),
  });

  it('come off the week’s first task as well as its budget, so studying leaves the finish where it was', () => {
    const before = planFor(curriculum, profile, logged([]), '2027-01-05');
    const after = planFor(curriculum, profile, general(3), '2027-01-05');
    expect(after.finishDate).toBe(before.finishDate);
    expect(sumHours(after.weeks[0]?.tasks ?? [])).toBe(7);
    expect(after.weeks[0]?.tasks[0]).toMatchObject({ key: before.weeks[0]?.tasks[0]?.key, hours: 7 });
    // Counted against the budget alone (a fold without them apart), they would move the finish later.
    expect(planFor(curriculum, profile, logged([['2027-01-05', 3]]), '2027-01-05').finishDate > before.finishDate).toBe(
      true,
    );
  });

  it('go first to the work ticked done this week, so a tick after them does not count them again', () => {
    // Three hours of study, then the first unit ticked with what the plan had left of it (7 h).
    const studied = planFor(curriculum, profile, general(3), '2027-01-05');
    expect(studied.weeks[0]?.tasks[0]).toMatchObject({ key: 'ra/p1', hours: 7 });
    const ticked: ProgressState = {
      ...general(3),
      items: new Map([['ra/p1', 'done']]),
      logged: [{ date: '2027-01-05', hours: 10 }],
      loggedByItem: new Map([
        ['', 3],
        ['ra/p1', 7],
      ]),
      doneOn: new Map([['ra/p1', '2027-01-05']]),
    };
    const plan = planFor(curriculum, profile, ticked, '2027-01-05');
    // The week's ten hours are spent; the next unit is whole, and the finish has not moved.
    expect(plan.weeks[0]?.tasks).toEqual([]);
    expect(plan.weeks[1]?.tasks[0]).toMatchObject({ key: 'ra/p2', hours: 10 });
    expect(plan.finishDate).toBe(studied.finishDate);
    // Ticked without its hours, the unit takes the three general hours all the same.
    const unlogged: ProgressState = {
      ...ticked,
      logged: [{ date: '2027-01-05', hours: 3 }],
      loggedByItem: new Map([['', 3]]),
    };
    expect(planFor(curriculum, profile, unlogged, '2027-01-05').weeks[0]?.tasks[0]).toMatchObject({
      key: 'ra/p2',
      hours: 7,
    });
  });

  it('go to a resource ticked whole this week before the next one', () => {
    const whole: ProgressState = {
      ...general(3),
      items: new Map([['ra', 'done']]),
      doneOn: new Map([['ra', '2027-01-05']]),
    };
    const plan = planFor(curriculum, profile, whole, '2027-01-05');
    expect(sumHours(plan.weeks.flatMap((w) => w.tasks).filter((t) => t.resource === 'rb'))).toBe(30);
  });

  it('still come off this week’s work when the tick was the week before', () => {
    const earlier: ProgressState = {
      ...general(3),
      items: new Map([['ra/p1', 'done']]),
      doneOn: new Map([['ra/p1', '2027-01-01']]),
    };
    const plan = planFor(curriculum, { ...profile, startDate: '2026-12-28' }, earlier, '2027-01-05');
    expect(plan.weeks[0]?.tasks[0]).toMatchObject({ key: 'ra/p2', hours: 7 });
  });

  it('fill the week when they reach its budget, leaving a tenth of its work for the next', () => {
    const plan = planFor(curriculum, profile, general(10), '2027-01-05');
    expect(plan.weeks[0]?.tasks).toEqual([]);
    expect(plan.weeks[1]?.tasks[0]).toMatchObject({ key: 'ra/p1', hours: 1 });
  });
});

describe('currentWeekView', () => {
  const profile = profileOf(curriculum, 'p', { hoursPerWeek: 10, startDate: '2027-01-04' });

  it('mid-week shows what remains of the week after the hours logged in it, not a fresh week', () => {
    const progress = logged([
      ['2027-02-01', 2],
      ['2027-02-02', 1.5],
      ['2027-01-31', 4], // the Sunday before: last week's
    ]);
    const plan = planFor(curriculum, profile, progress, '2027-02-03');
    expect(plan.weeks[0]?.start).toBe('2027-02-01');
    expect(plan.weeks[0]?.hours).toBeCloseTo(6.5, 5);
    const view = currentWeekView({ profile, plan, logged: progress.logged, today: '2027-02-03' });
    expect(view).toMatchObject({ today: '2027-02-03', beforeStart: false });
    expect(view.week).toMatchObject({
      number: 5,
      start: '2027-02-01',
      end: '2027-02-07',
      off: false,
      budgetHours: 10,
      loggedHours: 3.5,
      remainingHours: 6.5,
    });
    expect(sumHours(view.week?.tasks ?? [])).toBeCloseTo(6.5, 5);
  });

  it('puts nothing more in a week whose hours are all logged', () => {
    const progress = logged([['2027-02-01', 12]]);
    const plan = planFor(curriculum, profile, progress, '2027-02-03');
    const view = currentWeekView({ profile, plan, logged: progress.logged, today: '2027-02-03' });
    expect(view.week).toMatchObject({ loggedHours: 12, remainingHours: 0, tasks: [] });
    expect(plan.weeks[1]?.hours).toBe(10);
  });

  it('before the start date shows the first week as upcoming', () => {
    const later = profileOf(curriculum, 'p', { hoursPerWeek: 10, startDate: '2027-03-03' });
    const plan = planFor(curriculum, later, logged([]), '2027-02-10');
    const view = currentWeekView({ profile: later, plan, logged: [], today: '2027-02-10' });
    expect(view.beforeStart).toBe(true);
    expect(view.week).toMatchObject({ number: 1, start: '2027-03-01', end: '2027-03-07' });
    // Wednesday to Sunday of the first week are open: 5/7 of 10 h.
    expect(view.week?.budgetHours).toBeCloseTo(7.14, 2);
    expect(sumHours(view.week?.tasks ?? [])).toBeCloseTo(7.14, 2);
  });

  it('is null without a profile', () => {
    expect(currentWeekView({ profile: undefined, plan: undefined, logged: [], today: '2027-01-05' })).toEqual({
      today: '2027-01-05',
      beforeStart: false,
      week: null,
    });
  });
});

describe('weekNumber', () => {
  it('counts calendar weeks from the Monday of the real start date', () => {
    expect(weekNumber({ startDate: '2027-01-06' }, '2027-01-04')).toBe(1);
    expect(weekNumber({ startDate: '2027-01-06' }, '2027-01-10')).toBe(1);
    expect(weekNumber({ startDate: '2027-01-06' }, '2027-01-11')).toBe(2);
    expect(weekNumber({ startDate: '2027-01-04' }, '2027-03-08')).toBe(10);
  });
});

describe('hoursLoggedByWeek', () => {
  it('gives each week the very sum hoursLoggedBetween gives over its Monday to Sunday', () => {
    const entry = fc.record({
      date: fc.integer({ min: 0, max: 120 }).map((n) => addDays('2026-11-02', n)),
      hours: fc.oneof(fc.constantFrom(0.1, 0.2, 0.7, 1.3, 2.25), fc.double({ min: 0.01, max: 24, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (logged) => {
        const byWeek = hoursLoggedByWeek(logged);
        for (const monday of new Set(logged.map((l) => weekStart(l.date))))
          expect(Object.is(byWeek.get(monday), hoursLoggedBetween(logged, monday, addDays(monday, 6)))).toBe(true);
        expect([...byWeek.keys()].every((k) => weekStart(k) === k)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
