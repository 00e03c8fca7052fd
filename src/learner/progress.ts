/**
 * @module learner/progress
 * The read actions over a learner's progress, once for both faces: status, the progress view, the
 * burn-up, and today / the current week. Each takes a LearnerContext and returns records (codes and
 * numbers, no prose); the CLI renders them, the server sends them as JSON. Every count of skills comes
 * from the one progress model (core/skill-state.ts) over the same store, so both faces show the same
 * numbers.
 */
import { createHash, randomUUID } from 'node:crypto';
import { burnupOf } from '../core/burnup.js';
import type { BurnupPoint } from '../core/burnup.js';
import { findRole } from '../core/model.js';
import type { Text } from '../core/model.js';
import type { Forecast, Plan, Profile } from '../core/plan-model.js';
import {
  chooseRoute,
  forecastFrom,
  forecastRange,
  historyWeeksOf,
  MIN_HISTORY_WEEKS,
  planFor,
  readinessFor,
  studyWarnings,
  generalPool,
  hoursLeftOn,
  targetOutlook,
} from '../core/planner/index.js';
import type { ForecastRange, PlanOptions, StudyWarning, TargetOutlook } from '../core/planner/index.js';
import { weekSessions } from '../core/calendar/sessions.js';
import { isoWeekday } from '../core/dates.js';
import { WEEKDAYS } from '../core/plan-model.js';
import type { PlanTask, Weekday, Words } from '../core/plan-model.js';
import { itemTitleWords } from '../core/planner/tasks.js';
import { sayAll } from '../i18n/planner.js';
import { foldToJson, statsOf } from '../core/progress.js';
import type { ProgressFold, ProgressStats } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { progressView } from '../core/progress-view.js';
import type { ProgressView } from '../core/progress-view.js';
import { countsByArea, deriveSkillStates, skillTotals } from '../core/skill-state.js';
import type { DoneOfTotal, SkillStates } from '../core/skill-state.js';
import { currentWeekView } from '../core/weeks.js';
import type { TodayView } from '../core/weeks.js';
import { isWriteFault } from '../store/faults.js';
import { SHOWN_FORECAST } from '../store/store.js';
import type { LearnerContext } from './context.js';
import { today as todayOf } from './context.js';
import { storedFold } from './fold.js';
import { mayHaveCards, recallOf, reviewMinutesOf, weekReview } from './review.js';
import type { WeekReview } from './review.js';

/** Everything the read actions are made from, loaded and derived once. */
export interface ProgressSnapshot {
  readonly today: string;
  readonly profile: Profile | undefined;
  /** The whole event log, read when first asked for (the fold below does not need it). */
  events(): Promise<readonly ProgressEvent[]>;
  /** The fold of the event log (review cards and done dates included). */
  readonly fold: ProgressFold;
  /** The fold of the event log, anchored on today. */
  readonly stats: ProgressStats;
  /** Skills known at the start: the starting point's and the profile's own. */
  readonly known: readonly string[];
  /** The plan from the profile alone (which units teach which skills); undefined without a profile. */
  readonly original: Plan | undefined;
  /**
   * The learner's first plan, the baseline forecasts and the burn-up compare with: the first plan
   * snapshot (kept when a profile is replaced), else the plan from the profile alone.
   */
  readonly baseline: Plan | undefined;
  /** The re-plan from today and its forecast; undefined without a profile. */
  readonly forecast: Forecast | undefined;
  /** What the re-plans are made with besides the profile and progress: the review time each week reserves. */
  readonly planOptions: PlanOptions;
  /** The one progress model's skill states. */
  readonly states: SkillStates;
  /** The stages of the learner's route in order; undefined without a profile (the curriculum's order). */
  readonly stageOrder: readonly string[] | undefined;
}

/** Learners whose snapshot is kept, per store and curriculum; the least recently used is dropped first. */
export const KEPT_SNAPSHOTS = 64;
const kept = new WeakMap<object, WeakMap<object, Map<string, { key: string; snapshot: Promise<ProgressSnapshot> }>>>();

/**
 * Load the learner's profile and events and derive the plan, forecast and skill states. The planner
 * is pure and the event log only grows (an undo is an event too), so a snapshot is kept until the
 * profile, the number of events or the date changes: an unchanged state costs two small queries.
 */
