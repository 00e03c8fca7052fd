/**
 * @module learner/jobs
 * The learner's target jobs: read a posting against their progress (readiness and gaps), keep it, list
 * and forget kept ones, and plan toward what the kept postings ask. The CLI (`mlpath job ...`, `mlpath
 * plan --jobs`) and the API (`/api/jobs...`) call these and only render the results.
 *
 * Bad input (an empty, binary, too long or foreign-language text) is an MlpathError INVALID_INPUT whose
 * one problem has `path: "text"` and `message` the problem's kind (`empty`, `binary`, `too-long`,
 * `unsupported-language`), so each face words it in its own language; nothing is stored.
 */
import { createHash } from 'node:crypto';
import { daysBetween } from '../core/dates.js';
import { MlpathError } from '../core/errors.js';
import { analyzePosting, postingError } from '../core/jobs/analyze.js';
import type { PostingAnalysis } from '../core/jobs/analyze.js';
import { jobAnalysisOf } from '../core/jobs/contract.js';
import type { JobAnalysis, JobsPlanJson, KeptJob } from '../core/jobs/contract.js';
import { MAX_POSTING_LENGTH, postingProblem, textViews } from '../core/jobs/text.js';
import type { PostingProblemKind } from '../core/jobs/text.js';
import type { Locale } from '../core/model.js';
import type { Forecast, Profile, ProgressState } from '../core/plan-model.js';
import { forecastFrom, planFor } from '../core/planner/index.js';
import { startingPointOf } from '../core/planner/profile.js';
import { foldProgress } from '../core/progress.js';
import type { KeptPosting } from '../store/store.js';
import type { LearnerContext } from './context.js';
import { today } from './context.js';
import { reviewMinutesOf } from './review.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { needsProfile } from './errors.js';

export { MAX_POSTING_LENGTH, jobAnalysisOf };
export type { PostingProblemKind, JobAnalysis, JobsPlanJson, KeptJob };

export interface JobsPlan {
  /** How many kept postings the goal comes from. */
  readonly postings: number;
  /** Curriculum skills the kept postings ask and the learner lacks, most asked (summed weight) first. */
  readonly goal: ReadonlyArray<{ readonly id: string; readonly title: string; readonly weight: number }>;
  /** What they ask that nothing in the curriculum teaches: left out of the plan. */
  readonly notTaught: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** The plan as it stands (toward the profile's role), and the one toward the kept postings. */
  readonly current: Forecast;
  readonly withJobs: Forecast;
  /** Days the finish date moves from `current` to `withJobs` (positive = later). */
  readonly movedDays: number;
}

/** The JSON form of a plan toward the target jobs (`mlpath plan --jobs --json`, GET /api/jobs/plan). */
export function jobsPlanJson(result: JobsPlan): JobsPlanJson {
  return {
    postings: result.postings,
    goal: result.goal,
    notTaught: result.notTaught,
    finishDate: { current: result.current.finishDate, withJobs: result.withJobs.finishDate },
    movedDays: result.movedDays,
    plan: result.withJobs.plan,
  };
}

/** The kind of bad input an error from these actions reports, or undefined for any other error. */
export function postingProblemKind(error: unknown): PostingProblemKind | undefined {
  if (!(error instanceof MlpathError) || error.code !== 'INVALID_INPUT') return undefined;
  const problem = error.problems[0];
  const kinds: readonly string[] = ['empty', 'binary', 'too-long', 'unsupported-language'];
  return problem?.path === 'text' && kinds.includes(problem.message)
    ? (problem.message as PostingProblemKind)
    : undefined;
}

/** Refuse a text that cannot be read as a posting (see the module's note on bad input). */
export function checkPostingText(text: string): void {
  const problem = postingProblem(text);
  if (!problem) return;
  const error = postingError(problem);
  // The problem's message is the kind, a code clients read (and `postingProblemKind`); the words are the message's.
  throw new MlpathError({
    code: 'INVALID_INPUT',
    key: error.coded?.key ?? `posting.${problem.kind}`,
    params: error.coded?.params ?? {},
    problems: [{ path: 'text', message: problem.kind }],
    hint: error.codedHint,
  });
}

interface LearnerView {
  readonly profile: Profile | undefined;
  readonly progress: ProgressState;
  readonly events: readonly ProgressEvent[];
  readonly known: readonly string[];
  readonly locale: Locale;
}

async function learnerView(ctx: LearnerContext, locale: Locale | undefined): Promise<LearnerView> {
  const [profile, events] = await Promise.all([
    ctx.store.getProfile(ctx.learnerId),
    ctx.store.listEvents(ctx.learnerId),
  ]);
  const point = profile ? startingPointOf(ctx.curriculum, profile.startingPoint) : undefined;
  return {
    profile,
    progress: foldProgress(events, ctx.curriculum),
    events,
    known: [...(point?.known ?? []), ...(profile?.known ?? [])],
    locale: locale ?? profile?.locale ?? ctx.curriculum.meta.locales[0] ?? 'en',
  };
}

function analyzeFor(ctx: LearnerContext, text: string, view: LearnerView): PostingAnalysis {
  checkPostingText(text);
  return analyzePosting(text, ctx.curriculum, { locale: view.locale, progress: view.progress, known: view.known });
}

/** Read a posting against the learner's progress. `locale` names skills (default: the profile's). */
export async function analyzeJob(ctx: LearnerContext, text: string, locale?: Locale): Promise<JobAnalysis> {
  return jobAnalysisOf(analyzeFor(ctx, text, await learnerView(ctx, locale)));
}

/** The id a posting is kept under: the same text (whatever its line endings) gives the same id. */
export function postingId(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim()).digest('hex').slice(0, 8);
}

