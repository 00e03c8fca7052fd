/**
 * @module planner/tasks
 * The effort model and the task graph.
 *
 * Effort: a resource unit takes the provider's hours x the learner factor (starting point's, or the
 * learner's own, kept within 0.8-2.0). A skill with its own `hours` (imported curricula carry them)
 * takes those hours x the factor; the factor is 1 for a curriculum without starting points unless the
 * learner sets one. A resource the learner brings takes the hours they gave, as they are. Block stages
 * (portfolio, job search) are time boxes at the learner's weekly hours and take no factor.
 *
 * Order: a task waits for the tasks that provide the prerequisites of the skills it provides (for a
 * corequisite, only until that task has started). Units of a resource follow their authored order,
 * which also stands for prerequisites between skills the same resource provides. A unit that
 * provides nothing new (a second resource of a chosen option) waits only for earlier stages.
 * Portfolio projects follow their stage's study and each other; the job search (and its reading)
 * waits for everything else. Bedside reading waits for its own prerequisites but gates nothing: a
 * skill only bedside reading covers passes its prerequisites on to its dependants.
 * Priority among ready tasks: route stage, then the order resources were chosen in, then unit order
 * (skills studied from their own hours: prerequisite order).
 */
import { MlpathError } from '../errors.js';
import type { Curriculum, Stage, Text } from '../model.js';
import type { TaskKind, Words } from '../plan-model.js';
import { candidateTitle } from './choose.js';
import type { Candidate, CandidateUnit, Choice } from './choose.js';
import { JOB_SEARCH_STAGE } from './needs.js';
import type { Analysis, Needs } from './needs.js';
import { said, sentences, tenths, titled } from './texts.js';
import { MIN_CHUNK } from './schedule.js';
import { studyTitle, unitWhy } from './task-words.js';

/** A calendar month in weeks (365.25 / 12 / 7): portfolio projects are month-long. */
export const WEEKS_PER_MONTH = 4.35;

export interface PlannerTask {
  /** The progress key: `resource`, `resource/unit`, a skill id, a project id or a stage id. */
  readonly key: string;
  readonly kind: TaskKind;
  readonly stage: string;
  readonly resource: string;
  readonly unit: string | undefined;
  /** Needed skills the task teaches. */
  readonly skills: readonly string[];
  /** Skills this task provides (dependants wait for it). */
  readonly provides: readonly string[];
  /** Estimated hours for this learner (factor applied), before any pace correction. */
  readonly hours: number;
  /** The hours in hundredths (at least one), as the schedule counts them. */
  readonly centi: number;
  /** Block tasks are time boxes: a pace correction does not stretch them. */
  readonly block: boolean;
  /**
   * The title and reason of a task that is no unit of a resource (skills from their own hours, blocks).
   * A unit's are worded only when a plan shows it (`taskWords`), from `candidate` and `studied`.
   */
  readonly words: TaskWords | undefined;
  /** The resource a study task is a unit of, and the unit (as taken: skimmed or not). */
  readonly candidate?: Candidate | undefined;
  readonly studied?: CandidateUnit | undefined;
  readonly track: number;
  readonly priority: number;
  readonly preds: readonly number[];
  readonly coPreds: readonly number[];
  /** Held until the main track starts a task of at least this priority, or has nothing else to do. */
  readonly holdUntil?: number | undefined;
  /** A project template's milestones, for project tasks. */
  readonly milestones: readonly Text[];
}

/** Hours as the schedule counts them: in hundredths, rounded, at least one. */
export function centiOf(hours: number): number {
  return Math.max(1, Math.round(hours * 100));
}

export interface TaskWords {
  readonly title: Words;
  readonly why: Words;
}

/**
 * A task's title and reason as the planner words them (see task-words.ts): a task that is no unit of
 * a resource carries its own; a unit's are made from its resource and what it teaches.
 */
export function taskWords(task: PlannerTask, analysis: Analysis): TaskWords {
  if (task.words) return task.words;
  const c = task.candidate;
  const unit = task.studied;
  // Every task is worded when built or is a unit of a resource: this is never reached.
  if (!c || !unit)
    throw new MlpathError({ code: 'INTERNAL', key: 'internal.taskWithoutWords', params: { task: task.key } });
  return {
    title: studyTitle(candidateTitle(c), unit.title),
    why: unitWhy(unit.skim !== undefined, task.skills, (id) => analysis.skills.get(id)?.title),
  };
}

/**
 * The title of a skill, resource or unit key (`resource/unit`) by the rule of `studyTitle`; undefined
 * for a key the curriculum does not hold.
 */
