/**
 * @module exit-codes
 * The one place where error codes become exit statuses and messages for the terminal.
 */
import { formatProblem, isMlpathError } from '../core/errors.js';
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
 * the exit status. Messages from the layers below come in English; they are shown in `locale`
 * where a translation is known (edge-messages.ts).
 */
export function reportError(error: unknown, io: CliIo, locale: Locale = chooseLocale({ env: io.env })): number {
  const t = (text: string): string => translateMessage(locale, text);
  if (isMlpathError(error)) {
    io.err(`mlpath: ${t(error.message)}\n`);
    for (const problem of error.problems) io.err(`  ${formatProblem({ ...problem, message: t(problem.message) })}\n`);
    if (error.hint) io.err(`${t(error.hint)}\n`);
    if (io.env['MLPATH_DEBUG'] && error.stack) io.err(`${error.stack}\n`);
    return EXIT_STATUS[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`mlpath: ${emsg(locale, 'unexpected', { message })}\n`);
  io.err(
    io.env['MLPATH_DEBUG'] && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : `${emsg(locale, 'debugHint')}\n`,
  );
  return EXIT_STATUS.INTERNAL;
}
