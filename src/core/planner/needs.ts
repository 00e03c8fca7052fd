/**
 * @module planner/needs
 * What a learner needs to study: the targets (a role's weighted skills, or one skill; plus the
 * chosen domain's skills and the route's block stages: portfolio and job search), their
 * prerequisites, minus what is known (a known skill also hides prerequisites reachable only through
 * it). A curriculum with no roles (an import) targets all of its skills, except those only taught by
 * the options of a choose-one group that were not taken. Also assigns each needed skill to a stage.
 */
import { neededClosure, skillGraphFrom, SkillTable } from '../graph.js';
import type { NeedLevel, SkillGraph, SkillLookup, SkillSet } from '../graph.js';
import { findRole } from '../model.js';
import type { Curriculum, Domain, Role, Skill, Stage } from '../model.js';
import type { Profile, Said, Words } from '../plan-model.js';
import { DEFAULT_ROLE, resolveSkillIds, startingPointOf } from './profile.js';
import { said } from './texts.js';

/** The stage id given to every skill when a curriculum has no routes or stages. */
export const PSEUDO_STAGE = 'study';
/** The stage of needed skills that no stage lists and no staged skill needs. */
export const OTHER_STAGE = 'other-skills';
/** The stage that takes the chosen domain's skills, by convention. */
export const DOMAIN_STAGE = 'domain-portfolio';
/** The stage that ends a plan and is not part of being job-ready, by convention. */
export const JOB_SEARCH_STAGE = 'job-search';

export interface Analysis {
  readonly graph: SkillGraph;
  /** Skills by id, through the graph's numbering (no map of its own). */
  readonly skills: SkillLookup<Skill>;
}

const analyses = new WeakMap<Curriculum, Analysis>();

/** The skill graph and indexes of a curriculum, built once per curriculum object. */
export function analyse(curriculum: Curriculum): Analysis {
  const cached = analyses.get(curriculum);
  if (cached) return cached;
  const graph = skillGraphFrom(curriculum.skills);
  const all = curriculum.skills;
  const skills: SkillLookup<Skill> = {
    get: (id) => {
      const i = graph.indexOf.get(id);
      return i === undefined ? undefined : all[i];
    },
    has: (id) => graph.indexOf.has(id),
  };
  const result = { graph, skills };
  analyses.set(curriculum, result);
  return result;
}

export interface Needs {
  /** Target skill ids. */
  readonly targets: readonly string[];
  /** The role planned for, if the target is a role. */
  readonly role: Role | undefined;
  readonly domain: Domain | undefined;
  /** Everything known: the starting point's skills, the learner's and those done in progress. */
  readonly known: ReadonlySet<string>;
  /** Needed skills, prerequisites first. */
  readonly order: readonly string[];
  readonly needed: SkillSet;
  readonly level: SkillLookup<NeedLevel>;
  /** Stage ids in route order (a single pseudo stage for curricula without stages). */
  readonly stages: readonly Stage[];
  /** Stage id of each needed skill. */
  readonly stageOf: SkillLookup<string>;
  /** Whether the plan includes the route's block stages (role targets do; a single skill does not). */
  readonly withBlocks: boolean;
}

/** The default domain: the learner's, else the curriculum's first. */
export function domainFor(curriculum: Curriculum, profile: Profile): Domain | undefined {
  return curriculum.domains.find((d) => d.id === profile.domain) ?? curriculum.domains[0];
}

/** The stages of a route in order (with stages the route does not list left out). */
export function routeStages(curriculum: Curriculum, routeStageIds: readonly string[] | undefined): Stage[] {
  if (routeStageIds === undefined) return [...curriculum.stages];
  const byId = new Map(curriculum.stages.map((s) => [s.id, s]));
  return routeStageIds.flatMap((id) => {
    const s = byId.get(id);
    return s ? [s] : [];
  });
}

