import { describe, expect, it } from 'vitest';
import type { Curriculum, Skill, Stage } from './model.js';
import { resourcesTeaching, roadmapView, skillDetail } from './curriculum-view.js';

const skill = (id: string, requires: string[] = []): Skill => ({
  id,
  area: 'ml',
  title: { en: id },
  summary: { en: `about ${id}` },
  outcomes: [{ en: `can ${id}` }],
  requires: requires.map((r) => ({ skill: r, reason: { en: `${r} first` } })) as unknown as Skill['requires'],
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
  skills: [skill('a'), skill('b', ['a']), skill('c', ['a', 'b']), skill('loose')],
  stages: [stage('first', ['a', 'b']), stage('second', ['b', 'c'])],
  routes: [{ id: 'forward', title: { en: 'Forward' }, stages: ['first', 'second'], reasons: [] }],
  resources: [
    { id: 'book', teaches: ['a'], units: [] },
    { id: 'course', teaches: [], units: [{ id: 'u1', teaches: ['c'] }] },
  ],
} as unknown as Curriculum;

describe('the curriculum views', () => {
  it('finds the resources that teach a skill, through their units too', () => {
    expect(resourcesTeaching(curriculum, 'a').map((r) => r.id)).toEqual(['book']);
    expect(resourcesTeaching(curriculum, 'c').map((r) => r.id)).toEqual(['course']);
    expect(resourcesTeaching(curriculum, 'loose')).toEqual([]);
  });

  it('gives the roadmap ids, areas, titles and required ids, without summaries, outcomes or resources', () => {
    const view = roadmapView(curriculum);
    expect(view.skills[2]).toEqual({ id: 'c', area: 'ml', title: { en: 'c' }, requires: ['a', 'b'] });
    expect(view.stages).toEqual([
      { id: 'first', title: { en: 'first' }, skills: ['a', 'b'] },
      { id: 'second', title: { en: 'second' }, skills: ['b', 'c'] },
    ]);
    expect(view.routes).toEqual([{ id: 'forward', stages: ['first', 'second'] }]);
    expect(JSON.stringify(view)).not.toContain('about');
  });

  it('gives a skill whole with the resources that teach it, and nothing for an unknown id', () => {
    expect(skillDetail(curriculum, 'c')).toEqual({
      skill: curriculum.skills[2],
      resources: [curriculum.resources[1]],
    });
    expect(skillDetail(curriculum, 'nope')).toBeUndefined();
  });
});