export async function progressSnapshot(ctx: LearnerContext): Promise<ProgressSnapshot> {
  const today = todayOf(ctx);
  const [profile, count] = await Promise.all([
    ctx.store.getProfile(ctx.learnerId),
    ctx.store.countEvents(ctx.learnerId),
  ]);
  const key = `${today}\u0000${count}\u0000${JSON.stringify(profile ?? null)}`;
  let byCurriculum = kept.get(ctx.store);
  if (!byCurriculum) kept.set(ctx.store, (byCurriculum = new WeakMap()));
  let learners = byCurriculum.get(ctx.curriculum);
  if (!learners) byCurriculum.set(ctx.curriculum, (learners = new Map()));
  const found = learners.get(ctx.learnerId);
  learners.delete(ctx.learnerId);
  if (found?.key === key) {
    learners.set(ctx.learnerId, found);
    return found.snapshot;
  }
  const snapshot = computeSnapshot(ctx, today, profile, count);
  learners.set(ctx.learnerId, { key, snapshot });
  if (learners.size > KEPT_SNAPSHOTS) learners.delete(learners.keys().next().value ?? '');
  // A failed load (the database was busy) is not kept.
  snapshot.catch(() => {
    if (learners.get(ctx.learnerId)?.snapshot === snapshot) learners.delete(ctx.learnerId);
  });
  return snapshot;
}

async function computeSnapshot(
  ctx: LearnerContext,
  today: string,
  profile: Profile | undefined,
  count: number,
): Promise<ProgressSnapshot> {
  const [fold, first] = await Promise.all([
    storedFold(ctx, count),
    // The first plan is the baseline (kept when a profile is replaced); it is saved with the profile,
    // so a kept snapshot's key (the profile) also covers it.
    ctx.store.firstPlanSnapshot(ctx.learnerId),
  ]);
  const { curriculum } = ctx;
  const stats = statsOf(fold, today);
  const point = profile ? curriculum.startingPoints.find((p) => p.id === profile.startingPoint) : undefined;
  const known = [...(point?.known ?? []), ...(profile?.known ?? [])];
  const plans = profile ? plansOf(ctx, { profile, fold, stats, today, first }) : undefined;
  const original = plans?.original;
  const baseline = profile ? (first?.plan ?? original) : undefined;
  const forecast = plans?.forecast;
  const planOptions: PlanOptions = plans?.planOptions ?? {};
  const states = deriveSkillStates({ curriculum, progress: stats, known, plan: original });
  const stageOrder = plans?.stageOrder;
  let events: Promise<ProgressEvent[]> | undefined;
  const allEvents = (): Promise<ProgressEvent[]> => (events ??= ctx.store.listEvents(ctx.learnerId));
  return {
    today,
    profile,
    events: allEvents,
    fold,
    stats,
    known,
    original,
    baseline,
    forecast,
    planOptions,
    states,
    stageOrder,
  };
}

interface Plans {
  readonly original: Plan;
  readonly forecast: Forecast | undefined;
  /** The review minutes each week reserves, which the forecast was planned with. */
  readonly planOptions: PlanOptions;
  readonly stageOrder: readonly string[] | undefined;
}

/**
 * The plan from the profile alone, the re-plan from today and the route's stages: from the
 * context's plan cache when it holds them for the same learner, profile, today, first plan and fold
 * of the log (the cache adds the curriculum's and the code's version), else made and kept there.
 */
function plansOf(
  ctx: LearnerContext,
  input: {
    profile: Profile;
    fold: ProgressFold;
    stats: ProgressStats;
    today: string;
    first: { id: string; plan: Plan } | undefined;
  },
): Plans {
  const { curriculum, plans: cache } = ctx;
  const { profile, fold, stats, today, first } = input;
  const key =
    cache &&
    createHash('sha256')
      .update(JSON.stringify([ctx.learnerId, profile, today, first?.id ?? null]))
      .update(foldToJson(fold))
      .digest('hex');
  const kept = key === undefined ? undefined : cache?.get(key);
  if (kept !== undefined) {
    try {
      return JSON.parse(kept) as Plans;
    } catch {
      // Not readable: planned afresh below.
    }
  }
  // The review time each week reserves comes off its study hours; without cards there is none.
  const original = planFor(curriculum, profile);
  const planOptions: PlanOptions = mayHaveCards(curriculum, stats)
    ? { reviewMinutes: reviewMinutesOf(curriculum, fold, original, today, profile.startDate) }
    : {};
  const forecast = forecastFrom(curriculum, profile, stats, today, first?.plan ?? original, planOptions);
  const stageOrder = chooseRoute(curriculum, profile).route?.stages;
  const made: Plans = { original, forecast, planOptions, stageOrder };
  if (key !== undefined) cache?.set(key, JSON.stringify(made));
  return made;
}

/** The skill states alone (for exports that list skills). */
export async function skillStates(ctx: LearnerContext): Promise<SkillStates> {
  return (await progressSnapshot(ctx)).states;
}

