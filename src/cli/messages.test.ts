import { describe, expect, it } from 'vitest';
import { AREAS } from '../core/model.js';
import { TEXT_RESOURCES } from '../i18n/resources.js';
import { areaName, isCliLocale, MESSAGE_KEYS, msg } from './messages.js';

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

  it('names every area of the curriculum once, in both languages, and nothing else', () => {
    // One naming of the areas, which the CLI and the web app both show (web/src/i18n adds them to its words).
    expect(Object.keys(TEXT_RESOURCES.en.areas).sort()).toEqual([...AREAS].sort());
    expect(Object.keys(TEXT_RESOURCES['zh-CN'].areas).sort()).toEqual([...AREAS].sort());
    expect(areaName('en', 'math')).toBe('Mathematics');
    // The stage is "MLOps" in both languages; the area says so and what it is.
    expect(areaName('zh-CN', 'mlops')).toBe('MLOps（机器学习运维）');
    for (const area of AREAS) expect(areaName('zh-CN', area)).not.toBe(areaName('en', area));
  });
});
