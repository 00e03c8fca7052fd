/**
 * @module messages
 * The CLI's own words: the catalogue's `cli` namespace. `{name}` placeholders are filled from the
 * values given. Curriculum text (titles, reasons) comes from the curriculum itself.
 */

import { INTERFACE_LOCALES } from '../core/model.js';
import type { Area } from '../core/model.js';
import { didYouMeanIn, listIn, translate } from '../i18n/catalogue.js';
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

/** An area's name (the catalogue's `areas` namespace, which the web app shows too). */
export function areaName(locale: string, area: Area): string {
  return translate(locale, 'areas', area);
}

/**
 * A flag's unknown value in words: the value, a did-you-mean when there is one, and the valid
 * choices (or, with none to list, `hint`). The one wording of every "unknown value" flag error.
 */
export function unknownChoiceText(
  locale: string,
  given: {
    flag: string;
    noun: MessageKey;
    value: string;
    suggestions: readonly string[];
    choices: readonly string[];
    valid?: MessageKey | undefined;
    hint?: MessageKey | undefined;
  },
): string {
  const zh = locale === 'zh-CN';
  const unknown = msg(locale, 'flag.unknown', { flag: given.flag, noun: msg(locale, given.noun), value: given.value });
  const parts = [
    given.suggestions.length > 0
      ? `${unknown}${zh ? '；' : '; '}${didYouMeanIn(locale, given.suggestions)}`
      : unknown + (zh ? '。' : '.'),
  ];
  if (given.choices.length > 0)
    parts.push(msg(locale, given.valid ?? 'flag.valid', { choices: listIn(locale, given.choices, 'or') }));
  else if (given.hint) parts.push(msg(locale, given.hint));
  return parts.join(zh ? '' : ' ');
}
