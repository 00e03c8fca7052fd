import { describe, expect, it } from 'vitest';
import { formatHours } from './numbers.js';

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
});
