/**
 * @module weeks
 * Calendar-true study weeks. A plan week is a calendar week, Monday to Sunday. Its budget is the
 * learner's weekly hours shared over the days open for study (over the open study days, for a
 * learner who chose study days): a day is closed when a declared range of days off covers it, or
 * when it comes before the first day of study. A week with no open
 * day is a week off, for all seven days, in every view and export.
 *
 * The current week is never a fresh full week from the day one looks: what it still holds is its
 * budget less the hours already logged in it. Week numbers count from the Monday of the plan's real
 * start date (the profile's), whatever day a re-plan starts on.
 *
 * Pure: "today" is an argument. Dates are `YYYY-MM-DD`; hours are decimal hours.
 */
import type { DateRange, Plan, PlanTask, PlanWeek, Profile, ProgressState } from './plan-model.js';
import { WEEKDAYS } from './plan-model.js';
import { addDays, daysBetween, fromDayNumber, maxDate, toDayNumber, weekStart } from './dates.js';

/** What the calendar needs of a profile. */
export type CalendarProfile = Pick<Profile, 'hoursPerWeek' | 'weeksOff' | 'startDate' | 'study'>;

export interface StudyCalendar {
  /** The Monday (day number) of the week holding the first day of study. */
  readonly firstMonday: number;
  /** The weekly budget in hundredths of an hour (at least 1). */
  readonly nominalCenti: number;
  /** Whether a declared range of days off covers a day (a day number). */
  isOff(day: number): boolean;
  /** Days (numbers) of the week starting on Monday `monday` open for study: not off, not before `from`. */
  openDays(monday: number, from?: number): number[];
  /**
   * The week's budget in hundredths of an hour: the weekly hours pro rata over its open days, or,
   * when the learner has study days, over its open study days (a plan begun on a Tuesday by one who
   * studies Monday, Wednesday and Saturday has two of three in its first week).
   */
  budgetCenti(monday: number): number;
  /** Declared days off from `from` on, up to `limit` of them (for guards). */
  offDayCount(from: number, limit: number): number;
}

/** The study calendar of a profile. */
export function studyCalendar(profile: CalendarProfile): StudyCalendar {
  const startDay = toDayNumber(profile.startDate);
  const ranges = profile.weeksOff.map((r: DateRange) => [toDayNumber(r.start), toDayNumber(r.end)] as const);
  const nominalCenti = Math.max(1, Math.round(profile.hoursPerWeek * 100));
  const isOff = (day: number): boolean => ranges.some(([a, b]) => day >= a && day <= b);
  // Study days as weekday indexes (Monday 0); day number 0, 1970-01-01, was a Thursday (3).
  const studyDays = profile.study?.days.length
    ? new Set(profile.study.days.map((d) => WEEKDAYS.indexOf(d)))
    : undefined;
  const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;
  const openDays = (monday: number, from: number = startDay): number[] => {
    const open: number[] = [];
    for (let d = monday; d < monday + 7; d++) if (d >= from && !isOff(d)) open.push(d);
    return open;
  };
  return {
    firstMonday: toDayNumber(weekStart(profile.startDate)),
    nominalCenti,
    isOff,
    openDays,
    budgetCenti: (monday) => {
      if (ranges.length === 0 && monday > startDay) return nominalCenti;
      const open = openDays(monday);
      const [share, of] = studyDays
        ? [open.filter((day) => studyDays.has(weekdayOf(day))).length, studyDays.size]
        : [open.length, 7];
      return share === of ? nominalCenti : Math.round((nominalCenti * share) / of);
    },
    offDayCount: (from, limit) => {
      let count = 0;
      for (const [a, b] of ranges) count += Math.max(0, Math.min(b, from + limit) - Math.max(a, from) + 1);
      return Math.min(count, limit);
    },
  };
}

/** The number (1-based) of the calendar week holding `date`, counted from the plan's real start. */
export function weekNumber(profile: Pick<Profile, 'startDate'>, date: string): number {
  return Math.floor(daysBetween(weekStart(profile.startDate), weekStart(date)) / 7) + 1;
}

/** Hours logged on days `from`..`to` (inclusive). */
export function hoursLoggedBetween(logged: ProgressState['logged'], from: string, to: string): number {
  let hours = 0;
  for (const entry of logged) if (entry.date >= from && entry.date <= to) hours += entry.hours;
  return Math.round(hours * 1000) / 1000;
}

