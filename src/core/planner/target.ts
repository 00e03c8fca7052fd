/**
 * @module planner/target
 * A target date and the warnings that keep a learner on course. Pure: today and progress are arguments.
 * - **Hours needed**: the fewest weekly hours (in half hours) whose re-plan, at the learner's own pace,
 *   finishes by the target date; none when even MAX_HOURS_PER_WEEK cannot.
 * - **Optional work**: when the profile's weekly hours cannot make it, the optional work (bedside reading,
 *   done a little each week alongside the rest) that would have to go, and whether skipping it (its hours
 *   leave the plan) is enough at the profile's weekly hours.
 * - **Warnings**: the finish (the range's p50, else the forecast's date) past the target; the target
 *   inside the range (p90 past it: at risk, said early); two weeks of open days without any study (not
 *   said on a day off).
 */
import type { Curriculum, Text } from '../model.js';
import type { Profile, ProgressState } from '../plan-model.js';
import { addDays, daysBetween, toDayNumber } from '../dates.js';
import { studyCalendar } from '../weeks.js';
import { planFor } from './plan.js';
import type { GeneralStudy, PlanOptions } from './plan.js';
import { MAX_HOURS_PER_WEEK } from './profile.js';

/** Days of study missed (open days with no activity) before mlpath warns. */
export const NO_STUDY_WARNING_DAYS = 14;
/** Weekly hours are searched in steps of this many hours. */
const HOURS_STEP = 0.5;

export interface OptionalWork {
  /** A resource id. */
  readonly resource: string;
  /** Its hours left in the plan. */
  readonly hours: number;
}

export interface TargetOutlook {
  /** The target date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The finish compared with it: the range's p50, else the forecast's finish date. */
  readonly finish: string;
  readonly onTrack: boolean;
  /** The weekly hours the profile plans with. */
  readonly hoursPerWeek: number;
  /** The fewest weekly hours that finish by the target at the learner's pace; null when none can. */
  readonly hoursPerWeekNeeded: number | null;
  /** Optional work that would have to go, when the profile's hours cannot make the target; else empty. */
  readonly optional: readonly OptionalWork[];
  /** Whether dropping `optional` makes the target at the profile's weekly hours. */
  readonly optionalEnough: boolean;
}

export type StudyWarning =
  | {
      /** The finish (p50) is past the target date. */
      readonly kind: 'behind-target';
      readonly finish: string;
      readonly target: string;
      readonly hoursPerWeekNeeded: number | null;
    }
  | {
      /** The finish is on time but the range's p90 is past the target: one week in ten or more runs late. */
      readonly kind: 'target-at-risk';
      readonly p90: string;
      readonly target: string;
      readonly hoursPerWeekNeeded: number | null;
    }
  | {
      /**
       * Study logged without an item that no tick accounts for (`generalPool`), as much as the task at
       * hand takes or more: finished work left unticked, likely. The plan counts `underWay` of those
       * hours as work under way, and none of the rest until ticks account for it.
       */
      readonly kind: 'unticked';
      readonly hours: number;
      readonly underWay: number;
      /** The task at hand (its progress key), when the plan has one. */
      readonly next: string | null;
      /** Its title, as plans name tasks (`itemTitleWords`). */
      readonly title: Text | null;
    }
  | {
      /** No study (hours, marks or ticks) on `days` open days in a row. */
      readonly kind: 'no-study';
      readonly days: number;
      /** The last day with any study, or null when there was none yet. */
      readonly lastStudy: string | null;
      /** With a target date the planned hours no longer make: the weekly hours that catch up with it. */
      readonly hoursPerWeekNeeded: number | null;
      /** The task to pick up again (its progress key), when the plan has one. */
      readonly next: string | null;
    };

function finishAt(
  curriculum: Curriculum,
  profile: Profile,
  progress: ProgressState,
  today: string,
  hours: number,
  options: PlanOptions,
) {
  return planFor(curriculum, { ...profile, hoursPerWeek: hours, study: undefined }, progress, today, options)
    .finishDate;
}

