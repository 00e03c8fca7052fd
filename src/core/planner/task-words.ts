/**
 * @module planner/task-words
 * What a plan task is called and why it is there: the one rule every face words tasks by.
 *
 * A plan keeps these words on a task only where the planner alone knows them (time boxes, projects,
 * skills studied from their own hours, a learner's own resources). A unit of a curriculum resource,
 * nearly every task, is worded from the curriculum when a face shows it: its title is the resource's
 * (and unit's) and its reason the skills it teaches, or that it is a skim. Words are records (`Said`)
 * that each face renders in its learner's language (i18n/planner.ts). Keeping them out of the plan
 * spares a large plan one title and one reason per task (about 20 MB at 100,000 skills) and the
 * plan cache their bytes.
 */
import { byId } from '../model.js';
import type { Curriculum, Resource, Skill, Text } from '../model.js';
import type { PlanTask, Said, Words } from '../plan-model.js';
import { listOf, said, titled } from './texts.js';

/** A plan task's title and reason, as faces show them. */
export interface PlanTaskWords {
  readonly title: Words;
  readonly why: Words | undefined;
}

/** What a study task teaches, its first four skills named (`titleOf` gives a skill's title). */
export function teachesText(skills: readonly string[], titleOf: (id: string) => Text | undefined): Said | undefined {
  if (skills.length === 0) return undefined;
  const shown = listOf(
    skills.slice(0, 4).map((id) => titleOf(id) ?? id),
    'comma',
  );
  return skills.length > 4
    ? said('task.teachesMore', { skills: shown, more: skills.length - 4 })
    : said('task.teaches', { skills: shown });
}

/**
 * What studying a resource, or one unit of it (`unit`, its title), is called: the one naming rule
 * for a task or an item of progress on every face (plans, `today`, a tick's confirmation, the API's
 * task titles, the web). `name` is the resource's title as `titled` makes it.
 */
export function studyTitle(name: Text, unit?: Text): Words {
  return unit ? said('task.unitTitle', { resource: name, unit }) : name;
}

/** Why a unit of a resource is in a plan: a skim, what it teaches, or (teaching no needed skill) a part of its resource. */
export function unitWhy(skim: boolean, skills: readonly string[], titleOf: (id: string) => Text | undefined): Words {
  return skim ? said('task.skim') : (teachesText(skills, titleOf) ?? said('task.part'));
}

interface Index {
  readonly resources: ReadonlyMap<string, Resource>;
  readonly skills: ReadonlyMap<string, Skill>;
  /** Project templates and stages by id: the titles of time boxes a plan stored without them. */
  readonly boxes: ReadonlyMap<string, { readonly title: Text }>;
}
const indexes = new WeakMap<Curriculum, Index>();

function indexOf(curriculum: Curriculum): Index {
  let index = indexes.get(curriculum);
  if (!index) {
    index = {
      resources: byId(curriculum.resources),
      skills: byId(curriculum.skills),
      boxes: new Map<string, { readonly title: Text }>([
        ...curriculum.stages.map((s) => [s.id, s] as const),
        ...curriculum.projects.map((p) => [p.id, p] as const),
      ]),
    };
    indexes.set(curriculum, index);
  }
  return index;
}

/**
 * A plan task's title and reason: the task's own where the plan keeps them, else worded from the
 * curriculum (a unit of one of its resources). A time box without its title (a plan stored in an
 * older form) is titled by its project template or stage; a task whose resource the curriculum does
 * not hold (a plan stored with another curriculum) by its resource id.
 */
export function planTaskWords(curriculum: Curriculum, task: PlanTask): PlanTaskWords {
  if (task.title !== undefined) return { title: task.title, why: task.why };
  const { resources, skills, boxes } = indexOf(curriculum);
  const resource = resources.get(task.resource);
  if (!resource) return { title: boxes.get(task.resource)?.title ?? { en: task.resource }, why: task.why };
  const unit = task.unit === undefined ? undefined : resource.units.find((u) => u.id === task.unit);
  return {
    title: studyTitle(titled(resource.title, resource.localTitle), unit?.title),
    why: task.why ?? unitWhy(task.skim === true, task.skills, (id) => skills.get(id)?.title),
  };
}

/** A task with its title and reason on it (itself when it has them), as JSON answers and exports carry it. */
export function wordedTask(curriculum: Curriculum, task: PlanTask): PlanTask {
  if (task.title !== undefined) return task;
  const words = planTaskWords(curriculum, task);
  return {
    kind: task.kind,
    stage: task.stage,
    resource: task.resource,
    unit: task.unit,
    skills: task.skills,
    hours: task.hours,
    why: words.why,
    ...(task.key !== undefined ? { key: task.key } : {}),
    title: words.title,
    ...(task.skim ? { skim: true as const } : {}),
  };
}
