/**
 * @module i18n
 * The web app's words: the `web` namespace of the one catalogue (src/i18n), with its shared settings; the choice is remembered in localStorage and
 * set on <html lang> so screen readers pronounce the page in the right language. Only the locale in
 * use is loaded (each is a chunk of its own); another is fetched when the learner switches to it.
 */
import i18next from 'i18next';
import type { ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogueOptions } from '../../../src/i18n/options.js';
import enAreas from '../../../src/i18n/locales/en/areas.json';
import zhAreas from '../../../src/i18n/locales/zh-CN/areas.json';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];
const KEY = 'mlpath.locale';

const WORDS: Record<Language, () => Promise<{ default: ResourceLanguage }>> = {
  en: () => import('../../../src/i18n/locales/en/web.json'),
  'zh-CN': () => import('../../../src/i18n/locales/zh-CN/web.json'),
};
/**
 * The areas' names: the catalogue's one naming of them, which the CLI shows too. A few words,
 * bundled with the app rather than fetched; read as `area.ID` like the app's own words.
 */
const AREA_WORDS: Record<Language, ResourceLanguage> = { en: enAreas, 'zh-CN': zhAreas };

/** A locale's words: the `web` namespace with the areas' names added. */
async function wordsOf(language: Language): Promise<ResourceLanguage> {
  return { ...(await WORDS[language]()).default, area: AREA_WORDS[language] };
}

/** The `web` namespace of a locale, loaded once. */
async function ensureWords(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'web')) return;
  i18next.addResourceBundle(language, 'web', await wordsOf(language), true, true);
}

export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // Storage may be unavailable; fall through to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Remembering is best effort.
  }
  await ensureWords(language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

/** Set i18next up with the words of the learner's locale; resolves once they are loaded. */
export async function initI18n(): Promise<typeof i18next> {
  const language = initialLanguage();
  document.documentElement.lang = language;
  const words = await wordsOf(language);
  await i18next.use(initReactI18next).init(catalogueOptions({ [language]: { web: words } }, language, 'web'));
  return i18next;
}
