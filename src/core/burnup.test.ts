import { describe, expect, it } from 'vitest';
import { burnupOf } from './burnup.js';
import type { ProgressEvent } from './progress-model.js';
import { progressStats } from './progress.js';
import { observedPace, planFor } from './planner/plan.js';
import { fixture, profileOf } from './planner/test-support/fixtures.js';

const curriculum = fixture({
  skills: { a: [], b: ['a'] },
  resources: {
    ra: {
      hours: 20,
      teaches: ['a'],
      units: [
        ['u1', 10, ['a']],
        ['u2', 10, ['a']],
      ],
    },
    rb: { hours: 20, teaches: ['b'] },
  },
  stages: [{ id: 's', skills: ['a', 'b'], resources: ['ra', 'rb'] }],
  startingPoints: [{ id: 'p', effortFactor: 1 }],
});
const profile = profileOf(curriculum, 'p', { hoursPerWeek: 10, startDate: '2027-01-04' });
const original = planFor(curriculum, profile);

let n = 0;
const event = (type: ProgressEvent['type'], at: string, extra: Partial<ProgressEvent> = {}): ProgressEvent => ({
  id: `e${++n}`,
  type,
  at: `${at}T10:00:00.000Z`,
  item: undefined,
  hours: undefined,
  date: undefined,
  text: undefined,
  undoes: undefined,
  ...extra,
});

describe('burnupOf', () => {
  it('counts "done" as planned hours of finished work and "hours logged" as logged, cumulative by calendar week', () => {
    const events = [
      event('done', '2027-01-06', { item: 'ra/u1' }),
      event('hours', '2027-01-06', { hours: 14, date: '2027-01-06' }),
      event('hours', '2027-01-12', { hours: 3, date: '2027-01-12' }),
    ];
    const today = '2027-01-13';
    const stats = progressStats(events, curriculum, today);
    const forecast = planFor(curriculum, profile, stats, today);
    const points = burnupOf({ original, forecast, doneOn: stats.doneOn, logged: stats.logged, today });
    expect(points.map((p) => p.week).slice(0, 3)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
    // Ticking a 10-hour unit is 10 hours done, though 14 were logged for it.
    expect(points[0]).toMatchObject({ doneHours: 10, loggedHours: 14, plannedHours: 10, forecastHours: null });
    expect(points[1]).toMatchObject({ doneHours: 10, loggedHours: 17, plannedHours: 20 });
    expect(points[2]).toMatchObject({ doneHours: null, loggedHours: null });
    expect(points.at(-1)?.plannedHours).toBe(40);
  });

  it('counts hours logged for an earlier day after a later one (a filled-in week) in the week they belong to', () => {
    const events = [
      event('hours', '2027-01-12', { hours: 3, date: '2027-01-12' }),
      event('hours', '2027-01-12', { hours: 14, date: '2027-01-06' }),
      event('hours', '2027-01-13', { hours: 1.5, date: '2027-01-05' }),
    ];
    const today = '2027-01-13';
    const stats = progressStats(events, curriculum, today);
    // The fold keeps days in the order they were first logged: the later day comes first here.
    expect(stats.logged.map((l) => l.date)).toEqual(['2027-01-12', '2027-01-06', '2027-01-05']);
    const forecast = planFor(curriculum, profile, stats, today);
    const points = burnupOf({ original, forecast, doneOn: stats.doneOn, logged: stats.logged, today });
    expect(points.slice(0, 3).map((p) => p.loggedHours)).toEqual([15.5, 18.5, null]);
  });

  it('earns a part-done task its share for a skill marked done that no whole task teaches, as the pace does', () => {
    const wide = fixture({
      skills: { a: [], b: [] },
      resources: { book: { hours: 20, teaches: ['a', 'b'] } },
      stages: [{ id: 's', skills: ['a', 'b'], resources: ['book'] }],
      startingPoints: [{ id: 'p', effortFactor: 1 }],
    });
    const p = profileOf(wide, 'p', { hoursPerWeek: 10, startDate: '2027-01-04' });
    const first = planFor(wide, p);
    // One of the book's two skills in the first week, the book itself ticked in the second.
    const events = [event('done', '2027-01-06', { item: 'a' }), event('done', '2027-01-13', { item: 'book' })];
    const today = '2027-01-20';
    const stats = progressStats(events, wide, today);
    const points = burnupOf({
      original: first,
      forecast: planFor(wide, p, stats, today),
      doneOn: stats.doneOn,
      logged: stats.logged,
      today,
    });
    expect(points[0]?.doneHours).toBe(10);
    expect(points[1]?.doneHours).toBe(20);
    expect(observedPace(wide, p, { ...stats, items: new Map() }).doneHours).toBe(10);
  });

  it('earns the later units of a skill marked done only as far as hours were logged, as the pace does', () => {
    // Skill a is taught by both units of ra. Week 1: u1 studied and ticked, a marked done, 10 h on u1.
    // Week 2: 4 h of general study, which may have gone to u2. Week 3: 10 h more, past all u2 could take.
    const events = [
      event('done', '2027-01-06', { item: 'ra/u1' }),
      event('done', '2027-01-06', { item: 'a' }),
      event('hours', '2027-01-06', { hours: 10, date: '2027-01-06', item: 'ra/u1' }),
      event('hours', '2027-01-13', { hours: 4, date: '2027-01-13' }),
      event('hours', '2027-01-20', { hours: 10, date: '2027-01-20' }),
    ];
    const today = '2027-01-20';
    const stats = progressStats(events, curriculum, today);
    const points = burnupOf({
      original,
      forecast: planFor(curriculum, profile, stats, today),
      doneOn: stats.doneOn,
      logged: stats.logged,
      today,
    });
    expect(points.slice(0, 3).map((p) => p.doneHours)).toEqual([10, 14, 20]);
    const secondWeek = progressStats(events.slice(0, 4), curriculum, '2027-01-13');
    expect(observedPace(curriculum, profile, secondWeek).doneHours).toBe(14);
  });
});
