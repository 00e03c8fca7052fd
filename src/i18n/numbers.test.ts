import { describe, expect, it } from 'vitest';
import { formatHours, formatNumber } from './numbers.js';

describe('formatHours, the one hours figure of the CLI, the export and the web', () => {
  it('gives a tenth under 100 h and whole hours from 100 h, in both languages', () => {
    for (const locale of ['en', 'zh-CN']) {
      expect(formatHours(3.42, locale)).toBe('3.4');
      expect(formatHours(8.57, locale)).toBe('8.6');
      expect(formatHours(2, locale)).toBe('2');
      expect(formatHours(0, locale)).toBe('0');
      expect(formatHours(99.94, locale)).toBe('99.9');
      expect(formatHours(1896.5, locale)).toBe('1,897');
    }
  });

  it('keeps an amount under a tenth of an hour from reading as none', () => {
    expect(formatHours(0.05, 'en')).toBe('0.05');
    expect(formatHours(1 / 60, 'zh-CN')).toBe('0.017');
    expect(formatHours(0.1, 'en')).toBe('0.1');
  });

  it('writes numbers below 1,000 as Intl does in the interface locales, without making a formatter', () => {
    // Halves (exact and not: 0.15 is a little under, 2.25 exact), values that round up to 1,000,
    // tiny ones, and a spread of fractions.
    const values = [
      0.05,
      0.15,
      0.25,
      0.35,
      1.005,
      2.25,
      2.5,
      3.42,
      8.57,
      99.95,
      999.94,
      999.95,
      999.5,
      0.0004,
      0.0005,
      1 / 3,
      2 / 3,
      1e-7,
    ];
    for (let i = 0; i < 2000; i++) values.push(((i * 7919) % 100_000) / 97);
    for (const locale of ['en', 'zh-CN'])
      for (const digits of [0, 1, 2, 3])
        for (const value of values)
          expect(formatNumber(value, locale, digits), `${value} to ${digits} digits in ${locale}`).toBe(
            new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value),
          );
  });
});
