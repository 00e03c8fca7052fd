/**
 * @module TaskLabel
 * What a plan task is called on a page, in the page's language: the task's own title (see
 * lib/task-title.ts for the one naming rule every face shares).
 */
import type { Curriculum } from '../lib/api.js';
import { useLocale } from '../lib/locale.js';
import { taskKey, taskLabel, type Titled } from '../lib/task-title.js';

export { taskKey };

export function useTaskTitle(curriculum: Curriculum | undefined) {
  const { locale } = useLocale();
  return (task: Titled): { title: string; url: string | undefined } => taskLabel(curriculum, locale, task);
}
