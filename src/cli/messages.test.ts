import { describe, expect, it } from 'vitest';
import { isCliLocale, MESSAGE_KEYS, msg } from './messages.js';

describe('messages', () => {
  it('fills placeholders in English and Chinese', () => {
    expect(msg('en', 'plan.week', { n: 3, date: '2027-01-18', hours: 10 })).toBe('Week 3 · 2027-01-18 · 10 h');
    expect(msg('zh-CN', 'plan.week', { n: 3, date: '2027-01-18', hours: 10 })).toBe('第 3 周 · 2027-01-18 · 10 小时');
  });

  it('falls back to English for other locales', () => {
    expect(msg('fr', 'plan.milestones')).toBe('Milestones');
    expect(isCliLocale('fr')).toBe(false);
    expect(isCliLocale('zh-CN')).toBe(true);
  });

  it('has a Chinese text, with the same placeholders, for every English message', () => {
    for (const key of MESSAGE_KEYS) {
      const en = msg('en', key);
      const zh = msg('zh-CN', key);
      expect(zh).not.toBe(en);
      const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
      expect(names(zh)).toEqual(names(en));
    }
  });
});
