import { describe, expect, it } from 'vitest';
import { hoursText, joinText, listText, t } from './texts.js';

describe('planner texts', () => {
  it('joins sentences locale by locale, with no spaces between Chinese sentences', () => {
    const joined = joinText([t('One.', '一。'), undefined, t('Two.', '二。')]);
    expect(joined).toEqual({ en: 'One. Two.', 'zh-CN': '一。二。' });
  });

  it('falls back to English for a text without Chinese', () => {
    expect(joinText([{ en: 'Only English.' }])['zh-CN']).toBe('Only English.');
  });

  it('joins with a given separator per locale', () => {
    expect(joinText([t('Course', '课程'), t('Part 1', '第 1 部分')], ': ', '：')).toEqual({
      en: 'Course: Part 1',
      'zh-CN': '课程：第 1 部分',
    });
  });

  it('lists items in prose', () => {
    expect(listText(['a', 'b', 'c'])).toEqual({ en: 'a, b and c', 'zh-CN': 'a、b 和 c' });
    expect(listText(['a'])).toEqual({ en: 'a', 'zh-CN': 'a' });
  });

  it('rounds hours to a tenth', () => {
    expect(hoursText(12)).toBe('12');
    expect(hoursText(12.345)).toBe('12.3');
    expect(hoursText(0.04)).toBe('0');
  });
});
