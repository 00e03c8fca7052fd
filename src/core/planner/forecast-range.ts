/**
 * @module planner/forecast-range
 * The finish date as a range (p10, p50, p90) from the variability of the learner's own weeks. Pure and
 * deterministic: the past weeks, today and the seed are arguments, the random numbers come from a
 * seeded generator, so the same history always gives the same range.
 *
 * Method (a bootstrap): each of RANGE_RUNS runs replays the learner's past weeks drawn at random with
 * replacement. A run first draws as many weeks as there are to estimate its own pace (hours logged per
 * planned hour of work finished, softened by RESAMPLE_PRIOR_HOURS) and scales what is left by it
 * relative to the whole history's; then it studies week after week, each week one of
 * the past weeks drawn at random, at that week's share of its planned hours (a week of 5 h against 10 h
 * planned counts 0.5 of a planned week), until the work left is done. How much longer or shorter than the
 * plan's weeks a run takes stretches the time from today to the forecast's finish date. p10, p50 and p90
 * are the dates by which 10%, 50% and 90% of the runs finish.
 */
import type { BurnupPoint } from '../burnup.js';
import { addDays, daysBetween, toDayNumber, weekStart } from '../dates.js';
import type { Profile, ProgressState } from '../plan-model.js';
import { hoursLoggedByWeek, studyCalendar } from '../weeks.js';
import { seededRandom } from '../random.js';

/** One past calendar week of study. */
export interface HistoryWeek {
  /** Its Monday, `YYYY-MM-DD`. */
  readonly start: string;
  /** The hours the plan gave the week (the weekly hours pro rata over its open days); above 0. */
  readonly budgetHours: number;
  /** Hours the learner logged in it. */
  readonly loggedHours: number;
  /** Planned hours of the work finished in it. */
  readonly doneHours: number;
}

/** Weeks of study needed before a range is given. */
export const MIN_HISTORY_WEEKS = 4;
/** The most recent weeks the range is drawn from (about half a year). */
export const HISTORY_WEEKS = 26;
/** Runs of the simulation. */
export const RANGE_RUNS = 2000;
/**
 * A resample's pace is (logged + this) / (done + this): finite for a draw of weeks with nothing
 * finished. Only its ratio to the whole history's matters (it scales the work left around the
 * forecast's finish date, which plans with the forecast's own pace), so it is not the forecast's prior.
 */
const RESAMPLE_PRIOR_HOURS = 20;
/** A run stops after this many times the plan's weeks (a history of almost no study). */
const MAX_STRETCH = 20;

export type ForecastRange =
  | {
      readonly kind: 'range';
      readonly p10: string;
      readonly p50: string;
      readonly p90: string;
      /** Past weeks the runs were drawn from. */
      readonly weeks: number;
      readonly runs: number;
      /**
       * Over those weeks, the hours logged and the hours planned a week on average (one decimal): what
       * the runs study at. Beside a forecast planned at the weekly hours, this says why the two differ.
       */
      readonly loggedPerWeek: number;
      readonly plannedPerWeek: number;
    }
  | {
      /** Too little history to say how the learner's weeks vary: no range is invented. */
      readonly kind: 'too-little-history';
      /** Past weeks of study there are, and the number needed. */
      readonly weeks: number;
      readonly needed: number;
    };

function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/**
 * The range of finish dates. `finishDate` and `remainingHours` are the forecast's (the re-plan from today
 * at the learner's pace and planned weekly hours); `hoursPerWeek` is the weekly hours it plans with.
 */
