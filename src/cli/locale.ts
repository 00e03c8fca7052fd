/**
 * @module locale
 * The one rule for the CLI's language: `--locale` where a command has it, else `MLPATH_LANG`, else
 * the stored profile's locale where a command has loaded it, else the system's (`LC_ALL`,
 * `LC_MESSAGES`, `LANG`): zh* means Simplified Chinese, anything else English.
 */
import type { Locale } from '../core/model.js';

type Env = Readonly<Record<string, string | undefined>>;

/** zh, zh_CN.UTF-8, zh-Hans, ... -> zh-CN; anything else -> en. */
export function localeFromTag(tag: string): Locale {
  return tag.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language to speak, from the strongest source that says one. */
export function chooseLocale(sources: { flag?: string | undefined; env: Env; profile?: string | undefined }): Locale {
  const { flag, env, profile } = sources;
  if (flag) return localeFromTag(flag);
  const explicit = env['MLPATH_LANG'];
  if (explicit) return localeFromTag(explicit);
  if (profile) return localeFromTag(profile);
  return localeFromTag(env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '');
}
