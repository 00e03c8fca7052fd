/**
 * @module edge-messages
 * Messages that reach the terminal from the layers below the CLI (store, backup import, the
 * curriculum importers, content writing, curriculum validation) in English and Simplified Chinese. Those layers keep
 * their messages as data in one language; the CLI translates them at its edge: each English
 * template below, with `{name}` placeholders, is matched against a whole message, and the
 * Chinese template is filled with the same values (themselves translated when one of them is a
 * known message). A message no template matches is shown as it is. Places (file:line:col),
 * ids, paths and the text of underlying system errors stay as they are.
 */
import { MlpathError } from '../core/errors.js';
import type { Locale } from '../core/model.js';
import { translate } from '../i18n/catalogue.js';
import { TEXT_RESOURCES } from '../i18n/resources.js';
import type { KeyOf } from '../i18n/resources.js';

const EN: Readonly<Record<string, string>> = { ...TEXT_RESOURCES.en.errors, ...TEXT_RESOURCES.en.notes };

export type EdgeKey = KeyOf<'errors'> | KeyOf<'notes'>;

/**
 * Messages only coded errors use (wrappers, zod issues, JSON places, the web's hints): never
 * matched against English text, where their loose templates would catch other messages.
 */
const CODED_ONLY =
  /^(prefix|withHint|didYouMean|import\.uploaded|import\.notEmpty|backup\.notJsonAt|issue\..*|json\..*|.*\.web)$/;

/** Every English template, plural forms as their own entries (what the matcher tries). */
const TEMPLATE_KEYS = Object.keys(EN).filter((key) => !CODED_ONLY.test(key));

const PLACEHOLDER = /\{(\w+)\}/g;

/** One message in a locale (English for any other). */
export function emsg(locale: Locale, key: EdgeKey, values: Readonly<Record<string, string | number>> = {}): string {
  const ns = key.startsWith('drop.') || key.startsWith('warn.') ? 'notes' : 'errors';
  return translate(locale, ns, key as never, values);
}

/** A matched template's message in a locale: a plural form is rendered from its base key and count. */
function render(locale: Locale, template: string, values: Readonly<Record<string, string>>): string {
  const plural = /^(.*)_(?:zero|one|two|few|many|other)$/.exec(template);
  if (plural) return emsg(locale, (plural[1] ?? '') as EdgeKey, { ...values, count: Number(values['count']) });
  return emsg(locale, template as EdgeKey, values);
}

interface Matcher {
  readonly key: string;
  readonly scope: MessageScope;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a message comes from: an error, or an importer's note on what it dropped and why (the
 * notes' short templates, such as "{owner} requires {tag}", are tried on notes only).
 */
export type MessageScope = 'error' | 'note';

const scopeOf = (key: string): MessageScope => (key.startsWith('drop.') || key.startsWith('warn.') ? 'note' : 'error');

/** Placeholders that hold a message or a noun of their own; ids, places and names are never translated. */
const NESTED = new Set(['message', 'why', 'text', 'noun', 'what']);

/** Each English template as an anchored pattern; placeholders match any text, as little as they can. */
const MATCHERS: readonly Matcher[] = TEMPLATE_KEYS.map((key) => {
  const template = EN[key] ?? '';
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    source += escape(template.slice(last, m.index)) + '([\\s\\S]*?)';
    names.push(m[1] ?? '');
    last = m.index + m[0].length;
  }
  source += escape(template.slice(last));
  return { key, scope: scopeOf(key), pattern: new RegExp(`^${source}$`), names };
});

/**
 * A message from below the CLI in a locale: the first English template of the scope that matches
 * the whole text gives the Chinese one, filled with the same values (a value that is itself a
 * message or a noun translated in turn); anything else is returned as it is.
 */
export function translateMessage(locale: Locale, text: string, scope: MessageScope = 'error', depth = 0): string {
  if (locale !== 'zh-CN' || depth > 3) return text;
  for (const matcher of MATCHERS) {
    if (matcher.scope !== scope) continue;
    const { key, pattern, names } = matcher;
    const match = pattern.exec(text);
    if (!match) continue;
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      const value = match[i + 1] ?? '';
      values[name] = NESTED.has(name) ? translateMessage(locale, value, scope, depth + 1) : value;
    });
    return render(locale, key, values);
  }
  return text;
}

/** The same error with its message, problems and hint in a locale (the original kept as the cause). */
export function errorIn(locale: Locale, error: MlpathError): MlpathError {
  if (locale !== 'zh-CN') return error;
  const t = (text: string): string => translateMessage(locale, text);
  return new MlpathError({
    code: error.code,
    message: t(error.message),
    problems: error.problems.map((p) => ({ ...p, message: t(p.message) })),
    ...(error.hint === undefined ? {} : { hint: t(error.hint) }),
    cause: error,
  });
}