/**
 * The fewest weekly hours (in half hours) that finish by `target`, or null when MAX_HOURS_PER_WEEK cannot.
 * More hours never finish later, so it is a search. A plan's length is close to fixed weeks (projects,
 * the job search) plus hours over hours a week, `days ≈ a + b / hours`: fitted through the last two
 * re-plans, that points at the answer within a step or two; halving settles the rest. `finishDate` is the
 * finish at the profile's hours, when the caller has it.
 */
export function hoursNeededFor(
  curriculum: Curriculum,
  profile: Profile,
  progress: ProgressState,
  today: string,
  target: string,
  finishDate?: string,
  /** What the plans are made with besides the profile (the review time reserved each week). */
  options: PlanOptions = {},
): number | null {
  const max = Math.round(MAX_HOURS_PER_WEEK / HOURS_STEP);
  const days = new Map<number, number>();
  const daysAt = (steps: number): number => {
    let d = days.get(steps);
    if (d === undefined) {
      d = daysBetween(today, finishAt(curriculum, profile, progress, today, steps * HOURS_STEP, options));
      days.set(steps, d);
    }
    return d;
  };
  const goal = daysBetween(today, target);
  const makes = (steps: number): boolean => daysAt(steps) <= goal;
  const own = profile.hoursPerWeek / HOURS_STEP;
  const ownDays = finishDate !== undefined ? daysBetween(today, finishDate) : undefined;
  if (ownDays !== undefined && Number.isInteger(own)) days.set(own, ownDays);
  // Two points of the curve: the profile's hours, and the hours a plain ratio of the days suggests.
  let p1 = { h: own, d: ownDays ?? daysAt(Math.max(1, Math.round(own))) };
  let steps = Math.min(max, Math.max(1, Math.ceil((own * Math.max(1, p1.d)) / Math.max(1, goal))));
  let low = 0; // known not to make it (0 h never does)
  let high = max + 1; // known to make it (max + 1: not known yet)
  for (let i = 0; i < 4 && high - low > 1; i++) {
    if (makes(steps)) high = Math.min(high, steps);
    else low = Math.max(low, steps);
    const p2 = { h: steps, d: daysAt(steps) };
    const b = p1.h === p2.h ? 0 : (p1.d - p2.d) / (1 / p1.h - 1 / p2.h);
    const a = p2.d - b / p2.h;
    const aim = goal > a && b > 0 ? b / (goal - a) : high <= max ? high - 1 : max;
    const next = Math.min(high - 1, Math.max(low + 1, Math.ceil(aim)));
    if (next <= low || next >= high) break;
    p1 = p2;
    steps = next;
  }
  if (high > max) {
    if (!makes(max)) return null;
    high = max;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (makes(mid)) high = mid;
    else low = mid;
  }
  return high * HOURS_STEP;
}

/** Where the learner stands against their target date; null without one. */
export function targetOutlook(input: {
  readonly curriculum: Curriculum;
  readonly profile: Profile;
  readonly progress: ProgressState;
  readonly today: string;
  /** The forecast's finish date (the re-plan at the profile's hours and the learner's pace). */
  readonly finishDate: string;
  /** The range's p50, when there is a range. */
  readonly p50: string | null;
  /** What the forecast's plans are made with besides the profile (the review time reserved each week). */
  readonly options?: PlanOptions;
}): TargetOutlook | null {
  const { curriculum, profile, progress, today } = input;
  const options = input.options ?? {};
  const date = profile.targetDate;
  if (date === undefined) return null;
  const finish = input.p50 ?? input.finishDate;
  const hoursPerWeekNeeded = hoursNeededFor(curriculum, profile, progress, today, date, input.finishDate, options);
  const fits = hoursPerWeekNeeded !== null && hoursPerWeekNeeded <= profile.hoursPerWeek;
  let optional: OptionalWork[] = [];
  let optionalEnough = false;
  if (!fits) {
    const plan = planFor(curriculum, profile, progress, today, options);
    const hours = new Map<string, number>();
    for (const week of plan.weeks)
      for (const task of week.tasks)
        if (task.kind === 'ambient') hours.set(task.resource, (hours.get(task.resource) ?? 0) + task.hours);
    optional = [...hours].map(([resource, h]) => ({ resource, hours: Math.round(h * 10) / 10 }));
    if (optional.length > 0) {
      // As if the learner skipped it: skipped work drops out of the plan, the rest stays as it is.
      const items = new Map(progress.items);
      for (const o of optional) items.set(o.resource, 'skipped');
      const lighter = planFor(curriculum, profile, { ...progress, items }, today, options);
      optionalEnough = lighter.finishDate <= date;
    }
  }
  return {
    date,
    finish,
    onTrack: finish <= date,
    hoursPerWeek: profile.hoursPerWeek,
    hoursPerWeekNeeded,
    optional,
    optionalEnough,
  };
}

