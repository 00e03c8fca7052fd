import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal.js';

describe('parseDecimal', () => {
  it('reads plain decimal notation', () => {
    expect(parseDecimal('12')).toBe(12);
    expect(parseDecimal(' 7.5 ')).toBe(7.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('3.')).toBe(3);
    expect(parseDecimal('-1')).toBe(-1);
    expect(parseDecimal('+2')).toBe(2);
    expect(parseDecimal('0010')).toBe(10);
  });

  it('refuses what Number() would read as something else', () => {
    for (const text of [
      '0x10',
      '0b101',
      '0o7',
      '1e1',
      '1E-3',
      'Infinity',
      'NaN',
      '',
      ' ',
      '1_000',
      '1,5',
      '12h',
      '--1',
    ])
      expect(parseDecimal(text), text).toBeUndefined();
  });
});
