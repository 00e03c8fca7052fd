/**
 * @module learner/review
 * Spaced review for a learner: the cards of the skills they have done, what is due now, a rating
 * recorded as a `reviewed` event (so undo, backup and import handle it like any other step), and
 * how well each skill is remembered. The schedule itself is the core's (`core/review.ts`).
 */
import { MlpathError } from '../core/errors.js';
import { questionKey } from '../core/model.js';
import type { Text } from '../core/model.js';
import type { ProgressFold } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { deckOf, foldedDeck } from '../core/review-events.js';
import { addDays } from '../core/dates.js';
import {
  dueCards,
  expectedReviews,
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

/** Decks already made, per event log or fold of it (the progress snapshot keeps its fold) and curriculum. */
const decks = new WeakMap<object, WeakMap<object, readonly ReviewCard[]>>();

/** The deck from a fold of the log, from the log itself, or (without either) from the stored fold. */
async function deck(
  ctx: LearnerContext,
  source?: readonly ProgressEvent[] | ProgressFold,
): Promise<readonly ReviewCard[]> {
  const from = source ?? (await storedFold(ctx));
  let byCurriculum = decks.get(from);
  if (!byCurriculum) decks.set(from, (byCurriculum = new WeakMap()));
  let cards = byCurriculum.get(ctx.curriculum);
  if (!cards) {
    cards = Array.isArray(from) ? deckOf(from, ctx.curriculum) : foldedDeck(from as ProgressFold, ctx.curriculum);
    byCurriculum.set(ctx.curriculum, cards);
  }
  return cards;
}

function item(ctx: LearnerContext, card: ReviewCard, at: Date): ReviewItem {
  const question = ctx.curriculum.selfCheck.find((q) => questionKey(q) === card.key);
  // The deck is built from the curriculum's questions: a card always has one.
  if (question === undefined) throw new MlpathError({ code: 'INTERNAL', message: `card ${card.key} has no question` });
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
  const cards = await deck(ctx);
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
      message: `rating must be one of ${REVIEW_RATINGS.join(', ')} (got "${rating}")`,
      details: { value: rating, ratings: [...REVIEW_RATINGS] },
    });
  }
  withinLimit(key, 2 * MAX_ID_LENGTH + 1, 'card');
  const events = await ctx.store.listEvents(ctx.learnerId);
  const earlier = recordedAs(events, options.id, 'reviewed');
  if (earlier !== undefined) {
    const card = (await deck(ctx, events)).find((c) => c.key === earlier.item);
    if (card !== undefined) return { event: earlier, rating: earlier.text as ReviewRating, card };
  }
  const before = (await deck(ctx, events)).find((c) => c.key === key);
  if (before === undefined) {
    throw new LearnerError({
      code: 'NOT_FOUND',
      reason: 'unknown-card',
      message: `there is no card "${key}" to review: cards are the questions of skills done`,
      details: { id: key },
    });
  }
  const event = made(newEvent('reviewed', { item: key, text: rating }, ctx.clock()), options.id);
  await ctx.store.appendEvents(ctx.learnerId, [event]);
  const after = (await deck(ctx, [...events, event])).find((c) => c.key === key) ?? before;
  return { event, rating, card: after };
}

/** Every card of the learner's done skills with its question and answer (for an export). */
export async function reviewCards(ctx: LearnerContext): Promise<ReviewItem[]> {
  const at = ctx.clock();
  return (await deck(ctx)).map((c) => item(ctx, c, at));
}

/** The review time a week of the plan reserves. */
export interface WeekReview {
  /** Reviews expected from now to the end of the week (cards due, and the ones they bring back). */
  readonly reviews: number;
  /** Cards due now. */
  readonly dueNow: number;
  readonly minutesPerCard: number;
  /** `reviews` × `minutesPerCard`. */
  readonly minutes: number;
}

/**
 * The reviews expected from now until the end of the week ending on `end` (`YYYY-MM-DD`, local
 * time), every answer taken as good, and the minutes they take: the one reckoning of the review
 * time a week reserves, which `today`, `week`, GET /api/today and the web's This week show.
 */
export async function weekReview(ctx: LearnerContext, end: string, fold?: ProgressFold): Promise<WeekReview> {
  const at = ctx.clock();
  const cards = await deck(ctx, fold);
  const until = new Date(`${addDays(end, 1)}T00:00:00`);
  const { reviews, minutes } = expectedReviews(cards, at, until > at ? until : at);
  return { reviews, dueNow: dueCards(cards, at).length, minutesPerCard: REVIEW_MINUTES_PER_CARD, minutes };
}

/** Recall per done skill with cards, and the recall readiness weighs by (skill -> retrievability). */
export async function recallOf(
  ctx: LearnerContext,
  fold?: ProgressFold,
): Promise<{ skills: SkillRecall[]; weights: Map<string, number> }> {
  const skills = skillRecall(await deck(ctx, fold), ctx.clock());
  return { skills, weights: recallBySkill(skills) };
}