export interface StageCount extends DoneOfTotal {
  readonly id: string;
}

/** The forecast without its plan, and the finish date last remembered. */
export interface ForecastSummary {
  readonly finishDate: string;
  readonly originalFinishDate: string;
  readonly movedDays: number;
  readonly pace: number;
  /** Planned hours of the work finished. */
  readonly doneHours: number;
  readonly remainingHours: number;
  /**
   * The finish date the last status showed, else the first plan's: where the finish was before
   * (the same as `finishDate` when it has not moved since).
   */
  readonly previousFinishDate: string | null;
  /**
   * The finish as a range from the learner's own weeks (core/planner/forecast-range.ts): the dates by
   * which 10%, 50% and 90% of simulated futures finish. Null with too little history (see `range`).
   */
  readonly p10: string | null;
  readonly p50: string | null;
  readonly p90: string | null;
  /**
   * Past weeks of study the range is drawn from, the number it needs, and the runs made (0: none);
   * with a range, the hours logged and planned a week on average over those weeks (else null).
   */
  readonly range: {
    readonly weeks: number;
    readonly needed: number;
    readonly runs: number;
    readonly loggedPerWeek: number | null;
    readonly plannedPerWeek: number | null;
  };
}

export interface StatusReport {
  readonly today: string;
  /** The route's stages in order, each with the plan's skills in it (stages without any left out). */
  readonly stages: readonly StageCount[];
  /** Skills done of those in the learner's plan (core/skill-state.ts `skillTotals`). */
  readonly skills: DoneOfTotal;
  /** Skills done of every skill in the curriculum. */
  readonly curriculumSkills: DoneOfTotal;
  readonly areas: Readonly<Record<string, DoneOfTotal>>;
  readonly hoursThisWeek: number;
  readonly totalHours: number;
  readonly streakDays: number;
  readonly readiness: {
    readonly role: string | null;
    readonly percent: number;
    readonly gaps: readonly { readonly skill: string; readonly weight: number }[];
  };
  /**
   * Done skills whose self-check cards keep lapsing (spaced review): study them again. Readiness
   * counts a done skill with reviewed cards in proportion to their mean retrievability.
   */
  readonly needsRefresh: readonly string[];
  /** Null without a profile. */
  readonly forecast: ForecastSummary | null;
  /** The target date and what it needs; null without one. */
  readonly target: TargetOutlook | null;
  /** Behind or at risk against the target date, two weeks without study. */
  readonly warnings: readonly StudyWarning[];
}

/** The range, the target and the warnings of a snapshot (worked out once per snapshot). */
export interface Outlook {
  readonly range: ForecastRange | null;
  readonly target: TargetOutlook | null;
  readonly warnings: readonly StudyWarning[];
}

const outlooks = new WeakMap<ProgressSnapshot, Promise<Outlook>>();

/** The finish range, the target date's outlook and the warnings, for status, today and both faces. */
export function outlookOf(ctx: LearnerContext, s: ProgressSnapshot): Promise<Outlook> {
  const found = outlooks.get(s);
  if (found) return found;
  const made = makeOutlook(ctx, s);
  outlooks.set(s, made);
  // A failed load (the database was busy) is not kept.
  made.catch(() => {
    if (outlooks.get(s) === made) outlooks.delete(s);
  });
  return made;
}

async function makeOutlook(ctx: LearnerContext, s: ProgressSnapshot): Promise<Outlook> {
  const { profile, forecast } = s;
  let made: Outlook = { range: null, target: null, warnings: [] };
  if (profile && forecast && s.baseline) {
    const points = burnupOf({
      original: s.baseline,
      forecast: forecast.plan,
      doneOn: s.stats.doneOn,
      logged: s.stats.logged,
      today: s.today,
    });
    const range = forecastRange({
      weeks: historyWeeksOf({ profile, burnup: points, logged: s.stats.logged, today: s.today }),
      today: s.today,
      finishDate: forecast.finishDate,
      remainingHours: forecast.remainingHours,
      hoursPerWeek: profile.hoursPerWeek,
    });
    const p50 = range.kind === 'range' ? range.p50 : null;
    const p90 = range.kind === 'range' ? range.p90 : null;
    const target = targetOutlook({
      curriculum: ctx.curriculum,
      profile,
      progress: s.stats,
      today: s.today,
      finishDate: forecast.finishDate,
      p50,
      options: s.planOptions,
    });
    const first = forecast.plan.weeks.flatMap((w) => w.tasks)[0];
    const next = first ? first.key || (first.unit ? `${first.resource}/${first.unit}` : first.resource) : null;
    // Read without preparing a plan when no study was logged without an item (the usual case).
    const general = generalPool(ctx.curriculum, profile, s.stats);
    const warnings = studyWarnings({
      profile,
      today: s.today,
      target,
      p90,
      activeDays: s.stats.activeDays,
      next,
      general,
      // The task at hand's reading prepares the re-plan's work: only when there is study to weigh it against.
      atHand: general.pool > 0 ? atHandOf(ctx, profile, s.stats, next) : undefined,
    });
    made = { range, target, warnings };
  }
  return made;
}

