/**
 * @module json-position
 * The one place that says where a JSON text goes wrong: the offset, its line and column, and what
 * was expected there. JSON.parse's own messages differ between Node versions and often carry no
 * position, so the text is scanned here. Backup import and the curriculum importers both use it.
 */
import type { Message } from '../i18n/catalogue.js';

/** What a JSON text needed at the place it went wrong (catalogue key `json.expected.NAME`). */
export type JsonExpected =
  'propertyName' | 'colon' | 'commaOrBrace' | 'commaOrBracket' | 'value' | 'closingQuote' | 'end' | 'valid';

/** Line and column (from 1) of an offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where a JSON text first goes wrong, and what was expected there. JSON.parse's own messages
 * differ between Node versions and often carry no position, so the text is scanned here.
 */
export function jsonErrorAt(text: string): { offset: number; code: JsonExpected } {
  let i = 0;
  const fail = (code: JsonExpected): never => {
    throw { offset: i, code };
  };
  const space = (): void => {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
  };
  const value = (): void => {
    space();
    const ch = text.charAt(i);
    if (ch === '{') {
      i++;
      space();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text.charAt(i) !== '"') fail('propertyName');
        string();
        space();
        if (text.charAt(i) !== ':') fail('colon');
        i++;
        value();
        space();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        if (text.charAt(i) === '}') {
          i++;
          return;
        }
        fail('commaOrBrace');
      }
    }
    if (ch === '[') {
      i++;
      space();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        if (text.charAt(i) === ']') {
          i++;
          return;
        }
        fail('commaOrBracket');
      }
    }
    if (ch === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal && literal[0].length > 0) {
      i += literal[0].length;
      return;
    }
    fail('value');
  };
  const string = (): void => {
    i++;
    while (i < text.length) {
      const ch = text.charAt(i);
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') i++;
      else if (ch.charCodeAt(0) < 0x20) fail('closingQuote');
      i++;
    }
    fail('closingQuote');
  };
  try {
    value();
    space();
    if (i < text.length) fail('end');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error && 'code' in error) {
      return error as { offset: number; code: JsonExpected };
    }
    throw error;
  }
  return { offset: 0, code: 'valid' };
}

/** Where a JSON text goes wrong: line and column (from 1), what was expected and what was found. */
export function jsonSyntaxError(text: string): {
  line: number;
  column: number;
  expected: JsonExpected;
  found: string | undefined;
} {
  const { offset, code } = jsonErrorAt(text);
  return {
    ...lineColumnAt(text, offset),
    expected: code,
    found: offset >= text.length ? undefined : text.charAt(offset),
  };
}

/**
 * What a JSON text needed and what it had instead, as the values of a catalogue message
 * (`json.expectedFound`, `import.malformedJson`): the one wording every way in that reads JSON uses.
 * The character found is quoted as the locale quotes (`"]"` / `“]”`); none found is the end of the file.
 */
export function jsonSyntaxWords(text: string): {
  line: number;
  column: number;
  params: { expected: Message; found: Message };
} {
  const { line, column, expected, found } = jsonSyntaxError(text);
  return {
    line,
    column,
    params: {
      expected: { key: `json.expected.${expected}` },
      // JSON's own escapes keep a control character or a quote readable inside the quotes.
      found:
        found === undefined
          ? { key: 'json.expected.end' }
          : { key: 'json.found', params: { char: JSON.stringify(found).slice(1, -1) } },
    },
  };
}
