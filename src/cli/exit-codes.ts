/**
 * @module exit-codes
 * The one place where error codes become exit statuses and messages for the terminal.
 */
import { formatProblem, isMlpathError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';
import type { CliIo } from './io.js';

const EXIT_STATUS: Record<ErrorCode, number> = {
  CURRICULUM_INVALID: 1,
  UNREACHABLE: 1,
  IMPORT_INVALID: 1,
  CONFLICT: 1,
  INVALID_INPUT: 2,
  NOT_FOUND: 2,
  STORAGE: 3,
  INTERNAL: 70,
};

/** Print an error as a user should see it (no stack trace unless MLPATH_DEBUG is set) and return the exit status. */
export function reportError(error: unknown, io: CliIo): number {
  if (isMlpathError(error)) {
    io.err(`mlpath: ${error.message}\n`);
    for (const problem of error.problems) io.err(`  ${formatProblem(problem)}\n`);
    if (error.hint) io.err(`${error.hint}\n`);
    if (io.env['MLPATH_DEBUG'] && error.stack) io.err(`${error.stack}\n`);
    return EXIT_STATUS[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`mlpath: unexpected error: ${message}\n`);
  io.err(
    io.env['MLPATH_DEBUG'] && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : 'Set MLPATH_DEBUG=1 for details, and please report it.\n',
  );
  return EXIT_STATUS.INTERNAL;
}
