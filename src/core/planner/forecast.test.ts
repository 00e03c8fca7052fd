import { describe, expect, it } from 'vitest';
import type { ProgressState } from '../plan-model.js';
import { forecastFrom } from './forecast.js';
import { observedPace, planFor } from './plan.js';
import { miniCurriculum, profileOf } from './test-support/fixtures.js';

const c = miniCurriculum();
const profile = profileOf(c, 'from-scratch');

describe('forecastFrom', () => {
  it('with no progress on the start date, forecasts the first plan unchanged', () => {
    const f = forecastFrom(c, profile, { skills: new Map(), items: new Map(), logged: [] }, '2027-01-04');
    expect(f.finishDate).toBe(f.originalFinishDate);
    expect(f.movedDays).toBe(0);
    expect(f.pace).toBe(1);
    expect(f.remainingHours).toBe(planFor(c, profile).totalHours);
  });

  it('measures pace as logged hours over the estimate of finished work and stretches what is left', () => {
    // cs: 40 h x 1.5 = 60 estimated; the learner logged 90 h on it: pace 1.5.
    const progress: ProgressState = {
      skills: new Map(),
      items: new Map([['cs', 'done']]),
      logged: [{ date: '2027-02-20', hours: 90, item: 'cs' }],
    };
    expect(observedPace(c, profile, progress).pace).toBeCloseTo(1.5, 5);
    const f = forecastFrom(c, profile, progress, '2027-03-01');
    expect(f.pace).toBeCloseTo(1.5, 5);
    expect(f.doneHours).toBe(60);
    expect(f.movedDays).toBeGreaterThan(0);
    expect(f.finishDate > f.originalFinishDate).toBe(true);
    expect(f.plan.startDate).toBe('2027-03-01');
    // Study hours stretch by the pace; time boxes (projects, job search) do not.
    const ml = f.plan.weeks.flatMap((w) => w.tasks).filter((t) => t.resource === 'ml');
    expect(ml.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(50 * 1.5 * 1.5, 1);
    expect(f.plan.projects?.[0]?.hours).toBeCloseTo(87, 1);
  });

  it('moves the finish earlier for a fast learner', () => {
    const progress: ProgressState = {
      skills: new Map(),
      items: new Map([['cs', 'done']]),
      logged: [{ date: '2027-01-20', hours: 36, item: undefined }],
    };
    const f = forecastFrom(c, profile, progress, '2027-01-25');
    expect(f.pace).toBeCloseTo(0.6, 5);
    expect(f.movedDays).toBeLessThan(0);
  });

  it('clamps an extreme pace and ignores hours logged on unfinished work', () => {
    const slow: ProgressState = {
      skills: new Map(),
      items: new Map([['cs', 'done']]),
      logged: [
        { date: '2027-02-20', hours: 600, item: 'cs' },
        { date: '2027-02-21', hours: 50, item: 'ml' },
      ],
    };
    expect(forecastFrom(c, profile, slow, '2027-03-01').pace).toBe(2);
  });

  it('keeps pace at 1 until there is enough finished work to judge', () => {
    const progress: ProgressState = {
      skills: new Map(),
      items: new Map([['py-book', 'done']]),
      logged: [{ date: '2027-01-10', hours: 1, item: 'py-book' }],
    };
    // py-book: 6 h x 1.5 = 9 h estimated; 1 h logged would be a pace of 0.11: clamped, not trusted blindly.
    const pace = observedPace(c, profile, progress).pace;
    expect(pace).toBe(0.5);
    const tiny: ProgressState = {
      skills: new Map(),
      items: new Map(),
      logged: [{ date: '2027-01-10', hours: 3, item: undefined }],
    };
    expect(observedPace(c, profile, tiny).pace).toBe(1);
  });
});
