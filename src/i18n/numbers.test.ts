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

  it('writes numbers as Intl does in the interface locales, grouped from 1,000 up, without making a formatter', () => {
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
    // From 1,000 up: groups of three, halves at each size, values that round up to a new group.
    values.push(1000, 1234.5, 1234.55, 9999.95, 99_999.5, 999_999.95, 1_234_567.89, 2 ** 40 + 0.25, 1e14 + 0.5);
    for (let i = 0; i < 1000; i++) values.push(((i * 104_729) % 10_000_000) / 7);
    // No formatter is made while they are written (none was made before in this file: the earlier
    // tests' figures are written the same way), except for a number String writes with an exponent.
    const written = new Map<string, string>();
    const Original = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = function (...args: ConstructorParameters<typeof Original>) {
      made++;
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat;
    try {
      for (const locale of ['en', 'zh-CN'])
        for (const digits of [0, 1, 2, 3])
          for (const value of values.filter((v) => !String(v).includes('e')))
            written.set(`${locale} ${digits} ${value}`, formatNumber(value, locale, digits));
    } finally {
      Intl.NumberFormat = Original;
    }
    expect(made).toBe(0);
    for (const locale of ['en', 'zh-CN'])
      for (const digits of [0, 1, 2, 3])
        for (const value of values.filter((v) => String(v).includes('e')))
          written.set(`${locale} ${digits} ${value}`, formatNumber(value, locale, digits));
    for (const locale of ['en', 'zh-CN'])
      for (const digits of [0, 1, 2, 3])
        for (const value of values)
          expect(written.get(`${locale} ${digits} ${value}`), `${value} to ${digits} digits in ${locale}`).toBe(
            new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value),
          );
  });
});