/** A posting's first line without markup, for lists (at most 120 characters). */
export function postingTitle(text: string): string {
  const plain = textViews(text).plain;
  for (const line of plain.split('\n')) {
    const clean = line
      .replace(/^[\s#>*\-•·+]+/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (clean.length > 0) return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
  }
  return '';
}

/**
 * Keep a posting among the learner's target jobs. Bad input is refused before anything is written; a
 * posting already kept is a CONFLICT naming its id.
 */
export async function keepJob(
  ctx: LearnerContext,
  text: string,
  locale?: Locale,
): Promise<{ posting: KeptJob; analysis: JobAnalysis }> {
  const view = await learnerView(ctx, locale);
  const analysis = jobAnalysisOf(analyzeFor(ctx, text, view));
  const kept: KeptPosting = {
    id: postingId(text),
    title: postingTitle(text),
    text,
    addedAt: ctx.clock().toISOString(),
  };
  await ctx.store.addPosting(ctx.learnerId, kept);
  return { posting: keptJobOf(kept, analysis), analysis };
}

function keptJobOf(posting: KeptPosting, analysis: JobAnalysis): KeptJob {
  return {
    id: posting.id,
    title: posting.title,
    addedAt: posting.addedAt,
    role: analysis.role.id,
    seniority: analysis.seniority,
    readiness: analysis.readiness,
    gaps: analysis.gaps,
  };
}

/** The kept postings, oldest first, each read against today's progress. */
export async function listJobs(ctx: LearnerContext, locale?: Locale): Promise<KeptJob[]> {
  const [view, postings] = await Promise.all([learnerView(ctx, locale), ctx.store.listPostings(ctx.learnerId)]);
  return postings.map((p) => keptJobOf(p, jobAnalysisOf(analyzeFor(ctx, p.text, view))));
}

/** Forget a kept posting; NOT_FOUND when none has that id. */
export async function removeJob(ctx: LearnerContext, id: string): Promise<void> {
  await ctx.store.removePosting(ctx.learnerId, id);
}

/**
 * Plan toward the union of the kept postings' gaps (plus the route's portfolio and job search), from
 * today with the learner's progress, next to the plan as it stands. Needs a profile and a kept posting.
 */
export async function planTowardJobs(ctx: LearnerContext, locale?: Locale): Promise<JobsPlan> {
  const [view, postings] = await Promise.all([learnerView(ctx, locale), ctx.store.listPostings(ctx.learnerId)]);
  const profile = view.profile;
  if (!profile) throw needsProfile();
  if (postings.length === 0) {
    throw new MlpathError({
      code: 'NOT_FOUND',
      key: 'jobs.noneKept',
      hintKey: 'hint.jobAdd',
    });
  }
  const weights = new Map<string, { id: string; title: string; weight: number; first: number }>();
  const notTaught = new Map<string, { id: string; title: string }>();
  let order = 0;
  for (const p of postings) {
    const analysis = jobAnalysisOf(analyzeFor(ctx, p.text, view));
    const taught = new Map(analysis.skills.map((s) => [s.id, s.taught]));
    for (const g of analysis.gaps) {
      if (!taught.get(g.id)) {
        if (!notTaught.has(g.id)) notTaught.set(g.id, { id: g.id, title: g.title });
        continue;
      }
      const entry = weights.get(g.id) ?? { id: g.id, title: g.title, weight: 0, first: order++ };
      entry.weight += g.weight;
      weights.set(g.id, entry);
    }
  }
  const goal = [...weights.values()]
    .sort((a, b) => b.weight - a.weight || a.first - b.first)
    .map(({ id, title, weight }) => ({ id, title, weight }));
  const day = today(ctx);
  // The first plan (from the profile alone) is the same for both: made once.
  const original = planFor(ctx.curriculum, profile);
  const reviewMinutes = reviewMinutesOf(ctx.curriculum, view.events, original, day, profile.startDate);
  const current = forecastFrom(ctx.curriculum, profile, view.progress, day, original, { reviewMinutes });
  // The plan toward the postings is shown whole: with each resource's reason.
  const withJobs = forecastFrom(ctx.curriculum, profile, view.progress, day, original, {
    goal: goal.map((g) => g.id),
    reviewMinutes,
    resourceReasons: true,
  });
  return {
    postings: postings.length,
    goal,
    notTaught: [...notTaught.values()],
    current,
    withJobs,
    movedDays: daysBetween(current.finishDate, withJobs.finishDate),
  };
}
