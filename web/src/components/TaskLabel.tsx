/**
 * @module TaskLabel
 * What a plan task is called: the resource (and unit) it studies, the project it builds, or the
 * job search. A resource is named as the CLI names it: its title in the page's language where the
 * curriculum gives one (\`localTitle\`), else as published.
 */
import type { Curriculum } from '../lib/api.js';
import type { PlanTask } from '../lib/api.js';
import { useLocale } from '../lib/locale.js';

export function useTaskTitle(curriculum: Curriculum | undefined) {
  const { t, tx } = useLocale();
  return (task: PlanTask): { title: string; unit: string | undefined; url: string | undefined } => {
    if (task.kind === 'project') {
      const template = curriculum?.projects.find((p) => p.id === task.resource);
      return { title: template ? tx(template.title) : t('task.project'), unit: undefined, url: undefined };
    }
    const resource = curriculum?.resources.find((r) => r.id === task.resource);
    if (!resource) {
      if (task.kind === 'job-search') return { title: t('task.jobSearch'), unit: undefined, url: undefined };
      const stage = curriculum?.stages.find((s) => s.id === task.stage);
      return { title: stage ? tx(stage.title) : task.resource, unit: undefined, url: undefined };
    }
    const unit = task.unit ? resource.units.find((u) => u.id === task.unit) : undefined;
    const title = (resource.localTitle ? tx(resource.localTitle) : '') || resource.title;
    return { title, unit: unit ? tx(unit.title) : undefined, url: unit?.url ?? resource.url };
  };
}

/** The progress key of a task: `resource/unit` for a unit, else the resource. */
export function taskKey(task: PlanTask): string {
  return task.unit ? `${task.resource}/${task.unit}` : task.resource;
}
