/**
 * @module i18n/issues
 * A validation problem found by zod, as a catalogue message (`issue.*` keys of the `errors`
 * namespace) with its path and values, so every face words it in its learner's language. An issue
 * no key covers (a custom refinement without a key) comes back undefined: the caller keeps zod's
 * English for it.
 */
import { pathText } from '../contract/common.js';
import { hasKey, renderMessage } from './catalogue.js';
import type { Message } from './catalogue.js';

/** The parts of a zod issue the wording needs (zod's own type is wider). */
export interface IssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly [field: string]: unknown;
}

const received = (input: unknown): string =>
  input === null ? 'null' : Array.isArray(input) ? 'array' : input === undefined ? 'undefined' : typeof input;

const shown = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** The openings of zod's own messages (a schema's own message is anything else). */
const ZOD_DEFAULT = /^(Invalid|Too small|Too big|Unrecognized key)/;

/** A message that is a catalogue key, with its values as JSON (contract/common's `coded`). */
const OWN_MESSAGE = /^([a-z][\w]*(?:\.[\w]+)+)(?: (\{.*\}))?$/s;

/** The issue as a message with `path` (the dotted field path, or the top level) among its values. */
export function issueMessage(issue: IssueLike, path: string): Message | undefined {
  const where: string | Message = path === '' ? { key: 'issue.topLevel' } : path;
  // A schema's own message names a catalogue key (contract/common's `coded`); any other is kept by the caller.
  const own = OWN_MESSAGE.exec(issue.message);
  if (own?.[1] !== undefined && hasKey('errors', own[1])) {
    const params = own[2] === undefined ? {} : (JSON.parse(own[2]) as Record<string, string | number>);
    return { key: own[1], params: { ...params, path: where } };
  }
  if (issue.code !== 'custom' && issue.code !== 'invalid_format' && !ZOD_DEFAULT.test(issue.message)) return undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (!issue.message.startsWith('Invalid input')) return undefined;
      return {
        key: 'issue.invalidType',
        params: { path: where, type: String(issue['expected']), got: received(issue['input']) },
      };
    case 'invalid_value': {
      const values = Array.isArray(issue['values']) ? (issue['values'] as unknown[]) : [];
      return values.length === 1
        ? { key: 'issue.invalidValue', params: { path: where, value: shown(values[0]) } }
        : { key: 'issue.invalidOption', params: { path: where, values: values.map(shown).join('|') } };
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(issue['keys']) ? (issue['keys'] as unknown[]).map(shown) : [];
      return { key: 'issue.unknownKeys', params: { path: where, keys: keys.join(', '), count: keys.length } };
    }
    case 'too_small':
    case 'too_big': {
      const origin = String(issue['origin']);
      const limit = Number(issue[issue.code === 'too_small' ? 'minimum' : 'maximum']);
      const side = issue.code === 'too_small' ? 'tooSmall' : 'tooBig';
      if (origin === 'string' || origin === 'array') {
        return { key: `issue.${side}.${origin}`, params: { path: where, count: limit } };
      }
      const inclusive = issue['inclusive'] !== false;
      const bound = `${issue.code === 'too_small' ? '>' : '<'}${inclusive ? '=' : ''}${limit}`;
      return { key: `issue.${side}.value`, params: { path: where, kind: origin, bound } };
    }
    case 'invalid_format': {
      const format = String(issue['format']);
      if (format === 'date') return { key: 'issue.day', params: { path: where } };
      if (format === 'datetime') return { key: 'issue.instant', params: { path: where } };
      if (format === 'url') return { key: 'issue.url', params: { path: where } };
      return undefined;
    }
    case 'custom': {
      const params = issue['params'] as { key?: unknown } | undefined;
      if (typeof params?.key !== 'string') return undefined;
      const { key, ...rest } = params as { key: string } & Record<string, string | number>;
      return { key, params: { ...rest, path: where } };
    }
    default:
      return undefined;
  }
}

/**
 * Zod's issues as problems, each with its path, coded where a key covers the issue; one no key
 * covers (a schema's own message) keeps that message as it is. `prefix` is prepended to every path.
 */
export function issueProblems(
  issues: readonly IssueLike[],
  prefix = '',
): { message: string; coded?: Message; path: string }[] {
  return issues.map((issue) => {
    const inner = pathText(issue.path);
    const path =
      prefix === '' ? inner : inner === '' ? prefix : inner.startsWith('[') ? prefix + inner : `${prefix}.${inner}`;
    const coded = issueMessage(issue, path);
    return coded ? { message: renderMessage('en', coded), coded, path } : { message: issue.message, path };
  });
}