/**
 * Hours logged per calendar week (keyed by its Monday), in one pass: for each week the very sum
 * `hoursLoggedBetween` gives over its Monday to Sunday (the same entries added in the same order),
 * for readers of many weeks. Weeks with nothing logged are absent.
 */
export function hoursLoggedByWeek(logged: ProgressState['logged']): ReadonlyMap<string, number> {
  const sums = new Map<string, number>();
  for (const entry of logged) {
    const monday = weekStart(entry.date);
    sums.set(monday, (sums.get(monday) ?? 0) + entry.hours);
  }
  for (const [monday, hours] of sums) sums.set(monday, Math.round(hours * 1000) / 1000);
  return sums;
}

/** The week a learner is in, as `mlpath today`/`week`, the web's This week and GET /api/today show it. */
export interface CurrentWeek {
  /** 1-based, from the Monday of the plan's start date. */
  readonly number: number;
  /** Monday, `YYYY-MM-DD`. */
  readonly start: string;
  /** Sunday, `YYYY-MM-DD`. */
  readonly end: string;
  /** No day of the week is open for study (a declared week off). */
  readonly off: boolean;
  /** The week's hours: the weekly hours pro rata over its open days. */
  readonly budgetHours: number;
  /** Hours logged on the week's days so far. */
  readonly loggedHours: number;
  /** Budget less hours logged, never below 0. */
  readonly remainingHours: number;
  /** What the re-planned plan puts in what remains of the week, in plan order. */
  readonly tasks: readonly PlanTask[];
}

export interface TodayView {
  readonly today: string;
  /** Study has not begun yet: `week` is the first week, upcoming. */
  readonly beforeStart: boolean;
  /** Null without a profile. */
  readonly week: CurrentWeek | null;
}

/**
 * The current week: the calendar week holding today, or before the start date the first week (as
 * upcoming). `plan` is the re-plan from today (planFor with progress and today), whose first week is
 * this one with its budget already reduced by the hours logged in it.
 */
export function currentWeekView(input: {
  readonly profile: CalendarProfile | undefined;
  readonly plan: Plan | undefined;
  readonly logged: ProgressState['logged'];
  readonly today: string;
}): TodayView {
  const { profile, plan, logged, today } = input;
  if (!profile) return { today, beforeStart: false, week: null };
  const beforeStart = today < profile.startDate;
  const start = weekStart(maxDate(today, profile.startDate));
  const end = addDays(start, 6);
  const calendar = studyCalendar(profile);
  const monday = toDayNumber(start);
  const budgetHours = round2(calendar.budgetCenti(monday) / 100);
  const loggedHours = round2(hoursLoggedBetween(logged, start, end));
  const planWeek: PlanWeek | undefined = plan?.weeks.find((w) => w.start === start);
  return {
    today,
    beforeStart,
    week: {
      number: weekNumber(profile, start),
      start,
      end,
      off: calendar.openDays(monday).length === 0,
      budgetHours,
      loggedHours,
      remainingHours: round2(Math.max(0, budgetHours - loggedHours)),
      tasks: planWeek?.tasks ?? [],
    },
  };
}

/**
 * The runs of consecutive open days in a plan week, as `[first, endExclusive)` date pairs: where a
 * calendar places the week's study (nothing on a day off).
 */
export function openSpans(week: Pick<PlanWeek, 'start' | 'offDays'>): { start: string; end: string }[] {
  const closed = new Set(week.offDays ?? []);
  const spans: { start: string; end: string }[] = [];
  let from: string | undefined;
  for (let i = 0; i <= 7; i++) {
    const day = addDays(week.start, i);
    const open = i < 7 && !closed.has(day);
    if (open && from === undefined) from = day;
    if (!open && from !== undefined) {
      spans.push({ start: from, end: day });
      from = undefined;
    }
  }
  return spans;
}

/** The closed days (declared off, or before the first day of study) of the week starting `monday`. */
export function closedDays(calendar: StudyCalendar, monday: number): string[] {
  const open = new Set(calendar.openDays(monday));
  const closed: string[] = [];
  for (let d = monday; d < monday + 7; d++) if (!open.has(d)) closed.push(fromDayNumber(d));
  return closed;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The date a week is shown from: its first day of study. A plan's first week, begun mid-week, is
 * dated from the plan's start, not from the Monday before it. Both `YYYY-MM-DD`.
 */
export function weekShownFrom(weekStart: string, startDate: string): string {
  return maxDate(weekStart, startDate);
}
