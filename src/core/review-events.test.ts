/**
 * The deck made from the fold of the log (review-events.ts, progress.ts) against the deck's
 * definition spelled out over the whole log: the same cards, whether the fold was made at once,
 * stored as text and read back, or extended by the events recorded since.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionKey } from './model.js';
import type { Curriculum } from './model.js';
import { cancelledIds, extendFold, foldEvents, foldFromJson, foldProgress, foldToJson, itemIndex } from './progress.js';
import { orderEvents, resolveItem } from './progress.js';
import type { ProgressFold } from './progress.js';
import type { ProgressEvent } from './progress-model.js';
import { deckOf, foldedDeck } from './review-events.js';
import { isReviewRating, reviewDeck } from './review.js';
import type { DeckInput, Review } from './review.js';
import { deriveSkillStates } from './skill-state.js';
import { fixture } from './planner/test-support/fixtures.js';

const base = fixture({
  skills: { a: [], b: ['a'] },
  resources: {
    ra: {
      hours: 20,
      teaches: ['a'],
      units: [
        ['u1', 10, ['a']],
        ['u2', 10, ['a']],
      ],
    },
    rb: { hours: 20, teaches: ['b'] },
  },
  stages: [{ id: 's', skills: ['a', 'b'], resources: ['ra', 'rb'] }],
  startingPoints: [{ id: 'p', effortFactor: 1 }],
});
const question = (skill: string, id: string) => ({ id, skill, question: { en: `${id}?` }, answer: { en: `${id}.` } });
const curriculum: Curriculum = {
  ...base,
  skills: base.skills.map((s) => (s.id === 'a' ? { ...s, aliases: ['old-a'] } : s)),
  selfCheck: [question('a', 'q1'), question('a', 'q2'), question('b', 'q1')],
};
const index = itemIndex(curriculum);

/** The deck's input by its definition (the module header of review-events.ts), read from the whole log. */
function definedInput(events: readonly ProgressEvent[]): DeckInput {
  const ordered = orderEvents(events);
  const cancelled = cancelledIds(ordered);
  const doneNow = deriveSkillStates({
    curriculum,
    progress: foldProgress(ordered, curriculum),
    known: [],
    plan: undefined,
  }).done;
  const marked = new Map<string, string>();
  const worked = new Map<string, string>();
  const cards = new Set(curriculum.selfCheck.map(questionKey));
  const reviews: Review[] = [];
  for (const event of ordered) {
    if (cancelled.has(event.id) || event.item === undefined || event.type === 'undo') continue;
    if (event.type === 'done') {
      const item = resolveItem(index, event.item);
      if (item?.kind === 'skill') marked.set(item.key, event.at);
      else if (item !== undefined)
        for (const skill of index.teaches.get(item.key) ?? []) if (!worked.has(skill)) worked.set(skill, event.at);
    } else if (event.type === 'reviewed' && isReviewRating(event.text ?? '')) {
      const slash = event.item.indexOf('/');
      const skill = slash > 0 ? resolveItem(index, event.item.slice(0, slash)) : undefined;
      const card = skill?.kind === 'skill' ? `${skill.key}/${event.item.slice(slash + 1)}` : undefined;
      if (card !== undefined && cards.has(card))
        reviews.push({ card, rating: event.text as Review['rating'], at: event.at });
    }
  }
  const first = ordered[0]?.at ?? new Date(0).toISOString();
  const done = new Map([...doneNow].map((skill) => [skill, marked.get(skill) ?? worked.get(skill) ?? first]));
  return { questions: curriculum.selfCheck, done, reviews };
}

