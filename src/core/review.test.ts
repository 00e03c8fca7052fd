import { createEmptyCard, fsrs, Rating, State } from 'ts-fsrs';
import type { Card, Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { SelfCheckQuestion } from './model.js';
import {
  dueCards,
  expectedReviews,
  expectedReviewsBetween,
  newCard,
  rateCard,
  recallBySkill,
  REFRESH_LAPSES,
  retrievability,
  REVIEW_MINUTES_PER_CARD,
  REVIEW_PARAMETERS,
  reviewDeck,
  skillRecall,
} from './review.js';
import type { Review, ReviewRating } from './review.js';

const q = (skill: string, id: string): SelfCheckQuestion => ({
  id,
  skill,
  question: { en: `${id}?` },
  answer: { en: `${id}.` },
});
const QUESTIONS = [q('sql', 'joins'), q('sql', 'index'), q('git', 'merge')];
const DONE_AT = '2026-03-01T09:00:00.000Z';

/** A fixed rating sequence and clock: minutes, hours and days after the skill was done. */
const SEQUENCE: ReadonlyArray<{ rating: ReviewRating; grade: Grade; at: string }> = [
  { rating: 'good', grade: Rating.Good, at: '2026-03-01T09:05:00.000Z' },
  { rating: 'again', grade: Rating.Again, at: '2026-03-01T09:20:00.000Z' },
  { rating: 'hard', grade: Rating.Hard, at: '2026-03-01T09:40:00.000Z' },
  { rating: 'good', grade: Rating.Good, at: '2026-03-02T08:00:00.000Z' },
  { rating: 'easy', grade: Rating.Easy, at: '2026-03-06T19:30:00.000Z' },
  { rating: 'good', grade: Rating.Good, at: '2026-03-30T07:00:00.000Z' },
  { rating: 'again', grade: Rating.Again, at: '2026-06-15T12:00:00.000Z' },
  { rating: 'good', grade: Rating.Good, at: '2026-06-15T12:15:00.000Z' },
  { rating: 'good', grade: Rating.Good, at: '2026-06-20T12:00:00.000Z' },
];

describe('spaced review scheduling', () => {
  it('matches ts-fsrs for a fixed rating sequence and clock', () => {
    const scheduler = fsrs(REVIEW_PARAMETERS);
    let expected: Card = createEmptyCard(new Date(DONE_AT));
    const reviews: Review[] = [];
    for (const step of SEQUENCE) {
      expected = scheduler.next(expected, new Date(step.at), step.grade).card;
      reviews.push({ card: 'sql/joins', rating: step.rating, at: step.at });
      const [card] = reviewDeck({ questions: [q('sql', 'joins')], done: new Map([['sql', DONE_AT]]), reviews });
      expect(card?.due).toBe(expected.due.toISOString());
      expect(card?.stability).toBe(expected.stability);
      expect(card?.difficulty).toBe(expected.difficulty);
      expect(card?.reps).toBe(expected.reps);
      expect(card?.lapses).toBe(expected.lapses);
    }
    // The sequence went through learning, review, a lapse (an `again` in review) and relearning.
    expect(expected.lapses).toBe(1);
    expect(expected.state).toBe(State.Review);
  });

  it('rates one card at a time to the same state as the deck fold', () => {
    let card = newCard(q('sql', 'joins'), new Date(DONE_AT));
    for (const step of SEQUENCE) card = rateCard(card, step.rating, new Date(step.at));
    const [folded] = reviewDeck({
      questions: [q('sql', 'joins')],
      done: new Map([['sql', DONE_AT]]),
      reviews: SEQUENCE.map((s) => ({ card: 'sql/joins', rating: s.rating, at: s.at })),
    });
    expect(folded).toEqual(card);
  });

  it('schedules a remembered card further out than a forgotten one', () => {
    const start = newCard(q('sql', 'joins'), new Date(DONE_AT));
    const at = new Date('2026-03-01T10:00:00.000Z');
    const days = (rating: ReviewRating): number =>
      (new Date(rateCard(start, rating, at).due).getTime() - at.getTime()) / 86_400_000;
    expect(days('again')).toBeLessThan(days('hard'));
    expect(days('hard')).toBeLessThanOrEqual(days('good'));
    expect(days('good')).toBeLessThan(days('easy'));
  });
});

describe('the deck', () => {
  it('holds the questions of done skills only, new cards due at once', () => {
    const deck = reviewDeck({ questions: QUESTIONS, done: new Map([['sql', DONE_AT]]), reviews: [] });
    expect(deck.map((c) => c.key)).toEqual(['sql/joins', 'sql/index']);
    expect(deck.every((c) => c.phase === 'new' && c.due === DONE_AT)).toBe(true);
    expect(dueCards(deck, new Date(DONE_AT)).map((c) => c.key)).toEqual(['sql/joins', 'sql/index']);
  });

  it('lists reviewed cards by due time before new ones, and leaves out what is not yet due', () => {
    const reviews: Review[] = [
      { card: 'sql/joins', rating: 'easy', at: '2026-03-01T10:00:00.000Z' },
      { card: 'git/merge', rating: 'again', at: '2026-03-01T10:00:00.000Z' },
    ];
    const done = new Map([
      ['sql', DONE_AT],
      ['git', DONE_AT],
    ]);
    const deck = reviewDeck({ questions: QUESTIONS, done, reviews });
    const soon = new Date('2026-03-01T10:30:00.000Z');
    expect(dueCards(deck, soon).map((c) => c.key)).toEqual(['git/merge', 'sql/index']);
    const joins = deck.find((c) => c.key === 'sql/joins');
    expect(joins && new Date(joins.due) > soon).toBe(true);
  });

  it('starts a skill afresh when it is marked done again, ignoring earlier reviews', () => {
    const reviews: Review[] = [{ card: 'sql/joins', rating: 'again', at: '2026-03-02T10:00:00.000Z' }];
    const later = '2026-04-01T09:00:00.000Z';
    const [card] = reviewDeck({ questions: QUESTIONS.slice(0, 1), done: new Map([['sql', later]]), reviews });
    expect(card?.phase).toBe('new');
    expect(card?.due).toBe(later);
  });
});

describe('the review time to reserve', () => {
  it('counts the reviews a week brings when every answer is good, and their minutes', () => {
    const done = new Map([['sql', DONE_AT]]);
    const fresh = reviewDeck({ questions: QUESTIONS, done, reviews: [] });
    const week = { from: new Date(DONE_AT), to: new Date(Date.parse(DONE_AT) + 7 * 86_400_000) };
    const first = expectedReviews(fresh, week.from, week.to);
    // Each new card: learning steps (now, +10 min), then reviews at growing intervals within the week.
    expect(first.reviews).toBeGreaterThanOrEqual(2 * 3);
    expect(first.minutes).toBe(first.reviews * REVIEW_MINUTES_PER_CARD);
    // Months later, well-learned cards need far fewer reviews per week.
    let cards = fresh;
    let at = Date.parse(DONE_AT);
    for (let i = 0; i < 6; i++) {
      cards = cards.map((c) => rateCard(c, 'good', new Date(Math.max(at, Date.parse(c.due)))));
      at = Math.max(...cards.map((c) => Date.parse(c.due)));
    }
    const later = expectedReviews(cards, new Date(at + 86_400_000), new Date(at + 8 * 86_400_000));
    expect(later.reviews).toBeLessThan(first.reviews);
    expect(expectedReviews([], week.from, week.to)).toEqual({ reviews: 0, minutes: 0 });
  });

  it('splits the expected reviews into weeks, adding up to the whole span', () => {
    const fresh = reviewDeck({ questions: QUESTIONS, done: new Map([['sql', DONE_AT]]), reviews: [] });
    const day = 86_400_000;
    const bounds = [0, 7, 14, 21, 28].map((d) => new Date(Date.parse(DONE_AT) + d * day));
    const weeks = expectedReviewsBetween(fresh, bounds);
    expect(weeks).toHaveLength(4);
    // The first week is the one-span answer; the four together are the four-week answer.
    expect(weeks[0]).toEqual(expectedReviews(fresh, bounds[0] as Date, bounds[1] as Date));
    const total = weeks.reduce((sum, w) => sum + w.reviews, 0);
    expect(total).toBe(expectedReviews(fresh, bounds[0] as Date, bounds[4] as Date).reviews);
    // Reviews thin out as the intervals grow.
    expect(weeks[3]?.reviews ?? 0).toBeLessThan(weeks[0]?.reviews ?? 0);
    expect(expectedReviewsBetween(fresh, [bounds[0] as Date])).toEqual([]);
  });
});

describe('recall per skill', () => {
  it('gives retrievability after review, falling with time', () => {
    const reviews: Review[] = [
      { card: 'sql/joins', rating: 'good', at: '2026-03-01T10:00:00.000Z' },
      { card: 'sql/joins', rating: 'good', at: '2026-03-02T10:00:00.000Z' },
    ];
    const deck = reviewDeck({ questions: QUESTIONS, done: new Map([['sql', DONE_AT]]), reviews });
    const joins = deck.find((c) => c.key === 'sql/joins');
    if (!joins) throw new Error('no card');
    const soon = retrievability(joins, new Date('2026-03-03T10:00:00.000Z')) ?? 0;
    const late = retrievability(joins, new Date('2026-09-01T10:00:00.000Z')) ?? 0;
    expect(soon).toBeGreaterThan(late);
    expect(soon).toBeLessThanOrEqual(1);
    expect(late).toBeGreaterThan(0);
    const [sql] = skillRecall(deck, new Date('2026-03-03T10:00:00.000Z'));
    expect(sql).toMatchObject({ skill: 'sql', cards: 2, reviewed: 1, lapses: 0, needsRefresh: false });
    expect(sql?.retrievability).toBeCloseTo(soon, 10);
    const recall = recallBySkill(skillRecall(deck, new Date('2026-03-03T10:00:00.000Z')));
    expect([...recall.keys()]).toEqual(['sql']);
    expect(recall.get('sql')).toBeCloseTo(soon, 10);
  });

  it(`flags a skill whose cards lapsed ${REFRESH_LAPSES} times as needing a refresh`, () => {
    // Learn a card to the review phase, then forget it again and again.
    const reviews: Review[] = [];
    let day = Date.parse('2026-03-02T10:00:00.000Z');
    for (let lapse = 0; lapse < REFRESH_LAPSES; lapse++) {
      reviews.push({ card: 'sql/joins', rating: 'good', at: new Date(day).toISOString() });
      reviews.push({ card: 'sql/joins', rating: 'good', at: new Date(day + 86_400_000).toISOString() });
      reviews.push({ card: 'sql/joins', rating: 'again', at: new Date(day + 20 * 86_400_000).toISOString() });
      day += 30 * 86_400_000;
    }
    const deck = reviewDeck({ questions: QUESTIONS, done: new Map([['sql', DONE_AT]]), reviews });
    const [sql] = skillRecall(deck, new Date(day));
    expect(sql?.lapses).toBe(REFRESH_LAPSES);
    expect(sql?.needsRefresh).toBe(true);
  });
});
