/**
 * @module prompt-words
 * The prompt library's own words (@clack/prompts: the yes/no of a confirmation, what a cancelled or
 * failed spinner says) in the learner's language, from the catalogue's `prompts` namespace: the one
 * place they are set. Call it before the first prompt.
 */
import type * as Prompts from '@clack/prompts';
import { translator } from '../i18n/catalogue.js';

/** Set the library's words for `locale`; returns the labels every confirmation takes. */
export function promptWords(prompts: typeof Prompts, locale: string): { active: string; inactive: string } {
  const t = translator(locale, 'prompts');
  prompts.updateSettings({ messages: { cancel: t('cancel'), error: t('error') } });
  return { active: t('yes'), inactive: t('no') };
}
