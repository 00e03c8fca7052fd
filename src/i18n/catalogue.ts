/**
 * @module i18n/catalogue
 * The one i18next set-up every face uses: the catalogue's locales, English as the fallback, the
 * interface's plural rules. `createCatalogue` makes an instance (the CLI and the server);
 * `catalogueOptions` gives the same settings to an instance made elsewhere (the web app, with
 * react-i18next, over its own namespace only). `translate` renders a `{name}`-placeholder message of the text namespaces.
 */
import i18next from 'i18next';
import type { i18n, Resource } from 'i18next';
import type { Locale } from '../core/model.js';
import { catalogueOptions } from './options.js';
import { TEXT_RESOURCES } from './resources.js';
import type { KeyOf, TextNamespace } from './resources.js';

export type Values = Readonly<Record<string, string | number>>;

/** A ready instance over the given resources (by default the CLI's and server's namespaces). */
export function createCatalogue(resources: Resource = TEXT_RESOURCES as unknown as Resource, lng = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.init(catalogueOptions(resources, lng));
  return instance;
}

let shared: i18n | undefined;

/** The text namespaces' one instance, made on first use. */
function catalogue(): i18n {
  shared ??= createCatalogue();
  return shared;
}

/** `{name}` placeholders; one without a value stays as written, so a gap shows instead of vanishing. */
const TEXT_INTERPOLATION = {
  interpolation: { prefix: '{', suffix: '}', escapeValue: false, skipOnVariables: true },
  missingInterpolationHandler: (_text: string, match: RegExpExecArray): string => match[0],
} as const;

/** The interface locale nearest a tag: zh* is Simplified Chinese, anything else English. */
export function interfaceLocale(tag: string | undefined): Locale {
  return tag?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** One message of a text namespace in a locale (English for any other), placeholders filled. */
export function translate<N extends TextNamespace>(locale: string, ns: N, key: KeyOf<N>, values: Values = {}): string {
  return catalogue().t(key, {
    ...values,
    ...TEXT_INTERPOLATION,
    ns,
    lng: interfaceLocale(locale),
    keySeparator: false,
    nsSeparator: false,
  } as never) as unknown as string;
}

/** Whether a key exists in a namespace (for messages looked up by a computed key). */
export function hasKey(ns: TextNamespace, key: string): boolean {
  const table = TEXT_RESOURCES.en[ns] as Record<string, string>;
  return key in table || `${key}_other` in table;
}

/** A namespace's translate function for one locale. */
export function translator<N extends TextNamespace>(locale: string, ns: N): (key: KeyOf<N>, values?: Values) => string {
  return (key, values = {}) => translate(locale, ns, key, values);
}
