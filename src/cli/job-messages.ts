/**
 * @module job-messages
 * What `mlpath job ...` and `mlpath plan --jobs` say, in English and Simplified Chinese: one table per
 * locale with the same keys (a missing translation is a type error) and `{name}` placeholders, the same
 * shape as the CLI's other message tables.
 */
import type { Locale } from '../core/model.js';
import { translate } from '../i18n/catalogue.js';
import type { KeyOf } from '../i18n/resources.js';

export type JobMessageKey = KeyOf<'job'>;

export function jmsg(locale: Locale, key: JobMessageKey, values: Record<string, string | number> = {}): string {
  return translate(locale, 'job', key, values);
}
