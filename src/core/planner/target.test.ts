import { describe, expect, it } from 'vitest';
import type { ProgressState } from '../plan-model.js';
import { planFor } from './plan.js';
import { hoursNeededFor, NO_STUDY_WARNING_DAYS, studyWarnings, targetOutlook } from './target.js';
import { miniCurriculum, profileOf } from './test-support/fixtures.js';

const c = miniCurriculum();
const none: ProgressState = { skills: new Map(), items: new Map(), logged: [], loggedByItem: new Map() };
const TODAY = '2027-01-04';

describe('hoursNeededFor', () => {
  it('a target date yields the fewest weekly hours that finish by it', () => {
    const profile = profileOf(c, 'from-scratch', { hoursPerWeek: 10 });
    const plan = planFor(c, profile, none, TODAY);
    // A target well before the finish at 10 h a week needs more hours; the plan at them makes it.
    const target = '2027-09-01';
    expect(plan.finishDate > target).toBe(true);
    const hours = hoursNeededFor(c, profile, none, TODAY, target);
    expect(hours).not.toBeNull();
    expect(hours).toBeGreaterThan(10);
    const at = (h: number) => planFor(c, { ...profile, hoursPerWeek: h }, none, TODAY).finishDate;
    expect(at(hours ?? 0) <= target).toBe(true);
    expect(at((hours ?? 0) - 0.5) > target).toBe(true);
    // A later target needs fewer hours.
    expect(hoursNeededFor(c, profile, none, TODAY, '2028-06-01')).toBeLessThan(hours ?? 0);
  });

  it('finds the fewest hours for targets near and far, with or without the finish at the planned hours', () => {
    const profile = profileOf(c, 'from-scratch', { hoursPerWeek: 10 });
    const at = (h: number) => planFor(c, { ...profile, hoursPerWeek: h }, none, TODAY).finishDate;
    const finish = at(10);
    for (const target of [
      '2027-03-01',
      '2027-04-15',
      '2027-06-01',
      '2027-10-20',
      '2027-11-05',
      '2028-03-01',
      '2029-06-01',
    ]) {
      for (const given of [undefined, finish]) {
        const hours = hoursNeededFor(c, profile, none, TODAY, target, given);
        if (at(100) > target) {
          expect(hours, target).toBeNull();
          continue;
        }
        expect(hours, target).not.toBeNull();
        expect(at(hours ?? 0) <= target, target).toBe(true);
        if ((hours ?? 0) > 0.5) expect(at((hours ?? 0) - 0.5) > target, target).toBe(true);
      }
    }
  });

  it('says none when even the most hours a week cannot make the date', () => {
    const profile = profileOf(c, 'from-scratch');
    expect(hoursNeededFor(c, profile, none, TODAY, '2027-01-20')).toBeNull();
  });
});

describe('targetOutlook', () => {
  it('is on track when the finish comes by the target, behind otherwise, and names the hours either way', () => {
    const profile = profileOf(c, 'from-scratch', { hoursPerWeek: 10 });
    const finishDate = planFor(c, profile, none, TODAY).finishDate;
    const ahead = targetOutlook({
      curriculum: c,
      profile: { ...profile, targetDate: '2030-01-01' },
      progress: none,
      today: TODAY,
      finishDate,
      p50: null,
    });
    expect(ahead).toMatchObject({ date: '2030-01-01', finish: finishDate, onTrack: true, optional: [] });
    expect(ahead?.hoursPerWeekNeeded).toBeLessThanOrEqual(10);
    const behind = targetOutlook({
      curriculum: c,
      profile: { ...profile, targetDate: '2027-09-01' },
      progress: none,
      today: TODAY,
      finishDate,
      p50: '2028-03-01',
    });
    expect(behind).toMatchObject({ onTrack: false, finish: '2028-03-01' });
    // The bedside reading is the optional work; skipping its 9 hours saves a week, not the two months needed.
    expect(behind?.optional).toEqual([{ resource: 'py-book', hours: 9 }]);
    expect(behind?.optionalEnough).toBe(false);
    const close = targetOutlook({
      curriculum: c,
      profile: { ...profile, targetDate: '2027-11-01' },
      progress: none,
      today: TODAY,
      finishDate,
      p50: null,
    });
    expect(close).toMatchObject({
      onTrack: false,
      optional: [{ resource: 'py-book', hours: 9 }],
      optionalEnough: true,
    });
    expect(behind?.hoursPerWeekNeeded).toBeGreaterThan(10);
    expect(targetOutlook({ curriculum: c, profile, progress: none, today: TODAY, finishDate, p50: null })).toBeNull();
  });
});

