/**
 * @module i18n/test-support/typography
 * The Chinese typography rules, as checks on one text: a catalogue template (placeholders read as `X`)
 * or a face's rendered output (a formatter's words filled in). Code spans and quoted literals stay as
 * written and are not checked.
 */

export const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';

/** A text's prose, without code spans, placeholders and quoted literals. */
export const prose = (text: string): string =>
  text
    .replace(/`[^`]*`/g, '`…`')
    .replace(/\{\{?\w+\}?\}/g, 'X')
    .replace(/"[^"]*"/g, '"…"');

export interface TypographyRule {
  readonly name: string;
  readonly pattern: RegExp;
}

/** Full-width colons, list commas and semicolons in Chinese prose, never mixed. */
export const PUNCTUATION_RULES: readonly TypographyRule[] = [
  // A half-width colon right after a Chinese character (or before one) is a mixed colon.
  { name: 'half-width colon', pattern: new RegExp(`[${CJK}]:|:\\s*[${CJK}]`) },
  // A half-width comma between Chinese words is a list that wants 、 or ，.
  { name: 'half-width comma', pattern: new RegExp(`[${CJK}]\\s*,\\s*[${CJK}]`) },
  { name: 'half-width semicolon', pattern: new RegExp(`[${CJK}]\\s*;|;\\s*[${CJK}]`) },
  // Brackets around Chinese, or after it, are full-width: 路线（software-first）, 2026-11-30（6 小时）.
  { name: 'half-width bracket', pattern: new RegExp(`[${CJK}]\\s*\\(|(?<!\\])\\([^()]*[${CJK}][^()]*\\)`) },
  // (A Markdown link, [标题](网址), keeps its own brackets.)
  // A full-width colon carries its own space.
  { name: 'space after full-width colon', pattern: /：[ \t]+\S/ },
];

/** Two or more spaces align the columns of a table line; one space between Chinese is a slip. */
export const SPACING_RULES: readonly TypographyRule[] = [
  { name: 'space between Chinese', pattern: new RegExp(`[${CJK}，。：；、（）“”] (?! )[${CJK}，。：；、（）“”]`) },
  // A number and the Chinese beside it are set apart by one space: 10 分钟后, 下次复习 10 分钟后.
  { name: 'no space between Chinese and a number', pattern: new RegExp(`[${CJK}]\\d|\\d(?!\\s)[${CJK}]`) },
];

/** × for times, 小时 for hours. */
export const UNIT_RULES: readonly TypographyRule[] = [
  { name: 'x for times', pattern: /\d\s*x\s*\d|X x X|\bx X\b/ },
  { name: 'h for hours', pattern: /(\d|X)\s*h\b/ },
];

export const CHINESE_RULES: readonly TypographyRule[] = [...PUNCTUATION_RULES, ...SPACING_RULES, ...UNIT_RULES];

/** The rules a text breaks, each with the line that breaks it. */
export function typographySlips(text: string, rules: readonly TypographyRule[] = CHINESE_RULES): string[] {
  const slips: string[] = [];
  for (const line of prose(text).split('\n')) {
    for (const rule of rules) if (rule.pattern.test(line)) slips.push(`${rule.name}: ${line.trim()}`);
  }
  return slips;
}
