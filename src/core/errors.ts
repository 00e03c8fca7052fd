/**
 * @module errors
 * The one error family of mlpath. Every failure a user can cause carries a code;
 * the CLI maps codes to exit statuses and the server to HTTP statuses, each in one place.
 */

import { renderMessage } from '../i18n/catalogue.js';
import type { Face, Message, MessageParams } from '../i18n/catalogue.js';

export type { Face, Message, MessageParams } from '../i18n/catalogue.js';
export { didYouMean } from '../i18n/catalogue.js';

/**
 * The error family's codes, the one list every face reads (the CLI's exit codes, the API's answers,
 * the CLI's reading of a server's answers):
 * - CURRICULUM_INVALID: a curriculum folder or file failed validation.
 * - INVALID_INPUT: a command-line flag or API field has a bad value.
 * - NOT_FOUND: an id (skill, resource, starting point, ...) is unknown.
 * - UNREACHABLE: a target cannot be reached (for example, no resource teaches a needed skill).
 * - IMPORT_INVALID: a file to import is malformed, foreign or from a future version.
 * - CONFLICT: the operation conflicts with existing state (e.g. import into a non-empty store).
 * - STORAGE: the database or data directory cannot be used.
 * - UNAVAILABLE: the database cannot be reached now or is busy past its timeouts: try again shortly.
 * - UNAUTHENTICATED: the request carries no valid session (sign in first).
 * - FORBIDDEN: the request is understood but refused: another site's write, a disabled account.
 * - RATE_LIMITED: too many attempts: wait (the response says how long) and try again.
 * - MISDIRECTED: the request names a host this server does not answer for.
 * - METHOD_NOT_ALLOWED: the path exists but does not serve the request's method.
 * - TOO_LARGE: the request body is larger than the route accepts.
 * - INTERNAL: a bug: an invariant was broken.
 */
export const ERROR_CODES = [
  'CURRICULUM_INVALID',
  'INVALID_INPUT',
  'NOT_FOUND',
  'UNREACHABLE',
  'IMPORT_INVALID',
  'CONFLICT',
  'STORAGE',
  'UNAVAILABLE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'MISDIRECTED',
  'METHOD_NOT_ALLOWED',
  'TOO_LARGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where an error happened in a source file; lines and columns count from 1. */
export interface SourcePlace {
  file: string;
  line?: number;
  column?: number;
}

/** One problem found in user input, with the place it was found and what was expected. */
export interface Problem {
  /** The problem in English (for logs); faces word it from `coded` when it has one. */
  message: string;
  /** The problem as a catalogue message: its key and values. */
  coded?: Message;
  place?: SourcePlace;
  /** A dotted path to the offending field, such as `skills[3].requires[0].skill`. */
  path?: string;
}

/** A coded problem: its catalogue message (the English wording kept for logs), path and place. */
export function codedProblem(
  key: string,
  params: MessageParams = {},
  where: { path?: string; place?: SourcePlace } = {},
): Problem {
  const coded: Message = { key, params };
  return {
    message: renderMessage('en', coded),
    coded,
    ...(where.path === undefined ? {} : { path: where.path }),
    ...(where.place === undefined ? {} : { place: where.place }),
  };
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
  /** The message as a catalogue key and values; each face words it in its learner's language. */
  readonly coded: Message | undefined;
  /** The hint as a catalogue key; each face words it for itself (the web names no flag). */
  readonly codedHint: Message | undefined;

  /**
   * An error either coded (`key` and `params`, worded by the catalogue; the English wording is
   * the `message` logs see) or, until its layer is converted, with an English `message`.
   */
  constructor(
    options: {
      code: ErrorCode;
      problems?: readonly Problem[];
      cause?: unknown;
    } & (
      | { message: string; hint?: string; key?: undefined; params?: undefined; hintKey?: undefined }
      | {
          key: string;
          params?: MessageParams;
          /** The hint, as a key and values or as a whole message (none when undefined). */
          hintKey?: string;
          hintParams?: MessageParams;
          hint?: Message | undefined;
          message?: undefined;
        }
    ),
  ) {
    const coded: Message | undefined =
      options.key === undefined ? undefined : { key: options.key, params: options.params ?? {} };
    const codedHint: Message | undefined =
      options.key === undefined
        ? undefined
        : options.hintKey !== undefined
          ? { key: options.hintKey, params: options.hintParams ?? {} }
          : options.hint;
    super(
      coded ? renderMessage('en', coded) : (options.message ?? ''),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = options.code;
    this.problems = options.problems ?? [];
    this.coded = coded;
    this.codedHint = codedHint;
    this.hint = codedHint
      ? renderMessage('en', codedHint, 'cli')
      : options.key === undefined
        ? options.hint
        : undefined;
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

/** An error as a face shows it: message, problems (with their places) and hint, in a locale. */
export interface ErrorWords {
  message: string;
  problems: { path: string; text: string }[];
  hint: string | undefined;
}

/**
 * The words of an error in a locale for a face: coded parts from the catalogue (each face's own
 * wording where it has one); a part written in words by a face itself is shown as it is.
 */
export function errorWords(error: MlpathError, locale: string, face: Face): ErrorWords {
  const problemText = (problem: Problem): string => {
    const text = problem.coded ? renderMessage(locale, problem.coded, face) : problem.message;
    return problem.place ? `${formatPlace(problem.place)}: ${text}` : text;
  };
  return {
    message: error.coded ? renderMessage(locale, error.coded, face) : error.message,
    problems: error.problems.map((p) => ({ path: p.path ?? '', text: problemText(p) })),
    hint: error.codedHint ? renderMessage(locale, error.codedHint, face) : error.hint,
  };
}