export function neededSkills(
  curriculum: Curriculum,
  profile: Profile,
  stages: readonly Stage[],
  excludedOptionSkills: ReadonlySet<string>,
  extraKnown: Iterable<string> = [],
  goal: readonly string[] | undefined = undefined,
): Needs {
  const { graph, skills } = analyse(curriculum);
  const point = startingPointOf(curriculum, profile.startingPoint);
  const known = new Set(resolveSkillIds(curriculum, [...(point?.known ?? []), ...profile.known, ...extraKnown]));
  const domain = domainFor(curriculum, profile);
  const targetIsSkill =
    profile.target !== undefined && findRole(curriculum, profile.target) === undefined && skills.has(profile.target);
  let role: Role | undefined;
  let targets: string[];
  if (goal !== undefined) {
    // A goal of skills (what kept job postings ask for) replaces the role's and domain's skills; the
    // route's blocks (portfolio, job search) stay, since the goal is still a job.
    role = curriculum.roles.length > 0 ? findRole(curriculum, profile.target ?? DEFAULT_ROLE) : undefined;
    targets = [
      ...resolveSkillIds(curriculum, goal).filter((id) => skills.has(id)),
      ...stages.filter((s) => s.block !== undefined).flatMap((s) => s.skills),
    ];
  } else if (targetIsSkill) {
    targets = resolveSkillIds(curriculum, [profile.target ?? '']);
  } else if (curriculum.roles.length > 0) {
    role =
      findRole(curriculum, profile.target ?? DEFAULT_ROLE) ??
      curriculum.roles.find((r) => r.id === DEFAULT_ROLE) ??
      curriculum.roles[0];
    // An optional stage ("if needed") contributes only the skills other targets require: its own
    // skills are not targets of the role.
    const optionalOnly = new Set(stages.filter((s) => s.optional).flatMap((s) => s.skills));
    for (const s of stages) if (!s.optional) for (const id of s.skills) optionalOnly.delete(id);
    // A market-ready target adds every skill the role's postings ask, optional stages included.
    const market = profile.marketReady === true ? (role?.market.map((w) => w.skill) ?? []) : [];
    targets = [
      ...(role?.weights.map((w) => w.skill).filter((id) => !optionalOnly.has(id)) ?? []),
      ...resolveSkillIds(curriculum, market).filter((id) => skills.has(id)),
      ...(domain?.skills ?? []),
      ...stages.filter((s) => s.block !== undefined).flatMap((s) => s.skills),
    ];
  } else {
    targets = curriculum.skills.map((s) => s.id).filter((id) => !excludedOptionSkills.has(id));
  }
  const closure = neededClosure(graph, targets, known);
  // A skill is needed when it has a level: no set of its own.
  const needed: SkillSet = closure.level;

  // Stage of each needed skill: the first stage listing it; domain skills go to the domain stage;
  // the rest take the earliest stage of a skill that needs them (else the last study stage).
  const stageOf = new SkillTable<string>(graph);
  const effectiveStages: Stage[] = stages.length > 0 ? [...stages] : [pseudoStage()];
  const rank = new Map(effectiveStages.map((s, i) => [s.id, i]));
  for (const s of effectiveStages)
    for (const id of s.skills) if (needed.has(id) && !stageOf.has(id)) stageOf.set(id, s.id);
  const domainStage =
    effectiveStages.find((s) => s.id === DOMAIN_STAGE) ??
    effectiveStages.find((s) => s.block !== undefined) ??
    effectiveStages[effectiveStages.length - 1];
  if (domain && domainStage)
    for (const id of domain.skills) if (needed.has(id) && !stageOf.has(id)) stageOf.set(id, domainStage.id);
  // A skill no stage lists and no staged skill needs (a Metacademy concept outside its courses)
  // goes to a stage of its own, "Other skills", after the last study stage: never under a stage
  // it has nothing to do with.
  const other = otherStage(effectiveStages);
  let otherUsed = false;
  for (let k = closure.order.length - 1; k >= 0; k--) {
    const id = closure.order[k] ?? '';
    if (stageOf.has(id)) continue;
    const i = graph.indexOf.get(id);
    let best: string | undefined;
    const first = i === undefined ? 0 : (graph.dependantStart[i] ?? 0);
    const end = i === undefined ? 0 : (graph.dependantStart[i + 1] ?? 0);
    for (let e = first; e < end; e++) {
      const sd = stageOf.get(graph.ids[graph.dependant[e] ?? 0] ?? '');
      if (sd !== undefined && (best === undefined || (rank.get(sd) ?? 0) < (rank.get(best) ?? 0))) best = sd;
    }
    if (best === undefined) {
      best = stages.length > 0 ? other.id : PSEUDO_STAGE;
      otherUsed ||= stages.length > 0;
    }
    stageOf.set(id, best);
  }
  if (otherUsed) {
    // After the study stages, before blocks of time (projects, the job search).
    const at = effectiveStages.findIndex((s, i) => s.block !== undefined && i > 0);
    effectiveStages.splice(at < 0 ? effectiveStages.length : at, 0, other);
    // Ranks follow the new order (the scheduler takes stages by rank).
    effectiveStages.forEach((s, i) => rank.set(s.id, i));
  }
  return {
    targets,
    role,
    domain,
    known,
    order: closure.order,
    needed,
    level: closure.level,
    stages: effectiveStages,
    stageOf,
    withBlocks: !targetIsSkill || goal !== undefined,
  };
}

/** The stage of skills outside every stage; its id is free among the curriculum's stage ids. */
function otherStage(stages: readonly Stage[]): Stage {
  const taken = new Set(stages.map((s) => s.id));
  let id = OTHER_STAGE;
  for (let n = 2; taken.has(id); n++) id = `${OTHER_STAGE}-${n}`;
  const stage: Stage = { ...pseudoStage(), id };
  named.set(stage, said('stage.other'));
  return stage;
}

/** The stages the planner makes itself, with their names as records (their `title` is empty). */
const named = new WeakMap<Stage, Said>();

/** A stage's name: the curriculum's title, or the catalogue's name for a stage the planner made. */
export function stageName(stage: Stage): Words {
  return named.get(stage) ?? stage.title;
}

export function pseudoStage(): Stage {
  const stage: Stage = {
    id: PSEUDO_STAGE,
    title: {},
    summary: undefined,
    skills: [],
    resources: [],
    chooseOne: [],
    alongside: undefined,
    optional: false,
    block: undefined,
  };
  named.set(stage, said('stage.study'));
  return stage;
}
