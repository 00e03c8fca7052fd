import { describe, expect, it } from 'vitest';
import type { ProgressState } from '../plan-model.js';
import { forecastFrom } from './forecast.js';
import { observedPace, planFor } from './plan.js';
import { miniCurriculum, profileOf } from './test-support/fixtures.js';

const c = miniCurriculum();
const profile = profileOf(c, 'from-scratch');

describe('forecastFrom', () => {
  it('with no progress on the start date, forecasts the first plan unchanged', () => {
    const f = forecastFrom(
      c,
      profile,
      { skills: new Map(), items: new Map(), logged: [], loggedByItem: new Map() },
      '2027-01-04',
    );
    expect(f.finishDate).toBe(f.originalFinishDate);
    expect(f.movedDays).toBe(0);
    expect(f.pace).toBe(1);
    expect(f.remainingHours).toBe(planFor(c, profile).totalHours);
  });

  it('measures pace as logged hours over the estimate of finished work and stretches what is left', () => {
    // cs: 40 h x 1.5 = 60 estimated; the learner logged 90 h on it: 1.5, shrunk towards 1 by the
    // 20-hour prior: (90 + 20) / (60 + 20) = 1.375.
    const progress: ProgressState = {
      skills: new Map(),
      items: new Map([['cs', 'done']]),
      logged: [{ date: '2027-02-20', hours: 90 }],
      loggedByItem: new Map([['cs', 90]]),
    };
    expect(observedPace(c, profile, progress).pace).toBeCloseTo(1.375, 5);
    const f = forecastFrom(c, profile, progress, '2027-03-01');
    expect(f.pace).toBeCloseTo(1.375, 5);
    expect(f.doneHours).toBe(60);
    expect(f.movedDays).toBeGreaterThan(0);
    expect(f.finishDate > f.originalFinishDate).toBe(true);
    expect(f.plan.startDate).toBe('2027-03-01');
    // Study hours stretch by the pace; time boxes (projects, job search) do not.
    const ml = f.plan.weeks.flatMap((w) => w.tasks).filter((t) => t.resource === 'ml');
    expect(ml.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(50 * 1.5 * 1.375, 1);
    expect(f.plan.projects?.[0]?.hours).toBeCloseTo(87, 1);
  });

  it('moves the finish earlier for a fast learner', () => {
    const progress: ProgressState = {
      skills: new Map(),
      items: new Map([['cs', 'done']]),
      logged: [{ date: '2027-01-20', hours: 36 }],
      loggedByItem: new Map([['', 36]]),
    };
    const f = forecastFrom(c, profile, progress, '2027-01-25');
    // 36 h logged for 60 h estimated: (36 + 20) / (60 + 20) = 0.7.
    expect(f.pace).toBeCloseTo(0.7, 5);
    expect(f.movedDays).toBeLessThan(0);
  });

  it('clamps an extreme pace and ignores hours logged on unfinished work', () => {
    const slow: ProgressState = {
      skills: new Map(),
      items: new Map([['cs', 'done']]),
      logged: [
        { date: '2027-02-20', hours: 600 },
        { date: '2027-02-21', hours: 50 },
      ],
      loggedByItem: new Map([
        ['cs', 600],
        ['ml', 50],
      ]),
    };
    expect(forecastFrom(c, profile, slow, '2027-03-01').pace).toBe(2);
  });

  it('keeps pace at 1 until there is enough finished work to judge', () => {
    const progress: ProgressState = {
      skills: new Map(),
      items: new Map([['py-book', 'done']]),
      logged: [{ date: '2027-01-10', hours: 1 }],
      loggedByItem: new Map([['py-book', 1]]),
    };
    // py-book: 6 h x 1.5 = 9 h estimated; 1 h logged would be a pace of 0.11: too little to judge.
    expect(observedPace(c, profile, progress).pace).toBe(1);
    const tiny: ProgressState = {
      skills: new Map(),
      items: new Map(),
      logged: [{ date: '2027-01-10', hours: 3 }],
      loggedByItem: new Map([['', 3]]),
    };
    expect(observedPace(c, profile, tiny).pace).toBe(1);
  });

  it('does not pull the finish months earlier when a known skill is marked done with little time logged', () => {
    // A learner ticks off cs (60 h estimated), which they already knew, and logs 1.5 h of study.
    const progress: ProgressState = {
      skills: new Map(),
      items: new Map([['cs', 'done']]),
      logged: [{ date: '2027-01-10', hours: 1.5 }],
      loggedByItem: new Map([['', 1.5]]),
    };
    const f = forecastFrom(c, profile, progress, '2027-01-11');
    expect(f.pace).toBe(1);
    // The finish moves only by the work taken off, never by a pace read from 1.5 hours.
    expect(f.plan.totalHours).toBeCloseTo(planFor(c, profile).totalHours - 60, 1);
    // With a week of study logged, the pace speaks, but softly: (12 + 20) / (60 + 20) = 0.4 -> 0.5.
    const week: ProgressState = {
      ...progress,
      logged: [{ date: '2027-01-10', hours: 12 }],
      loggedByItem: new Map([['', 12]]),
    };
    expect(forecastFrom(c, profile, week, '2027-01-11').pace).toBe(0.5);
  });

  it('takes hours logged on an unfinished task off what is left of it', () => {
    const progress: ProgressState = {
      skills: new Map(),
      items: new Map([['ml', 'learning']]),
      logged: [{ date: '2027-02-20', hours: 30 }],
      loggedByItem: new Map([['ml', 30]]),
    };
    const f = forecastFrom(c, profile, progress, '2027-03-01');
    const ml = f.plan.weeks.flatMap((w) => w.tasks).filter((t) => t.resource === 'ml');
    // 50 h x 1.5 = 75 h estimated, 30 h logged: 45 h left (pace stays 1: nothing is finished).
    expect(ml.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(45, 1);
    const most: ProgressState = {
      ...progress,
      logged: [{ date: '2027-02-20', hours: 200 }],
      loggedByItem: new Map([['ml', 200]]),
    };
    const left = forecastFrom(c, profile, most, '2027-03-01')
      .plan.weeks.flatMap((w) => w.tasks)
      .filter((t) => t.resource === 'ml');
    expect(left.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(7.5, 1);
  });
});
