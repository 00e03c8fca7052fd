import { describe, expect, it } from 'vitest';
import { localDate, today } from './context.js';

describe('localDate', () => {
  const instant = new Date('2027-03-01T20:30:00Z');

  it("is the date in the learner's time zone when one is given", () => {
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2027-03-02');
    expect(localDate(instant, 'Europe/Berlin')).toBe('2027-03-01');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2027-03-01');
    expect(localDate(new Date('2027-03-01T05:00:00Z'), 'America/Los_Angeles')).toBe('2027-02-28');
    expect(localDate(new Date('2027-12-31T23:30:00Z'), 'Pacific/Kiritimati')).toBe('2028-01-01');
  });

  it("is the machine's local date without one", () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const expected = `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
    expect(localDate(instant)).toBe(expected);
  });

  it('refuses a zone that is not one', () => {
    expect(() => localDate(instant, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it("gives today for a context in the context's zone", () => {
    expect(today({ clock: () => instant, timeZone: 'Asia/Tokyo' })).toBe('2027-03-02');
    expect(today({ clock: () => instant, timeZone: undefined })).toBe(localDate(instant));
  });
});
