import { describe, expect, it } from 'vitest';
import type { Area, SelfCheckQuestion, Skill } from './model.js';
import {
  placedSkills,
  placementAreas,
  placementMove,
  placementResult,
  placementStep,
  startPlacement,
} from './placement.js';
import type { PlacementAnswer } from './placement.js';

const skill = (id: string, area: Area): Skill => ({
  id,
  area,
  title: { en: id },
  summary: undefined,
  outcomes: [],
  requires: [],
  aliases: [],
  hours: 10,
  shortcut: undefined,
  tags: [],
});
const question = (s: string, id: string): SelfCheckQuestion => ({
  id,
  skill: s,
  question: { en: `${s} ${id}?` },
  answer: { en: `${s} ${id}.` },
});

// Areas deliberately out of the curriculum's order (math before software); one skill has no questions.
const curriculum = {
  skills: [
    skill('calculus', 'math'),
    skill('python', 'software'),
    skill('sql', 'software'),
    skill('probability', 'math'),
    skill('git', 'software'),
  ],
  selfCheck: [
    question('sql', 'joins'),
    question('python', 'loops'),
    question('python', 'dicts'),
    question('calculus', 'chain'),
    question('probability', 'bayes'),
  ],
};

describe('the placement check', () => {
  it('asks one question per skill (its first), grouped by area in the areas’ order, skills in curriculum order', () => {
    expect(
      placementAreas(curriculum).map((a) => ({
        area: a.area,
        questions: a.questions.map((q) => `${q.skill}/${q.id}`),
      })),
    ).toEqual([
      { area: 'software', questions: ['python/loops', 'sql/joins'] },
      { area: 'math', questions: ['calculus/chain', 'probability/bayes'] },
    ]);
  });

  it('leaves out skills already known, and areas with nothing left to ask', () => {
    expect(placementAreas(curriculum, ['calculus', 'probability', 'python']).map((a) => a.area)).toEqual(['software']);
    expect(placementAreas(curriculum, ['python'])[0]?.questions.map((q) => q.skill)).toEqual(['sql']);
  });

  it('marks known only what the learner could answer, in skill order', () => {
    const answers = new Map<string, PlacementAnswer>([
      ['sql', 'knew'],
      ['calculus', 'knew'],
      ['python', 'partly'],
      ['probability', 'no'],
    ]);
    expect(placedSkills(curriculum, answers)).toEqual(['calculus', 'sql']);
  });

  it('steps area by area: check, answer, skip the rest of an area, stop; an answer out of turn changes nothing', () => {
    let state = startPlacement(curriculum);
    expect(placementStep(state)).toEqual({ kind: 'area', area: 'software', count: 2, index: 1, of: 2 });
    expect(placementMove(state, { kind: 'answer', answer: 'knew' })).toBe(state);
    state = placementMove(state, { kind: 'check' });
    expect(placementStep(state)).toMatchObject({ kind: 'question', index: 1, total: 2, question: { skill: 'python' } });
    state = placementMove(state, { kind: 'answer', answer: 'partly' });
    state = placementMove(state, { kind: 'answer', answer: 'knew' });
    // The area's last answer moves on to the next area.
    expect(placementStep(state)).toMatchObject({ kind: 'area', area: 'math', index: 2 });
    state = placementMove(state, { kind: 'check' });
    state = placementMove(state, { kind: 'answer', answer: 'knew' });
    state = placementMove(state, { kind: 'skip-area' });
    expect(placementStep(state)).toEqual({ kind: 'finished' });
    expect(placementResult(curriculum, state)).toEqual(['calculus', 'sql']);
    const stopped = placementMove(placementMove(startPlacement(curriculum), { kind: 'check' }), { kind: 'stop' });
    expect(placementStep(stopped)).toEqual({ kind: 'finished' });
    expect(placementResult(curriculum, stopped)).toEqual([]);
    expect(startPlacement(curriculum, ['python', 'sql', 'calculus', 'probability']).finished).toBe(true);
  });
});
