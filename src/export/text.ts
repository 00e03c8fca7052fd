/**
 * @module export/text
 * The words exports write, in each locale mlpath speaks, read from the catalogue's `export`
 * namespace (src/i18n/locales/<locale>/export.json).
 */
import type { Locale } from '../core/model.js';
import type { TaskKind } from '../core/plan-model.js';
import { enumerationIn, translate } from '../i18n/catalogue.js';
import { formatHours } from '../i18n/numbers.js';

export interface ExportText {
  readonly stage: string;
  readonly skills: string;
  readonly why: string;
  readonly milestone: string;
  /** A label and its value: "Stage: Maths" / "阶段：数学" (a full-width colon in Chinese). */
  labelled(label: string, value: string): string;
  /** Items as the locale enumerates them: "a, b" / "a、b". */
  list(items: readonly string[]): string;
  /** A task kind's mark in an event title (symbols, the same in every locale). */
  readonly kind: Readonly<Record<TaskKind, string>>;
  blockHours(hours: number): string;
  /** The heading of a progress export, naming what the curriculum leads to (`goalOf`). */
  progressTitle(goal: string): string;
  summary(done: number, total: number, curriculum: number, hours: number): string;
  readonly exported: string;
  readonly projects: string;
  readonly otherSkills: string;
  readonly learning: string;
  readonly skipped: string;
  /** A status after a skill's name, set off as the locale sets off an aside (emphasised). */
  statusNote(status: string): string;
}

const KIND_MARK: Readonly<Record<TaskKind, string>> = { study: '📘', ambient: '🛏', project: '🛠', 'job-search': '💼' };

// The plural follows the figure shown (1 hour, 1.5 hours).
const tenth = (hours: number): number => Math.round(hours * 10) / 10;

export function exportText(locale: Locale): ExportText {
  const t = (key: Parameters<typeof translate<'export'>>[2], values?: Record<string, string | number>): string =>
    translate(locale, 'export', key, values);
  return {
    stage: t('stage'),
    skills: t('skills'),
    why: t('why'),
    milestone: t('milestone'),
    labelled: (label, value) => t('labelled', { label, value }),
    list: (items) => enumerationIn(locale, items),
    kind: KIND_MARK,
    blockHours: (hours) => t('blockHours', { hours: formatHours(hours, locale), count: tenth(hours) }),
    progressTitle: (goal) => t('progressTitle', { goal }),
    summary: (done, total, curriculum, hours) =>
      t('summary', { done, total, curriculum, hours: formatHours(hours, locale) }),
    exported: t('exported'),
    projects: t('projects'),
    otherSkills: t('otherSkills'),
    learning: t('learning'),
    skipped: t('skipped'),
    statusNote: (status) => t('statusNote', { status }),
  };
}
