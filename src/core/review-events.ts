/**
 * @module review-events
 * What spaced review reads from the progress log: the done skills and since when, and every
 * `reviewed` event in force as a rating of a card. Old skill ids in either follow the skill's
 * `aliases`; cards of questions the curriculum no longer has are left out.
 *
 * A skill is done by the one progress model (`skill-state.ts`), from the learner's own marks and
 * work (not from skills known at the start: those were never studied here). It counts as done since
 * its latest `done` mark (marking it again restarts its cards), else the first `done` of a resource
 * or unit teaching it, else the first event of the log.
 */
import { questionKey } from './model.js';
import type { Curriculum } from './model.js';
import { cancelledIds, foldProgress, itemIndex, orderEvents, resolveItem } from './progress.js';
import { deriveSkillStates } from './skill-state.js';
import type { ProgressEvent } from './progress-model.js';
import { isReviewRating } from './review.js';
import type { DeckInput, Review } from './review.js';

export function deckInput(
  events: readonly ProgressEvent[],
  curriculum: Pick<Curriculum, 'skills' | 'resources' | 'selfCheck'>,
): DeckInput {
  const index = itemIndex(curriculum);
  const ordered = orderEvents(events);
  const cancelled = cancelledIds(ordered);
  const doneNow = deriveSkillStates({
    curriculum,
    progress: foldProgress(ordered, curriculum),
    known: [],
    plan: undefined,
  }).done;
  const teaches = new Map<string, readonly string[]>();
  for (const r of curriculum.resources) {
    teaches.set(r.id, r.teaches);
    for (const u of r.units) teaches.set(`${r.id}/${u.id}`, u.teaches);
  }
  const marked = new Map<string, string>();
  const worked = new Map<string, string>();
  const cards = new Set(curriculum.selfCheck.map(questionKey));
  const reviews: Review[] = [];
  for (const event of ordered) {
    if (cancelled.has(event.id) || event.item === undefined) continue;
    if (event.type === 'done') {
      const item = resolveItem(index, event.item);
      // A mark of the skill restarts its cards (the latest counts); work teaching it only starts them (the first counts).
      if (item?.kind === 'skill') marked.set(item.key, event.at);
      else if (item !== undefined)
        for (const skill of teaches.get(item.key) ?? []) if (!worked.has(skill)) worked.set(skill, event.at);
    } else if (event.type === 'reviewed' && isReviewRating(event.text ?? '')) {
      const card = canonicalCard(event.item, index);
      if (card !== undefined && cards.has(card))
        reviews.push({ card, rating: event.text as Review['rating'], at: event.at });
    }
  }
  const first = ordered[0]?.at ?? new Date(0).toISOString();
  const done = new Map([...doneNow].map((skill) => [skill, marked.get(skill) ?? worked.get(skill) ?? first]));
  return { questions: curriculum.selfCheck, done, reviews };
}

/** `skill/question` with the skill's id of today (an old id follows its aliases). */
function canonicalCard(key: string, index: ReturnType<typeof itemIndex>): string | undefined {
  const slash = key.indexOf('/');
  if (slash <= 0) return undefined;
  const skill = resolveItem(index, key.slice(0, slash));
  return skill?.kind === 'skill' ? `${skill.key}/${key.slice(slash + 1)}` : undefined;
}
