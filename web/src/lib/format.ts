/**
 * @module format
 * Dates and numbers per locale through Intl (numbers and hours by the shared src/i18n/numbers). Plan dates are calendar dates (`YYYY-MM-DD`) with no
 * time zone, so they are read and printed in UTC to keep the day the planner meant. Making an Intl
 * formatter costs far more than using one (a page of tiles or a chart's axis formats dozens of
 * values), so each locale and set of options gets one, kept for the page's life.
 */

// Numbers and hours are the shared formatters every face uses (the CLI too).
export { formatHours, formatNumber } from '../../../src/i18n/numbers.js';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function kept<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Today's calendar date in the browser's own time zone, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function formatDate(day: string, locale: string, style: 'long' | 'medium' | 'short' = 'medium'): string {
  const date = parseDay(day);
  if (Number.isNaN(date.getTime())) return day;
  const options: Intl.DateTimeFormatOptions =
    style === 'short'
      ? { month: 'short', day: 'numeric', timeZone: 'UTC' }
      : { year: 'numeric', month: style === 'long' ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' };
  return kept(`date:${style}:${locale}`, () => new Intl.DateTimeFormat(locale, options)).format(date);
}

/** A week's month and year, for the axis of a long chart: "Dec 2026", "2026年12月". */
export function formatMonth(day: string, locale: string): string {
  const date = parseDay(day);
  if (Number.isNaN(date.getTime())) return day;
  return kept(
    `month:${locale}`,
    () => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  ).format(date);
}

/** Whole days from one calendar date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}

export function formatPercent(value: number, locale: string): string {
  return kept(
    `percent:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(value);
}

/** Add whole days to a calendar date. */
export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Items joined as alternatives in the locale's words: "A, B or C", "A、B或C". */
export function formatAlternatives(items: readonly string[], locale: string): string {
  return kept(`or:${locale}`, () => new Intl.ListFormat(locale, { type: 'disjunction' })).format(items);
}
