/**
 * @module planner/readiness
 * How job-ready a learner is for a role: the share of the role's skill weights whose skills are done
 * (by the one progress model, skill-state.ts), and the largest gaps. A curriculum without roles
 * weighs every skill 1. With `recall` (skill id -> retrievability 0-1, from spaced review), a done
 * skill counts in proportion to how well it is remembered; a done skill without reviewed cards
 * counts whole.
 */
import { findRole, readinessWeights } from '../model.js';
import type { Curriculum } from '../model.js';
import type { ProgressState, Readiness } from '../plan-model.js';
import { deriveSkillStates } from '../skill-state.js';
import type { SkillStates } from '../skill-state.js';
import { DEFAULT_ROLE } from './profile.js';

/** Readiness from the derived skill states (see skill-state.ts). */
export function readinessFor(
  curriculum: Curriculum,
  roleId: string | undefined,
  states: Pick<SkillStates, 'done'>,
  recall: ReadonlyMap<string, number> = new Map(),
): Readiness {
  const role = findRole(curriculum, roleId ?? DEFAULT_ROLE) ?? (roleId === undefined ? curriculum.roles[0] : undefined);
  const weights = role
    ? readinessWeights(role)
    : curriculum.roles.length === 0
      ? curriculum.skills.map((s) => ({ skill: s.id, weight: 1 }))
      : [];
  const done = states.done;
  let total = 0;
  let have = 0;
  const gaps: { skill: string; weight: number }[] = [];
  const order = new Map(curriculum.skills.map((s, i) => [s.id, i]));
  for (const w of weights) {
    total += w.weight;
    if (done.has(w.skill)) have += w.weight * Math.min(1, Math.max(0, recall.get(w.skill) ?? 1));
    else gaps.push({ skill: w.skill, weight: w.weight });
  }
  gaps.sort((a, b) => b.weight - a.weight || (order.get(a.skill) ?? 0) - (order.get(b.skill) ?? 0));
  return { percent: total > 0 ? Math.round((1000 * have) / total) / 10 : 0, gaps };
}

/**
 * The skills a learner has, by the one progress model without a plan (marks, known skills, and the
 * work of the resource furthest along): for callers that have no profile to plan from.
 */
export function doneSkills(
  curriculum: Curriculum,
  progress: ProgressState | undefined,
  known: readonly string[] = [],
): ReadonlySet<string> {
  return deriveSkillStates({ curriculum, progress, known, plan: undefined }).done;
}
