import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysOverlapping,
  isoWeekday,
  isValidIsoDate,
  monthsBetween,
  nextMonday,
  toDayNumber,
  fromDayNumber,
  weekStart,
} from './dates.js';

describe('dates', () => {
  it('accepts real calendar dates and rejects impossible or malformed ones', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2027-02-29')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-1-01')).toBe(false);
    expect(isValidIsoDate('tomorrow')).toBe(false);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 7)).toBe('2026-04-04');
  });

  it('counts days between dates in either direction', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('round-trips day numbers', () => {
    for (const d of ['1970-01-01', '1999-12-31', '2026-11-27', '2400-02-29'])
      expect(fromDayNumber(toDayNumber(d))).toBe(d);
    expect(toDayNumber('1970-01-02')).toBe(1);
  });

  it('knows weekdays, week starts and the next Monday', () => {
    expect(isoWeekday('2026-11-27')).toBe(5); // a Friday
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(weekStart('2026-11-27')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(nextMonday('2026-11-27')).toBe('2026-11-30');
    expect(nextMonday('2026-11-30')).toBe('2026-11-30');
    expect(nextMonday('2026-11-29')).toBe('2026-11-30');
  });

  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addMonths('2027-03-15', -3)).toBe('2026-12-15');
    expect(monthsBetween('2027-01-01', '2028-07-01')).toBeCloseTo(18, 1);
  });

  it('counts the days of a week inside an inclusive range', () => {
    expect(daysOverlapping('2027-01-04', { start: '2027-01-01', end: '2027-01-05' })).toBe(2);
    expect(daysOverlapping('2027-01-04', { start: '2026-12-01', end: '2027-02-01' })).toBe(7);
    expect(daysOverlapping('2027-01-04', { start: '2027-01-11', end: '2027-01-12' })).toBe(0);
  });

  it('throws a RangeError on malformed input to arithmetic', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
  });
});
