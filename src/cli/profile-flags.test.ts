import { describe, expect, it } from 'vitest';
import { MlpathError } from '../core/errors.js';
import { miniCurriculum, profileOf } from '../core/planner/test-support/fixtures.js';
import { profileFromFlags } from './profile-flags.js';

const c = miniCurriculum();

describe('profileFromFlags', () => {
  it("takes the starting point's defaults and starts today", () => {
    const p = profileFromFlags(c, { startPoint: 'developer' }, { today: '2026-11-27' });
    expect(p.startingPoint).toBe('developer');
    expect(p.hoursPerWeek).toBe(10);
    expect(p.style).toBe('practical');
    expect(p.startDate).toBe('2026-11-27');
  });

  it("accepts skill ids in another spelling, such as Metacademy's underscores", () => {
    const p = profileFromFlags(
      c,
      { startPoint: 'developer', known: 'linear_algebra, ML_Basics', target: 'python_style' },
      { today: '2026-11-27' },
    );
    expect(p.known).toEqual(['linear-algebra', 'ml-basics']);
    expect(p.target).toBe('python-style');
  });

  it('parses lists, ranges and swaps', () => {
    const p = profileFromFlags(
      c,
      {
        known: 'python, calculus',
        weeksOff: '2027-01-11..2027-01-17,2027-03-01..2027-03-02',
        swap: 'cs=py-mooc',
        pin: 'hf-nlp',
        freeOnly: true,
        hours: '12.5',
        factor: '1.2',
      },
      { today: '2026-11-27' },
    );
    expect(p.known).toEqual(['python', 'calculus']);
    expect(p.weeksOff).toEqual([
      { start: '2027-01-11', end: '2027-01-17' },
      { start: '2027-03-01', end: '2027-03-02' },
    ]);
    expect(p.choices.swap).toEqual([{ from: 'cs', to: 'py-mooc' }]);
    expect(p.choices.pin).toEqual(['hf-nlp']);
    expect(p.freeOnly).toBe(true);
    expect(p.hoursPerWeek).toBe(12.5);
    expect(p.effortFactor).toBe(1.2);
  });

  it('lets flags override a stored profile field by field, and --start-point ignore it', () => {
    const base = profileOf(c, 'quant', { hoursPerWeek: 3, style: 'university', startDate: '2026-06-01' });
    const merged = profileFromFlags(c, { hours: '6' }, { today: '2026-11-27', base });
    expect(merged.startingPoint).toBe('quant');
    expect(merged.hoursPerWeek).toBe(6);
    expect(merged.style).toBe('university');
    expect(merged.startDate).toBe('2026-06-01');
    const fresh = profileFromFlags(c, { startPoint: 'developer' }, { today: '2026-11-27', base });
    expect(fresh.hoursPerWeek).toBe(10);
    expect(fresh.startDate).toBe('2026-11-27');
  });

  it('names the flag in every error', () => {
    const error = (flags: Record<string, string>): string => {
      try {
        profileFromFlags(c, flags, { today: '2026-11-27' });
      } catch (e) {
        expect(e).toBeInstanceOf(MlpathError);
        return (e as MlpathError).message;
      }
      return 'no error';
    };
    expect(error({ factor: '3' })).toMatch(/^--factor: 3 is out of range/);
    expect(error({ swap: 'cs' })).toMatch(/^--swap: "cs" is not a swap/);
    expect(error({ pin: 'nothing' })).toMatch(/^--pin: unknown resource "nothing"/);
    expect(error({ weeksOff: '2027-01-01..2027-01-02..2027-01-03' })).toMatch(/^--weeks-off:/);
  });

  it('reads numbers in decimal notation only, as `log` reads hours: 0x10, 0b101 and 1e1 are typos', () => {
    for (const hours of ['0x10', '0b101', '1e1', 'Infinity'])
      expect(() => profileFromFlags(c, { startPoint: 'developer', hours }, { today: '2026-11-27' })).toThrow(
        `--hours: "${hours}" is not a number`,
      );
    expect(() => profileFromFlags(c, { startPoint: 'developer', factor: '1e0' }, { today: '2026-11-27' })).toThrow(
      '--factor: "1e0" is not a number',
    );
    expect(profileFromFlags(c, { startPoint: 'developer', hours: ' 7.5 ' }, { today: '2026-11-27' }).hoursPerWeek).toBe(
      7.5,
    );
  });

  it('trims ids and resolves other spellings, as every face does', () => {
    const p = profileFromFlags(c, { startPoint: ' developer ', known: ' Linear_Algebra ' }, { today: '2026-11-27' });
    expect(p.startingPoint).toBe('developer');
    expect(p.known).toEqual(['linear-algebra']);
  });
});

