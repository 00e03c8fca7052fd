/**
 * @module burnup
 * The burn-up chart's series, one point per calendar week (keyed by its Monday). Pure.
 * - `plannedHours`: the first plan's hours (from the profile alone), cumulative;
 * - `doneHours` ("done"): the planned hours of the work finished by the end of that week, cumulative,
 *   earned by the pace's rule (`earnedHours` and `vouched` in planner/earned.ts: the hours logged by
 *   then, kept between what the marks surely stand for (a task marked in full, a done skill's smallest
 *   share) and the most they could (every task whose skills are all done in full)); null for weeks that
 *   have not begun. Planned, not spent: ticking a 5-hour unit adds 5;
 * - `loggedHours` ("hours logged"): the hours the learner logged by the end of that week,
 *   cumulative; null for weeks that have not begun;
 * - `forecastHours`: done so far plus the re-planned weeks from today, cumulative; null before
 *   the current week.
 */
import type { Plan, ProgressState } from './plan-model.js';
import { addDays, weekStart } from './dates.js';
import { earnedTotalsOver, vouched } from './planner/earned.js';

export interface BurnupPoint {
  week: string;
  doneHours: number | null;
  loggedHours: number | null;
  plannedHours: number;
  forecastHours: number | null;
}

const round = (hours: number): number => Math.round(hours * 10) / 10;

export function burnupOf(options: {
  original: Plan;
  forecast: Plan;
  /** Item key -> the day it became done, for items done now (the fold's `doneOn`). */
  doneOn: ReadonlyMap<string, string>;
  /** Hours logged (the fold's). */
  logged: ProgressState['logged'];
  today: string;
}): BurnupPoint[] {
  const { original, forecast, doneOn: dates, logged, today } = options;

  // The first plan's tasks (a task's pieces joined), and the planned hours earned by the end of a day,
  // by the pace's rule (`earnedHours`, `vouched`; its totals read once per week by `earnedTotalsOver`)
  // over what was marked done before it.
  const byKey = new Map<string, { hours: number; skills: readonly string[]; resource: string; unit?: string }>();
  for (const task of original.weeks.flatMap((w) => w.tasks)) {
    const key = task.key ?? (task.unit === undefined ? task.resource : `${task.resource}/${task.unit}`);
    const seen = byKey.get(key);
    if (seen) seen.hours += task.hours;
    else byKey.set(key, { hours: task.hours, skills: task.skills, resource: task.resource, unit: task.unit });
  }
  const tasks = [...byKey.values()];
  const ownDates = tasks.map(
    (t) => (t.unit === undefined ? undefined : dates.get(`${t.resource}/${t.unit}`)) ?? dates.get(t.resource),
  );
  const loggedBy = loggedBefore(logged);
  // The hours logged by then are read as general study: the burn-up has them by day, not by item.
  const earnedBy = earnedTotalsOver(tasks);
  const doneBy = (endExclusive: string): number =>
    vouched(
      earnedBy(
        (s) => (dates.get(s) ?? endExclusive) < endExclusive,
        (_t, i) => (ownDates[i] ?? endExclusive) < endExclusive,
      ),
      loggedBy(endExclusive),
    );
  const doneNow = doneBy(addDays(today, 1));

  // Weeks on the first plan's grid, extended to the forecast's finish.
  const first = original.weeks[0]?.start ?? weekStart(original.startDate);
  const last = [original.finishDate, forecast.finishDate, today].sort().at(-1) ?? original.finishDate;
  const hoursIn = (plan: Plan, from: string, to: string): number =>
    plan.weeks.filter((w) => w.start >= from && w.start < to).reduce((sum, w) => sum + w.hours, 0);

  const points: BurnupPoint[] = [];
  let planned = 0;
  let ahead = doneNow;
  for (let week = first; week <= last; week = addDays(week, 7)) {
    const end = addDays(week, 7);
    planned += hoursIn(original, week, end);
    const begun = week <= today;
    const current = begun && today < end;
    if (!begun || current) ahead += hoursIn(forecast, week, end);
    points.push({
      week,
      doneHours: begun ? round(doneBy(current ? addDays(today, 1) : end)) : null,
      loggedHours: begun ? round(loggedBy(current ? addDays(today, 1) : end)) : null,
      plannedHours: round(planned),
      forecastHours: begun && !current ? null : round(ahead),
    });
  }
  return points;
}

/**
 * Hours logged before a day (exclusive), read once per week of the chart: the days sorted once with
 * running totals, each reading a binary search (a week's filter over every day logged was most of
 * the chart's time on a long log).
 */
function loggedBefore(logged: ProgressState['logged']): (endExclusive: string) => number {
  const days = [...logged].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const totals = new Float64Array(days.length + 1);
  for (let i = 0; i < days.length; i++) totals[i + 1] = (totals[i] ?? 0) + (days[i]?.hours ?? 0);
  return (endExclusive) => {
    // The number of days before `endExclusive`.
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((days[mid]?.date ?? '') < endExclusive) lo = mid + 1;
      else hi = mid;
    }
    return totals[lo] ?? 0;
  };
}
