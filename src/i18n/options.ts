/**
 * @module i18n/options
 * The i18next settings every face shares: the interface's locales, English as the fallback and
 * i18next's plural rules (`_one`/`_other` keys); and how a locale writes an enumeration. Kept
 * apart from the resources so the web app bundles only its own namespace. The catalogue is the bottom layer: it imports nothing of mlpath,
 * so the core's error family can word its messages from it.
 */
import type { InitOptions, Resource } from 'i18next';

/** The catalogue's locales (the core's INTERFACE_LOCALES; the catalogue test holds them equal). */
export const CATALOGUE_LOCALES = ['en', 'zh-CN'] as const;

/** The settings every instance shares; `resources` are the namespaces it needs. */
export function catalogueOptions(resources: Resource, lng: string = 'en', defaultNS?: string): InitOptions {
  return {
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: [...CATALOGUE_LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    ...(defaultNS === undefined ? {} : { defaultNS, ns: [defaultNS] }),
  };
}

/** The interface locale nearest a tag: zh* is Simplified Chinese, anything else English. */
export function interfaceLocale(tag: string | undefined): (typeof CATALOGUE_LOCALES)[number] {
  return tag?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A list read as an enumeration rather than a sentence: "a, b, c" / "a、b、c" (every face, the web too). */
export function enumerationIn(locale: string, items: readonly string[]): string {
  return items.join(interfaceLocale(locale) === 'zh-CN' ? '、' : ', ');
}

/** How many ids a message names before an ellipsis; the rest are counted, not named. */
export const IDS_NAMED = 5;

/** The first IDS_NAMED of `ids` as an enumeration, "…" after them when there are more. */
export function someOf(locale: string, ids: readonly string[]): string {
  return enumerationIn(locale, ids.slice(0, IDS_NAMED)) + (ids.length > IDS_NAMED ? '…' : '');
}
