import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderMessage } from './catalogue.js';
import { issueMessage, issueProblems } from './issues.js';
import type { IssueLike } from './issues.js';

/** One schema and one value for every kind of issue zod raises with its own English words. */
const CASES: readonly [string, z.ZodType, unknown][] = [
  ['invalid_type', z.number(), 'x'],
  ['invalid_type (missing)', z.object({ a: z.string() }), {}],
  ['invalid_type (int)', z.int(), 'x'],
  ['too_small number', z.number().positive(), -1],
  ['too_small number inclusive', z.number().min(0.5), 0],
  ['too_big number', z.number().max(100), 500],
  ['too_big number exclusive', z.number().lt(10), 10],
  ['too_small string', z.string().min(3), 'a'],
  ['too_big string', z.string().max(1), 'abc'],
  ['too_small array', z.array(z.number()).min(1), []],
  ['too_big array', z.array(z.number()).max(1), [1, 2]],
  ['too_small date', z.date().min(new Date('2020-01-01')), new Date('2019-01-01')],
  ['too_big bigint', z.bigint().max(1n), 5n],
  ['invalid_value (enum)', z.enum(['a', 'b']), 'c'],
  ['invalid_value (literal)', z.literal('a'), 'b'],
  ['unrecognized_keys', z.strictObject({ a: z.number() }), { a: 1, b: 2, c: 3 }],
  ['invalid_union', z.union([z.number(), z.boolean()]), 'x'],
  ['invalid_union (objects)', z.union([z.object({ a: z.number() }), z.object({ b: z.string() })]), {}],
  [
    'invalid_union (discriminated)',
    z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })]),
    { type: 'c' },
  ],
  ['invalid_key (map)', z.map(z.number(), z.string()), new Map([['x', 'y']])],
  ['invalid_key', z.record(z.enum(['a']), z.number()), { b: 1 }],
  ['invalid_element', z.set(z.number()), new Set(['x'])],
  ['not_multiple_of', z.number().multipleOf(5), 7],
  ['invalid_format (email)', z.email(), 'nope'],
  ['invalid_format (regex)', z.string().regex(/^\d+$/), 'nope'],
  ['invalid_format (date)', z.iso.date(), 'nope'],
  ['invalid_format (url)', z.url(), 'nope'],
  ['invalid_format (uuid)', z.uuid(), 'nope'],
  ['custom', z.number().refine((n) => n > 1), 0],
];

/** Words of zod's own English messages (and its symbols for bounds). */
const ZOD_ENGLISH =
  /Invalid|Too small|Too big|Unrecognized|expected (number|string|array|bigint|date)|received|[<>]=?\d/;

describe('zod issues in the catalogue', () => {
  for (const [name, schema, value] of CASES) {
    it(`words ${name} in English and Chinese with none of zod's English`, () => {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      const issues = (result.error?.issues ?? []) as unknown as IssueLike[];
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        const message = issueMessage(issue, 'events[4].hours');
        expect(message, `${issue.code}: ${issue.message}`).toBeDefined();
        if (message === undefined) continue;
        const en = renderMessage('en', message);
        const zh = renderMessage('zh-CN', message);
        for (const text of [en, zh]) {
          expect(text).not.toMatch(ZOD_ENGLISH);
          expect(text).not.toContain(issue.message);
          // The path is said once.
          expect(text.split('events[4].hours').length).toBe(2);
        }
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
        expect(zh).not.toMatch(/\b(too|expected|not|one of)\b/);
      }
    });
  }

  it('words a negative number of hours in a backup as our own sentence', () => {
    const result = z.object({ hours: z.number().positive() }).safeParse({ hours: -1 });
    const [problem] = issueProblems((result.error?.issues ?? []) as unknown as IssueLike[], 'events[4]');
    expect(problem?.path).toBe('events[4].hours');
    expect(problem?.message).toBe('events[4].hours: too small; expected more than 0');
    expect(problem?.coded && renderMessage('zh-CN', problem.coded)).toBe('events[4].hours：值过小；应大于 0');
  });

  it('says what a union, a record key or a set element wanted, not only that it was wrong', () => {
    const words = (schema: z.ZodType, value: unknown, locale: 'en' | 'zh-CN' = 'en'): string[] =>
      ((schema.safeParse(value).error?.issues ?? []) as unknown as IssueLike[]).map((issue) => {
        const message = issueMessage(issue, 'x');
        return message ? renderMessage(locale, message) : issue.message;
      });
    const event = z.discriminatedUnion('type', [
      z.object({ type: z.literal('done') }),
      z.object({ type: z.literal('hours') }),
    ]);
    expect(words(event, { type: 'finished' })).toEqual(['x: not one of the choices; expected one of "done"|"hours"']);
    expect(words(z.union([z.string(), z.number()]), true)).toEqual(['x: expected text or a number']);
    expect(words(z.union([z.string(), z.number()]), true, 'zh-CN')).toEqual(['x：类型不对，应为文本或数字']);
    expect(words(z.record(z.enum(['a', 'b']), z.number()), { c: 1 }).join('\n')).toContain('"c"');
    expect(words(z.set(z.number()), new Set(['y']))).toEqual(['x: expected a number']);
    // Unions of objects say no more than that the value fits none of them.
    expect(words(z.union([z.object({ a: z.number() }), z.object({ b: z.string() })]), {})).toEqual([
      'x: not a valid value here',
    ]);
  });

  it('keeps a schema message of its own that names no catalogue key (a coded one is worded)', () => {
    const own = z.number({ error: 'hours as the project counts them' }).safeParse('x');
    expect(issueMessage((own.error?.issues[0] ?? {}) as unknown as IssueLike, 'h')).toBeUndefined();
    const coded = z.string().max(2, { error: 'contract.titleMax {"max":2}' }).safeParse('abc');
    const message = issueMessage((coded.error?.issues[0] ?? {}) as unknown as IssueLike, 'title');
    expect(message && renderMessage('zh-CN', message)).toMatch(/[\u4e00-\u9fff]/);
  });
});
