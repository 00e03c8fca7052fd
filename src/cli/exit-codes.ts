/**
 * @module exit-codes
 * The one place where error codes become exit statuses and messages for the terminal.
 */
import { errorWords, isMlpathError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';
import type { Locale } from '../core/model.js';
import { emsg, translateMessage } from './edge-messages.js';
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
  TOO_LARGE: 2,
  INTERNAL: 70,
};

/**
 * Print an error as a user should see it (no stack trace unless MLPATH_DEBUG is set) and return
 * the exit status. A coded error is worded from the catalogue in `locale`; one the layers below
 * still write in English is shown in `locale` where a translation is known (edge-messages.ts).
 */
export function reportError(error: unknown, io: CliIo, locale: Locale = chooseLocale({ env: io.env })): number {
  const t = (text: string): string => translateMessage(locale, text);
  if (isMlpathError(error)) {
    const words = errorWords(error, locale, 'cli', t);
    io.err(`${emsg(locale, 'prefix', { message: words.message })}\n`);
    for (const problem of words.problems) io.err(`  ${problem.text}\n`);
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
