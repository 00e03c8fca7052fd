/**
 * @module review
 * Spaced review of self-check questions, scheduled by FSRS (the `ts-fsrs` library). Pure: every
 * instant is an argument, nothing reads the clock, fuzz is off, so the same reviews give the same
 * schedule.
 *
 * - A question of a skill marked done is a card, keyed `skill/question` (`questionKey`).
 * - A card's history is the learner's `reviewed` events for it, folded in time order from the
 *   moment the skill was last marked done: marking a skill done again (after re-studying it)
 *   starts its cards afresh, the earlier reviews staying in the log.
 * - A card never reviewed is new and due at once.
 * - A skill whose cards have lapsed (been forgotten after being learned) `REFRESH_LAPSES` times or
 *   more since it was marked done "needs a refresh": the learner should study it again.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State } from 'ts-fsrs';
import type { Card, Grade } from 'ts-fsrs';
import { questionKey } from './model.js';
import type { SelfCheckQuestion } from './model.js';
import type { CardPhase, ReviewRating } from './review-model.js';

export { CARD_PHASES, isReviewRating, REVIEW_RATINGS } from './review-model.js';
export type { CardPhase, ReviewRating } from './review-model.js';

/** The probability of recall a card is scheduled to keep (FSRS's requested retention). */
export const REVIEW_RETENTION = 0.9;
/** The longest interval between two reviews, in days. */
export const REVIEW_MAX_INTERVAL_DAYS = 365;
/** Lapses on a skill's cards since it was marked done that flag it "needs a refresh". */
export const REFRESH_LAPSES = 3;

/** One rating of one card, as the log holds it. */
export interface Review {
  /** `skill/question`. */
  readonly card: string;
  readonly rating: ReviewRating;
  /** ISO instant. */
  readonly at: string;
}

/** A card's memory state after its reviews. */
export interface ReviewCard {
  /** `skill/question`. */
  readonly key: string;
  readonly skill: string;
  /** The question's id within its skill. */
  readonly question: string;
  readonly phase: CardPhase;
  /** When it is next due, an ISO instant. */
  readonly due: string;
  /** FSRS stability: days until recall probability falls to 90%; 0 for a new card. */
  readonly stability: number;
  /** FSRS difficulty, 1 (easy) to 10 (hard); 0 for a new card. */
  readonly difficulty: number;
  readonly reps: number;
  readonly lapses: number;
  /** Days from the last review to `due`. */
  readonly scheduledDays: number;
  /** Days between the last two reviews. */
  readonly elapsedDays: number;
  /** The (re)learning step the card is at (FSRS's short-term steps: 1 min, 10 min). */
  readonly learningSteps: number;
  /** ISO instant of the last review, if any. */
  readonly lastReview: string | undefined;
}

const GRADE: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const PHASE: Record<State, CardPhase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

const STATE: Record<CardPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/** The FSRS parameters mlpath schedules with (the library's defaults, fuzz off, our retention and cap). */
export const REVIEW_PARAMETERS = generatorParameters({
  request_retention: REVIEW_RETENTION,
  maximum_interval: REVIEW_MAX_INTERVAL_DAYS,
  enable_fuzz: false,
});

const scheduler = fsrs(REVIEW_PARAMETERS);

/** A card that has never been reviewed, due at `at`. */
export function newCard(question: Pick<SelfCheckQuestion, 'skill' | 'id'>, at: Date): ReviewCard {
  return fromFsrs(question.skill, question.id, createEmptyCard(at));
}

/** The card after one rating at `at`. */
export function rateCard(card: ReviewCard, rating: ReviewRating, at: Date): ReviewCard {
  const next = scheduler.next(toFsrs(card), at, GRADE[rating]).card;
  return fromFsrs(card.skill, card.question, next);
}

/** Probability (0-1) that the card is recalled at `at`; undefined for a card never reviewed. */
export function retrievability(card: ReviewCard, at: Date): number | undefined {
  if (card.phase === 'new') return undefined;
  return scheduler.get_retrievability(toFsrs(card), at, false);
}

/** What the deck is built from: the questions, when each done skill was marked done, the reviews. */
export interface DeckInput {
  readonly questions: readonly SelfCheckQuestion[];
  /** Skill id -> ISO instant it was (last) marked done; only these skills' questions are cards. */
  readonly done: ReadonlyMap<string, string>;
  readonly reviews: readonly Review[];
}

/** Every card of the done skills with its reviews applied, in the questions' order. */
export function reviewDeck(input: DeckInput): ReviewCard[] {
  const byCard = new Map<string, Review[]>();
  for (const review of [...input.reviews].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const list = byCard.get(review.card) ?? [];
    list.push(review);
    byCard.set(review.card, list);
  }
  const cards: ReviewCard[] = [];
  for (const question of input.questions) {
    const since = input.done.get(question.skill);
    if (since === undefined) continue;
    // Folded in the library's own card shape, converted once at the end.
    let card = createEmptyCard(new Date(since));
    for (const review of byCard.get(questionKey(question)) ?? []) {
      if (review.at < since) continue;
      card = scheduler.next(card, new Date(review.at), GRADE[review.rating]).card;
    }
    cards.push(fromFsrs(question.skill, question.id, card));
  }
  return cards;
}

