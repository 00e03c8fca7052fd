/**
 * @module skills
 * What the roadmap shows of each skill: its colours by area and status, and the stages in the
 * order the learner's route takes them (from the curriculum's roadmap view).
 */
import type { Area } from '../../../src/core/model.js';
import type { RoadmapCurriculum, RoadmapSkill, Status } from './api.js';

export type Stage = RoadmapCurriculum['stages'][number];

/**
 * Area colours: a light tint for a skill, a band that marks its area, and a strong fill for a
 * skill done (white text on it keeps at least 4.5:1 contrast).
 */
export const AREA_COLOURS: Readonly<Record<Area, { band: string; tint: string; tintDark: string; strong: string }>> = {
  software: { band: '#2563eb', tint: '#eff6ff', tintDark: '#172554', strong: '#1d4ed8' },
  data: { band: '#0891b2', tint: '#ecfeff', tintDark: '#083344', strong: '#0e7490' },
  math: { band: '#7c3aed', tint: '#f5f3ff', tintDark: '#2e1065', strong: '#6d28d9' },
  ml: { band: '#db2777', tint: '#fdf2f8', tintDark: '#500724', strong: '#be185d' },
  'deep-learning': { band: '#dc2626', tint: '#fef2f2', tintDark: '#450a0a', strong: '#b91c1c' },
  mlops: { band: '#ea580c', tint: '#fff7ed', tintDark: '#431407', strong: '#c2410c' },
  domain: { band: '#16a34a', tint: '#f0fdf4', tintDark: '#052e16', strong: '#15803d' },
  career: { band: '#4b5563', tint: '#f9fafb', tintDark: '#111827', strong: '#374151' },
};

export const STATUS_STYLE: Readonly<Record<Status | 'none', { border: string; mark: string }>> = {
  done: { border: '#15803d', mark: '✓' },
  learning: { border: '#b45309', mark: '◐' },
  skipped: { border: '#6b7280', mark: '⤼' },
  none: { border: '#94a3b8', mark: '○' },
};

/** Stages in the order of the given route (or the first route), then any the route leaves out. */
export function stagesInOrder(curriculum: RoadmapCurriculum, routeId: string | undefined): Stage[] {
  const route = curriculum.routes.find((r) => r.id === routeId) ?? curriculum.routes[0];
  const byId = new Map(curriculum.stages.map((stage) => [stage.id, stage]));
  const ordered: Stage[] = [];
  for (const id of route?.stages ?? []) {
    const stage = byId.get(id);
    if (stage) ordered.push(stage);
  }
  for (const stage of curriculum.stages) if (!ordered.includes(stage)) ordered.push(stage);
  return ordered;
}

/** Skills grouped by stage (in route order); each skill appears under its first stage only. */
export function skillsByStage(
  curriculum: RoadmapCurriculum,
  routeId: string | undefined,
): { stage: Stage | undefined; skills: RoadmapSkill[] }[] {
  const skills = new Map(curriculum.skills.map((skill) => [skill.id, skill]));
  const seen = new Set<string>();
  const groups: { stage: Stage | undefined; skills: RoadmapSkill[] }[] = [];
  for (const stage of stagesInOrder(curriculum, routeId)) {
    const members: RoadmapSkill[] = [];
    for (const id of stage.skills) {
      const skill = skills.get(id);
      if (skill && !seen.has(id)) {
        seen.add(id);
        members.push(skill);
      }
    }
    if (members.length > 0) groups.push({ stage, skills: members });
  }
  const rest = curriculum.skills.filter((skill) => !seen.has(skill.id));
  if (rest.length > 0) groups.push({ stage: undefined, skills: rest });
  return groups;
}