/** The task at hand's hours left by its estimate and its title, for the unticked-study warning. */
function atHandOf(
  ctx: LearnerContext,
  profile: Profile,
  stats: ProgressStats,
  next: string | null,
): { hoursLeft: number; title: Text | undefined } | undefined {
  if (next === null) return undefined;
  const hoursLeft = hoursLeftOn(ctx.curriculum, profile, stats, next);
  const words = itemTitleWords(ctx.curriculum, next);
  return hoursLeft === undefined ? undefined : { hoursLeft, title: words && sayAll(words) };
}

/** `mlpath status` and GET /api/status: where the learner stands. */
export async function status(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<StatusReport> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  const { curriculum } = ctx;
  const { profile, states, stats, forecast } = s;
  const totals = skillTotals(curriculum, s.stageOrder, s.original?.skills, states);
  const role = findRole(curriculum, profile?.target ?? 'ml-engineer') ?? curriculum.roles[0];
  const recall = await recallOf(ctx, s.fold, s.original);
  const readiness = readinessFor(curriculum, profile?.target, states, recall.weights);
  const [outlook, latest] = await Promise.all([outlookOf(ctx, s), ctx.store.latestFinishDate(ctx.learnerId)]);
  const range = outlook.range;
  return {
    today: s.today,
    stages: totals.byStage,
    skills: totals.plan,
    curriculumSkills: totals.curriculum,
    areas: countsByArea(curriculum, states),
    hoursThisWeek: stats.hoursThisWeek,
    totalHours: stats.totalHours,
    streakDays: stats.streakDays,
    readiness: { role: role?.id ?? null, percent: readiness.percent, gaps: readiness.gaps },
    needsRefresh: recall.skills.filter((r) => r.needsRefresh).map((r) => r.skill),
    forecast: forecast
      ? {
          finishDate: forecast.finishDate,
          originalFinishDate: forecast.originalFinishDate,
          movedDays: forecast.movedDays,
          pace: forecast.pace,
          doneHours: forecast.doneHours,
          remainingHours: forecast.remainingHours,
          // Without a snapshot (a restored or synced learner), the first plan is the plan from the profile.
          previousFinishDate: latest ?? s.baseline?.finishDate ?? null,
          p10: range?.kind === 'range' ? range.p10 : null,
          p50: range?.kind === 'range' ? range.p50 : null,
          p90: range?.kind === 'range' ? range.p90 : null,
          range:
            range?.kind === 'range'
              ? {
                  weeks: range.weeks,
                  needed: MIN_HISTORY_WEEKS,
                  runs: range.runs,
                  loggedPerWeek: range.loggedPerWeek,
                  plannedPerWeek: range.plannedPerWeek,
                }
              : {
                  weeks: range?.weeks ?? 0,
                  needed: MIN_HISTORY_WEEKS,
                  runs: 0,
                  loggedPerWeek: null,
                  plannedPerWeek: null,
                },
        }
      : null,
    target: outlook.target,
    warnings: outlook.warnings,
  };
}

/**
 * Remember the finish date a status showed (`mlpath status`), when it differs from the one kept, so
 * the next status can say where it was before (its `previousFinishDate`). A snapshot of reason
 * SHOWN_FORECAST: never the first plan. A store that cannot be written still shows the status.
 */
export async function rememberForecast(
  ctx: LearnerContext,
  report: StatusReport,
  snapshot?: ProgressSnapshot,
): Promise<void> {
  const forecast = report.forecast;
  if (!forecast || forecast.previousFinishDate === forecast.finishDate) return;
  const s = snapshot ?? (await progressSnapshot(ctx));
  if (!s.forecast) return;
  try {
    await ctx.store.savePlanSnapshot(ctx.learnerId, {
      id: randomUUID(),
      at: ctx.clock().toISOString(),
      reason: SHOWN_FORECAST,
      finishDate: s.forecast.finishDate,
      plan: s.forecast.plan,
    });
  } catch (error) {
    // A store that cannot be written (full, read-only, damaged) still shows the status.
    if (!isWriteFault(error)) throw error;
  }
}

