/**
 * @module server/errors
 * The one place where error codes become HTTP statuses, and the one error shape every failure
 * takes: `{ error: { code, message, problems } }`. Foreign throws become INTERNAL with a plain
 * message; stacks never reach the client.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorWords, MlpathError, isMlpathError } from '../core/errors.js';
import type { Locale } from '../core/model.js';
import { interfaceLocale, translate } from '../i18n/catalogue.js';
import type { ErrorCode, Problem } from '../core/errors.js';

/** The codes a client can see (a broken curriculum is the server's own fault: INTERNAL). */
export type ApiErrorCode = Exclude<ErrorCode, 'CURRICULUM_INVALID'>;

export interface ApiProblem {
  readonly path: string;
  readonly message: string;
}

export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: string;
    readonly problems: readonly ApiProblem[];
  };
}

const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  INVALID_INPUT: 400,
  IMPORT_INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNREACHABLE: 422,
  STORAGE: 500,
  UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  MISDIRECTED: 421,
  METHOD_NOT_ALLOWED: 405,
  TOO_LARGE: 413,
  CURRICULUM_INVALID: 500,
  INTERNAL: 500,
};

export function httpStatusOf(code: ErrorCode): ContentfulStatusCode {
  return HTTP_STATUS[code];
}

function apiProblem(problem: Problem): ApiProblem {
  return { path: problem.path ?? '', message: problem.message };
}

/**
 * What a client reads for a database failure: the details (a file path, a database URL, the
 * driver's words) are the server's to log, never the client's to see.
 */
const DATABASE_MESSAGES: Partial<Record<ErrorCode, 'api.storage' | 'api.unavailable'>> = {
  STORAGE: 'api.storage',
  UNAVAILABLE: 'api.unavailable',
};

/** Seconds a client waits before retrying an UNAVAILABLE answer (its Retry-After header). */
export const RETRY_AFTER_SECONDS = 1;

/** The language of a request's errors: its Accept-Language (the web app sends its own language). */
export function requestLocale(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim();
  return interfaceLocale(first);
}

/**
 * Turn anything thrown into the status and body a client sees, worded in `locale` where the error
 * is coded, with the hints meant for the web (no command-line flag, no environment variable).
 */
export function errorResponseOf(
  error: unknown,
  locale: Locale = 'en',
): { status: ContentfulStatusCode; body: ApiErrorBody } {
  const database = isMlpathError(error) ? DATABASE_MESSAGES[error.code] : undefined;
  if (isMlpathError(error) && database !== undefined) {
    return {
      status: httpStatusOf(error.code),
      body: {
        error: { code: error.code as ApiErrorCode, message: translate(locale, 'errors', database), problems: [] },
      },
    };
  }
  if (isMlpathError(error)) {
    const code: ApiErrorCode = error.code === 'CURRICULUM_INVALID' ? 'INTERNAL' : error.code;
    const words = errorWords(error, locale, 'web');
    const message = words.hint
      ? translate(locale, 'errors', 'withHint', { message: words.message, hint: words.hint })
      : words.message;
    const problems = error.problems.map((problem, i) =>
      problem.coded
        ? { path: problem.path ?? '', message: words.problems[i]?.text ?? problem.message }
        : apiProblem(problem),
    );
    return { status: httpStatusOf(error.code), body: { error: { code, message, problems } } };
  }
  return {
    status: 500,
    body: {
      error: { code: 'INTERNAL', message: translate(locale, 'errors', 'api.internal'), problems: [] },
    },
  };
}

/** An error for a route or method the API does not have. */
export function routeNotFound(method: string, path: string): MlpathError {
  return new MlpathError({ code: 'NOT_FOUND', key: 'api.noRoute', params: { method, path } });
}

/** An error for a known path asked with a method it does not serve; `allowed` are the ones it does. */
export function methodNotAllowed(method: string, path: string, allowed: readonly string[]): MlpathError {
  return new MlpathError({
    code: 'METHOD_NOT_ALLOWED',
    key: 'api.methodNotAllowed',
    // `valid` is written as the locale writes an enumeration ("GET, HEAD" / "GET、HEAD").
    params: { method, path, valid: allowed },
  });
}
