/**
 * @module help-messages
 * What `mlpath --help` says, in English and Simplified Chinese: every command, option and argument
 * description, and commander's own words (headings, the help and version options, its parse
 * errors). One table per locale with the same keys and `{name}` placeholders, the same shape as
 * the CLI's other message tables. Commander builds help text when commands are registered, so the
 * locale is chosen from the environment before the program is built.
 */
import type { Locale } from '../core/model.js';
import { chooseLocale } from './locale.js';
import { didYouMeanIn, hasKey, translate } from '../i18n/catalogue.js';
import type { KeyOf } from '../i18n/resources.js';

export type HelpKey = KeyOf<'help'>;

/** One help text in a locale (English for any other). */
export function hmsg(locale: Locale, key: HelpKey, values: Readonly<Record<string, string | number>> = {}): string {
  return translate(locale, 'help', key, values);
}

/** The help texts of the language the environment asks for (MLPATH_LANG, then the system's). */
export function helpFor(
  env: Readonly<Record<string, string | undefined>>,
): (key: HelpKey, values?: Readonly<Record<string, string | number>>) => string {
  const locale = chooseLocale({ env });
  return (key, values = {}) => hmsg(locale, key, values);
}

/** Commander's heading ("Usage:", "Options:", ...) in a locale; an unknown heading stays as it is. */
export function helpTitle(locale: Locale, title: string): string {
  const key = `title.${title}`;
  return hasKey('help', key) ? hmsg(locale, key as HelpKey) : title;
}

/**
 * Commander's parse errors as the CLI's other errors read: `mlpath: ` and the problem, in a locale,
 * then where to look (`see \`mlpath status --help\``, `command` being the command that failed).
 * Commander writes them in English with fixed wording; each known form is matched and reworded,
 * any other is kept in commander's words, under the same prefix and pointer.
 */
export function commanderError(locale: Locale, text: string, command = 'mlpath'): string {
  if (!text.startsWith('error: ')) return text;
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown option '([^']*)'/, (m) => hmsg(locale, 'error.unknownOption', { flag: m[1] ?? '' })],
    [/^error: unknown command '([^']*)'/, (m) => hmsg(locale, 'error.unknownCommand', { name: m[1] ?? '' })],
    [/^error: missing required argument '([^']*)'/, (m) => hmsg(locale, 'error.missingArgument', { name: m[1] ?? '' })],
    [
      /^error: option '([^']*)' argument missing/,
      (m) => hmsg(locale, 'error.optionArgumentMissing', { flags: m[1] ?? '' }),
    ],
    [
      /^error: required option '([^']*)' not specified/,
      (m) => hmsg(locale, 'error.requiredOption', { flags: m[1] ?? '' }),
    ],
    [
      /^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./,
      (m) =>
        hmsg(locale, 'error.tooManyArguments', {
          command: m[1] ?? '',
          expected: m[2] ?? '',
          got: m[3] ?? '',
          count: Number(m[2]),
        }),
    ],
    [
      /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./,
      (m) => hmsg(locale, 'error.tooManyArgumentsTop', { expected: m[1] ?? '', got: m[2] ?? '', count: Number(m[1]) }),
    ],
    // Commander's own suggestion, in the one "did you mean" wording every face uses.
    [
      /\(Did you mean (?:one of )?([^)]*)\?\)/,
      (m) => hmsg(locale, 'error.suggestion', { text: didYouMeanIn(locale, (m[1] ?? '').split(/,\s*/)) }),
    ],
  ];
  let out = text;
  for (const [pattern, replace] of rules) {
    const match = pattern.exec(out);
    if (match) out = out.slice(0, match.index) + replace(match) + out.slice(match.index + match[0].length);
  }
  const message = out.replace(/^error: /, '').replace(/\n+$/, '');
  return `${translate(locale, 'errors', 'prefix', { message })}\n${hmsg(locale, 'error.seeHelp', { command })}\n`;
}
