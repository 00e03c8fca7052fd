/**
 * @module learner/review
 * Spaced review for a learner: the cards of the skills they have done, what is due now, a rating
 * recorded as a `reviewed` event (so undo, backup and import handle it like any other step), and
 * how well each skill is remembered. The schedule itself is the core's (`core/review.ts`).
 */
import { codedProblem, MlpathError } from '../core/errors.js';
import { questionKey } from '../core/model.js';
import type { Text } from '../core/model.js';
import type { ProgressFold } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { deckOf, foldedDeck } from '../core/review-events.js';
import { addDays, weekStart } from '../core/dates.js';
import type { Curriculum } from '../core/model.js';
import type { Plan, ProgressState } from '../core/plan-model.js';
import { planFor } from '../core/planner/plan.js';
import type { ReviewReservation } from '../core/planner/index.js';
import {
  dueCards,
  expectedReviewsBetween,
  isReviewRating,
  recallBySkill,
  REVIEW_MINUTES_PER_CARD,
  REVIEW_RATINGS,
  retrievability,
  skillRecall,
} from '../core/review.js';
import type { ReviewCard, ReviewRating, SkillRecall } from '../core/review.js';
import { newEvent } from '../store/events.js';
import type { LearnerContext } from './context.js';
import { today as todayOf } from './context.js';
import { LearnerError, withinLimit } from './errors.js';
import { storedFold } from './fold.js';
import { MAX_ID_LENGTH } from '../core/planner/profile.js';
import { made, recordedAs } from './tracking.js';

/** A card with its question and answer, as a face shows it. */
export interface ReviewItem {
  readonly card: ReviewCard;
  readonly skillTitle: Text;
  readonly question: Text;
  readonly answer: Text;
  /** Probability of recall now (0-1); undefined for a card never reviewed. */
  readonly retrievability: number | undefined;
}

export interface ReviewQueue {
  /** ISO instant the queue was computed for. */
  readonly at: string;
  /** Due now, in the order to review them: overdue first, then new cards. */
  readonly due: readonly ReviewItem[];
  /** All cards of done skills. */
  readonly cards: number;
  /** Per done skill with questions: recall, lapses, "needs a refresh". */
  readonly skills: readonly SkillRecall[];
  /** The earliest due instant among the cards not due now, if any. */
  readonly next: string | undefined;
}

/**
 * What a deck is made from: the event log, or a fold of it (the progress snapshot's, or the one
 * stored with the log), which holds the deck's inputs without the log.
 */
export type DeckSource = readonly ProgressEvent[] | ProgressFold;

/**
 * The first plan (from the profile alone), whose units are each skill's work: the plan that decides,
 * for the deck as for status and the roadmap, when a skill is done (`core/review-events.ts`).
 * Undefined without a profile. Callers that hold the progress snapshot pass its `original`.
 */
export type DeckPlan = Plan | undefined;

/** The first plan for the learner's stored profile (`DeckPlan`), made when a caller has none at hand. */
async function firstPlan(ctx: LearnerContext): Promise<DeckPlan> {
  const profile = await ctx.store.getProfile(ctx.learnerId);
  return profile ? planFor(ctx.curriculum, profile) : undefined;
}

/** Decks already made, per source (the progress snapshot keeps its fold while it holds), curriculum and plan. */
const folded = new WeakMap<DeckSource, WeakMap<object, WeakMap<object, readonly ReviewCard[]>>>();
/** The key a deck made without a plan is kept under. */
const NO_PLAN = {};

/** The deck from a source, or without one from the fold stored with the log (never the whole log). */
async function deck(
  ctx: LearnerContext,
  source: DeckSource | undefined,
  plan: DeckPlan,
): Promise<readonly ReviewCard[]> {
  return cardsOf(ctx.curriculum, source ?? (await storedFold(ctx)), plan);
}

function cardsOf(curriculum: Curriculum, source: DeckSource, plan: DeckPlan): readonly ReviewCard[] {
  let byCurriculum = folded.get(source);
  if (!byCurriculum) folded.set(source, (byCurriculum = new WeakMap()));
  let byPlan = byCurriculum.get(curriculum);
  if (!byPlan) byCurriculum.set(curriculum, (byPlan = new WeakMap()));
  let cards = byPlan.get(plan ?? NO_PLAN);
  if (!cards) {
    cards = Array.isArray(source)
      ? deckOf(source, curriculum, plan)
      : foldedDeck(source as ProgressFold, curriculum, plan);
    byPlan.set(plan ?? NO_PLAN, cards);
  }
  return cards;
}

function item(ctx: LearnerContext, card: ReviewCard, at: Date): ReviewItem {
  const question = ctx.curriculum.selfCheck.find((q) => questionKey(q) === card.key);
  // The deck is built from the curriculum's questions: a card always has one.
  if (question === undefined)
    throw new MlpathError({ code: 'INTERNAL', key: 'internal.cardWithoutQuestion', params: { card: card.key } });
  const skill = ctx.curriculum.skills.find((s) => s.id === card.skill);
  return {
    card,
    skillTitle: skill?.title ?? { en: card.skill },
    question: question.question,
    answer: question.answer,
    retrievability: retrievability(card, at),
  };
}

