/**
 * @module dates
 * Pure arithmetic on ISO calendar dates (`YYYY-MM-DD`). Dates are civil days with no time zone:
 * internally a day number (days since 1970-01-01), so adding days never meets daylight saving.
 * Nothing here reads a clock; "today" is always an argument.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whether a string is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day number of a date (days since 1970-01-01). Throws a RangeError on a malformed date. */
export function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m || !isValidIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

/** The date of a day number. */
export function fromDayNumber(day: number): string {
  const d = new Date(Math.round(day) * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const da = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(da).padStart(2, '0')}`;
}

/** The date `days` days after `date` (before, for negative `days`). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + Math.round(days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day of the week, ISO numbering: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  const n = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return n + 1;
}

/** The Monday of the week a date falls in. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The first Monday on or after a date. */
export function nextMonday(date: string): string {
  const wd = isoWeekday(date);
  return wd === 1 ? date : addDays(date, 8 - wd);
}

/** The same day `months` calendar months later, clamped to the month's end (Jan 31 + 1 = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const m = ISO_DATE.exec(date);
  if (!m || !isValidIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The average length of a calendar month in days (365.2425 / 12). */
export const DAYS_PER_MONTH = 30.436875;

/** Calendar months from one date to another, as a decimal (30.44 days to a month). */
export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / DAYS_PER_MONTH;
}

/** The earlier of two dates. */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** How many days of the 7 starting at `weekFirstDay` fall inside the inclusive range. */
export function daysOverlapping(weekFirstDay: string, range: { start: string; end: string }): number {
  const w0 = toDayNumber(weekFirstDay);
  const from = Math.max(w0, toDayNumber(range.start));
  const to = Math.min(w0 + 6, toDayNumber(range.end));
  return Math.max(0, to - from + 1);
}
