/**
 * @module core/logged-hours
 * The one rule for hours a learner logs, whichever way they come in (`mlpath log`, POST
 * /api/progress/events, a backup imported with or without `--merge`):
 * - hours are logged for days that have happened: a date after "today" (the learner's day, in
 *   their time zone) is refused;
 * - a day holds at most MAX_HOURS_PER_DAY hours, summed over the entries logged by hand for it that
 *   are in force (undone entries count for nothing; the planned hours a tick logs count toward no
 *   day, as they may be more than a day's).
 * Pure: "today" is an argument.
 */
import { cancelledIds } from './progress.js';
import { MAX_HOURS_PER_DAY, TICK_HOURS_SUFFIX } from './progress-model.js';
import type { ProgressEvent } from './progress-model.js';

export { MAX_HOURS_PER_DAY };

/** Hours are kept to the thousandth. */
function thousandths(hours: number): number {
  return Math.round(hours * 1000) / 1000;
}

/** The day an hours entry counts for: its date, else the day of its instant. */
export function hoursDay(event: Pick<ProgressEvent, 'date' | 'at'>): string {
  return event.date ?? event.at.slice(0, 10);
}

/** Whether hours may not be logged on `date` because it has not happened yet. */
export function isFutureDay(date: string, today: string): boolean {
  return date > today;
}

/** Whether `adding` hours more still fit a day that holds `logged`. */
export function fitsDay(logged: number, adding: number): boolean {
  return thousandths(logged + adding) <= MAX_HOURS_PER_DAY;
}

/** What a day's limit says of a day that holds `logged` hours: the values its refusal names. */
export function dayRoom(date: string, logged: number): { date: string; logged: number; max: number; left: number } {
  return { date, logged, max: MAX_HOURS_PER_DAY, left: Math.max(0, thousandths(MAX_HOURS_PER_DAY - logged)) };
}

/** Whether an entry counts toward its day's limit: hours logged by hand (a tick's planned hours aside). */
function countsTowardDay(event: ProgressEvent): boolean {
  return event.type === 'hours' && !event.id.endsWith(TICK_HOURS_SUFFIX) && (event.hours ?? 0) > 0;
}

/** The hours logged by hand per day, entries in force only. */
export function handLoggedByDay(events: readonly ProgressEvent[]): Map<string, number> {
  const cancelled = cancelledIds(events);
  const byDay = new Map<string, number>();
  for (const e of events) {
    if (!countsTowardDay(e) || cancelled.has(e.id)) continue;
    const day = hoursDay(e);
    byDay.set(day, thousandths((byDay.get(day) ?? 0) + (e.hours ?? 0)));
  }
  return byDay;
}

/** Why one entry of a batch of events breaks the rule; `index` is its place in the batch. */
export type HoursRefusal =
  | {
      readonly kind: 'future-date';
      readonly index: number;
      readonly id: string;
      readonly date: string;
      readonly hours: number;
      readonly today: string;
    }
  | {
      readonly kind: 'day-full';
      readonly index: number;
      readonly id: string;
      readonly date: string;
      readonly hours: number;
      /** What the day would hold with every entry of the batch. */
      readonly total: number;
      readonly max: number;
    };

/**
 * The entries of `adding` (events recorded on top of `existing`, such as a backup's) that the rule
 * refuses, in the batch's order: each hours entry in force dated after `today`, and for each day
 * over the limit the entry that takes it over. Entries whose id `existing` already holds are left
 * out (they are not added again).
 */
export function hoursRefusals(
  existing: readonly ProgressEvent[],
  adding: readonly ProgressEvent[],
  today: string,
): HoursRefusal[] {
  const known = new Set(existing.map((e) => e.id));
  const fresh = adding.map((event, index) => ({ event, index })).filter(({ event }) => !known.has(event.id));
  const all = [...existing, ...fresh.map(({ event }) => event)];
  const cancelled = cancelledIds(all);
  const totals = handLoggedByDay(all);
  const running = handLoggedByDay(existing);
  const refusals: HoursRefusal[] = [];
  const reported = new Set<string>();
  for (const { event, index } of fresh) {
    if (event.type !== 'hours' || cancelled.has(event.id)) continue;
    const date = hoursDay(event);
    const hours = event.hours ?? 0;
    if (isFutureDay(date, today)) {
      refusals.push({ kind: 'future-date', index, id: event.id, date, hours, today });
      continue;
    }
    if (!countsTowardDay(event)) continue;
    const logged = running.get(date) ?? 0;
    running.set(date, thousandths(logged + hours));
    if (!fitsDay(logged, hours) && !reported.has(date)) {
      reported.add(date);
      refusals.push({
        kind: 'day-full',
        index,
        id: event.id,
        date,
        hours,
        total: totals.get(date) ?? 0,
        max: MAX_HOURS_PER_DAY,
      });
    }
  }
  return refusals;
}
