/**
 * @module errors
 * The one error family of mlpath. Every failure a user can cause carries a code;
 * the CLI maps codes to exit statuses and the server to HTTP statuses, each in one place.
 */

export type ErrorCode =
  /** A curriculum folder or file failed validation. */
  | 'CURRICULUM_INVALID'
  /** A command-line flag or API field has a bad value. */
  | 'INVALID_INPUT'
  /** An id (skill, resource, starting point, ...) is unknown. */
  | 'NOT_FOUND'
  /** A target cannot be reached (for example, no resource teaches a needed skill). */
  | 'UNREACHABLE'
  /** A file to import is malformed, foreign or from a future version. */
  | 'IMPORT_INVALID'
  /** The operation conflicts with existing state (e.g. import into a non-empty store). */
  | 'CONFLICT'
  /** The database or data directory cannot be used. */
  | 'STORAGE'
  /** The database cannot be reached now or is busy past its timeouts: try again shortly. */
  | 'UNAVAILABLE'
  /** The request carries no valid session (sign in first). */
  | 'UNAUTHENTICATED'
  /** The request is understood but refused: another site's write, a disabled account. */
  | 'FORBIDDEN'
  /** Too many attempts: wait (the response says how long) and try again. */
  | 'RATE_LIMITED'
  /** The request names a host this server does not answer for. */
  | 'MISDIRECTED'
  /** The request body is larger than the route accepts. */
  | 'TOO_LARGE'
  /** A bug: an invariant was broken. */
  | 'INTERNAL';

/** Where an error happened in a source file; lines and columns count from 1. */
export interface SourcePlace {
  file: string;
  line?: number;
  column?: number;
}

/** One problem found in user input, with the place it was found and what was expected. */
export interface Problem {
  message: string;
  place?: SourcePlace;
  /** A dotted path to the offending field, such as `skills[3].requires[0].skill`. */
  path?: string;
}

export function formatPlace(place: SourcePlace): string {
  if (place.line === undefined) return place.file;
  return place.column === undefined ? `${place.file}:${place.line}` : `${place.file}:${place.line}:${place.column}`;
}

export function formatProblem(problem: Problem): string {
  return problem.place ? `${formatPlace(problem.place)}: ${problem.message}` : problem.message;
}

export class MlpathError extends Error {
  override readonly name = 'MlpathError';
  readonly code: ErrorCode;
  /** Every problem found, when one run can find many (a curriculum check lists them all). */
  readonly problems: readonly Problem[];
  /** A short hint at the fix, shown after the message. */
  readonly hint: string | undefined;

  constructor(options: {
    code: ErrorCode;
    message: string;
    problems?: readonly Problem[];
    hint?: string;
    cause?: unknown;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.problems = options.problems ?? [];
    this.hint = options.hint;
  }
}

export function isMlpathError(value: unknown): value is MlpathError {
  return value instanceof MlpathError;
}

/**
 * The longest input a "did you mean" search runs on: twice the id limit (MAX_ID_LENGTH in
 * planner/profile.ts, an item being two ids). The search costs input × candidate length per
 * candidate; a longer input is no typo of an id, and gets no suggestions.
 */
export const MAX_SUGGEST_INPUT = 401;

/** Levenshtein-based suggestions for an unknown id ("did you mean ...?"); none for an over-long input. */
export function suggest(input: string, candidates: Iterable<string>, max = 3): string[] {
  if (input.length > MAX_SUGGEST_INPUT) return [];
  const scored: Array<[string, number]> = [];
  const needle = input.toLowerCase();
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const distance = c.includes(needle) || needle.includes(c) ? 1 : editDistance(needle, c);
    const limit = Math.max(2, Math.floor(Math.max(needle.length, c.length) / 3));
    if (distance <= limit) scored.push([candidate, distance]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return scored.slice(0, max).map(([c]) => c);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
