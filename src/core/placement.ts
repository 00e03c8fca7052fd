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

/**
 * Where a placement check stands: a pure state both faces step through (the CLI's prompts in
 * `mlpath init`, the web's onboarding), so the order of areas and questions, what skipping and
 * stopping do and what counts as known are decided here once.
 */
export interface PlacementState {
  readonly areas: readonly PlacementArea[];
  /** The area being asked (its index); `areas.length` once every area is behind. */
  readonly area: number;
  /** The question being asked within the area; -1 while the area itself is offered. */
  readonly question: number;
  /** Skill id -> the learner's judgement of their answer. */
  readonly answers: Readonly<Record<string, PlacementAnswer>>;
  /** Stopped, or every area asked. */
  readonly finished: boolean;
}

/** What the learner does at a step: check the area offered, skip (the rest of) it, stop, or judge an answer. */
export type PlacementMove =
  | { readonly kind: 'check' }
  | { readonly kind: 'skip-area' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'answer'; readonly answer: PlacementAnswer };

/** What to show now. */
export type PlacementStep =
  | { readonly kind: 'area'; readonly area: Area; readonly count: number; readonly index: number; readonly of: number }
  | {
      readonly kind: 'question';
      readonly area: Area;
      readonly question: SelfCheckQuestion;
      /** 1-based, within the area. */
      readonly index: number;
      readonly total: number;
    }
  | { readonly kind: 'finished' };

export function startPlacement(
  curriculum: Pick<Curriculum, 'skills' | 'selfCheck'>,
  known: readonly string[] = [],
): PlacementState {
  const areas = placementAreas(curriculum, known);
  return { areas, area: 0, question: -1, answers: {}, finished: areas.length === 0 };
}

export function placementStep(state: PlacementState): PlacementStep {
  const area = state.areas[state.area];
  if (state.finished || !area) return { kind: 'finished' };
  const question = area.questions[state.question];
  if (state.question < 0 || !question)
    return {
      kind: 'area',
      area: area.area,
      count: area.questions.length,
      index: state.area + 1,
      of: state.areas.length,
    };
  return { kind: 'question', area: area.area, question, index: state.question + 1, total: area.questions.length };
}

function nextArea(state: PlacementState, answers = state.answers): PlacementState {
  const area = state.area + 1;
  return { ...state, area, question: -1, answers, finished: area >= state.areas.length };
}

/** The state after a move; a move that does not fit the step (an answer while an area is offered) changes nothing. */
export function placementMove(state: PlacementState, move: PlacementMove): PlacementState {
  const step = placementStep(state);
  if (step.kind === 'finished') return state;
  if (move.kind === 'stop') return { ...state, finished: true };
  if (move.kind === 'skip-area') return nextArea(state);
  if (step.kind === 'area') return move.kind === 'check' ? { ...state, question: 0 } : state;
  if (move.kind !== 'answer') return state;
  const answers = { ...state.answers, [step.question.skill]: move.answer };
  return step.index >= step.total ? nextArea(state, answers) : { ...state, question: state.question + 1, answers };
}

/** The skills the check showed known (answered `knew`), in the curriculum's skill order: the summary to confirm. */
export function placementResult(curriculum: Pick<Curriculum, 'skills'>, state: PlacementState): string[] {
  return placedSkills(curriculum, new Map(Object.entries(state.answers)));
}
