/**
 * @module i18n/numbers
 * Numbers and hours as every face prints them (the CLI, the calendar export and the web app), per
 * locale through Intl. Making an Intl formatter costs far more than using one (a page of tiles or
 * a chart's axis formats dozens of values), so each locale and number of digits gets one, kept.
 */

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The interface's locales, which both write numbers in Western digits with no grouping below
 * 1,000: a whole number from 0 to 999 reads there as its plain digits (the web's format.test.ts
 * holds this to Intl for every such number). Making the first number formatter costs 15-100 ms of
 * a page's first view in Chromium (it loads the locale's number data), and the roadmap's stage
 * numbers were its only numbers.
 */
const PLAIN_DIGITS: ReadonlySet<string> = new Set(['en', 'zh-CN']);

export function formatNumber(value: number, locale: string, maximumFractionDigits = 1): string {
  if (Number.isInteger(value) && value >= 0 && value < 1000 && PLAIN_DIGITS.has(locale)) return String(value);
  const key = `${maximumFractionDigits}:${locale}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, { maximumFractionDigits })));
  return formatter.format(value);
}

/**
 * Hours, the one way every face shows them: a tenth where it says something (3.4 h beside 4.9 h,
 * never "3"), whole hours from 100 h up, where a tenth is noise, and under a tenth the thousandths
 * hours are kept to, so a small amount logged never reads as 0 h.
 */
export function formatHours(value: number, locale: string): string {
  const size = Math.abs(value);
  return formatNumber(value, locale, size >= 100 ? 0 : size >= 0.1 || size === 0 ? 1 : 3);
}