describe('studyWarnings', () => {
  const profile = profileOf(c, 'from-scratch', { hoursPerWeek: 10 });
  const base = { profile, target: null, p90: null, next: 'cs' };

  it('warns after two weeks of open days without study, with the task to pick up', () => {
    const quiet = studyWarnings({ ...base, today: '2027-02-15', activeDays: ['2027-01-31'] });
    expect(quiet).toEqual([
      { kind: 'no-study', days: 15, lastStudy: '2027-01-31', hoursPerWeekNeeded: null, next: 'cs' },
    ]);
    expect(studyWarnings({ ...base, today: '2027-02-13', activeDays: ['2027-01-31'] })).toEqual([]);
    expect(NO_STUDY_WARNING_DAYS).toBe(14);
  });

  it('offers catch-up hours with the no-study warning only when the planned hours no longer make the target', () => {
    const target = {
      date: '2027-12-01',
      finish: '2027-11-20',
      onTrack: true,
      hoursPerWeek: 10,
      hoursPerWeekNeeded: 8,
      optional: [],
      optionalEnough: false,
    };
    const quiet = { ...base, today: '2027-02-15', activeDays: ['2027-01-31'] };
    expect(studyWarnings({ ...quiet, target })[0]).toMatchObject({ kind: 'no-study', hoursPerWeekNeeded: null });
    const short = { ...target, hoursPerWeekNeeded: 12 };
    expect(studyWarnings({ ...quiet, target: short })[0]).toMatchObject({ kind: 'no-study', hoursPerWeekNeeded: 12 });
  });

  it('says study logged without an item that no tick accounts for once it is what the task at hand has left', () => {
    const general = (pool: number) => ({ pool, bySkills: 0, underWayCap: 12 });
    const title = { en: 'A unit' };
    const at = (pool: number, hoursLeft = 8, next: string | null = 'cs') =>
      studyWarnings({
        ...base,
        next,
        today: '2027-02-01',
        activeDays: ['2027-02-01'],
        general: general(pool),
        atHand: { hoursLeft, title },
      });
    expect(at(7.5)).toEqual([]);
    expect(at(8)).toEqual([{ kind: 'unticked', hours: 8, underWay: 8, next: 'cs', title }]);
    // Beyond the cap the plan counts no more of it as under way: the warning says how much it counts.
    expect(at(20)).toEqual([{ kind: 'unticked', hours: 20, underWay: 12, next: 'cs', title }]);
    // Hours logged on the task itself leave less of it: less study without an item is enough to ask.
    expect(at(3, 2)).toEqual([{ kind: 'unticked', hours: 3, underWay: 3, next: 'cs', title }]);
    // Nothing left to tick, or no study without an item: nothing to say.
    expect(at(20, 8, null)).toEqual([]);
    expect(at(0, 0)).toEqual([]);
  });

  it('does not count declared days off as days without study', () => {
    const away = { ...profile, weeksOff: [{ start: '2027-02-01', end: '2027-02-14' }] };
    expect(studyWarnings({ ...base, profile: away, today: '2027-02-15', activeDays: ['2027-01-31'] })).toEqual([]);
    // Nor on a day off itself, however long since the last study.
    const resting = { ...profile, weeksOff: [{ start: '2027-02-15', end: '2027-02-21' }] };
    expect(studyWarnings({ ...base, profile: resting, today: '2027-02-16', activeDays: ['2027-01-20'] })).toEqual([]);
  });

  it('warns when the finish slips past the target date, and early when the range reaches past it', () => {
    const target = {
      date: '2027-12-01',
      finish: '2027-12-20',
      onTrack: false,
      hoursPerWeek: 10,
      hoursPerWeekNeeded: 12,
      optional: [],
      optionalEnough: false,
    };
    expect(studyWarnings({ ...base, target, today: TODAY, activeDays: [TODAY] })).toEqual([
      { kind: 'behind-target', finish: '2027-12-20', target: '2027-12-01', hoursPerWeekNeeded: 12 },
    ]);
    const onTrack = { ...target, finish: '2027-11-20', onTrack: true };
    expect(studyWarnings({ ...base, target: onTrack, p90: '2027-12-10', today: TODAY, activeDays: [TODAY] })).toEqual([
      { kind: 'target-at-risk', p90: '2027-12-10', target: '2027-12-01', hoursPerWeekNeeded: 12 },
    ]);
  });
});
