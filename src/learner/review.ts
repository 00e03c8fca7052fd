/**
 * @module learner/review
 * Spaced review for a learner: the cards of the skills they have done, what is due now, a rating
 * recorded as a `reviewed` event (so undo, backup and import handle it like any other step), and
 * how well each skill is remembered. The schedule itself is the core's (`core/review.ts`).
 */
import { MlpathError } from '../core/errors.js';
import { questionKey } from '../core/model.js';
import type { Text } from '../core/model.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { deckInput } from '../core/review-events.js';
import { dueCards, isReviewRating, REVIEW_RATINGS, retrievability, reviewDeck, skillRecall } from '../core/review.js';
import type { ReviewCard, ReviewRating, SkillRecall } from '../core/review.js';
import { newEvent } from '../store/events.js';
import type { LearnerContext } from './context.js';
import { LearnerError, withinLimit } from './errors.js';
import { MAX_ID_LENGTH } from '../core/planner/profile.js';

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

async function deck(ctx: LearnerContext, events?: readonly ProgressEvent[]): Promise<ReviewCard[]> {
  const log = events ?? (await ctx.store.listEvents(ctx.learnerId));
  return reviewDeck(deckInput(log, ctx.curriculum));
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
 * Rate a card of a done skill now. Errors: NOT_FOUND for a card that is not in the learner's deck
 * (no such question, or its skill is not done); INVALID_INPUT for a rating outside again, hard,
 * good, easy.
 */
export async function rateReview(ctx: LearnerContext, key: string, rating: string): Promise<RatedCard> {
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
  const before = (await deck(ctx, events)).find((c) => c.key === key);
  if (before === undefined) {
    throw new LearnerError({
      code: 'NOT_FOUND',
      reason: 'unknown-card',
      message: `there is no card "${key}" to review: cards are the questions of skills done`,
      details: { id: key },
    });
  }
  const event = newEvent('reviewed', { item: key, text: rating }, ctx.clock());
  await ctx.store.appendEvents(ctx.learnerId, [event]);
  const after = (await deck(ctx, [...events, event])).find((c) => c.key === key) ?? before;
  return { event, rating, card: after };
}

/** Every card of the learner's done skills with its question and answer (for an export). */
export async function reviewCards(ctx: LearnerContext): Promise<ReviewItem[]> {
  const at = ctx.clock();
  return (await deck(ctx)).map((c) => item(ctx, c, at));
}