export function itemTitleWords(curriculum: Pick<Curriculum, 'skills' | 'resources'>, key: string): Words | undefined {
  const skill = curriculum.skills.find((s) => s.id === key);
  if (skill) return skill.title;
  const [resourceId, unitId] = key.split('/');
  const resource = curriculum.resources.find((r) => r.id === resourceId);
  if (!resource) return undefined;
  const name = titled(resource.title, resource.localTitle);
  if (unitId === undefined) return name;
  const unit = resource.units.find((u) => u.id === unitId);
  return unit ? studyTitle(name, unit.title) : undefined;
}

export interface TaskInput {
  readonly curriculum: Curriculum;
  readonly analysis: Analysis;
  readonly needs: Needs;
  readonly choice: Choice;
  readonly factor: number;
  readonly hoursPerWeek: number;
  /** Skills studied from their own (or the curriculum's default) hours, with no resource. */
  readonly hourSkills: readonly string[];
  readonly blockStages: readonly Stage[];
}

/** The one empty list tasks without predecessors or milestones share. */
const NONE: never[] = [];

export function buildTasks(input: TaskInput): PlannerTask[] {
  const { curriculum, analysis, needs, choice, factor } = input;
  const stageRank = new Map(needs.stages.map((s, i) => [s.id, i]));
  const alongside = new Set(needs.stages.filter((s) => s.alongside !== undefined).map((s) => s.id));
  const drafts: Array<
    Omit<PlannerTask, 'preds' | 'coPreds' | 'holdUntil'> & { preds: number[]; coPreds: number[]; holdUntil?: number }
  > = [];
  /** The pick (or block) each task belongs to: within one, the authored unit order rules. */
  const group: number[] = [];
  // The task that provides each skill, and whether only bedside reading covers it, by the skill's number
  // in the graph: arrays instead of maps keyed by id (a skill outside the graph falls back to a map).
  const numberOf = analysis.graph.indexOf;
  const providerAt = new Int32Array(analysis.graph.ids.length).fill(-1);
  const ambientAt = new Uint8Array(analysis.graph.ids.length);
  const elsewhere = new Map<string, { task: number; ambient: boolean }>();
  const provider = {
    set(skill: string, task: number): void {
      const i = numberOf.get(skill);
      if (i === undefined) elsewhere.set(skill, { task, ambient: elsewhere.get(skill)?.ambient ?? false });
      else providerAt[i] = task;
    },
    get(skill: string): number | undefined {
      const i = numberOf.get(skill);
      const task = i === undefined ? (elsewhere.get(skill)?.task ?? -1) : (providerAt[i] ?? -1);
      return task < 0 ? undefined : task;
    },
  };
  const ambientSkill = {
    add(skill: string): void {
      const i = numberOf.get(skill);
      if (i === undefined) elsewhere.set(skill, { task: elsewhere.get(skill)?.task ?? -1, ambient: true });
      else ambientAt[i] = 1;
    },
    has(skill: string): boolean {
      const i = numberOf.get(skill);
      return i === undefined ? elsewhere.get(skill)?.ambient === true : ambientAt[i] === 1;
    },
  };
  // Within a stage a track finishes one resource before the next, in the order they were chosen
  // (CS50 before the Python course); skills studied from their own hours follow prerequisite order.
  const priorityOf = (stage: string, order: number, unit: number): number =>
    (stageRank.get(stage) ?? needs.stages.length) * 1e9 + order * 1e4 + Math.min(unit, 9999);

  // Study tasks: one per unit taken of each picked resource.
  choice.picks.forEach((pick, pickIndex) => {
    const c: Candidate = pick.candidate;
    // A pick provides a few skills: looked up in its own list, no set made per pick.
    const provides = pick.provides;
    const f = c.own ? 1 : factor;
    let previous = -1;
    pick.units.forEach((unit, k) => {
      // The unit's own list where it all counts (the usual case): no copy per task.
      const skills = unit.teaches.every((s) => needs.needed.has(s))
        ? unit.teaches
        : unit.teaches.filter((s) => needs.needed.has(s));
      const unitProvides = skills.every((s) => provides.includes(s))
        ? skills
        : skills.filter((s) => provides.includes(s));
      if (unit.hours * f <= 0) return;
      // A five-minute article still takes a sitting: no task is planned under a quarter hour.
      const hours = Math.max(unit.hours * f, MIN_CHUNK / 100);
      const index = drafts.length;
      drafts.push({
        key: unit.id ? `${c.id}/${unit.id}` : c.id,
        kind: c.ambient ? 'ambient' : 'study',
        stage: pick.stage,
        resource: c.id,
        unit: unit.id,
        skills,
        provides: unitProvides,
        hours,
        centi: centiOf(hours),
        block: false,
        words: undefined,
        candidate: c,
        studied: unit,
        track: c.ambient ? -1 : alongside.has(pick.stage) ? 1 : 0,
        priority: priorityOf(pick.stage, pickIndex, k),
        preds: previous >= 0 ? [previous] : NONE,
        coPreds: NONE,
        milestones: NONE,
      });
      group[index] = pickIndex;
      for (const s of unitProvides) {
        provider.set(s, index);
        if (c.ambient) ambientSkill.add(s);
      }
      previous = index;
    });
  });

  // Skills studied from their own hours (imports) or the curriculum's default hours.
  const topo = new Map(input.hourSkills.length > 0 ? needs.order.map((s, i) => [s, i]) : []);
  for (const id of input.hourSkills) {
    const skill = analysis.skills.get(id);
    if (!skill) continue;
    const own = needs.level.get(id) === 'shortcut' && skill.shortcut ? skill.shortcut.hours : skill.hours;
    const base = own ?? curriculum.meta.defaultSkillHours ?? 0;
    const hours = base * factor;
    if (hours <= 0) continue;
    const stage = needs.stageOf.get(id) ?? needs.stages[0]?.id ?? 'study';
    provider.set(id, drafts.length);
    drafts.push({
      key: id,
      kind: 'study',
      stage,
      resource: '',
      unit: undefined,
      skills: [id],
      provides: [id],
      hours,
      centi: centiOf(hours),
      block: false,
      words: {
        title: skill.title,
        why: sentences([
          skill.summary,
          said(factor !== 1 ? 'hours.aboutFactor' : 'hours.about', {
            hours: tenths(hours),
            origin: said(own !== undefined ? 'origin.skill' : 'origin.default'),
            factor,
          }),
        ]),
      },
      track: alongside.has(stage) ? 1 : 0,
      priority: priorityOf(stage, choice.picks.length + (topo.get(id) ?? 0), 0),
      preds: [],
      coPreds: [],
      milestones: [],
    });
  }

  // Block stages: portfolio projects (month-long) and the job search, at the learner's weekly hours.
  const blockTasks: number[] = [];
  for (const stage of input.blockStages) {
    const block = stage.block;
    if (!block) continue;
    const hours = block.hours ?? (block.weeks ?? 0) * input.hoursPerWeek;
    if (hours <= 0) continue;
    const skills = stage.skills.filter((s) => needs.needed.has(s));
    const isJobSearch = stage.id === JOB_SEARCH_STAGE;
    const rank = stageRank.get(stage.id) ?? needs.stages.length;
    if (isJobSearch) {
      const index = drafts.length;
      drafts.push({
        key: stage.id,
        kind: 'job-search',
        stage: stage.id,
        resource: stage.id,
        unit: undefined,
        skills,
        provides: skills,
        hours,
        centi: centiOf(hours),
        block: true,
        words: { title: stage.title, why: block.reason },
        track: 0,
        priority: rank * 1e9 + 9e8,
        preds: [],
        coPreds: [],
        milestones: [],
      });
      blockTasks.push(index);
      group[index] = -1 - blockTasks.length;
      for (const s of skills) provider.set(s, index);
      continue;
    }
    const weeks = hours / input.hoursPerWeek;
    const count = Math.max(1, Math.round(weeks / WEEKS_PER_MONTH));
    const templates = curriculum.projects.filter((p) => p.domain === needs.domain?.id);
    let previous = -1;
    for (let k = 0; k < count; k++) {
      const template = templates[k];
      const index = drafts.length;
      const id = template?.id ?? `${stage.id}-project-${k + 1}`;
      drafts.push({
        key: id,
        kind: 'project',
        stage: stage.id,
        resource: id,
        unit: undefined,
        skills,
        provides: k === count - 1 ? skills : [],
        hours: hours / count,
        centi: centiOf(hours / count),
        block: true,
        words: {
          title: template?.title ?? said('task.project', { n: k + 1 }),
          why: sentences([template?.summary, block.reason, said('task.month', { hours: tenths(hours / count) })]),
        },
        track: 0,
        priority: rank * 1e9 + 8e8 + k,
        preds: previous >= 0 ? [previous] : [],
        coPreds: [],
        milestones: template?.milestones ?? [],
      });
      blockTasks.push(index);
      group[index] = -1000 - (stageRank.get(stage.id) ?? 0);
      previous = index;
    }
    for (const s of skills) provider.set(s, previous);
  }

  // Prerequisite edges between tasks, through the providers of each skill's prerequisites.
  /** Bedside skills passed through from the current gating skill (one set, cleared for each). */
  const seen = new Set<string>();
  /**
   * Calls `gate` with each task that provides a prerequisite of `skill` (and whether it is only a
   * corequisite), passing through skills only bedside reading covers; `top` is the gating skill.
   */
  const gatesOf = (top: string, skill: string, gate: (task: number, co: boolean) => void, co = false): void => {
    const s = analysis.skills.get(skill);
    if (!s) return;
    const reqs = needs.level.get(skill) === 'shortcut' && s.shortcut ? s.shortcut.requires : s.requires;
    for (const r of reqs) {
      if (!needs.needed.has(r.skill) || r.skill === top || seen.has(r.skill)) continue;
      if (ambientSkill.has(r.skill)) {
        seen.add(r.skill);
        gatesOf(top, r.skill, gate, co || r.corequisite);
        continue;
      }
      const p = provider.get(r.skill);
      if (p !== undefined) gate(p, co || r.corequisite);
    }
  };
  // One pass over the tasks with marks instead of a set per task: predMark[t] === i + 1 when task t
  // is already a prerequisite of task i, coMark likewise for corequisites.
  const predMark = new Int32Array(drafts.length);
  const coMark = new Int32Array(drafts.length);
  let at = 0;
  let rankAt = 0;
  let incidental = false;
  // Scratch lists, emptied for each task (what a task keeps is copied to its size).
  const preds: number[] = [];
  const co: number[] = [];
  const gate = (task: number, isCo: boolean): void => {
    // Within one resource the authored order of its units stands for its own prerequisites.
    if (task === at || (group[at] !== undefined && group[at] === group[task])) return;
    // A unit that provides nothing new waits only for earlier stages, not for its own stage's
    // other resources (it goes over ground they cover).
    if (incidental && (stageRank.get(drafts[task]?.stage ?? '') ?? 0) >= rankAt) return;
    const mark = isCo ? coMark : predMark;
    if (mark[task] === at + 1) return;
    mark[task] = at + 1;
    (isCo ? co : preds).push(task);
  };
  drafts.forEach((task, i) => {
    // A task that provides nothing (a second resource of a chosen option) waits like one that would.
    const rank = stageRank.get(task.stage) ?? needs.stages.length;
    // Bedside reading waits for the prerequisites of all it teaches (nothing waits for it in turn).
    const gating =
      task.kind === 'ambient'
        ? task.skills
        : task.provides.length > 0
          ? task.provides
          : task.skills.filter((s) => (stageRank.get(needs.stageOf.get(s) ?? '') ?? 0) <= rank);
    at = i;
    rankAt = rank;
    incidental = task.provides.length === 0 && task.kind !== 'ambient';
    preds.length = 0;
    co.length = 0;
    for (const p of task.preds) {
      if (predMark[p] === i + 1) continue;
      predMark[p] = i + 1;
      preds.push(p);
    }
    for (const s of gating) {
      seen.clear();
      gatesOf(s, s, gate);
    }
    // Copied to its size (a list grown by push keeps room for 17 entries), or the task's own list when
    // gating added nothing to it.
    const own = task.preds;
    task.preds =
      preds.length === 0
        ? NONE
        : preds.length === own.length && preds.every((p, k) => p === own[k])
          ? own
          : preds.slice();
    task.coPreds = co.length === 0 ? NONE : co.filter((p) => predMark[p] !== i + 1);
  });
  // A stage studied alongside a stage the route takes before it (maths alongside shallow ML) is held
  // until the main track reaches that stage: the article puts the maths next to shallow ML, not next to
  // coding. A route that takes it first (university: maths early) keeps it early.
  for (const stage of needs.stages) {
    const partner = stage.alongside;
    const partnerRank = partner === undefined ? undefined : stageRank.get(partner);
    if (partnerRank === undefined || partnerRank > (stageRank.get(stage.id) ?? -1)) continue;
    for (const task of drafts)
      if (task.stage === stage.id && task.kind !== 'ambient') task.holdUntil = partnerRank * 1e9;
  }
  // The job search stage's own reading belongs to the job search: it waits for everything else.
  drafts.forEach((task) => {
    if (task.stage !== JOB_SEARCH_STAGE || task.block) return;
    const preds = new Set(task.preds);
    drafts.forEach((other, j) => {
      if (other.stage !== JOB_SEARCH_STAGE && other.kind !== 'ambient' && other.kind !== 'project') preds.add(j);
    });
    task.preds = [...preds];
  });
  // Projects follow their stage's study; the job search follows everything outside its stage.
  for (const b of blockTasks) {
    const task = drafts[b];
    if (!task) continue;
    const preds = new Set(task.preds);
    drafts.forEach((other, j) => {
      if (j === b || other.kind === 'ambient' || other.block) return;
      if (task.kind === 'job-search' ? other.stage !== task.stage : other.stage === task.stage) preds.add(j);
    });
    if (task.kind === 'job-search') drafts.forEach((other, j) => other.kind === 'project' && preds.add(j));
    task.preds = [...preds];
  }
  return drafts;
}
