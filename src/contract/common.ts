/**
 * @module contract/common
 * The small shapes every other contract schema is built from: ids, dates, instants, links, titles,
 * each bounded by the core's limits, and the registry of schemas the OpenAPI document names.
 */
import { z } from 'zod';
import { parseDecimal } from '../core/decimal.js';
import { MAX_ID_LENGTH, MAX_LINK_LENGTH, MAX_TITLE_LENGTH } from '../core/planner/profile.js';

/**
 * A schema's own message as a catalogue key of the `errors` namespace with its values, written as
 * the message (`contract.titleMax {"max":200}`); `i18n/issues` reads it back and every face
 * words it in its learner's language.
 */
export function coded(key: string, params?: Readonly<Record<string, string | number>>): string {
  return params === undefined ? key : `${key} ${JSON.stringify(params)}`;
}

/** Schemas that appear in the OpenAPI document's `components.schemas`, by id. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

/**
 * Stored shapes (what the store keeps, the backup carries and the API answers) and request shapes
 * (what a client sends) share these bounds; their messages differ only where a request's names the
 * field in a client's words.
 */
const ID_MESSAGE = coded('contract.id');
const ID_LONG_MESSAGE = coded('contract.idLong', { max: MAX_ID_LENGTH });

/** An id or item key a client sends: non-empty, at most MAX_ID_LENGTH characters. */
export const Id = z
  .string({ error: ID_MESSAGE })
  .min(1, { error: coded('contract.idEmpty') })
  .max(MAX_ID_LENGTH, { error: ID_LONG_MESSAGE });

/** An id or item key as stored. */
export const StoredId = z.string().min(1).max(MAX_ID_LENGTH);

/**
 * A `limit` query parameter: a whole number from 1 up to `max` (when given). The bounds are checked
 * first and end the check, so a number too large to be exact (1e20) is "at most max", not also
 * "not a whole number".
 */
export function limitParam(max?: number) {
  const atLeastOne = z
    .number({ error: coded('contract.limitNumber') })
    .min(1, { error: coded('contract.limitMin', { min: 1 }), abort: true });
  const bounded =
    max === undefined ? atLeastOne : atLeastOne.max(max, { error: coded('contract.limitMax', { max }), abort: true });
  // Written in decimal digits, as every face reads numbers (core/decimal.ts): not 0x10 or 1e1, and
  // an empty value is no number at all.
  return z.preprocess(
    (value) => (typeof value === 'string' ? (parseDecimal(value) ?? Number.NaN) : value),
    bounded.int({ error: coded('contract.limitWhole') }),
  );
}

/** A date a client sends. */
export const IsoDate = z.iso.date({ error: coded('contract.isoDate') });
/** A date as stored. */
export const Day = z.iso.date({ error: coded('contract.day') });

export const Instant = z.iso.datetime({
  offset: true,
  error: coded('contract.instant'),
});

/** A link as stored: http or https, at most MAX_LINK_LENGTH characters. */
export const Link = z.url({ protocol: /^https?$/, error: coded('contract.link') }).max(MAX_LINK_LENGTH);

/** A title as stored: non-empty, at most MAX_TITLE_LENGTH characters. */
export const Title = z.string().min(1).max(MAX_TITLE_LENGTH);

/** Optional in JSON: absent or null both mean "not given". */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/** A zod issue path as a reader writes it: `choices.swap[1].to`. */
export function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
