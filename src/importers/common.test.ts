import { describe, expect, it } from 'vitest';
import { errorWords, isMlpathError } from '../core/errors.js';
import { jsonErrorAt } from '../core/json-position.js';
import { typographySlips } from '../i18n/test-support/typography.js';
import { IdAllocator, idFrom, parseJson } from './common.js';

describe('parseJson', () => {
  const placeOf = (text: string) => {
    try {
      parseJson(text, 'g.json');
    } catch (error) {
      if (isMlpathError(error)) return { message: error.message, place: error.problems[0]?.place };
      throw error;
    }
    throw new Error('expected a failure');
  };
  it('parses valid JSON', () => {
    expect(parseJson('{"a": [1, true, null, "x"]}', 'g.json')).toEqual({ a: [1, true, null, 'x'] });
  });
  it('points at a trailing comma', () => {
    expect(placeOf('{\n  "a": [1,\n  ]\n}')).toEqual({
      message: 'cannot import g.json: malformed JSON: expected a value, found "]"',
      place: { file: 'g.json', line: 3, column: 3 },
    });
  });
  it('points at a missing comma between properties', () => {
    expect(placeOf('{"a": 1\n "b": 2}').place).toEqual({ file: 'g.json', line: 2, column: 2 });
  });
  it('points at the end of a truncated file', () => {
    expect(placeOf('{"nodes": [').message).toMatch(/found the end of the file/);
  });
  it('words what was expected and found in Chinese as the catalogue sets Chinese: no stray spaces, its own quotes', () => {
    const zhOf = (text: string): string => {
      try {
        parseJson(text, 'g.json');
      } catch (error) {
        if (isMlpathError(error)) return errorWords(error, 'zh-CN', 'cli').message;
        throw error;
      }
      throw new Error('expected a failure');
    };
    const end = zhOf('{');
    expect(end).toContain('应为用双引号括起的属性名，实际为文件结尾');
    expect(typographySlips(end)).toEqual([]);
    expect(zhOf('{"a": [1,\n  ]\n}')).toContain('应为一个值，实际为“]”');
  });
  it('agrees with JSON.parse about what is valid', () => {
    for (const text of ['[]', '{"a":{"b":[-1.5e3,"\\u0041\\n"]}}', ' 0 ']) expect(jsonErrorAt(text).code).toBe('valid');
  });
});

describe('ids', () => {
  it('makes kebab-case ids from titles and shortens long ones at a word', () => {
    expect(idFrom('Calculus 1A: Differentiation')).toBe('calculus-1a-differentiation');
    expect(idFrom('Introduction to Computer Science and Programming using Python and more words')).toBe(
      'introduction-to-computer-science-and-programming-using',
    );
    expect(idFrom('!!!', 'course')).toBe('course');
  });
  it('numbers repeated ids', () => {
    const ids = new IdAllocator();
    expect([ids.take('a'), ids.take('a'), ids.take('a')]).toEqual(['a', 'a-2', 'a-3']);
  });
});