const statusItems = ['a', 'old-a', 'b', 'ra', 'ra/u1', 'ra/u2', 'rb', 'unknown-thing'];
const cardItems = ['a/q1', 'old-a/q1', 'a/q2', 'b/q1', 'b/gone', 'a', 'unknown/q1'];
const arbLog = fc
  .array(
    fc.record({
      type: fc.constantFrom('started', 'done', 'done', 'skipped', 'reset', 'reviewed', 'reviewed', 'reviewed', 'undo'),
      item: fc.constantFrom(...statusItems),
      card: fc.constantFrom(...cardItems),
      rating: fc.constantFrom('again', 'hard', 'good', 'good', 'easy', 'perfect'),
      back: fc.nat(),
      // Few distinct instants, so ratings and marks often share one.
      day: fc.integer({ min: 1, max: 6 }),
      hour: fc.integer({ min: 8, max: 9 }),
    }),
    { minLength: 1, maxLength: 50 },
  )
  .map((raw) =>
    raw.map((r, i): ProgressEvent => {
      const reviewed = r.type === 'reviewed';
      return {
        id: `e${i}`,
        type: r.type as ProgressEvent['type'],
        at: `2026-11-${String(r.day).padStart(2, '0')}T${String(r.hour).padStart(2, '0')}:00:00.000Z`,
        item: r.type === 'undo' ? undefined : reviewed ? r.card : r.item,
        hours: undefined,
        date: undefined,
        text: reviewed ? r.rating : undefined,
        undoes: r.type === 'undo' && i > 0 ? `e${r.back % i}` : undefined,
      };
    }),
  );

describe('the review deck from the fold of the log', () => {
  it('is the deck the definition gives, made at once or read back from its text', () => {
    fc.assert(
      fc.property(arbLog, (log) => {
        const expected = reviewDeck(definedInput(log));
        expect(deckOf(log, curriculum)).toEqual(expected);
        const read = foldFromJson(foldToJson(foldEvents(log, index)));
        expect(read && foldedDeck(read, curriculum)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('extended by the events since is the same fold, or refuses (never for ratings and marks of other kinds alone)', () => {
    fc.assert(
      fc.property(arbLog, fc.nat(), (log, cut) => {
        const at = cut % (log.length + 1);
        const whole = foldEvents(log, index);
        const stored = foldFromJson(foldToJson(foldEvents(log.slice(0, at), index))) as ProgressFold;
        const rest = log.slice(at);
        const extended = extendFold(stored, rest, index);
        const latest = log.slice(0, at).reduce((m, e) => (e.at > m ? e.at : m), '');
        const inOrder = rest.every((e, i) => e.at >= (i === 0 ? latest : (rest[i - 1]?.at ?? '')));
        // Only an undo, an event out of order, or a `done` (which may restart a skill's cards) refuses.
        if (inOrder && rest.every((e) => e.type !== 'undo' && e.type !== 'done')) expect(extended).toBeDefined();
        if (extended) {
          expect(foldToJson(extended)).toBe(foldToJson(whole));
          expect(foldedDeck(extended, curriculum)).toEqual(reviewDeck(definedInput(log)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a rating made at a mark that restarts the cards is kept, and one before it is not', () => {
    const ev = (id: string, type: ProgressEvent['type'], at: string, item: string, text?: string): ProgressEvent => ({
      id,
      type,
      at,
      item,
      hours: undefined,
      date: undefined,
      text,
      undoes: undefined,
    });
    const log = [
      ev('1', 'done', '2026-11-01T09:00:00.000Z', 'a'),
      ev('2', 'reviewed', '2026-11-02T09:00:00.000Z', 'a/q1', 'again'),
      ev('3', 'reviewed', '2026-11-03T09:00:00.000Z', 'a/q1', 'good'),
      ev('4', 'done', '2026-11-03T09:00:00.000Z', 'a'),
    ];
    const [card] = deckOf(log, curriculum);
    expect(card).toMatchObject({ key: 'a/q1', reps: 1, lapses: 0, lastReview: '2026-11-03T09:00:00.000Z' });
    // Folded up to the rating and then extended by the mark at the same instant: refused, folded anew.
    expect(extendFold(foldEvents(log.slice(0, 3), index), log.slice(3), index)).toBeUndefined();
    // A mark later than every rating restarts the cards without refusing.
    const later = ev('5', 'done', '2026-11-04T09:00:00.000Z', 'a');
    const extended = extendFold(foldEvents(log, index), [later], index);
    expect(extended && foldedDeck(extended, curriculum)[0]).toMatchObject({ phase: 'new', reps: 0 });
  });
});
