/**
 * @module skill-state
 * One progress model: the state of every skill, derived from every signal the learner gives.
 *
 * A skill is **done** when it is marked done, when it was known at the start (the starting point's
 * skills and the profile's own), or when all its work is done: every unit of the plan that teaches it
 * (a unit counts when it, or its whole resource, is marked done; skipped units drop out). A skill is
 * **skipped** when marked so; **learning** when marked so or when some of its work is started or done.
 * Its **share** is the part of its planned hours done (1 when done).
 *
 * "Its work" is the first plan's units that teach it (the plan from the profile alone, so the measure
 * does not move as the re-plan drops finished work). For a skill no planned unit teaches, or without a
 * plan, it is the units of the one resource that teaches it and is furthest along.
 *
 * Precedence, first match wins: marked done, marked skipped, known, work all done, marked learning,
 * work begun. Every view of progress (status bars, `status --json`, /api/status, /api/progress, the
 * roadmap, the Markdown checklist, readiness) reads these states and nothing else.
 */
import type { Curriculum } from './model.js';
import type { Plan, ProgressState } from './plan-model.js';
import { resolveSkillIds } from './planner/profile.js';

export type SkillStatus = 'done' | 'learning' | 'skipped';
/** Which signal decided the status. */
export type SkillSource = 'marked' | 'known' | 'work';

export interface SkillState {
  /** Undefined: not started. */
  readonly status: SkillStatus | undefined;
  readonly source: SkillSource | undefined;
  /** 0-1: the share of the skill's planned hours done (1 when done, whatever the signal). */
  readonly share: number;
}

export interface SkillStates {
  /** Every skill of the curriculum, plus any marked id the curriculum no longer lists. */
  readonly bySkill: ReadonlyMap<string, SkillState>;
  /** Skill id -> status, for skills that have one (absent = not started). */
  readonly statuses: ReadonlyMap<string, SkillStatus>;
  readonly done: ReadonlySet<string>;
}

export interface SkillSignals {
  readonly curriculum: Pick<Curriculum, 'skills' | 'resources'>;
  /** The fold of the progress log (marks, item statuses). */
  readonly progress: Pick<ProgressState, 'skills' | 'items'> | undefined;
  /** Skills known at the start (aliases are followed). */
  readonly known: readonly string[];
  /** The first plan (from the profile alone); undefined without a profile. */
  readonly plan: Plan | undefined;
}

interface WorkUnit {
  readonly key: string;
  readonly resource: string;
  readonly hours: number;
}

const NOT_STARTED: SkillState = { status: undefined, source: undefined, share: 0 };

/** The state of every skill from all signals. */
export function deriveSkillStates(signals: SkillSignals): SkillStates {
  const { curriculum, progress, plan } = signals;
  const known = new Set(resolveSkillIds(curriculum as Curriculum, signals.known));
  const marks = progress?.skills ?? new Map<string, SkillStatus>();
  const items = progress?.items ?? new Map<string, SkillStatus>();
  const planned = plannedWork(plan);
  const fallback = resourceWork(curriculum);

  const unitStatus = (unit: WorkUnit): SkillStatus | undefined => {
    const own = items.get(unit.key);
    const whole = unit.resource !== '' && unit.resource !== unit.key ? items.get(unit.resource) : undefined;
    if (own === 'done' || whole === 'done') return 'done';
    if (own === 'skipped' || whole === 'skipped') return 'skipped';
    return own ?? whole;
  };
  const workOf = (units: readonly WorkUnit[]): { complete: boolean; share: number; begun: boolean } => {
    let planned = 0;
    let done = 0;
    let begun = false;
    for (const unit of units) {
      const status = unitStatus(unit);
      if (status === 'skipped') continue;
      planned += unit.hours;
      if (status === 'done') done += unit.hours;
      if (status !== undefined) begun = true;
    }
    return { complete: planned > 0 && done >= planned, share: planned > 0 ? done / planned : 0, begun };
  };

  const bySkill = new Map<string, SkillState>();
  const statuses = new Map<string, SkillStatus>();
  const done = new Set<string>();
  const ids = [...curriculum.skills.map((s) => s.id), ...[...marks.keys()].filter((id) => !fallback.has(id))];
  for (const id of ids) {
    const mark = marks.get(id);
    const plannedUnits = planned.get(id);
    const work =
      plannedUnits !== undefined
        ? workOf(plannedUnits)
        : (fallback.get(id) ?? [])
            .map(workOf)
            .reduce(
              (best, w) =>
                (w.complete && !best.complete) || w.share > best.share || (!best.begun && w.begun) ? w : best,
              { complete: false, share: 0, begun: false },
            );
    let state: SkillState;
    if (mark === 'done') state = { status: 'done', source: 'marked', share: 1 };
    else if (mark === 'skipped') state = { status: 'skipped', source: 'marked', share: work.share };
    else if (known.has(id)) state = { status: 'done', source: 'known', share: 1 };
    else if (work.complete) state = { status: 'done', source: 'work', share: 1 };
    else if (mark === 'learning') state = { status: 'learning', source: 'marked', share: work.share };
    else if (work.begun) state = { status: 'learning', source: 'work', share: work.share };
    else state = NOT_STARTED;
    bySkill.set(id, state);
    if (state.status !== undefined) statuses.set(id, state.status);
    if (state.status === 'done') done.add(id);
  }
  return { bySkill, statuses, done };
}

