/**
 * @module i18n
 * The web app's words: the `web` namespace of the one catalogue (src/i18n), with its shared settings; the choice is remembered in localStorage and
 * set on <html lang> so screen readers pronounce the page in the right language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../src/i18n/locales/en/web.json';
import zhCN from '../../../src/i18n/locales/zh-CN/web.json';
import { catalogueOptions } from '../../../src/i18n/options.js';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];
const KEY = 'mlpath.locale';

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
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  const language = initialLanguage();
  document.documentElement.lang = language;
  void i18next
    .use(initReactI18next)
    .init(catalogueOptions({ en: { web: en }, 'zh-CN': { web: zhCN } }, language, 'web'));
  return i18next;
}
