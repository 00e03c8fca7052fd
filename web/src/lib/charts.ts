/**
 * @module charts
 * What the progress charts draw, as pure functions of the API's series: every week (zero weeks
 * too) up to the current one, the burn-up against the current plan's total, and month ticks at an
 * even step. Weeks are keyed by their Monday, `YYYY-MM-DD`, as the server keys them.
 */
import { addDays, weekStart } from '../../../src/core/dates.js';
import type { BurnupPoint } from './api.js';

export interface WeekHours {
  readonly week: string;
  readonly hours: number;
  /** The week today is in. */
  readonly current: boolean;
}

/**
 * Hours per week for every week from the first with hours (or `from`, when earlier) to the week of
 * `today`, a week without hours as 0. Empty when nothing was logged and no `from` is given.
 */
export function everyWeek(
  logged: readonly { readonly week: string; readonly hours: number }[],
  today: string,
  from?: string,
): WeekHours[] {
  const now = weekStart(today);
  const starts = [...logged.map((w) => w.week), ...(from ? [weekStart(from)] : [])].sort();
  const first = starts[0];
  if (first === undefined) return [];
  const last = [now, ...logged.map((w) => w.week)].sort().at(-1) ?? now;
  const byWeek = new Map(logged.map((w) => [w.week, w.hours]));
  const out: WeekHours[] = [];
  for (let week = first; week <= last; week = addDays(week, 7))
    out.push({ week, hours: byWeek.get(week) ?? 0, current: week === now });
  return out;
}

export interface BurnupRow {
  readonly week: string;
  readonly doneHours: number | null;
  /** The first plan's schedule, measured in the current plan's total hours. */
  readonly plannedHours: number | null;
  /** The first plan as it was made (a faint reference). */
  readonly firstPlanHours: number | null;
  readonly forecastHours: number | null;
}

/**
 * The burn-up with planned and forecast against one total. The server's planned line climbs to
 * the first plan's total while the forecast climbs to the current plan's, so a learner ahead of
 * time but with a grown plan read as behind. Here the planned line keeps the first plan's pace
 * (its share done by each week) scaled to the current total; the first plan stays as it was.
 */
export function burnupAgainstCurrent(points: readonly BurnupPoint[]): BurnupRow[] {
  const firstTotal = Math.max(0, ...points.map((p) => p.plannedHours ?? 0));
  const currentTotal = Math.max(0, ...points.map((p) => p.forecastHours ?? 0));
  const scale = firstTotal > 0 && currentTotal > 0 ? currentTotal / firstTotal : 1;
  const round = (hours: number) => Math.round(hours * 10) / 10;
  return points.map((p) => ({
    week: p.week,
    doneHours: p.doneHours,
    plannedHours: p.plannedHours === null ? null : round(p.plannedHours * scale),
    firstPlanHours: p.plannedHours,
    forecastHours: p.forecastHours,
  }));
}

/**
 * Ticks for a week axis: the first week of every month when the weeks span more than `monthsOver`
 * days, every k-th of them so at most `max` remain (an even step, never gaps of 1 then 3); else
 * every k-th week. A first week late in its month is no tick, so the step stays even.
 */
export function evenTicks(weeks: readonly string[], max: number, monthsOver = 300): string[] {
  if (weeks.length === 0) return [];
  const first = weeks[0] ?? '';
  const last = weeks[weeks.length - 1] ?? first;
  const span = (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000;
  const candidates =
    span > monthsOver
      ? weeks.filter((week, i) =>
          i === 0 ? Number(week.slice(8, 10)) <= 7 : week.slice(0, 7) !== weeks[i - 1]?.slice(0, 7),
        )
      : weeks;
  const step = Math.max(1, Math.ceil(candidates.length / Math.max(1, max)));
  return candidates.filter((_, i) => i % step === 0);
}
