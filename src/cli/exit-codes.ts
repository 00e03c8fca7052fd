/**
 * @module exit-codes
 * The one place where error codes become exit statuses and messages for the terminal.
 */
import { errorWords, isMlpathError } from '../core/errors.js';
import type { ErrorCode, MlpathError } from '../core/errors.js';
import type { Locale } from '../core/model.js';
import { translate } from '../i18n/catalogue.js';
import { isLearnerError } from '../learner/errors.js';
import type { CliIo } from './io.js';
import { chooseLocale } from './locale.js';

const EXIT_STATUS: Record<ErrorCode, number> = {
  CURRICULUM_INVALID: 1,
  UNREACHABLE: 1,
  IMPORT_INVALID: 1,
  CONFLICT: 1,
  INVALID_INPUT: 2,
  NOT_FOUND: 2,
  STORAGE: 3,
  UNAVAILABLE: 3,
  UNAUTHENTICATED: 4,
  FORBIDDEN: 4,
  RATE_LIMITED: 4,
  MISDIRECTED: 4,
  METHOD_NOT_ALLOWED: 2,
  TOO_LARGE: 2,
  INTERNAL: 70,
};

const emsg = (
  locale: Locale,
  key: 'prefix' | 'unexpected' | 'debugHint',
  values: Record<string, string> = {},
): string => translate(locale, 'errors', key, values);

/**
 * A learner refusal's one problem restates its message with the field's path, for the API; the
 * terminal shows the message alone. Every other problem (a curriculum's places, a backup's fields) is listed.
 */
function listedProblems(error: MlpathError): boolean {
  return !(isLearnerError(error) && error.problems.length === 1);
}

/** The language a command spoke when it failed (a saved profile's), for the errors it raised. */
const spokenIn = new WeakMap<object, Locale>();

/** Remember that `error` is to be told in `locale` (the language the failing command speaks). */
export function tellIn<E>(error: E, locale: Locale): E {
  if (typeof error === 'object' && error !== null) spokenIn.set(error, locale);
  return error;
}

/**
 * Print an error as a user should see it (no stack trace unless MLPATH_DEBUG is set) and return
 * the exit status. A coded error is worded from the catalogue in `locale`, with the command line's
 * own words and hints; an error the CLI worded itself is shown as it is.
 */
export function reportError(error: unknown, io: CliIo, given: Locale = chooseLocale({ env: io.env })): number {
  const locale = (typeof error === 'object' && error !== null ? spokenIn.get(error) : undefined) ?? given;
  if (isMlpathError(error)) {
    const words = errorWords(error, locale, 'cli');
    io.err(`${emsg(locale, 'prefix', { message: words.message })}\n`);
    if (listedProblems(error)) {
      error.problems.forEach((problem, i) => {
        const text = words.problems[i]?.text ?? problem.message;
        // A field's problem names its field (a backup's `events[3].at`) unless its words already do.
        const shown =
          problem.place === undefined && problem.path && !text.includes(problem.path)
            ? translate(locale, 'errors', 'issue.other', { path: problem.path, text })
            : text;
        // A lone problem the headline already says in full (colons aside) is not said twice.
        const bare = (s: string): string => s.replace(/[:：]\s*/g, '');
        if (error.problems.length === 1 && bare(words.message).includes(bare(text))) return;
        io.err(`  ${shown}\n`);
      });
    }
    if (words.hint) io.err(`${words.hint}\n`);
    if (io.env['MLPATH_DEBUG'] && error.stack) io.err(`${error.stack}\n`);
    return EXIT_STATUS[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`${emsg(locale, 'prefix', { message: emsg(locale, 'unexpected', { message }) })}\n`);
  io.err(
    io.env['MLPATH_DEBUG'] && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : `${emsg(locale, 'debugHint')}\n`,
  );
  return EXIT_STATUS.INTERNAL;
}
