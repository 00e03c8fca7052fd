import { describe, expect, it } from 'vitest';
import { chooseLocale, localeFromTag } from './locale.js';

describe('chooseLocale', () => {
  it('reads zh system tags as Simplified Chinese and anything else as English', () => {
    expect(localeFromTag('zh_CN.UTF-8')).toBe('zh-CN');
    expect(localeFromTag('zh-Hans')).toBe('zh-CN');
    expect(localeFromTag('en_GB.UTF-8')).toBe('en');
    expect(localeFromTag('fr_FR')).toBe('en');
    expect(localeFromTag('')).toBe('en');
  });

  it('takes --locale first, then MLPATH_LANG, then the profile, then LC_ALL, LC_MESSAGES and LANG', () => {
    const env = { MLPATH_LANG: 'en', LANG: 'zh_CN.UTF-8' };
    expect(chooseLocale({ flag: 'zh-CN', env, profile: 'en' })).toBe('zh-CN');
    expect(chooseLocale({ env, profile: 'zh-CN' })).toBe('en');
    expect(chooseLocale({ env: { LANG: 'en_US.UTF-8' }, profile: 'zh-CN' })).toBe('zh-CN');
    expect(chooseLocale({ env: { LANG: 'zh_CN.UTF-8' } })).toBe('zh-CN');
    expect(chooseLocale({ env: { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' } })).toBe('en');
    expect(chooseLocale({ env: { LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' } })).toBe('zh-CN');
    expect(chooseLocale({ env: {} })).toBe('en');
  });
});