/** The cards due at `at`: overdue first, new cards (in the questions' order) after the reviewed ones. */
export function dueCards(cards: readonly ReviewCard[], at: Date): ReviewCard[] {
  const now = at.toISOString();
  const due = cards.filter((c) => c.due <= now || c.phase === 'new');
  const seen = due.filter((c) => c.phase !== 'new').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return [...seen, ...due.filter((c) => c.phase === 'new')];
}

/** How well a done skill is remembered. */
export interface SkillRecall {
  readonly skill: string;
  readonly cards: number;
  /** Cards reviewed at least once. */
  readonly reviewed: number;
  /** Mean retrievability of the reviewed cards (0-1) at the instant asked; undefined before any review. */
  readonly retrievability: number | undefined;
  readonly lapses: number;
  /** The cards keep lapsing: study the skill again (then mark it done again). */
  readonly needsRefresh: boolean;
  /** Cards due at the instant asked. */
  readonly due: number;
}

/** Recall per skill (skills with cards only), in the order their cards come. */
export function skillRecall(cards: readonly ReviewCard[], at: Date): SkillRecall[] {
  const now = at.toISOString();
  const bySkill = new Map<string, ReviewCard[]>();
  for (const card of cards) bySkill.set(card.skill, [...(bySkill.get(card.skill) ?? []), card]);
  return [...bySkill].map(([skill, list]) => {
    const reviewed = list.filter((c) => c.phase !== 'new');
    const values = reviewed.map((c) => retrievability(c, at) ?? 0);
    const lapses = list.reduce((sum, c) => sum + c.lapses, 0);
    return {
      skill,
      cards: list.length,
      reviewed: reviewed.length,
      retrievability: values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length,
      lapses,
      needsRefresh: lapses >= REFRESH_LAPSES,
      due: list.filter((c) => c.phase === 'new' || c.due <= now).length,
    };
  });
}

/** Minutes one review takes: read the question, answer it in one's head, compare with the model answer, rate. */
export const REVIEW_MINUTES_PER_CARD = 2;

/**
 * The reviews expected between `from` (inclusive) and `to` (exclusive), assuming every answer is
 * rated good, and the minutes they take: what a weekly plan can reserve for review. New cards count
 * as due at `from`.
 */
export function expectedReviews(
  cards: readonly ReviewCard[],
  from: Date,
  to: Date,
): { reviews: number; minutes: number } {
  const [only] = expectedReviewsBetween(cards, [from, to]);
  return only ?? { reviews: 0, minutes: 0 };
}

/**
 * The reviews expected in each span between consecutive `bounds` (ascending instants: span i is
 * [bounds[i], bounds[i+1])), every answer taken as good, and the minutes they take. Nothing is counted
 * before `bounds[0]`: a card due earlier (new cards, overdue ones) counts as due then. Each card is
 * walked once through all the spans, so a plan's weeks cost about as much as one week.
 */
export function expectedReviewsBetween(
  cards: readonly ReviewCard[],
  bounds: readonly Date[],
): { reviews: number; minutes: number }[] {
  const spans = Math.max(0, bounds.length - 1);
  const counts = new Array<number>(spans).fill(0);
  const from = bounds[0];
  const to = bounds[spans];
  if (from === undefined || to === undefined || spans === 0) return [];
  for (let card of cards) {
    let span = 0;
    // A card's intervals grow with each good rating, so this walk is short (a handful of steps a week).
    for (let step = 0; step < 50; step++) {
      const due = new Date(Math.max(Date.parse(card.due), from.getTime()));
      if (due >= to) break;
      while (span < spans - 1 && due >= (bounds[span + 1] as Date)) span++;
      counts[span] = (counts[span] ?? 0) + 1;
      card = rateCard(card, 'good', due);
    }
  }
  return counts.map((reviews) => ({ reviews, minutes: reviews * REVIEW_MINUTES_PER_CARD }));
}

/** Skill id -> mean retrievability, for the skills with reviewed cards (what readiness weighs by). */
export function recallBySkill(recall: readonly SkillRecall[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const s of recall) if (s.retrievability !== undefined) map.set(s.skill, s.retrievability);
  return map;
}

function fromFsrs(skill: string, question: string, card: Card): ReviewCard {
  return {
    key: `${skill}/${question}`,
    skill,
    question,
    phase: PHASE[card.state],
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    scheduledDays: card.scheduled_days,
    elapsedDays: card.elapsed_days,
    learningSteps: card.learning_steps,
    lastReview: card.last_review?.toISOString(),
  };
}

function toFsrs(card: ReviewCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE[card.phase],
    ...(card.lastReview === undefined ? {} : { last_review: new Date(card.lastReview) }),
  };
}
