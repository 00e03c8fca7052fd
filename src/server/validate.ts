/**
 * @module server/validate
 * Reading request bodies and queries through zod: a failure becomes INVALID_INPUT with one
 * problem per field, each naming its path (`weeksOff[0].start`), and changes nothing.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { MlpathError } from '../core/errors.js';
import type { Problem } from '../core/errors.js';

/** A zod issue path as a reader writes it: `choices.swap[1].to`. */
export function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) =>
    // An unknown key is named as the field itself, so a typo points at its own place.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathText([...issue.path, key]), message: `unknown field "${key}"` }))
      : [{ path: pathText(issue.path), message: issue.message }],
  );
}

/** Parse a value with a schema, or throw INVALID_INPUT naming each bad field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = problemsOf(result.error);
  const first = problems[0];
  const where = first?.path ? `${first.path}: ` : '';
  throw new MlpathError({
    code: 'INVALID_INPUT',
    message: `invalid ${what}: ${where}${first?.message ?? 'not accepted'}`,
    problems,
  });
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
      message: `send the body as JSON with the header Content-Type: application/json (it came as "${type || 'no type'}")`,
      problems: [{ path: '', message: 'expected Content-Type: application/json' }],
    });
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
      message: 'the request body is empty; send a JSON object',
      problems: [{ path: '', message: 'expected a JSON object' }],
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: `the request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      problems: [{ path: '', message: 'expected a JSON object' }],
    });
  }
}

export async function parseBody<T extends z.ZodType>(
  c: Context,
  schema: T,
  options: { emptyAllowed?: boolean } = {},
): Promise<z.output<T>> {
  return parseInput(schema, await readJson(c, options), 'request body');
}

export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return parseInput(schema, c.req.query(), 'query');
}
