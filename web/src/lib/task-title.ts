/**
 * @module task-title
 * What the web calls a plan task, and where it is studied. The title is the task's own (`task.title`,
 * or a ticked item's from GET /api/today): the planner names every task and item by one rule
 * (core/planner/task-words.ts `planTaskWords`, `studyTitle`; tasks.ts `itemTitleWords`), which `mlpath today`, `done` and the API
 * use too; the web only shows it in the page's language.
 */
import { textIn } from '../../../src/core/model.js';
import type { Locale, Text } from '../../../src/core/model.js';
import { titled } from '../../../src/core/planner/texts.js';

/** The fields of a task (or a ticked item) its label is made from. */
export interface Titled {
  readonly resource: string;
  readonly unit?: string | undefined;
  readonly title?: Text | undefined;
}

/** The resources of the curriculum, as far as a label needs them (their links). */
export interface Linked {
  readonly resources: readonly {
    readonly id: string;
    readonly url?: string | undefined;
    readonly units: readonly { readonly id: string; readonly url?: string | undefined }[];
  }[];
}

/** The progress key of a task: `resource/unit` for a unit, else the resource. */
export function taskKey(task: Pick<Titled, 'resource' | 'unit'>): string {
  return task.unit ? `${task.resource}/${task.unit}` : task.resource;
}

/** A task's label in `locale` (its key where it has no title) and the link to study it at. */
export function taskLabel(
  curriculum: Linked | undefined,
  locale: Locale,
  task: Titled,
): { title: string; url: string | undefined } {
  const resource = curriculum?.resources.find((r) => r.id === task.resource);
  const unit = task.unit ? resource?.units.find((u) => u.id === task.unit) : undefined;
  return { title: textIn(task.title, locale) || taskKey(task), url: unit?.url ?? resource?.url };
}

/** A resource's name in `locale` by the same rule (its local title where the curriculum gives one for the language). */
export function resourceName(
  resource: { readonly title: string; readonly localTitle?: Text | undefined },
  locale: Locale,
): string {
  return textIn(titled(resource.title, resource.localTitle), locale);
}
