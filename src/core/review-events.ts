/**
 * @module review-events
 * What spaced review reads from the progress log: when each done skill was (last) marked done,
 * and every `reviewed` event in force as a rating of a card. Old skill ids in either follow the
 * skill's `aliases`; cards of questions the curriculum no longer has are left out.
 */
import { questionKey } from './model.js';
import type { Curriculum } from './model.js';
import { cancelledIds, foldProgress, itemIndex, orderEvents, resolveItem } from './progress.js';
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
  const status = foldProgress(ordered, curriculum).skills;
  const cards = new Set(curriculum.selfCheck.map(questionKey));
  const done = new Map<string, string>();
  const reviews: Review[] = [];
  for (const event of ordered) {
    if (cancelled.has(event.id) || event.item === undefined) continue;
    if (event.type === 'done') {
      const item = resolveItem(index, event.item);
      if (item?.kind === 'skill' && status.get(item.key) === 'done') done.set(item.key, event.at);
    } else if (event.type === 'reviewed' && isReviewRating(event.text ?? '')) {
      const card = canonicalCard(event.item, index);
      if (card !== undefined && cards.has(card))
        reviews.push({ card, rating: event.text as Review['rating'], at: event.at });
    }
  }
  return { questions: curriculum.selfCheck, done, reviews };
}

/** `skill/question` with the skill's id of today (an old id follows its aliases). */
function canonicalCard(key: string, index: ReturnType<typeof itemIndex>): string | undefined {
  const slash = key.indexOf('/');
  if (slash <= 0) return undefined;
  const skill = resolveItem(index, key.slice(0, slash));
  return skill?.kind === 'skill' ? `${skill.key}/${key.slice(slash + 1)}` : undefined;
}