export function forecastRange(input: {
  readonly weeks: readonly HistoryWeek[];
  readonly today: string;
  readonly finishDate: string;
  readonly remainingHours: number;
  readonly hoursPerWeek: number;
  readonly seed?: number;
  readonly runs?: number;
}): ForecastRange {
  const weeks = input.weeks.filter((w) => w.budgetHours > 0).slice(-HISTORY_WEEKS);
  const studied = weeks.some((w) => w.loggedHours > 0);
  if (weeks.length < MIN_HISTORY_WEEKS || !studied) {
    return { kind: 'too-little-history', weeks: studied ? weeks.length : 0, needed: MIN_HISTORY_WEEKS };
  }
  const runs = input.runs ?? RANGE_RUNS;
  const perWeek = (sum: number): number => Math.round((sum / weeks.length) * 10) / 10;
  const drawnFrom = {
    weeks: weeks.length,
    runs,
    loggedPerWeek: perWeek(weeks.reduce((s, w) => s + w.loggedHours, 0)),
    plannedPerWeek: perWeek(weeks.reduce((s, w) => s + w.budgetHours, 0)),
  };
  const random = seededRandom(input.seed ?? 1);
  const first = weeks[0] as HistoryWeek;
  const draw = (): HistoryWeek => weeks[Math.floor(random() * weeks.length)] ?? first;
  const ratio = (logged: number, done: number): number =>
    (logged + RESAMPLE_PRIOR_HOURS) / (done + RESAMPLE_PRIOR_HOURS);
  const anyDone = weeks.some((w) => w.doneHours > 0);
  const whole = ratio(
    weeks.reduce((s, w) => s + w.loggedHours, 0),
    weeks.reduce((s, w) => s + w.doneHours, 0),
  );
  const daysLeft = Math.max(0, daysBetween(input.today, input.finishDate));
  // The plan's weeks of work at its weekly hours; a finished plan has nothing to spread.
  const planWeeks = input.remainingHours / Math.max(input.hoursPerWeek, 1e-9);
  if (!(planWeeks > 0) || daysLeft === 0) {
    return {
      kind: 'range',
      p10: input.finishDate,
      p50: input.finishDate,
      p90: input.finishDate,
      ...drawnFrom,
    };
  }
  const limit = planWeeks * MAX_STRETCH;
  const stretches: number[] = [];
  for (let run = 0; run < runs; run++) {
    let scale = 1;
    if (anyDone) {
      let logged = 0;
      let done = 0;
      for (let i = 0; i < weeks.length; i++) {
        const w = draw();
        logged += w.loggedHours;
        done += w.doneHours;
      }
      scale = ratio(logged, done) / whole;
    }
    const work = planWeeks * scale;
    let progress = 0;
    let taken = 0;
    while (progress < work && taken < limit) {
      const w = draw();
      const share = w.loggedHours / w.budgetHours;
      if (progress + share >= work && share > 0) {
        taken += (work - progress) / share;
        progress = work;
      } else {
        progress += share;
        taken += 1;
      }
    }
    stretches.push(Math.min(taken, limit) / planWeeks);
  }
  stretches.sort((a, b) => a - b);
  const at = (q: number): string => addDays(input.today, Math.round(daysLeft * quantile(stretches, q)));
  return { kind: 'range', p10: at(0.1), p50: at(0.5), p90: at(0.9), ...drawnFrom };
}

/**
 * The learner's past weeks: every calendar week from the one holding the start date to the one before
 * today's (the current week is not over yet), weeks off left out, with the hours logged in it and the
 * planned hours of the work finished in it (from the burn-up's cumulative `doneHours`).
 */
export function historyWeeksOf(input: {
  readonly profile: Pick<Profile, 'hoursPerWeek' | 'weeksOff' | 'startDate'>;
  readonly burnup: readonly BurnupPoint[];
  readonly logged: ProgressState['logged'];
  readonly today: string;
}): HistoryWeek[] {
  const { profile, burnup, logged, today } = input;
  const calendar = studyCalendar(profile);
  const current = weekStart(today);
  const loggedIn = hoursLoggedByWeek(logged);
  const weeks: HistoryWeek[] = [];
  let doneBefore = 0;
  for (const point of burnup) {
    if (point.week >= current) break;
    const done = point.doneHours ?? doneBefore;
    const budgetHours = calendar.budgetCenti(toDayNumber(point.week)) / 100;
    if (point.week >= weekStart(profile.startDate) && budgetHours > 0) {
      weeks.push({
        start: point.week,
        budgetHours,
        loggedHours: loggedIn.get(point.week) ?? 0,
        doneHours: Math.max(0, Math.round((done - doneBefore) * 10) / 10),
      });
    }
    doneBefore = done;
  }
  return weeks;
}
