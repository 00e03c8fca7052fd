/**
 * @module learner/progress
 * The read actions over a learner's progress, once for both faces: status, the progress view, the
 * burn-up, and today / the current week. Each takes a LearnerContext and returns records (codes and
 * numbers, no prose); the CLI renders them, the server sends them as JSON. Every count of skills comes
 * from the one progress model (core/skill-state.ts) over the same store, so both faces show the same
 * numbers.
 */
import { randomUUID } from 'node:crypto';
import { burnupOf } from '../core/burnup.js';
import type { BurnupPoint } from '../core/burnup.js';
import { findRole } from '../core/model.js';
import type { Forecast, Plan, Profile } from '../core/plan-model.js';
import { chooseRoute, forecastFrom, planFor, readinessFor } from '../core/planner/index.js';
import { progressStats } from '../core/progress.js';
import type { ProgressStats } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { progressView } from '../core/progress-view.js';
import type { ProgressView } from '../core/progress-view.js';
import { countsByArea, countsByStage, deriveSkillStates, skillRecord } from '../core/skill-state.js';
import type { DoneOfTotal, SkillStates } from '../core/skill-state.js';
import { currentWeekView } from '../core/weeks.js';
import type { TodayView } from '../core/weeks.js';
import type { LearnerContext } from './context.js';
import { today as todayOf } from './context.js';

/** Everything the read actions are made from, loaded and derived once. */
export interface ProgressSnapshot {
  readonly today: string;
  readonly profile: Profile | undefined;
  readonly events: readonly ProgressEvent[];
  /** The fold of the event log, anchored on today. */
  readonly stats: ProgressStats;
  /** Skills known at the start: the starting point's and the profile's own. */
  readonly known: readonly string[];
  /** The first plan (from the profile alone); undefined without a profile. */
  readonly original: Plan | undefined;
  /** The re-plan from today and its forecast; undefined without a profile. */
  readonly forecast: Forecast | undefined;
  /** The one progress model's skill states. */
  readonly states: SkillStates;
  /** The stages of the learner's route in order; undefined without a profile (the curriculum's order). */
  readonly stageOrder: readonly string[] | undefined;
}

/** Load the learner's profile and events and derive the plan, forecast and skill states. */
export async function progressSnapshot(ctx: LearnerContext): Promise<ProgressSnapshot> {
  const today = todayOf(ctx);
  const [profile, events] = await Promise.all([
    ctx.store.getProfile(ctx.learnerId),
    ctx.store.listEvents(ctx.learnerId),
  ]);
  const { curriculum } = ctx;
  const stats = progressStats(events, curriculum, today);
  const point = profile ? curriculum.startingPoints.find((p) => p.id === profile.startingPoint) : undefined;
  const known = [...(point?.known ?? []), ...(profile?.known ?? [])];
  const original = profile ? planFor(curriculum, profile) : undefined;
  const forecast = profile && original ? forecastFrom(curriculum, profile, stats, today, original) : undefined;
  const states = deriveSkillStates({ curriculum, progress: stats, known, plan: original });
  const stageOrder = profile ? chooseRoute(curriculum, profile).route?.stages : undefined;
  return { today, profile, events, stats, known, original, forecast, states, stageOrder };
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
}

export interface StatusReport {
  readonly today: string;
  /** The route's stages in order (stages without skills left out). */
  readonly stages: readonly StageCount[];
  /** Skills done of those the learner's record lists: the route's, and any other with a status. */
  readonly skills: DoneOfTotal;
  readonly areas: Readonly<Record<string, DoneOfTotal>>;
  readonly hoursThisWeek: number;
  readonly totalHours: number;
  readonly streakDays: number;
  readonly readiness: {
    readonly role: string | null;
    readonly percent: number;
    readonly gaps: readonly { readonly skill: string; readonly weight: number }[];
  };
  /** Null without a profile. */
  readonly forecast: ForecastSummary | null;
}

/** `mlpath status` and GET /api/status: where the learner stands. */
export async function status(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<StatusReport> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  const { curriculum } = ctx;
  const { profile, states, stats, forecast } = s;
  const byStage = countsByStage(curriculum, states);
  const stages = (s.stageOrder ?? curriculum.stages.map((st) => st.id)).flatMap((id) => {
    const count = byStage[id];
    return count && count.total > 0 ? [{ id, ...count }] : [];
  });
  const role = findRole(curriculum, profile?.target ?? 'ml-engineer') ?? curriculum.roles[0];
  const readiness = readinessFor(curriculum, profile?.target, states);
  return {
    today: s.today,
    stages,
    skills: skillRecord(curriculum, s.stageOrder, states).count,
    areas: countsByArea(curriculum, states),
    hoursThisWeek: stats.hoursThisWeek,
    totalHours: stats.totalHours,
    streakDays: stats.streakDays,
    readiness: { role: role?.id ?? null, percent: readiness.percent, gaps: readiness.gaps },
    forecast: forecast
      ? {
          finishDate: forecast.finishDate,
          originalFinishDate: forecast.originalFinishDate,
          movedDays: forecast.movedDays,
          pace: forecast.pace,
          doneHours: forecast.doneHours,
          remainingHours: forecast.remainingHours,
        }
      : null,
  };
}

/**
 * The finish date of the forecast last remembered (by `mlpath init`, a profile change or a status
 * shown), and remember today's when it differs, so the next status can say where it was before.
 * Plan snapshots are not part of a backup, so this stays out of the status record both faces share.
 */
export async function rememberForecast(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<string | null> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  const latest = await ctx.store.latestPlanSnapshot(ctx.learnerId);
  const previous = latest?.finishDate ?? null;
  if (!s.forecast || previous === s.forecast.finishDate) return previous;
  await ctx.store.savePlanSnapshot(ctx.learnerId, {
    id: randomUUID(),
    at: ctx.clock().toISOString(),
    reason: 'status',
    finishDate: s.forecast.finishDate,
    plan: s.forecast.plan,
  });
  return previous;
}

/** GET /api/progress: statuses, events and statistics. */
export async function progressOverview(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<ProgressView> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  return progressView({
    events: s.events,
    stats: s.stats,
    states: s.states,
    curriculum: ctx.curriculum,
    stageOrder: s.stageOrder,
  });
}

/** `mlpath burnup` and the burn-up of GET /api/status: one point per calendar week; empty without a profile. */
export async function burnup(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<BurnupPoint[]> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  if (!s.original || !s.forecast) return [];
  return burnupOf({
    original: s.original,
    forecast: s.forecast.plan,
    events: s.events,
    logged: s.stats.logged,
    curriculum: ctx.curriculum,
    today: s.today,
  });
}

/** `mlpath today` / `week`, the web's This week and GET /api/today: the current calendar week. */
export async function currentWeek(ctx: LearnerContext, snapshot?: ProgressSnapshot): Promise<TodayView> {
  const s = snapshot ?? (await progressSnapshot(ctx));
  return currentWeekView({ profile: s.profile, plan: s.forecast?.plan, logged: s.stats.logged, today: s.today });
}
