import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../i18n/catalogue.js';
import { MlpathError } from '../errors.js';
import { planFor } from './plan.js';
import { checkProfile, effortFactorFor, profileFor, validateProfile } from './profile.js';
import { fixture, miniCurriculum, profileOf } from './test-support/fixtures.js';

const c = miniCurriculum();

describe('profileFor', () => {
  it("fills in the starting point's hours and style, keeping the learner's overrides", () => {
    const dev = profileFor(c, 'developer', { startDate: '2027-01-04' });
    expect(dev.hoursPerWeek).toBe(10);
    expect(dev.style).toBe('practical');
    expect(dev.known).toEqual([]);
    expect(dev.freeOnly).toBe(false);
    expect(dev.locale).toBe('en');
    const own = profileFor(c, 'developer', {
      startDate: '2027-01-04',
      hoursPerWeek: 6,
      style: 'university',
      locale: 'zh-CN',
    });
    expect(own.hoursPerWeek).toBe(6);
    expect(own.style).toBe('university');
    expect(own.locale).toBe('zh-CN');
  });

  it('takes the first starting point when none is named, and sane defaults for a curriculum without any', () => {
    expect(profileFor(c, undefined, { startDate: '2027-01-04' }).startingPoint).toBe('from-scratch');
    const bare = fixture({ skills: { a: [] } });
    const p = profileFor(bare, undefined, { startDate: '2027-01-04' });
    expect(p.hoursPerWeek).toBe(10);
    expect(p.style).toBe('structured');
    expect(effortFactorFor(bare, p)).toBe(1);
  });
});

describe('checkProfile', () => {
  it('accepts a valid profile', () => {
    expect(checkProfile(c, profileOf(c, 'developer'))).toEqual([]);
  });

  it('names the field, the bad value and the valid choices with a did-you-mean', () => {
    const problems = checkProfile(c, profileOf(c, 'develper'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('startingPoint');
    expect(problems[0]?.choices).toEqual(['from-scratch', 'developer', 'quant']);
    expect(problems[0]?.suggestions).toContain('developer');
  });

  it('reports each kind of bad input', () => {
    const bad = profileOf(c, 'from-scratch', {
      known: ['pyton'],
      hoursPerWeek: 0,
      startDate: '2027-02-30',
      style: 'visual' as never,
      domain: 'nlpp',
      target: 'nowhere',
      route: 'fast',
      effortFactor: 3,
      weeksOff: [{ start: '2027-03-10', end: '2027-03-01' }],
      locale: 'fr',
      choices: { pin: ['nope'], exclude: [], swap: [], own: [] },
    });
    const fields = checkProfile(c, bad).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'known',
        'hoursPerWeek',
        'startDate',
        'style',
        'domain',
        'target',
        'route',
        'effortFactor',
        'weeksOff',
        'locale',
        'choices',
      ]),
    );
    expect(checkProfile(c, profileOf(c, 'from-scratch', { hoursPerWeek: 101 }))[0]?.field).toBe('hoursPerWeek');
    expect(checkProfile(c, profileOf(c, 'from-scratch', { hoursPerWeek: 100 }))).toEqual([]);
  });

  it('takes a year and a day off in one range, and refuses a longer one as a likely mistyped year', () => {
    const off = (end: string) => profileOf(c, 'developer', { weeksOff: [{ start: '2027-01-04', end }] });
    expect(checkProfile(c, off('2028-01-04'))).toEqual([]);
    const [problem] = checkProfile(c, off('2072-01-10'));
    expect(problem).toMatchObject({ field: 'weeksOff', kind: 'long-range', value: '2027-01-04..2072-01-10' });
    expect(problem?.coded).toMatchObject({ key: 'profile.rangeTooLong', params: { days: 16443, max: 366 } });
  });

  it('throws NOT_FOUND for unknown ids and INVALID_INPUT for bad values', () => {
    expect(() => validateProfile(c, profileOf(c, 'nobody'))).toThrow(MlpathError);
    try {
      validateProfile(c, profileOf(c, 'nobody'));
    } catch (e) {
      expect((e as MlpathError).code).toBe('NOT_FOUND');
    }
    try {
      validateProfile(c, profileOf(c, 'developer', { hoursPerWeek: -1 }));
    } catch (e) {
      expect((e as MlpathError).code).toBe('INVALID_INPUT');
      expect((e as MlpathError).message).toContain('hoursPerWeek');
    }
  });

  it('codes every problem: a catalogue key and values each face words, in English too', () => {
    const problems = checkProfile(
      c,
      profileOf(c, 'from-scratch', { hoursPerWeek: 101, startDate: '2027-13-01', style: 'chaotic' as never }),
    );
    expect(problems.map((p) => p.coded.key)).toEqual(['profile.hoursRange', 'profile.notDate', 'profile.unknownValid']);
    expect(renderMessage('en', problems[0]?.coded ?? { key: 'missing' })).toBe(
      'hoursPerWeek: 101 is out of range; give at least 0.5 and at most 100 hours a week',
    );
    for (const p of problems)
      expect(renderMessage('zh-CN', p.coded), p.coded.key).not.toMatch(/ out of | unknown | not a /);
    expect(renderMessage('zh-CN', problems[0]?.coded ?? { key: 'missing' })).toBe(
      'hoursPerWeek：101 超出范围；每周至少 0.5 小时，至多 100 小时',
    );
    // The valid values are an enumeration in the locale's own way: "a, b, c" / "a、b、c".
    const style = problems[2]?.coded ?? { key: 'missing' };
    expect(renderMessage('en', style)).toMatch(/\(valid: \w+, \w+(, \w+)*\)$/);
    expect(renderMessage('zh-CN', style)).toMatch(/（可选：\w+、\w+(、\w+)*）$/);
    try {
      validateProfile(c, profileOf(c, 'developer', { hoursPerWeek: -1 }));
    } catch (e) {
      expect((e as MlpathError).coded?.key).toBe('profile.hoursRange');
    }
  });

  it('accepts a role by an old id and plans for the role it now names', () => {
    const renamed = { ...c, roles: c.roles.map((r) => ({ ...r, id: 'ml-eng', aliases: ['ml-engineer'] })) };
    const stored = profileOf(renamed, 'from-scratch', { target: 'ml-engineer' });
    expect(checkProfile(renamed, stored)).toEqual([]);
    expect(planFor(renamed, stored).finishDate).toBe(planFor(c, profileOf(c, 'from-scratch')).finishDate);
  });

  it('keeps the effort factor within 0.8-2.0', () => {
    expect(effortFactorFor(c, profileOf(c, 'from-scratch'))).toBe(1.5);
    expect(effortFactorFor(c, profileOf(c, 'from-scratch', { effortFactor: 1.1 }))).toBe(1.1);
  });
});