/**
 * `mlpath status` and GET /api/status, the one action both faces take: the status, with its finish
 * date remembered (`rememberForecast`) so the next status, on either face, says where it was before.
 */
export async function showStatus(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<StatusReport> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  const report = await status(ctx, s);
  await rememberForecast(ctx, report, s);
  return report;
}

/** GET /api/progress: statuses, events and statistics. */
export async function progressOverview(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<ProgressView> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  return progressView({
    events: await s.events(),
    stats: s.stats,
    states: s.states,
    curriculum: ctx.curriculum,
    stageOrder: s.stageOrder,
    planSkills: s.original?.skills,
  });
}

/** `mlpath burnup` and the burn-up of GET /api/status: one point per calendar week; empty without a profile. */
export async function burnup(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<BurnupPoint[]> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  if (!s.baseline || !s.forecast) return [];
  return burnupOf({
    original: s.baseline,
    forecast: s.forecast.plan,
    doneOn: s.stats.doneOn,
    logged: s.stats.logged,
    today: s.today,
  });
}

/** A study session of the learner's study days: its day, start time and the pieces of tasks it holds. */
export interface StudySession {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly weekday: Weekday;
  /** Local start time, `HH:MM`, in `timeZone`. */
  readonly time: string;
  readonly timeZone: string;
  readonly minutes: number;
  readonly pieces: readonly { readonly task: PlanTask; readonly offsetMinutes: number; readonly minutes: number }[];
}

/** The current week, with the review time it reserves (null without a week), and the study day's session. */
export interface TodayReport extends TodayView {
  /**
   * The items ticked done this week (done now, on a day of the week), each titled as plans name
   * tasks (`itemTitleWords`): what This week lists besides the plan's tasks, which a tick takes away.
   */
  readonly ticked: readonly { readonly key: string; readonly title: Words }[];
  readonly review: WeekReview | null;
  /**
   * With study days: whether today is one, and today's session or else the next study day's (null
   * when the plan holds no more sessions). Null without study days.
   */
  readonly studyDay: { readonly today: boolean; readonly days: readonly Weekday[] } | null;
  readonly session: StudySession | null;
  /** Behind or at risk against the target date, two weeks without study (as `status` has them). */
  readonly warnings: readonly StudyWarning[];
}

/** Today's session, or the next study day's, from the re-plan's weeks (the current one and those after). */
function nextSession(s: ProgressSnapshot): StudySession | null {
  const study = s.profile?.study;
  const plan = s.forecast?.plan;
  if (!study || !plan || !s.profile) return null;
  const limits = { planStart: plan.startDate, weeksOff: s.profile.weeksOff };
  for (const week of plan.weeks.slice(0, 8)) {
    const pieces = weekSessions(week, study, limits).filter((p) => p.date >= s.today);
    const date = pieces[0]?.date;
    if (date === undefined) continue;
    const day = pieces.filter((p) => p.date === date);
    const minutes = day.reduce((sum, p) => Math.max(sum, p.offsetMinutes + p.minutes), 0);
    return {
      date,
      weekday: WEEKDAYS[isoWeekday(date) - 1] ?? 'mon',
      time: study.time,
      timeZone: study.timeZone,
      minutes,
      pieces: day.flatMap((p) => {
        const task = week.tasks[p.task];
        return task ? [{ task, offsetMinutes: p.offsetMinutes, minutes: p.minutes }] : [];
      }),
    };
  }
  return null;
}

/** `mlpath today` / `week`, the web's This week and GET /api/today: the current calendar week. */
export async function currentWeek(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<TodayReport> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  const view = currentWeekView({ profile: s.profile, plan: s.forecast?.plan, logged: s.stats.logged, today: s.today });
  const study = s.profile?.study;
  const weekday = WEEKDAYS[isoWeekday(s.today) - 1];
  const studyDay =
    study && weekday
      ? { today: study.days.includes(weekday) && s.today >= (s.profile?.startDate ?? s.today), days: study.days }
      : null;
  const week = view.week;
  const ticked = week
    ? [...s.stats.doneOn].flatMap(([key, day]) => {
        const title = day >= week.start && day <= week.end ? itemTitleWords(ctx.curriculum, key) : undefined;
        return title === undefined ? [] : [{ key, title }];
      })
    : [];
  return {
    ...view,
    ticked,
    review: view.week
      ? await weekReview(
          ctx,
          view.week.start,
          s.fold,
          s.planOptions.reviewMinutes,
          s.forecast?.plan.weeks.find((w) => w.start === view.week?.start),
          s.original,
        )
      : null,
    studyDay,
    session: nextSession(s),
    warnings: (await outlookOf(ctx, s)).warnings,
  };
}
