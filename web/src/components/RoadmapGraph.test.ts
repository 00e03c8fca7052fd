import { describe, expect, it } from 'vitest';
import type { Curriculum } from '../../../src/core/model.js';
import { layoutSkills } from './RoadmapGraph.js';

/** A curriculum with only what the layout reads: skills and their prerequisites. */
function curriculumOf(skills: Record<string, string[]>): Curriculum {
  return {
    skills: Object.entries(skills).map(([id, requires]) => ({
      id,
      requires: requires.map((skill) => ({ skill })),
    })),
  } as unknown as Curriculum;
}

describe('the roadmap layout', () => {
  // basics -> algorithms -> interviews, and a long chain basics -> a -> b -> c -> interviews.
  const curriculum = curriculumOf({
    basics: [],
    algorithms: ['basics'],
    a: ['basics'],
    b: ['a'],
    c: ['b'],
    interviews: ['algorithms', 'c'],
  });

  it('draws every prerequisite above the skill it leads to', () => {
    const { positions } = layoutSkills(curriculum);
    for (const skill of curriculum.skills)
      for (const { skill: before } of skill.requires)
        expect(positions.get(before)?.y ?? Infinity).toBeLessThan(positions.get(skill.id)?.y ?? -Infinity);
  });

  it('puts a skill in the row after its latest prerequisite, not down beside what it leads to', () => {
    const { positions } = layoutSkills(curriculum);
    expect(positions.get('algorithms')?.y).toBe(positions.get('a')?.y);
    expect(positions.get('algorithms')?.y).toBeLessThan(positions.get('c')?.y ?? 0);
  });
});
