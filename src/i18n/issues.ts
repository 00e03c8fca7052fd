/**
 * @module i18n/issues
 * A validation problem found by zod, as a catalogue message (`issue.*` keys of the `errors`
 * namespace) with its path and values, so every face words it in its learner's language. Every
 * issue zod words itself gets the catalogue's words instead; only a schema's own message that
 * names no catalogue key comes back undefined (the caller keeps that message).
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

/** The kinds of value the catalogue words (`issue.type.*`); any other is "another kind of value". */
const TYPE_WORDS = new Set(['string', 'number', 'int', 'boolean', 'object', 'array', 'null', 'undefined', 'date']);

const typeWord = (type: string): Message => ({ key: `issue.type.${TYPE_WORDS.has(type) ? type : 'other'}` });

const shown = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** A bound's value as written: a date bound as its day, any other as it is. */
const limitText = (value: unknown): string | number =>
  value instanceof Date
    ? value.toISOString().slice(0, 10)
    : typeof value === 'number'
      ? value
      : String(value as string | bigint);

/**
 * The openings of zod's own messages (a schema's own message is anything else). Every issue with
 * one is worded from the catalogue: zod's English never reaches a learner.
 */
const ZOD_DEFAULT = /^(Invalid|Too small|Too big|Unrecognized key)/;

/** A message that is a catalogue key, with its values as JSON (contract/common's `coded`). */
const OWN_MESSAGE = /^([a-z][\w]*(?:\.[\w]+)+)(?: (\{.*\}))?$/s;

/**
 * The issue as a message with `path` (the dotted field path, or the top level) among its values.
 * Only a schema's own message that names no catalogue key comes back undefined (the caller keeps it).
 */
export function issueMessage(issue: IssueLike, path: string): Message | undefined {
  const where: string | Message = path === '' ? { key: 'issue.topLevel' } : path;
  // A schema's own message names a catalogue key (contract/common's `coded`); any other is kept by the caller.
  const own = OWN_MESSAGE.exec(issue.message);
  if (own?.[1] !== undefined && hasKey('errors', own[1])) {
    const params = own[2] === undefined ? {} : (JSON.parse(own[2]) as Record<string, string | number>);
    return { key: own[1], params: { ...params, path: where } };
  }
  const custom = issue['params'] as { key?: unknown } | undefined;
  const keyed = issue.code === 'custom' && typeof custom?.key === 'string';
  if (!keyed && !ZOD_DEFAULT.test(issue.message) && issue.code !== 'invalid_format') return undefined;
  const invalid: Message = { key: 'issue.invalid', params: { path: where } };
  switch (issue.code) {
    case 'invalid_type':
      return {
        key: 'issue.invalidType',
        // zod reports the value given only when asked to, so only the kind expected is said.
        params: { path: where, type: typeWord(String(issue['expected'])) },
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
      const raw = issue[issue.code === 'too_small' ? 'minimum' : 'maximum'];
      const side = issue.code === 'too_small' ? 'tooSmall' : 'tooBig';
      if (origin === 'string' || origin === 'array') {
        return { key: `issue.${side}.${origin}`, params: { path: where, count: Number(raw) } };
      }
      const strict = issue['inclusive'] === false;
      const bound = `${issue.code === 'too_small' ? 'g' : 'l'}t${strict ? '' : 'e'}`;
      return {
        key: `issue.${side}.value`,
        params: { path: where, bound: { key: `issue.bound.${bound}`, params: { limit: limitText(raw) } } },
      };
    }
    case 'not_multiple_of':
      return { key: 'issue.multipleOf', params: { path: where, divisor: limitText(issue['divisor']) } };
    case 'invalid_format': {
      const format = String(issue['format']);
      if (format === 'date') return { key: 'issue.day', params: { path: where } };
      if (format === 'datetime') return { key: 'issue.instant', params: { path: where } };
      if (format === 'url') return { key: 'issue.url', params: { path: where } };
      return ZOD_DEFAULT.test(issue.message) ? { key: 'issue.format', params: { path: where } } : undefined;
    }
    case 'custom': {
      if (!keyed) return invalid;
      const { key, ...rest } = custom as { key: string } & Record<string, string | number>;
      return { key, params: { ...rest, path: where } };
    }
    case 'invalid_union': {
      // A discriminated union names the values its discriminator takes.
      const options = Array.isArray(issue['options']) ? (issue['options'] as unknown[]) : [];
      if (options.length > 0)
        return { key: 'issue.invalidOption', params: { path: where, values: options.map(shown).join('|') } };
      // A union of two kinds of value, each branch refusing the kind: say both kinds.
      const branches = Array.isArray(issue['errors']) ? (issue['errors'] as IssueLike[][]) : [];
      const kinds = branches.map((branch) =>
        branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0
          ? typeWord(String(branch[0]['expected']))
          : undefined,
      );
      const [first, second] = kinds;
      if (kinds.length === 2 && first && second)
        return { key: 'issue.invalidTypes', params: { path: where, first, second } };
      return invalid;
    }
    case 'invalid_key':
    case 'invalid_element': {
      // A record's key, or a map's or set's element: worded as what was wrong with it, at the same place.
      const inner = Array.isArray(issue['issues']) ? (issue['issues'] as IssueLike[])[0] : undefined;
      return (inner && issueMessage(inner, path)) ?? invalid;
    }
    default:
      // Any other kind: zod says no more.
      return invalid;
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
