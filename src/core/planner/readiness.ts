/**
 * @module planner/readiness
 * How job-ready a learner is for a role: the share of the role's skill weights whose skills are done
 * (marked done, known, or taught by a resource or unit marked done), and the largest gaps. A
 * curriculum without roles weighs every skill 1. With `recall` (skill id -> retrievability 0-1, from
 * spaced review), a done skill counts in proportion to how well it is remembered; a done skill
 * without reviewed cards counts whole.
 */
import { findRole, readinessWeights } from '../model.js';
import type { Curriculum } from '../model.js';
import type { ProgressState, Readiness } from '../plan-model.js';
import { DEFAULT_ROLE, resolveSkillIds } from './profile.js';

export function readinessFor(
  curriculum: Curriculum,
  roleId: string | undefined,
  progress: ProgressState,
  known: readonly string[] = [],
  recall: ReadonlyMap<string, number> = new Map(),
): Readiness {
  const role = findRole(curriculum, roleId ?? DEFAULT_ROLE) ?? (roleId === undefined ? curriculum.roles[0] : undefined);
  const weights = role
    ? readinessWeights(role)
    : curriculum.roles.length === 0
      ? curriculum.skills.map((s) => ({ skill: s.id, weight: 1 }))
      : [];
  const done = doneSkills(curriculum, progress, known);
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
 * The skills a learner has: known ones, ones marked done, and ones taught by a resource or unit marked
 * done (old skill ids follow the skills' aliases).
 */
export function doneSkills(
  curriculum: Curriculum,
  progress: ProgressState | undefined,
  known: readonly string[] = [],
): Set<string> {
  const done = new Set(resolveSkillIds(curriculum, known));
  if (!progress) return done;
  for (const [id, status] of progress.skills)
    if (status === 'done') done.add(resolveSkillIds(curriculum, [id])[0] ?? id);
  for (const r of curriculum.resources) {
    if (progress.items.get(r.id) === 'done') for (const s of r.teaches) done.add(s);
    for (const u of r.units)
      if (progress.items.get(`${r.id}/${u.id}`) === 'done') for (const s of u.teaches) done.add(s);
  }
  return done;
}
