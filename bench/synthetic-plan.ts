/**
 * The synthetic curriculum and profile the planner benchmarks plan (time in planner.bench.ts, memory in
 * planner-memory.ts): a random skill graph of `skills` skills, a fixed seed, 20 hours a week.
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
    stages: 6,
    withAlongside: true,
    corequisites: true,
  });
  return { curriculum, profile: profileFor(curriculum, 'p', { startDate: '2027-01-04', hoursPerWeek: 20 }) };
}