/** What is due now, and how each done skill is remembered. `limit` caps the due list (default: all). */
export async function reviewQueue(ctx: LearnerContext, options: { limit?: number } = {}): Promise<ReviewQueue> {
  const at = ctx.clock();
  const cards = await deck(ctx, undefined, await firstPlan(ctx));
  const due = dueCards(cards, at);
  const dueKeys = new Set(due.map((c) => c.key));
  const later = cards.filter((c) => !dueKeys.has(c.key)).map((c) => c.due);
  return {
    at: at.toISOString(),
    due: due.slice(0, options.limit ?? due.length).map((c) => item(ctx, c, at)),
    cards: cards.length,
    skills: skillRecall(cards, at),
    next: later.length === 0 ? undefined : later.reduce((a, b) => (a < b ? a : b)),
  };
}

export interface RatedCard {
  readonly event: ProgressEvent;
  readonly rating: ReviewRating;
  /** The card after the rating. */
  readonly card: ReviewCard;
}

/**
 * Rate a card of a done skill now. `id`, made by the client, makes sending the same rating twice
 * (its first answer lost, or sent again from the web's offline outbox) record it once. Errors:
 * NOT_FOUND for a card that is not in the learner's deck (no such question, or its skill is not
 * done); INVALID_INPUT for a rating outside again, hard, good, easy; CONFLICT for an id another
 * kind of step holds.
 */
export async function rateReview(
  ctx: LearnerContext,
  key: string,
  rating: string,
  options: { id?: string | undefined } = {},
): Promise<RatedCard> {
  if (!isReviewRating(rating)) {
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'bad-rating',
      key: 'learner.badRating',
      params: { value: rating },
      details: { value: rating, ratings: [...REVIEW_RATINGS] },
      problems: [codedProblem('learner.badRating', { value: rating }, { path: 'rating' })],
    });
  }
  withinLimit(key, 2 * MAX_ID_LENGTH + 1, 'card');
  const events = await ctx.store.listEvents(ctx.learnerId);
  const plan = await firstPlan(ctx);
  const earlier = recordedAs(events, options.id, 'reviewed');
  if (earlier !== undefined) {
    const card = (await deck(ctx, events, plan)).find((c) => c.key === earlier.item);
    if (card !== undefined) return { event: earlier, rating: earlier.text as ReviewRating, card };
  }
  const before = (await deck(ctx, events, plan)).find((c) => c.key === key);
  if (before === undefined) {
    throw new LearnerError({
      code: 'NOT_FOUND',
      reason: 'unknown-card',
      key: 'learner.unknownCard',
      params: { id: key },
      hintKey: 'hint.cards',
      details: { id: key },
      problems: [codedProblem('learner.unknownCard', { id: key }, { path: 'card' })],
    });
  }
  const event = made(newEvent('reviewed', { item: key, text: rating }, ctx.clock()), options.id);
  await ctx.store.appendEvents(ctx.learnerId, [event]);
  const after = (await deck(ctx, [...events, event], plan)).find((c) => c.key === key) ?? before;
  return { event, rating, card: after };
}

/** Every card of the learner's done skills with its question and answer (for an export). */
export async function reviewCards(ctx: LearnerContext): Promise<ReviewItem[]> {
  const at = ctx.clock();
  return (await deck(ctx, undefined, await firstPlan(ctx))).map((c) => item(ctx, c, at));
}

/** Weeks ahead, the current one included, whose review time is worked out (about a year); later weeks reserve none. */
export const REVIEW_RESERVE_WEEKS = 52;

/** The reviews expected in one calendar week of the plan and the minutes reserved for them. */
export interface ReviewWeek {
  /** The week's Monday, `YYYY-MM-DD`. */
  readonly start: string;
  readonly reviews: number;
  readonly minutes: number;
}

const reservations = new WeakMap<DeckSource, WeakMap<object, WeakMap<object, Map<string, readonly ReviewWeek[]>>>>();

/**
 * The review time each calendar week of the plan holds, from the start of `today` (local time) over
 * REVIEW_RESERVE_WEEKS weeks, from the cards the learner has now, every answer taken as good: the one
 * reckoning of review time. The plan's weeks begin with the week of `startDate` or today, whichever is
 * later; reviews expected before then fall to that first week. The weekly plan reserves the minutes
 * (`reviewMinutesOf`), and `today`, `week`, GET /api/today and the web's This week show the current
 * week's. Cards of skills done later are not counted until they are done. Weeks with no review are
 * left out.
 */
