/**
 * @module calendar/entries
 * What a plan puts in a calendar, each entry with an identity that survives days and re-plans:
 * its subject (`task:<progress key>` or `milestone:<stage>`) and its occurrence (the n-th piece of
 * that task). Pure: no clock, no I/O.
 *
 * Occurrences count on from the ones already in the past (`firstOccurrence`), so a re-plan a week
 * later numbers a task's remaining pieces as before and only what really moved changes.
 *
 * Without study days each week's task is an all-day block over the week's open days (a block per
 * run of them, when days off split the week); with study days each piece of a task is a timed
 * session on a study day (see `weekSessions`). A week with work but no usable study day keeps the
 * all-day blocks.
 */
import { addDays } from '../dates.js';
import { openSpans } from '../weeks.js';
import type { DateRange, Milestone, Plan, PlanTask, StudyDays } from '../plan-model.js';
import { localDateTime, weekSessions } from './sessions.js';

export type EntryTime =
  /** All day from `start` to `end` (exclusive), `YYYY-MM-DD`. */
  | { readonly allDay: true; readonly start: string; readonly end: string }
  /** Local `YYYY-MM-DDTHH:MM:00` times in `timeZone`. */
  | { readonly allDay: false; readonly start: string; readonly end: string; readonly timeZone: string };

interface EntryBase {
  /** `task:<key>` or `milestone:<stage>`. */
  readonly subject: string;
  readonly occurrence: number;
  readonly time: EntryTime;
}

export interface TaskEntry extends EntryBase {
  readonly kind: 'task';
  readonly task: PlanTask;
  /** The hours of this piece (the task's hours that week, or the session piece's). */
  readonly hours: number;
  /** Minutes before the start to remind, for timed sessions with a reminder. */
  readonly reminderMinutes: number | undefined;
}

export interface MilestoneEntry extends EntryBase {
  readonly kind: 'milestone';
  readonly milestone: Milestone;
}

export type CalendarEntry = TaskEntry | MilestoneEntry;

/** The progress key a task is known by (older plans may lack `key`). */
export function taskSubject(task: PlanTask): string {
  return `task:${task.key || (task.unit ? `${task.resource}/${task.unit}` : task.resource)}`;
}

export function milestoneSubject(milestone: Milestone): string {
  return `milestone:${milestone.stage}`;
}

export interface EntryOptions {
  readonly study: StudyDays | undefined;
  readonly weeksOff: readonly DateRange[];
  /** Per subject, the occurrence number to start from (1 + the last one already past); default 0. */
  readonly firstOccurrence?: ReadonlyMap<string, number>;
}

/** The calendar entries of a plan: its tasks week by week (or session by session), then its milestones. */
export function calendarEntries(plan: Plan, options: EntryOptions): CalendarEntry[] {
  const next = new Map<string, number>();
  const occurrence = (subject: string): number => {
    const n = next.get(subject) ?? options.firstOccurrence?.get(subject) ?? 0;
    next.set(subject, n + 1);
    return n;
  };
  const entries: CalendarEntry[] = [];
  for (const week of plan.weeks) {
    if (week.off || week.tasks.length === 0) continue;
    // Sessions go on study days from the plan's first day on (a re-plan starts today), never on a closed day.
    const closed = (week.offDays ?? []).map((day) => ({ start: day, end: day }));
    const limits = { planStart: plan.startDate, weeksOff: [...options.weeksOff, ...closed] };
    const pieces = options.study ? weekSessions(week, options.study, limits) : [];
    if (options.study && pieces.length > 0) {
      const { time, timeZone, reminderMinutes } = options.study;
      for (const piece of pieces) {
        const task = week.tasks[piece.task];
        if (!task) continue;
        const subject = taskSubject(task);
        entries.push({
          kind: 'task',
          subject,
          occurrence: occurrence(subject),
          task,
          hours: piece.minutes / 60,
          reminderMinutes,
          time: {
            allDay: false,
            start: localDateTime(piece.date, time, piece.offsetMinutes),
            end: localDateTime(piece.date, time, piece.offsetMinutes + piece.minutes),
            timeZone,
          },
        });
      }
      continue;
    }
    // The week's open days, a run of them per event (one, unless days off split the week).
    const spans = openSpans(week);
    for (const task of week.tasks) {
      const subject = taskSubject(task);
      for (const span of spans) {
        entries.push({
          kind: 'task',
          subject,
          occurrence: occurrence(subject),
          task,
          hours: task.hours,
          reminderMinutes: undefined,
          time: { allDay: true, start: span.start, end: span.end },
        });
      }
    }
  }
  // The learner's weeks off and the plan's weeks with no study at all.
  const off = [
    ...options.weeksOff,
    ...plan.weeks.filter((w) => w.off).map((w) => ({ start: w.start, end: addDays(w.start, 6) })),
  ];
  for (const milestone of plan.milestones) {
    const subject = milestoneSubject(milestone);
    const date = outsideWeeksOff(milestone.date, off);
    entries.push({
      kind: 'milestone',
      subject,
      occurrence: occurrence(subject),
      milestone,
      time: { allDay: true, start: date, end: addDays(date, 1) },
    });
  }
  return entries;
}

/** A date moved out of any week off, to the last day before it (where the work before it ended). */
export function outsideWeeksOff(date: string, weeksOff: readonly DateRange[]): string {
  let day = date;
  for (let guard = 0; guard < 3660; guard++) {
    const range = weeksOff.find((r) => r.start <= day && day <= r.end);
    if (!range) return day;
    day = addDays(range.start, -1);
  }
  return day;
}
