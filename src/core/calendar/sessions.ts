/**
 * @module calendar/sessions
 * A plan week as timed study sessions on the learner's study days. Pure: dates are civil dates,
 * times local `HH:MM`; the time zone is carried along, never applied here.
 *
 * The week's hours are counted in 5-minute steps and shared out evenly over the week's study days
 * that the learner can use (on or after the plan's start, outside every week off). The tasks fill the
 * sessions in plan order, back to back; a piece shorter than 15 minutes is avoided (a task's last bit
 * stays in the session it started, a session's last few minutes are left unused), and the week's last
 * session takes whatever is left, so no minute of the plan is lost.
 */
import { addDays, isoWeekday, toDayNumber } from '../dates.js';
import type { DateRange, PlanTask, PlanWeek, StudyDays, Weekday } from '../plan-model.js';
import { WEEKDAYS } from '../plan-model.js';

/** The unit sessions are measured in, in minutes. */
export const SESSION_STEP_MINUTES = 5;
/** No piece of a task shorter than this many minutes, where it can be helped. */
export const MIN_PIECE_MINUTES = 15;

/** One task's share of one session. */
export interface SessionPiece {
  /** The task's position in `week.tasks`. */
  readonly task: number;
  /** The day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Minutes after the session's start time at which this piece begins. */
  readonly offsetMinutes: number;
  readonly minutes: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether a string is a 24-hour `HH:MM` time. */
export function isValidTime(value: string): boolean {
  return TIME.test(value);
}

/** Whether an IANA time zone is known (`Europe/Berlin`, `Asia/Shanghai`, `UTC`), by the runtime's own data. */
export function isKnownTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== undefined;
}

/**
 * A known IANA time zone as the runtime names it (`asia/shanghai` -> `Asia/Shanghai`), or
 * undefined for an unknown one. One name per zone, whatever the casing it was given in.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  if (timeZone.trim() === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** When sessions start unless the learner says otherwise. */
export const DEFAULT_STUDY_TIME = '19:00';

/** The longest session the weekly hours may make on the study days (hours per week / study days). */
export const MAX_SESSION_HOURS = 12;

/** The longest reminder before a session, in minutes (a day). */
export const MAX_REMINDER_MINUTES = 1440;

/** Whether a string is a weekday name mlpath knows (`mon` ... `sun`). */
export function isWeekday(value: string): value is Weekday {
  return (WEEKDAYS as readonly string[]).includes(value);
}

/** The study days of a week the learner can use, in date order. */
export function studyDates(
  week: Pick<PlanWeek, 'start'>,
  study: Pick<StudyDays, 'days'>,
  limits: { readonly planStart: string; readonly weeksOff: readonly DateRange[] },
): string[] {
  const dates: string[] = [];
  for (let d = 0; d < 7; d++) {
    const date = addDays(week.start, d);
    const weekday = WEEKDAYS[isoWeekday(date) - 1];
    if (weekday === undefined || !study.days.includes(weekday)) continue;
    if (toDayNumber(date) < toDayNumber(limits.planStart)) continue;
    if (limits.weeksOff.some((r) => r.start <= date && date <= r.end)) continue;
    dates.push(date);
  }
  return dates;
}

/**
 * The pieces of a week's tasks on its study days, in order. Empty when the week has no work or no
 * usable study day (the caller then shows the week another way).
 */
export function weekSessions(
  week: Pick<PlanWeek, 'start' | 'tasks'>,
  study: Pick<StudyDays, 'days'>,
  limits: { readonly planStart: string; readonly weeksOff: readonly DateRange[] },
): SessionPiece[] {
  const dates = studyDates(week, study, limits);
  const steps = week.tasks.map((task: PlanTask) => Math.max(1, Math.round((task.hours * 60) / SESSION_STEP_MINUTES)));
  const total = steps.reduce((a, b) => a + b, 0);
  if (dates.length === 0 || total === 0) return [];
  const minSteps = MIN_PIECE_MINUTES / SESSION_STEP_MINUTES;
  const share = (i: number): number => Math.floor(total / dates.length) + (i < total % dates.length ? 1 : 0);

  const pieces: SessionPiece[] = [];
  let session = 0;
  let used = 0;
  for (let task = 0; task < steps.length; task++) {
    let left = steps[task] ?? 0;
    while (left > 0) {
      const last = session === dates.length - 1;
      const room = last ? left : share(session) - used;
      if (!last && (room <= 0 || (room < minSteps && left >= minSteps))) {
        session++;
        used = 0;
        continue;
      }
      // A remainder too small to stand alone stays with the piece before it.
      const take = left - room < minSteps ? left : Math.min(room, left);
      pieces.push({
        task,
        date: dates[session] ?? week.start,
        offsetMinutes: used * SESSION_STEP_MINUTES,
        minutes: take * SESSION_STEP_MINUTES,
      });
      used += take;
      left -= take;
    }
  }
  return pieces;
}

/** The local date and time `minutes` after `time` on `date`, as `YYYY-MM-DDTHH:MM:00`. */
export function localDateTime(date: string, time: string, minutes: number): string {
  const m = TIME.exec(time);
  const start = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  const at = start + Math.round(minutes);
  const days = Math.floor(at / 1440);
  const inDay = at - days * 1440;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${addDays(date, days)}T${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}:00`;
}
