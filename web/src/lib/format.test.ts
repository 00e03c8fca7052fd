import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, formatHours, formatMonth, formatNumber, localToday } from './format.js';

describe('formatting per locale', () => {
  it('prints a plan date on the day the planner meant, whatever the time zone', () => {
    expect(formatDate('2027-01-01', 'en', 'long')).toBe('January 1, 2027');
    expect(formatDate('2027-01-01', 'zh-CN', 'long')).toBe('2027年1月1日');
  });

  it('prints short dates without the year in each language', () => {
    expect(formatDate('2026-11-27', 'en', 'short')).toBe('Nov 27');
    expect(formatDate('2026-11-27', 'zh-CN', 'short')).toBe('11月27日');
  });

  it('names a month with its year for the axis of a long chart, in each language', () => {
    expect(formatMonth('2026-12-25', 'en')).toBe('Dec 2026');
    expect(formatMonth('2026-12-25', 'zh-CN')).toBe('2026年12月');
  });

  it('counts whole days between calendar dates, across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
  });

  it('leaves a malformed date as it came rather than printing Invalid Date', () => {
    expect(formatDate('someday', 'en')).toBe('someday');
  });

  it('writes a whole number below 1,000 as Intl does in each interface locale, without making a formatter', () => {
    for (const locale of ['en', 'zh-CN'])
      for (const digits of [0, 1])
        for (let value = 0; value < 1000; value++)
          expect(formatNumber(value, locale, digits)).toBe(
            new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value),
          );
  });

  it('groups digits and rounds hours per locale', () => {
    expect(formatNumber(1234.56, 'en')).toBe('1,234.6');
    expect(formatNumber(1234.56, 'de')).toBe('1.234,6');
    expect(formatNumber(12, 'zh-CN', 0)).toBe('12');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-29', 6)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('gives today in the local calendar', () => {
    expect(localToday(new Date(2026, 10, 27, 23, 59))).toBe('2026-11-27');
  });
});

describe('formatHours', () => {
  it('keeps the tenth that tells two amounts apart, and drops it for large totals', () => {
    // Done 3.4 h beside 4.9 h logged: never "3" beside "4.9".
    expect(formatHours(3.4, 'en')).toBe('3.4');
    expect(formatHours(4.9, 'en')).toBe('4.9');
    expect(formatHours(3, 'en')).toBe('3');
    expect(formatHours(3.04, 'en')).toBe('3');
    expect(formatHours(99.94, 'en')).toBe('99.9');
    expect(formatHours(563.4, 'en')).toBe('563');
    expect(formatHours(1234.5, 'zh-CN')).toBe('1,235');
  });
});
