import { describe, expect, it } from 'vitest';
import { cmsg, countOf, CURRICULUM_KEYS, CURRICULUM_TABLES, importedCount } from './curriculum-messages.js';

const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('curriculum messages', () => {
  it('has a non-empty Chinese text, with the same placeholders, for every English one', () => {
    expect(Object.keys(CURRICULUM_TABLES['zh-CN']).sort()).toEqual([...CURRICULUM_KEYS].sort());
    for (const key of CURRICULUM_KEYS) {
      const en = CURRICULUM_TABLES.en[key];
      const zh = CURRICULUM_TABLES['zh-CN'][key];
      expect(en.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      expect(names(zh), key).toEqual(names(en));
    }
  });

  it('counts in the singular and plural in English and with measure words in Chinese', () => {
    expect(countOf('en', 'problem', 1)).toBe('1 problem');
    expect(countOf('en', 'file', 3)).toBe('3 files');
    expect(
      cmsg('zh-CN', 'check.failed', { problems: countOf('zh-CN', 'problem', 2), files: countOf('zh-CN', 'file', 1) }),
    ).toBe('1 个文件中有 2 个问题');
    expect(importedCount('zh-CN', 'skills', 7)).toBe('7 项技能');
    expect(importedCount('zh-CN', 'gizmos', 2)).toBe('2 gizmos');
  });
});
