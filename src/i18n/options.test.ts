import { describe, expect, it } from 'vitest';
import { enumerationIn, IDS_NAMED, interfaceLocale, someOf } from './options.js';

describe('lists as each locale writes them', () => {
  it('enumerates with the locale’s separator', () => {
    expect(enumerationIn('en', ['a', 'b', 'c'])).toBe('a, b, c');
    expect(enumerationIn('zh-CN', ['a', 'b', 'c'])).toBe('a、b、c');
    expect(interfaceLocale('zh-TW')).toBe('zh-CN');
    expect(interfaceLocale('fr')).toBe('en');
  });

  it('names the first few ids and marks that more follow', () => {
    const ids = Array.from({ length: IDS_NAMED + 2 }, (_, i) => `id-${i}`);
    expect(someOf('en', ids.slice(0, IDS_NAMED))).toBe(ids.slice(0, IDS_NAMED).join(', '));
    expect(someOf('en', ids)).toBe(`${ids.slice(0, IDS_NAMED).join(', ')}…`);
    expect(someOf('zh-CN', ids)).toBe(`${ids.slice(0, IDS_NAMED).join('、')}…`);
    expect(someOf('en', [])).toBe('');
  });
});
