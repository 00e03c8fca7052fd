/**
 * @module planner/test-support/random-curriculum
 * Random acyclic curricula for property tests, built from a seed (a small PRNG, so a failing case
 * can be replayed from the seed fast-check prints). Every unit teaches one skill, so the task that
 * teaches a skill in a plan is the one that provides it.
 */
import type { Curriculum } from '../../model.js';
import { fixture } from './fixtures.js';
import type { FixtureSpec, ResourceSpec, StageSpec } from './fixtures.js';
import { seededRandom } from '../../random.js';

export interface RandomOptions {
  readonly seed: number;
  readonly skills: number;
  /** Chance that a skill requires a given earlier one (scaled down for long curricula). */
  readonly density: number;
  /**
   * Instead of `density`: about this many prerequisites per skill, each among the previous 30 skills,
   * at any length (a real curriculum's skills keep needing a few others however long it grows).
   */
  readonly requires?: number | undefined;
  readonly stages: number;
  readonly withAlongside: boolean;
  readonly corequisites: boolean;
}

export function randomCurriculum(o: RandomOptions): Curriculum {
  const rnd = seededRandom(o.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const ids = Array.from({ length: o.skills }, (_, i) => `s${i}`);
  const skills: Record<string, string[]> = {};
  ids.forEach((id, i) => {
    const reqs: string[] = [];
    const p =
      o.requires !== undefined ? Math.min(1, o.requires / Math.min(i, 30)) : Math.min(o.density, 4 / Math.max(1, i));
    for (let j = Math.max(0, i - 30); j < i; j++) {
      if (rnd() < p) reqs.push(o.corequisites && rnd() < 0.15 ? `~s${j}` : `s${j}`);
    }
    skills[id] = reqs;
  });
  const resources: Record<string, ResourceSpec> = {};
  let r = 0;
  let i = 0;
  while (i < ids.length) {
    // A run of consecutive skills (already in topological order) forms one resource with a unit each.
    const len = rnd() < 0.3 ? int(2, 4) : 1;
    const run = ids.slice(i, i + len);
    const units = run.map((s, k): [string, number, string[]] => [`u${k}`, int(1, 60) / 2, [s]]);
    resources[`r${r++}`] =
      units.length > 1
        ? { hours: units.reduce((a, u) => a + u[1], 0), teaches: run, units }
        : { hours: units[0]?.[1] ?? 1, teaches: run };
    // Sometimes an alternative resource for the first skill of the run.
    if (rnd() < 0.3) resources[`r${r++}`] = { hours: int(1, 60) / 2, teaches: [run[0] ?? 's0'], style: 'practical' };
    i += len;
  }
  const stageIds = Array.from({ length: Math.max(1, o.stages) }, (_, k) => `stage${k}`);
  const stageSkills: string[][] = stageIds.map(() => []);
  for (const id of ids) stageSkills[int(0, stageIds.length - 1)]?.push(id);
  const stages: StageSpec[] = stageIds.map((id, k) => ({
    id,
    skills: stageSkills[k] ?? [],
    alongside: o.withAlongside && k === stageIds.length - 1 && k > 0 ? stageIds[0] : undefined,
  }));
  const spec: FixtureSpec = {
    skills,
    resources,
    stages: o.stages > 0 ? stages : [],
    routes: o.stages > 0 ? [{ id: 'route', stages: stageIds, recommendedFor: ['p'] }] : [],
    startingPoints: [{ id: 'p', hoursPerWeek: 10, effortFactor: 1 }],
  };
  return fixture(spec);
}
