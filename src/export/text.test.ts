import { describe, expect, it } from 'vitest';
import { exportText } from './text.js';

describe('exportText', () => {
  it('says "hour" for a week-long block of one hour and "hours" otherwise, in each language', () => {
    const en = exportText('en');
    expect(en.blockHours(1)).toBe('About 1 hour this week.');
    // Rounded to a tenth before the word is chosen, as the figure is shown.
    expect(en.blockHours(1.04)).toBe('About 1 hour this week.');
    expect(en.blockHours(2.5)).toBe('About 2.5 hours this week.');
    expect(en.blockHours(0.5)).toBe('About 0.5 hours this week.');
    expect(exportText('zh-CN').blockHours(1)).toBe('本周约 1 小时。');
    expect(exportText('zh-CN').blockHours(2.5)).toBe('本周约 2.5 小时。');
  });
});