describe('profileFromFlags: study days', () => {
  const today = { today: '2026-11-27' };

  it('reads days, time, time zone and reminder, in week order', () => {
    const p = profileFromFlags(
      c,
      { studyDays: 'SAT, mon,wed', studyTime: '19:00', timeZone: 'Asia/Shanghai', reminder: '10' },
      today,
    );
    expect(p.study).toEqual({
      days: ['mon', 'wed', 'sat'],
      time: '19:00',
      timeZone: 'Asia/Shanghai',
      reminderMinutes: 10,
    });
  });

  it('keeps stored study days a flag does not replace, and removes them with none', () => {
    const base = profileFromFlags(c, { studyDays: 'tue', timeZone: 'Europe/Berlin', hours: '6' }, today);
    expect(base.study).toMatchObject({ days: ['tue'], time: '19:00', timeZone: 'Europe/Berlin' });
    const later = profileFromFlags(c, { studyTime: '06:45' }, { ...today, base });
    expect(later.study).toEqual({
      days: ['tue'],
      time: '06:45',
      timeZone: 'Europe/Berlin',
      reminderMinutes: undefined,
    });
    expect(profileFromFlags(c, { hours: '8' }, { ...today, base }).study).toEqual(base.study);
    expect(profileFromFlags(c, { studyDays: 'none' }, { ...today, base }).study).toBeUndefined();
  });

  it('names the flag and the fix for each bad value, in English and Chinese', () => {
    const cases: [Parameters<typeof profileFromFlags>[1], RegExp][] = [
      [{ studyDays: 'mon,funday' }, /^--study-days: "funday" is not a day of the week/],
      [{ studyDays: 'mon,mon' }, /^--study-days: "mon,mon" names a day twice/],
      [{ studyDays: 'mon', studyTime: '7pm' }, /^--study-time: "7pm" is not a time; write it HH:MM/],
      [{ studyDays: 'mon', timeZone: 'Mars/Olympus' }, /^--time-zone: "Mars\/Olympus" is not a known time zone/],
      [{ studyDays: 'mon', reminder: '-5' }, /^--reminder: "-5" is not a reminder/],
      [{ studyDays: 'mon', reminder: '0x10' }, /^--reminder: "0x10" is not a reminder/],
      [{ studyDays: 'mon', reminder: '1e1' }, /^--reminder: "1e1" is not a reminder/],
      [{ studyTime: '19:00' }, /^--study-time needs study days: add --study-days/],
    ];
    for (const [flags, message] of cases) {
      expect(() => profileFromFlags(c, flags, today)).toThrow(message);
      try {
        profileFromFlags(c, flags, today);
      } catch (error) {
        expect(error).toBeInstanceOf(MlpathError);
        expect((error as MlpathError).code).toBe('INVALID_INPUT');
      }
    }
    expect(() => profileFromFlags(c, { studyDays: 'sat,sun', hours: '30' }, today)).toThrow(
      /^--study-days: your weekly hours on these days make 15-hour sessions; choose more study days or fewer --hours \(at most 12 hours a session\)$/,
    );
    // Hours out of range are the one problem: no session length is made of the same bad figure.
    try {
      profileFromFlags(c, { studyDays: 'mon', hours: '1000000000' }, today);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MlpathError);
      expect((error as MlpathError).message).toMatch(/^--hours: 1000000000 is out of range/);
      expect((error as MlpathError).problems).toEqual([]);
    }
    expect(() => profileFromFlags(c, { studyDays: 'mon', studyTime: '25:00', locale: 'zh-CN' }, today)).toThrow(
      /^--study-time：“25:00”不是时间/,
    );
  });
});