/** The warnings for today: behind or at risk against the target date, and two weeks without study. */
export function studyWarnings(input: {
  readonly profile: Profile;
  readonly today: string;
  readonly target: TargetOutlook | null;
  /** The range's p90, when there is a range. */
  readonly p90: string | null;
  /** Days with any study activity, ascending. */
  readonly activeDays: readonly string[];
  /** The first task of the current plan, as its progress key. */
  readonly next: string | null;
  /** How the study logged without an item stands (`generalPool`), when the caller read it. */
  readonly general?: GeneralStudy;
  /** The task at hand (`next`): the hours its estimate leaves after those logged on it (`hoursLeftOn`), and its title. */
  readonly atHand?: { readonly hoursLeft: number; readonly title: Text | undefined };
}): StudyWarning[] {
  const { profile, today, target, p90 } = input;
  const warnings: StudyWarning[] = [];
  if (target && !target.onTrack) {
    warnings.push({
      kind: 'behind-target',
      finish: target.finish,
      target: target.date,
      hoursPerWeekNeeded: target.hoursPerWeekNeeded,
    });
  } else if (target && p90 !== null && p90 > target.date) {
    warnings.push({ kind: 'target-at-risk', p90, target: target.date, hoursPerWeekNeeded: target.hoursPerWeekNeeded });
  }
  const { general, atHand } = input;
  // Nothing left to tick (every task done, or no plan): nothing to say.
  if (general && atHand && input.next !== null && general.pool > 0 && general.pool >= atHand.hoursLeft) {
    warnings.push({
      kind: 'unticked',
      hours: general.pool,
      underWay: Math.min(general.pool, general.underWayCap),
      next: input.next,
      title: atHand.title ?? null,
    });
  }
  const before = input.activeDays.filter((d) => d <= today);
  const lastStudy = before.at(-1) ?? null;
  // Count the open days (not declared off) since the last study, or since the start.
  const from = lastStudy !== null && lastStudy >= profile.startDate ? addDays(lastStudy, 1) : profile.startDate;
  const calendar = studyCalendar(profile);
  // A day off is rest: no nagging about study on it.
  if (today >= from && !calendar.isOff(toDayNumber(today))) {
    let open = 0;
    const span = Math.min(daysBetween(from, today) + 1, 366);
    for (let d = toDayNumber(today) - span + 1; d <= toDayNumber(today); d++) if (!calendar.isOff(d)) open++;
    if (open >= NO_STUDY_WARNING_DAYS) {
      warnings.push({
        kind: 'no-study',
        days: open,
        lastStudy,
        // Hours to catch up with, only when the planned hours no longer make the target date.
        hoursPerWeekNeeded:
          target && target.hoursPerWeekNeeded !== null && target.hoursPerWeekNeeded > target.hoursPerWeek
            ? target.hoursPerWeekNeeded
            : null,
        next: input.next,
      });
    }
  }
  return warnings;
}