/** Skill id -> the plan's units that teach it, each once with its planned hours (summed over weeks). */
function plannedWork(plan: Plan | undefined): Map<string, WorkUnit[]> {
  const units = new Map<string, { unit: WorkUnit; skills: readonly string[] }>();
  for (const week of plan?.weeks ?? []) {
    for (const task of week.tasks) {
      const key = task.key || (task.unit ? `${task.resource}/${task.unit}` : task.resource);
      const seen = units.get(key);
      const hours = (seen?.unit.hours ?? 0) + task.hours;
      units.set(key, { unit: { key, resource: task.resource, hours }, skills: seen?.skills ?? task.skills });
    }
  }
  const bySkill = new Map<string, WorkUnit[]>();
  for (const { unit, skills } of units.values()) {
    for (const skill of skills) {
      const list = bySkill.get(skill) ?? [];
      list.push(unit);
      bySkill.set(skill, list);
    }
  }
  return bySkill;
}

/** Skill id -> for each resource that teaches it, its units that do (a unit-less resource is one unit). */
function resourceWork(curriculum: Pick<Curriculum, 'skills' | 'resources'>): Map<string, WorkUnit[][]> {
  const bySkill = new Map<string, WorkUnit[][]>(curriculum.skills.map((s) => [s.id, []]));
  for (const resource of curriculum.resources) {
    const perSkill = new Map<string, WorkUnit[]>();
    if (resource.units.length === 0) {
      for (const skill of resource.teaches) perSkill.set(skill, [{ key: resource.id, resource: '', hours: 1 }]);
    }
    for (const unit of resource.units) {
      const work: WorkUnit = { key: `${resource.id}/${unit.id}`, resource: resource.id, hours: unit.hours || 1 };
      for (const skill of unit.teaches) perSkill.set(skill, [...(perSkill.get(skill) ?? []), work]);
    }
    // A resource marked done as a whole teaches everything it lists, units or not.
    for (const skill of resource.teaches) {
      if (!perSkill.has(skill)) perSkill.set(skill, [{ key: resource.id, resource: '', hours: 1 }]);
    }
    for (const [skill, work] of perSkill) bySkill.get(skill)?.push(work);
  }
  return bySkill;
}

/** Done and total skills of a group, and the mean share (partial progress, 0-1). */
export interface DoneOfTotal {
  readonly done: number;
  readonly total: number;
  readonly share: number;
}

