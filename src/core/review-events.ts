/**
 * @module review-events
 * The review deck from the progress log: the done skills and since when, and every `reviewed`
 * event in force as a rating of a card. Old skill ids in either follow the skill's `aliases`; cards
 * of questions the curriculum no longer has are left out.
 *
 * A skill is done by the one progress model (`skill-state.ts`), from the learner's own marks and
 * work (not from skills known at the start: those were never studied here), its work being the first
 * plan's units that teach it, as status and the roadmap count it (without a plan, the resource
 * furthest along). It counts as done since
 * its latest `done` mark (marking it again restarts its cards), else the first `done` of a resource
 * or unit teaching it, else the first event of the log.
 *
 * The fold of the log (`progress.ts`) keeps what this needs (the starts, and each card with its
 * ratings applied), so a deck is made without reading the log again.
 */
import { questionKey } from './model.js';
import type { Curriculum } from './model.js';
import type { Plan } from './plan-model.js';
import { foldEvents, itemIndex, reviewSince } from './progress.js';
import type { ProgressFold } from './progress.js';
import { deriveSkillStates } from './skill-state.js';
import type { ProgressEvent } from './progress-model.js';
import { newCard } from './review.js';
import type { ReviewCard } from './review.js';

type DeckCurriculum = Pick<Curriculum, 'skills' | 'resources' | 'selfCheck'>;

/**
 * Every card of the done skills, in the questions' order, from a fold of the log. `plan`: the first
 * plan (from the profile alone), whose units are a skill's work; undefined without a profile.
 */
export function foldedDeck(fold: ProgressFold, curriculum: DeckCurriculum, plan?: Plan): ReviewCard[] {
  const done = deriveSkillStates({
    curriculum,
    progress: { skills: fold.skills, items: fold.items },
    known: [],
    plan,
  }).done;
  const cards: ReviewCard[] = [];
  for (const question of curriculum.selfCheck) {
    if (!done.has(question.skill)) continue;
    cards.push(fold.cards.get(questionKey(question)) ?? newCard(question, new Date(reviewSince(fold, question.skill))));
  }
  return cards;
}

/** Every card of the done skills, in the questions' order, from the whole log (`plan` as for `foldedDeck`). */
export function deckOf(events: readonly ProgressEvent[], curriculum: DeckCurriculum, plan?: Plan): ReviewCard[] {
  return foldedDeck(foldEvents(events, itemIndex(curriculum)), curriculum, plan);
}
