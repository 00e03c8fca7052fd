/**
 * @module server/validate
 * Reading request bodies and queries through zod: a failure becomes INVALID_INPUT with one
 * problem per field, each naming its path (`weeksOff[0].start`), and changes nothing.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { pathText } from '../contract/common.js';
import { routeOf } from '../contract/routes.js';
import { codedProblem, didYouMean, MlpathError, suggest } from '../core/errors.js';
import type { Message, Problem } from '../core/errors.js';
import { jsonSyntaxWords } from '../core/json-position.js';
import { issueProblems } from '../i18n/issues.js';
import type { IssueLike } from '../i18n/issues.js';

export { pathText };

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) =>
    // An unknown key is named as the field itself, so a typo points at its own place.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => codedProblem('api.unknownField', { key }, { path: pathText([...issue.path, key]) }))
      : issueProblems([issue as unknown as IssueLike]),
  );
}

/** Parse a value with a schema, or throw INVALID_INPUT naming each bad field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: 'query' | 'body'): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidInput(result.error, what);
}

/**
 * INVALID_INPUT for a query or body zod refused, one problem per bad field, with `more` (problems
 * found in the fields that were well formed) after them, so a client hears every problem at once.
 */
export function invalidInput(error: z.ZodError, what: 'query' | 'body', more: readonly Problem[] = []): MlpathError {
  const problems = [...problemsOf(error), ...more];
  const first = problems[0];
  const problem: Message = first?.coded ?? {
    key: 'issue.other',
    params: { path: first?.path || { key: 'issue.topLevel' }, text: first?.message ?? '' },
  };
  // A problem worded as "field: text" is headed by its field ("invalid query parameter after: …"),
  // not put after a second colon ("invalid query: after: …").
  const field =
    problem.key === 'issue.other' && typeof problem.params?.['path'] === 'string' ? problem.params : undefined;
  return new MlpathError({
    code: 'INVALID_INPUT',
    ...(field
      ? { key: `api.invalidField.${what}`, params: { path: field['path'] ?? '', text: field['text'] ?? '' } }
      : { key: 'api.invalid', params: { what: { key: `api.what.${what}` }, problem } }),
    problems,
  });
}

/**
 * The query parameters of every /api route that has a row in the route table (contract/routes.ts),
 * checked in this one place before any handler runs, as the CLI checks its flags: a parameter the
 * row's `query` does not name is refused (naming it, what the route takes, and the nearest name),
 * and the values of those it names are read with the row's schema (a `locale` of `xx` is refused,
 * not ignored). Requests without a row (the account routes, whose library reads its own
 * parameters; a path the API does not have, answered 404) pass untouched, as do the server-only
 * rows when the server runs without accounts (their routes do not exist there). `rows` picks the
 * routes this check is for: those that need no learner (`open`), or the others (`learner`), which
 * are checked once the learner is known, so that a request without a session is 401 before 400.
 */
export function checkQueries(serverMode: boolean, rows: 'open' | 'learner'): MiddlewareHandler {
  return async (c, next) => {
    const row = routeOf(c.req.method, c.req.path);
    if (!row || (row.route.serverOnly === true && !serverMode)) return next();
    if ((row.route.open === true) !== (rows === 'open')) return next();
    const query = c.req.query();
    const accepted = Object.keys(row.route.query?.shape ?? {});
    const unknown = Object.keys(query).filter((key) => !accepted.includes(key));
    const first = unknown[0];
    if (first !== undefined) {
      const params = { method: c.req.method, path: c.req.path, key: first };
      throw new MlpathError({
        code: 'INVALID_INPUT',
        ...(accepted.length > 0
          ? { key: 'api.unknownQuery', params: { ...params, valid: accepted } }
          : { key: 'api.noQuery', params }),
        hint: didYouMean(suggest(first, accepted)),
        problems: unknown.map((key) => codedProblem('api.unknownQueryProblem', { key }, { path: key })),
      });
    }
    if (row.route.query) parseInput(row.route.query, query, 'query');
    return next();
  };
}

/** A NUL character, or a JSON escape of one (`\u0000` not itself escaped). */
const NUL_ESCAPE = /(?<!\\)(?:\\\\)*\\u0000/i;

/** The path of the first string (or key) in a JSON value that holds a NUL, or undefined. */
function nulPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function nulRefused(where: string | Message): MlpathError {
  return new MlpathError({
    code: 'INVALID_INPUT',
    key: 'api.nul',
    params: { where },
    problems: [codedProblem('api.nulProblem', {}, { path: typeof where === 'string' ? where : '' })],
  });
}

/**
 * Text with a NUL character is refused in one place for every route and both stores (SQLite would
 * keep it, PostgreSQL cannot): the path and the query here, bodies in `readJsonText`.
 */
export function refuseNul(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.includes('\u0000')) throw nulRefused({ key: 'api.where.path' });
    for (const [key, values] of Object.entries(c.req.queries())) {
      if (key.includes('\u0000') || values.some((v) => v.includes('\u0000')))
        throw nulRefused({ key: 'api.where.query', params: { key } });
    }
    return next();
  };
}

/**
 * The request body as text, refused unless it is sent as JSON. Browsers send a cross-site form
 * or `text/plain` body without asking first, but must ask (a CORS preflight, which this server
 * never grants) before sending `application/json`: so no other site can write a learner's data.
 */
export async function readJsonText(c: Context): Promise<string> {
  const text = await c.req.text();
  const type = c.req.header('Content-Type') ?? '';
  if (text.trim() !== '' && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      key: 'api.notJsonType',
      params: { type: type || { key: 'api.noType' } },
      problems: [codedProblem('api.expectedJsonType', {}, { path: '' })],
    });
  }
  if (text.includes('\u0000') || NUL_ESCAPE.test(text)) {
    let where: PropertyKey[] | undefined;
    try {
      where = nulPath(JSON.parse(text));
    } catch {
      where = undefined;
    }
    throw nulRefused(where && where.length > 0 ? pathText(where) : { key: 'api.where.body' });
  }
  return text;
}

/** The request body as JSON; an empty body reads as `{}` only when `emptyAllowed`. */
export async function readJson(c: Context, options: { emptyAllowed?: boolean } = {}): Promise<unknown> {
  const text = await readJsonText(c);
  if (text.trim() === '') {
    if (options.emptyAllowed) return {};
    throw new MlpathError({
      code: 'INVALID_INPUT',
      key: 'api.emptyBody',
      problems: [codedProblem('api.expectedObject', {}, { path: '' })],
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const why: Message = { key: 'json.expectedFound', params: jsonSyntaxWords(text).params };
    throw new MlpathError({
      code: 'INVALID_INPUT',
      key: 'api.notJson',
      params: { why },
      problems: [codedProblem('api.expectedObject', {}, { path: '' })],
    });
  }
}

export async function parseBody<T extends z.ZodType>(
  c: Context,
  schema: T,
  options: { emptyAllowed?: boolean } = {},
): Promise<z.output<T>> {
  return parseInput(schema, await readJson(c, options), 'body');
}

export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return parseInput(schema, c.req.query(), 'query');
}
