/**
 * @module i18n/numbers
 * Numbers and hours as every face prints them (the CLI, the calendar export and the web app), per
 * locale through Intl. Making an Intl formatter costs far more than using one (a page of tiles or
 * a chart's axis formats dozens of values), so each locale and number of digits gets one, kept.
 */

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The interface's locales, which both write numbers in Western digits with a point and a comma
 * between each group of three digits from 1,000 up: there a number reads as its digits, grouped
 * (numbers.test.ts and the web's format.test.ts hold this to Intl). Making the first number
 * formatter costs 15-100 ms of a page's first view in Chromium (it loads the locale's number
 * data), and 9-30 ms of a command's time, more than `status` spends on its own figures.
 */
const PLAIN_DIGITS: ReadonlySet<string> = new Set(['en', 'zh-CN']);

export function formatNumber(value: number, locale: string, maximumFractionDigits = 1): string {
  if (PLAIN_DIGITS.has(locale) && value >= 0) {
    // Intl writes these locales' numbers as their shortest decimal rounded half up (0.15 to a
    // tenth is 0.2), without trailing zeros, the whole part grouped by threes.
    const plain = roundedDecimal(value, maximumFractionDigits);
    if (plain !== undefined) return plain;
  }
  const key = `${maximumFractionDigits}:${locale}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, { maximumFractionDigits })));
  return formatter.format(value);
}

/**
 * A number's shortest decimal (as `String` writes it) rounded half up to `digits` places, trailing
 * zeros dropped, the whole part grouped by threes with commas; undefined where `String` writes an
 * exponent or the whole part passes 15 digits (past exact integers, left to Intl).
 */
function roundedDecimal(value: number, digits: number): string | undefined {
  const text = String(value);
  const parts = /^(\d{1,15})(?:\.(\d+))?$/.exec(text);
  if (!parts) return undefined;
  const fraction = parts[2] ?? '';
  let whole = parts[1] ?? '';
  let kept = fraction;
  if (fraction.length > digits) {
    const up = fraction.charCodeAt(digits) >= 53; // '5' or more
    const scaled = (BigInt(`${whole}${fraction.slice(0, digits)}`) + (up ? 1n : 0n))
      .toString()
      .padStart(digits + 1, '0');
    whole = scaled.slice(0, scaled.length - digits);
    kept = scaled.slice(scaled.length - digits).replace(/0+$/, '');
  }
  if (whole.length > 15) return undefined;
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return kept ? `${grouped}.${kept}` : grouped;
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
