/**
 * @module placement
 * A short placement check from the self-check questions: per area, one question for each skill the
 * learner does not already count as known (its first question), and the skills whose question they
 * could answer become known, so the planner prunes them (and what is reachable only through them).
 * Pure: the answers are the learner's own judgement after seeing the model answer.
 */
import { AREAS } from './model.js';
import type { Area, Curriculum, SelfCheckQuestion } from './model.js';

/** How well the learner answered a placement question, judged against the model answer. */
export const PLACEMENT_ANSWERS = ['knew', 'partly', 'no'] as const;
export type PlacementAnswer = (typeof PLACEMENT_ANSWERS)[number];

export interface PlacementArea {
  readonly area: Area;
  /** One question per skill, in the curriculum's skill order. */
  readonly questions: readonly SelfCheckQuestion[];
}

/** The areas to check, in the curriculum's area order, leaving out skills already known and skills without questions. */
export function placementAreas(
  curriculum: Pick<Curriculum, 'skills' | 'selfCheck'>,
  known: readonly string[] = [],
): PlacementArea[] {
  const skip = new Set(known);
  const first = new Map<string, SelfCheckQuestion>();
  for (const q of curriculum.selfCheck) if (!first.has(q.skill)) first.set(q.skill, q);
  return AREAS.map((area) => ({
    area,
    questions: curriculum.skills
      .filter((s) => s.area === area && !skip.has(s.id))
      .flatMap((s) => {
        const q = first.get(s.id);
        return q ? [q] : [];
      }),
  })).filter((a) => a.questions.length > 0);
}

/** The skills the learner showed they know (answered `knew`), in the curriculum's skill order. */
export function placedSkills(
  curriculum: Pick<Curriculum, 'skills'>,
  answers: ReadonlyMap<string, PlacementAnswer>,
): string[] {
  return curriculum.skills.filter((s) => answers.get(s.id) === 'knew').map((s) => s.id);
}
