/**
 * @module curriculum-messages
 * What `mlpath curriculum check`, `show` and `import` say, in English and Simplified Chinese: one
 * table per locale with the same keys and `{name}` placeholders, the same shape as the CLI's other
 * message tables. Counts choose their singular or plural key in `countOf`.
 */
import type { Locale } from '../core/model.js';
import { hasKey, translate } from '../i18n/catalogue.js';
import type { KeyOf } from '../i18n/resources.js';

export type CurriculumKey = KeyOf<'curriculum'>;

/** One message in a locale (English for any other), `{name}` placeholders filled. */
export function cmsg(
  locale: Locale,
  key: CurriculumKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return translate(locale, 'curriculum', key, values);
}

/** "1 problem", "3 files", "2 个问题". */
export function countOf(locale: Locale, noun: 'problem' | 'file', count: number): string {
  return cmsg(locale, `count.${noun}`, { count });
}

/** "4 topics", "7 项技能"; a kind without a table entry is shown as "count kind". */
export function importedCount(locale: Locale, kind: string, count: number): string {
  const key = `kind.${kind}`;
  return hasKey('curriculum', key) ? cmsg(locale, key as CurriculumKey, { count }) : `${count} ${kind}`;
}
