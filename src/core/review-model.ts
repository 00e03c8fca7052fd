/**
 * @module review-model
 * The words of spaced review that cross boundaries (API, backup, web), without the scheduler: the
 * four ratings and a card's phases. The scheduling is in `review.ts`.
 */

/** The four answers to "how well did you recall it?", in the order keys 1-4 give them. */
export const REVIEW_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export const CARD_PHASES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardPhase = (typeof CARD_PHASES)[number];

export function isReviewRating(value: string): value is ReviewRating {
  return (REVIEW_RATINGS as readonly string[]).includes(value);
}
