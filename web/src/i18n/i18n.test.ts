import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

/** Every leaf of a nested translation object as `a.b.c` -> value. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
    }
  } else out.set(prefix, value);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('web translations', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('have the same keys in English and Simplified Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty or non-string values in either language', () => {
    for (const [locale, table] of [
      ['en', english],
      ['zh-CN', chinese],
    ] as const) {
      for (const [key, value] of table) {
        expect(typeof value, `${locale} ${key}`).toBe('string');
        expect(String(value).trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of english) {
      expect(placeholders(String(chinese.get(key))), key).toEqual(placeholders(String(value)));
    }
  });

  it('translate every string that is more than a proper name', () => {
    for (const [key, value] of english) {
      expect(chinese.get(key), key).not.toBe(value);
    }
  });
});