function countOf(ids: readonly string[], states: SkillStates): DoneOfTotal {
  let done = 0;
  let share = 0;
  for (const id of ids) {
    const state = states.bySkill.get(id) ?? NOT_STARTED;
    if (state.status === 'done') done++;
    share += state.status === 'done' ? 1 : state.share;
  }
  return { done, total: ids.length, share: ids.length > 0 ? Math.round((share / ids.length) * 1000) / 1000 : 0 };
}

/** Stage id -> its skills done of total, in the curriculum's order. */
export function countsByStage(
  curriculum: Pick<Curriculum, 'stages'>,
  states: SkillStates,
): Record<string, DoneOfTotal> {
  const out: Record<string, DoneOfTotal> = {};
  for (const stage of curriculum.stages) out[stage.id] = countOf(stage.skills, states);
  return out;
}

/** Area -> its skills done of total. */
export function countsByArea(curriculum: Pick<Curriculum, 'skills'>, states: SkillStates): Record<string, DoneOfTotal> {
  const byArea = new Map<string, string[]>();
  for (const skill of curriculum.skills) byArea.set(skill.area, [...(byArea.get(skill.area) ?? []), skill.id]);
  return Object.fromEntries([...byArea].map(([area, ids]) => [area, countOf(ids, states)]));
}

/**
 * The one count of skills every face shows (status, GET /api/status and /api/progress, the web's progress
 * page): done of the skills **in the learner's plan** — the plan from the profile alone, so the route's
 * targets and their prerequisites, skills known at the start left out, optional stages only when the
 * profile asks for them — by stage in the route's order (each skill under its first stage, stages with
 * none left out) and in all; and done of **every skill in the curriculum**, for scale. Without a plan
 * (no profile yet) the plan's count is the curriculum's.
 */
export interface SkillTotals {
  readonly plan: DoneOfTotal;
  readonly curriculum: DoneOfTotal;
  readonly byStage: readonly (DoneOfTotal & { readonly id: string })[];
}

export function skillTotals(
  curriculum: Pick<Curriculum, 'stages' | 'skills'>,
  stageOrder: readonly string[] | undefined,
  planSkills: readonly string[] | undefined,
  states: SkillStates,
): SkillTotals {
  const all = curriculum.skills.map((s) => s.id);
  const inPlan = new Set(planSkills ?? all);
  const stages = new Map(curriculum.stages.map((s) => [s.id, s]));
  const listed = new Set<string>();
  const byStage: (DoneOfTotal & { id: string })[] = [];
  for (const id of stageOrder ?? curriculum.stages.map((s) => s.id)) {
    const skills = (stages.get(id)?.skills ?? []).filter((s) => inPlan.has(s) && !listed.has(s));
    if (skills.length === 0) continue;
    for (const s of skills) listed.add(s);
    byStage.push({ id, ...countOf(skills, states) });
  }
  return { plan: countOf([...inPlan], states), curriculum: countOf(all, states), byStage };
}

/**
 * The skills a learner's record lists, and so counts: those of the route's stages in order (each
 * under its first stage), then any other skill that has a status (known, marked or worked on), sorted.
 * Without a route, the curriculum's stages in order.
 */
export interface SkillRecord {
  readonly sections: readonly { readonly stage: string; readonly skills: readonly string[] }[];
  readonly others: readonly string[];
  /** Done of total over every skill listed. */
  readonly count: DoneOfTotal;
}

export function skillRecord(
  curriculum: Pick<Curriculum, 'stages'>,
  stageOrder: readonly string[] | undefined,
  states: SkillStates,
): SkillRecord {
  const stages = new Map(curriculum.stages.map((s) => [s.id, s]));
  const listed = new Set<string>();
  const sections: { stage: string; skills: string[] }[] = [];
  for (const id of stageOrder ?? curriculum.stages.map((s) => s.id)) {
    const skills = (stages.get(id)?.skills ?? []).filter((s) => !listed.has(s));
    if (skills.length === 0) continue;
    for (const s of skills) listed.add(s);
    sections.push({ stage: id, skills });
  }
  const others = [...states.statuses.keys()].filter((id) => !listed.has(id)).sort();
  return { sections, others, count: countOf([...listed, ...others], states) };
}
