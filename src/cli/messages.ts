/**
 * @module messages
 * The CLI's own words: the catalogue's `cli` namespace. `{name}` placeholders are filled from the
 * values given. Curriculum text (titles, reasons) comes from the curriculum itself.
 */

import { INTERFACE_LOCALES } from '../core/model.js';
import { translate } from '../i18n/catalogue.js';
import { TEXT_RESOURCES } from '../i18n/resources.js';
import type { KeyOf } from '../i18n/resources.js';
/** The CLI speaks the interface's languages (one list, in the core). */
export const CLI_LOCALES = INTERFACE_LOCALES;
export type CliLocale = (typeof CLI_LOCALES)[number];

export type MessageKey = KeyOf<'cli'>;

/** Every message key without plural forms (the catalogue test checks those). */
export const MESSAGE_KEYS = Object.keys(TEXT_RESOURCES.en.cli).filter(
  (key) => !/_(one|other)$/.test(key),
) as MessageKey[];

export function isCliLocale(value: string | undefined): value is CliLocale {
  return value !== undefined && (CLI_LOCALES as readonly string[]).includes(value);
}

/** A message in a locale (English for any other), with `{name}` placeholders filled. */
export function msg(locale: string, key: MessageKey, values: Record<string, string | number> = {}): string {
  return translate(locale, 'cli', key, values);
}