export function reviewWeeks(
  curriculum: Curriculum,
  source: DeckSource,
  plan: DeckPlan,
  today: string,
  startDate: string = today,
): readonly ReviewWeek[] {
  let byCurriculum = reservations.get(source);
  if (!byCurriculum) reservations.set(source, (byCurriculum = new WeakMap()));
  let byPlan = byCurriculum.get(curriculum);
  if (!byPlan) byCurriculum.set(curriculum, (byPlan = new WeakMap()));
  let byDay = byPlan.get(plan ?? NO_PLAN);
  if (!byDay) byPlan.set(plan ?? NO_PLAN, (byDay = new Map()));
  const monday = weekStart(startDate > today ? startDate : today);
  const kept = byDay.get(`${today} ${monday}`);
  if (kept) return kept;
  const cards = cardsOf(curriculum, source, plan);
  const starts = Array.from({ length: REVIEW_RESERVE_WEEKS }, (_, i) => addDays(monday, 7 * i));
  const bounds = [today, ...starts.slice(1), addDays(monday, 7 * REVIEW_RESERVE_WEEKS)].map(
    (day) => new Date(`${day}T00:00:00`),
  );
  const weeks = cards.length === 0 ? [] : expectedReviewsBetween(cards, bounds);
  const found = starts.flatMap((start, i) => {
    const week = weeks[i];
    return week && week.reviews > 0 ? [{ start, reviews: week.reviews, minutes: week.minutes }] : [];
  });
  byDay.set(`${today} ${monday}`, found);
  return found;
}

/**
 * Whether the learner can have cards at all: the curriculum has questions and something is done. Lets
 * a reader skip loading the whole event log for a learner who has none.
 */
export function mayHaveCards(curriculum: Pick<Curriculum, 'selfCheck'>, progress: ProgressState): boolean {
  if (curriculum.selfCheck.length === 0) return false;
  for (const status of progress.skills.values()) if (status === 'done') return true;
  for (const status of progress.items.values()) if (status === 'done') return true;
  return false;
}

/** The review minutes to reserve per week (`reviewWeeks`), as the planner takes them. */
export function reviewMinutesOf(
  curriculum: Curriculum,
  source: DeckSource,
  plan: DeckPlan,
  today: string,
  startDate: string,
): ReviewReservation {
  return Object.fromEntries(reviewWeeks(curriculum, source, plan, today, startDate).map((w) => [w.start, w.minutes]));
}

/** The review time of a week of the plan: the reviews expected, and the minutes the plan reserves for them. */
export interface WeekReview {
  /** Reviews expected from the start of today to the end of the week (cards due, and the ones they bring back). */
  readonly reviews: number;
  /** Cards due now. */
  readonly dueNow: number;
  readonly minutesPerCard: number;
  /** `reviews` × `minutesPerCard`: the time those reviews take. */
  readonly expectedMinutes: number;
  /**
   * The minutes the weekly plan takes off the week's study hours for review: the week's `reviewMinutes`
   * in the plan, the same figure the plan shows. It is `expectedMinutes` unless the week has less study
   * time left than that (its hours logged already, or few study days left), when it is what is left.
   */
  readonly minutes: number;
}

/**
 * The review time of the current week of the plan, starting on `start` (`YYYY-MM-DD`, a Monday: the week
 * of today, or the first week before study begins). The reviews come from `reviewWeeks`; `reserved`: the
 * minutes reviewMinutesOf gave for today and the plan's start (the progress snapshot's, which may come
 * from the plans kept between commands), so the weeks are not worked out again. `planned`: the minutes
 * the plan's week holds for review (`PlanWeek.reviewMinutes`, absent when it reserves none), which
 * become `minutes`, so the week and the plan show one figure; without a plan week (no plan, or nothing
 * left to plan) nothing caps the expected minutes.
 */
export async function weekReview(
  ctx: LearnerContext,
  start: string,
  source: DeckSource | undefined,
  reserved: ReviewReservation | undefined,
  planned: { readonly reviewMinutes?: number | undefined } | undefined,
  plan: DeckPlan,
): Promise<WeekReview> {
  const log = source ?? (await storedFold(ctx));
  const expectedMinutes =
    reserved !== undefined
      ? (reserved[start] ?? 0)
      : (reviewWeeks(ctx.curriculum, log, plan, todayOf(ctx), start).find((w) => w.start === start)?.minutes ?? 0);
  return {
    // Each review takes the same minutes (expectedReviewsBetween).
    reviews: expectedMinutes / REVIEW_MINUTES_PER_CARD,
    dueNow: dueCards(cardsOf(ctx.curriculum, log, plan), ctx.clock()).length,
    minutesPerCard: REVIEW_MINUTES_PER_CARD,
    expectedMinutes,
    minutes: planned === undefined ? expectedMinutes : (planned.reviewMinutes ?? 0),
  };
}

/** Recall per done skill with cards, and the recall readiness weighs by (skill -> retrievability). */
export async function recallOf(
  ctx: LearnerContext,
  source: DeckSource | undefined,
  plan: DeckPlan,
): Promise<{ skills: SkillRecall[]; weights: Map<string, number> }> {
  const skills = skillRecall(await deck(ctx, source, plan), ctx.clock());
  return { skills, weights: recallBySkill(skills) };
}
