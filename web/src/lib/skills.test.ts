import { describe, expect, it } from 'vitest';
import type { Skill, Stage } from '../../../src/core/model.js';
import type { RoadmapCurriculum } from './api.js';
import { skillsByStage, stagesInOrder } from './skills.js';

const skill = (id: string): Skill => ({
  id,
  area: 'ml',
  title: { en: id },
  summary: undefined,
  outcomes: [],
  requires: [],
  aliases: [],
  hours: undefined,
  shortcut: undefined,
  tags: [],
});
const stage = (id: string, skills: string[]): Stage => ({
  id,
  title: { en: id },
  summary: undefined,
  skills,
  resources: [],
  chooseOne: [],
  alongside: undefined,
  optional: false,
  block: undefined,
});

const curriculum = {
  skills: ['a', 'b', 'c', 'loose'].map(skill),
  stages: [stage('first', ['a', 'b']), stage('second', ['b', 'c'])],
  routes: [
    { id: 'forward', stages: ['first', 'second'] },
    { id: 'backward', stages: ['second', 'first'] },
  ],
} as unknown as RoadmapCurriculum;

describe('the roadmap outline', () => {
  it('orders stages as the chosen route takes them, defaulting to the first route', () => {
    expect(stagesInOrder(curriculum, 'backward').map((s) => s.id)).toEqual(['second', 'first']);
    expect(stagesInOrder(curriculum, undefined).map((s) => s.id)).toEqual(['first', 'second']);
  });

  it('lists each skill once, under the first stage that covers it, and the rest under no stage', () => {
    const groups = skillsByStage(curriculum, 'forward').map((g) => [g.stage?.id, g.skills.map((s) => s.id)]);
    expect(groups).toEqual([
      ['first', ['a', 'b']],
      ['second', ['c']],
      [undefined, ['loose']],
    ]);
  });
});
