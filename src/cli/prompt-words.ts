/**
 * @module prompt-words
 * The prompt library's own words (@clack/prompts: the yes/no of a confirmation, the keys under a
 * list, what a cancelled or failed spinner says) and the answers' checks, in the learner's
 * language, from the catalogue's `prompts` namespace: the one place they are set. Call it before
 * the first prompt, and again when the learner picks another language.
 */
import type * as Prompts from '@clack/prompts';
import { isValidIsoDate } from '../core/dates.js';
import { parseDecimal } from '../core/decimal.js';
import { FULL_TIME, FULL_TIME_HOURS, isFullTimeWord } from '../core/planner/profile.js';
import { LIMITS } from '../contract/limits.js';
import { translator } from '../i18n/catalogue.js';

/** Set the library's words for `locale`; returns the labels every confirmation takes. */
export function promptWords(prompts: typeof Prompts, locale: string): { active: string; inactive: string } {
  const t = translator(locale, 'prompts');
  prompts.updateSettings({ messages: { cancel: t('cancel'), error: t('error') } });
  // The keys under a list are the library's exported lists of words; they are set in place.
  prompts.SELECT_INSTRUCTIONS.splice(0, Infinity, t('keys.navigate'), t('keys.confirm'));
  prompts.MULTISELECT_INSTRUCTIONS.splice(0, Infinity, t('keys.navigate'), t('keys.select'), t('keys.confirm'));
  return { active: t('yes'), inactive: t('no') };
}

/** What is wrong with an answer to "hours a week" (the flag's limits), or undefined when it is fine. */
export function hoursProblem(locale: string, value: string | undefined): string | undefined {
  // The answer goes where `--hours` goes, so it takes what the flag takes: a number, or full-time.
  if (value !== undefined && isFullTimeWord(value)) return undefined;
  const n = value === undefined ? undefined : parseDecimal(value);
  const { minHoursPerWeek: min, hoursPerWeek: max } = LIMITS;
  return n !== undefined && n >= min && n <= max
    ? undefined
    : translator(locale, 'prompts')('hoursRange', { min, max, fullTime: FULL_TIME, fullTimeHours: FULL_TIME_HOURS });
}

/** What is wrong with an answer that should be a date, or undefined when it is one; `example` is a date to show. */
export function dateProblem(locale: string, value: string | undefined, example: string): string | undefined {
  if (value !== undefined && isValidIsoDate(value)) return undefined;
  const t = translator(locale, 'prompts');
  // Written as a date but not one on the calendar (2026-11-31): say so, not just the form.
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())
    ? t('notRealDate', { value: value.trim(), example })
    : t('notDate', { example });
}

/**
 * A list option with its hint. The library writes a hint in half-width brackets after the label; in
 * Chinese the hint is written into the label, in full-width brackets, instead.
 */
export function optionIn<V>(
  locale: string,
  option: { value: V; label: string; hint?: string | undefined },
): { value: V; label: string; hint?: string } {
  const { value, label, hint } = option;
  if (hint === undefined || hint === '') return { value, label };
  return locale === 'zh-CN' ? { value, label: `${label}（${hint}）` } : { value, label, hint };
}
