import { describe, expect, it } from 'vitest';
import { cmsg, countOf, importedCount } from './curriculum-messages.js';

describe('curriculum messages', () => {
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
