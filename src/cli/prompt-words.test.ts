import * as prompts from '@clack/prompts';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../contract/limits.js';
import { typographySlips } from '../i18n/test-support/typography.js';
import { dateProblem, hoursProblem, optionIn, promptWords } from './prompt-words.js';

afterAll(() => {
  promptWords(prompts, 'en');
});

describe('prompt words', () => {
  it("sets the library's words, the keys under a list included, in the learner's language", () => {
    expect(promptWords(prompts, 'zh-CN')).toEqual({ active: '是', inactive: '否' });
    expect(prompts.SELECT_INSTRUCTIONS).toEqual(['↑/↓：移动', 'Enter：确认']);
    expect(prompts.MULTISELECT_INSTRUCTIONS).toEqual(['↑/↓：移动', '空格：选择', 'Enter：确认']);
    expect(prompts.settings.messages.cancel).toBe('已取消');
    expect(promptWords(prompts, 'en')).toEqual({ active: 'Yes', inactive: 'No' });
    expect(prompts.SELECT_INSTRUCTIONS).toEqual(['↑/↓ to navigate', 'Enter: confirm']);
  });

  it('checks hours a week against the flag limits, in words', () => {
    expect(hoursProblem('en', String(LIMITS.minHoursPerWeek))).toBeUndefined();
    expect(hoursProblem('en', String(LIMITS.hoursPerWeek))).toBeUndefined();
    for (const bad of ['0.4', '0', '101', 'ten', '', undefined])
      expect(hoursProblem('en', bad), String(bad)).toBe(
        'give the hours a week as a number from 0.5 to 100, e.g. 10, or full-time for 28',
      );
    // What `--hours` takes, the answer takes: the word for full time, in any case.
    for (const word of ['full-time', ' Full-Time ']) expect(hoursProblem('en', word), word).toBeUndefined();
    expect(hoursProblem('en', 'fulltime')).toBeDefined();
    const zh = hoursProblem('zh-CN', '0.2') ?? '';
    expect(zh).toBe('请填写每周小时数，从 0.5 到 100，例如 10；或填 full-time，即 28 小时');
    expect(typographySlips(zh)).toEqual([]);
  });

  it('tells a date that is not on the calendar from one not written as a date', () => {
    expect(dateProblem('en', '2026-11-30', '2026-11-30')).toBeUndefined();
    expect(dateProblem('en', '2026-11-31', '2026-11-30')).toBe(
      '2026-11-31 is not a real date (that month has no such day); e.g. 2026-11-30',
    );
    expect(dateProblem('en', 'next monday', '2026-11-30')).toBe('write the date YYYY-MM-DD, e.g. 2026-11-30');
    const zh = dateProblem('zh-CN', '2026-11-31', '2026-11-30') ?? '';
    expect(zh).toBe('2026-11-31 不是真实存在的日期（那个月没有这一天）；例如 2026-11-30');
    expect(typographySlips(zh)).toEqual([]);
  });

  it('writes a hint in full-width brackets into the label in Chinese, and leaves it to the library in English', () => {
    const option = { value: 'from-scratch', label: '从零开始', hint: '尚未学过编程' };
    expect(optionIn('zh-CN', option)).toEqual({ value: 'from-scratch', label: '从零开始（尚未学过编程）' });
    expect(optionIn('en', { ...option, label: 'From scratch', hint: 'no programming yet' })).toEqual({
      value: 'from-scratch',
      label: 'From scratch',
      hint: 'no programming yet',
    });
    expect(optionIn('zh-CN', { value: 'x', label: '任意', hint: '' })).toEqual({ value: 'x', label: '任意' });
  });
});
