/**
 * @module i18n/catalogue
 * The one i18next set-up every face uses: the catalogue's locales, English as the fallback, the
 * interface's plural rules. `createCatalogue` makes an instance (the CLI and the server);
 * `catalogueOptions` gives the same settings to an instance made elsewhere (the web app, with
 * react-i18next, over its own namespace only). `translate` renders a `{name}`-placeholder message of the text namespaces.
 */
import type { i18n, Resource } from 'i18next';
import type { CATALOGUE_LOCALES } from './options.js';
import { catalogueOptions, enumerationIn, interfaceLocale } from './options.js';

export { enumerationIn, interfaceLocale } from './options.js';
import { nodeBuiltin } from './node-builtin.js';
import { TEXT_RESOURCES } from './resources.js';
import type { KeyOf, TextNamespace } from './resources.js';

export type Values = Readonly<Record<string, string | number>>;

/** A ready instance over the given resources (by default the CLI's and server's namespaces). */
export function createCatalogue(resources: Resource = TEXT_RESOURCES as unknown as Resource, lng = 'en'): i18n {
  // Loaded on first use (most messages never need it, see `plainMessage`), from node_modules.
  const { createRequire } = nodeBuiltin<{ createRequire(from: string): (id: string) => unknown }>('node:module');
  const i18next = createRequire(import.meta.url)('i18next') as i18n;
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

type Locale = (typeof CATALOGUE_LOCALES)[number];

/** A `{name}` placeholder (the only kind the fast path below fills). */
const PLACEHOLDER = /\{([A-Za-z_]\w*)\}/g;

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The keys i18next looks a message up by in one locale, in its order: with a number `count`, the plural forms first. */
function lookupKeys(lng: Locale, key: string, count: unknown): string[] {
  if (typeof count !== 'number') return [key];
  let rules = pluralRules.get(lng);
  if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)));
  const forms = [`${key}_${rules.select(count)}`, key];
  return count === 0 ? [`${key}_zero`, ...forms] : forms;
}

/**
 * The message without i18next, when i18next would do no more than pick the locale's own form of it
 * and fill `{name}` placeholders: the locale has the key (or, with a number `count`, a plural form
 * of it; no fallback to English), and every brace in it belongs to a `{name}` placeholder.
 * Undefined otherwise. Loading i18next and its first call cost more than a short command takes to
 * print; the catalogue test holds both ways equal for every message.
 */
function plainMessage(lng: Locale, ns: TextNamespace, key: string, values: Values): string | undefined {
  const table = TEXT_RESOURCES[lng][ns] as Readonly<Record<string, unknown>>;
  const found = lookupKeys(lng, key, values['count']).find((k) => Object.hasOwn(table, k));
  const text = found === undefined ? undefined : table[found];
  if (typeof text !== 'string') return undefined;
  if (!text.includes('{') && !text.includes('}')) return text;
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{') || rest.includes('}')) return undefined;
  return text.replace(PLACEHOLDER, (match, name: string) => {
    const value = values[name];
    return value === undefined ? match : String(value);
  });
}

/** One message of a text namespace in a locale (English for any other), placeholders filled. */
export function translate<N extends TextNamespace>(locale: string, ns: N, key: KeyOf<N>, values: Values = {}): string {
  const plain = plainMessage(interfaceLocale(locale), ns, key, values);
  if (plain !== undefined) return plain;
  return translateWithI18next(locale, ns, key, values);
}

/** One message through i18next itself (what `translate` gives; kept apart for the catalogue test). */
export function translateWithI18next<N extends TextNamespace>(
  locale: string,
  ns: N,
  key: KeyOf<N>,
  values: Values = {},
): string {
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

/**
 * A message as data: a key of the `errors` namespace and its values. A value may itself be a
 * message (a reason inside a wrapper), rendered in the same locale; a list of strings is written
 * as the locale writes a list ("a, b and c" / "a、b 和 c"), except `choices`, the ids a "did you
 * mean" offers (quoted, joined by "or"), and `valid`, the values a field takes (an enumeration:
 * "a, b, c" / "a、b、c").
 */
export interface Message {
  readonly key: string;
  readonly params?: MessageParams;
  /** The namespace of the key: `errors` unless given (`notes` for the importers' notes). */
  readonly ns?: 'errors' | 'notes';
}
export type MessageParams = Readonly<Record<string, string | number | Message | readonly string[]>>;

/** The face a message is shown on: hints differ (the web never names a flag or a variable). */
export type Face = 'cli' | 'web';

/** A list as the locale writes it: "a, b and c" / "a、b 和 c" (or "or" / "或" for choices). */
export function listIn(locale: string, items: readonly string[], type: 'and' | 'or' = 'and'): string {
  const zh = interfaceLocale(locale) === 'zh-CN';
  if (type === 'or' || items.length > 8) return items.join(zh ? '、' : ', ');
  return new Intl.ListFormat(zh ? 'zh-CN' : 'en', { type: 'conjunction' }).format(items);
}

/** Ids offered as choices, quoted as the locale quotes them and joined as alternatives. */
function choicesIn(locale: string, ids: readonly string[]): string {
  const zh = interfaceLocale(locale) === 'zh-CN';
  return listIn(
    locale,
    ids.map((s) => (zh ? `“${s}”` : `"${s}"`)),
    'or',
  );
}

/**
 * "Did you mean …?" for close ids as a message, or nothing when there are none: the one
 * formatter every face and layer uses (flags, unknown ids, curriculum references, the API).
 */
export function didYouMean(suggestions: readonly string[]): Message | undefined {
  return suggestions.length === 0 ? undefined : { key: 'didYouMean', params: { choices: suggestions } };
}

/** "Did you mean …?" for close ids in a locale, or an empty text. */
export function didYouMeanIn(locale: string, suggestions: readonly string[]): string {
  const message = didYouMean(suggestions);
  return message ? renderMessage(locale, message) : '';
}

function renderParams(locale: string, params: MessageParams, face: Face | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
    else if (Array.isArray(value)) {
      const items = value as readonly string[];
      out[name] =
        name === 'choices'
          ? choicesIn(locale, items)
          : name === 'valid'
            ? enumerationIn(locale, items)
            : listIn(locale, items);
    } else out[name] = renderMessage(locale, value as Message, face);
  }
  return out;
}

/**
 * A coded message in a locale (English for any other). With a face, `KEY.cli` or `KEY.web` is
 * used where that face needs other words (the command line names its flags; the web never does).
 */
export function renderMessage(locale: string, message: Message, face?: Face): string {
  const ns = message.ns ?? 'errors';
  const faced = face === undefined ? undefined : `${message.key}.${face}`;
  const key = faced !== undefined && hasKey(ns, faced) ? faced : message.key;
  return translate(locale, ns as 'errors', key as KeyOf<'errors'>, renderParams(locale, message.params ?? {}, face));
}

/** A hint for a face: `KEY.web` where the web needs other words than the command line, else `KEY`. */
export function renderHint(locale: string, face: Face, hint: Message): string {
  return renderMessage(locale, hint, face);
}
