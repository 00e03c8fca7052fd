/**
 * The synthetic curriculum and profile the planner benchmarks plan (time in planner.bench.ts, memory in
 * planner-memory.ts): a random skill graph of `skills` skills, a fixed seed, 20 hours a week.
 * Each skill requires about two of the 30 skills before it at any size, as the shipped curriculum's
 * skills do (2.2 on average); the property tests' density, which thins out past 30 skills, would leave
 * a 100,000-skill graph with about one edge per hundred skills.
 */
import type { Curriculum } from '../src/core/model.js';
import type { Profile } from '../src/core/plan-model.js';
import { profileFor } from '../src/core/planner/profile.js';
import { randomCurriculum } from '../src/core/planner/test-support/random-curriculum.js';

export function syntheticPlanInput(skills: number): { curriculum: Curriculum; profile: Profile } {
  const curriculum = randomCurriculum({
    seed: 11,
    skills,
    density: 0.3,
    requires: 2,
    stages: 6,
    withAlongside: true,
    corequisites: true,
  });
  return { curriculum, profile: profileFor(curriculum, 'p', { startDate: '2027-01-04', hoursPerWeek: 20 }) };
}
