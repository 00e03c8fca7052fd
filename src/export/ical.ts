/**
 * @module export/ical
 * The plan as an iCalendar file (RFC 5545), published with `METHOD:PUBLISH` (RFC 5546 §3.2.1:
 * a calendar others subscribe to or import, with no organizer or attendees to notify).
 *
 * - Without study days, each week's task is an all-day block spanning the week; with study days,
 *   each piece of a task is a timed session in the learner's time zone (TZID plus a VTIMEZONE),
 *   with an optional reminder. Milestones are one-day events.
 * - UIDs come from identity: the learner's calendar, the curriculum, the task's progress key (or
 *   the milestone's stage) and the occurrence, hashed. The same piece of work keeps its UID across
 *   days and re-plans; two curricula never share one.
 * - SEQUENCE and cancellations come from the caller's sync (`core/calendar/sync`); an event that
 *   left the plan is written with `STATUS:CANCELLED`, which Google, Apple and Outlook read as
 *   removing it.
 * - All-day blocks and milestones are `TRANSP:TRANSPARENT` (they do not make the learner busy all
 *   week); timed sessions are `OPAQUE`: they are time the learner set aside.
 * - Lines end with CRLF (the last one too) and are folded at 75 octets without splitting a UTF-8
 *   character (ical-generator does the folding).
 */
import { planTaskWords } from '../core/planner/task-words.js';
import { translate } from '../i18n/catalogue.js';
import { formatHours } from '../i18n/numbers.js';
import { sayIn } from '../i18n/planner.js';
import { createHash } from 'node:crypto';
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { calendarEntries } from '../core/calendar/entries.js';
import type { CalendarEntry, TaskEntry } from '../core/calendar/entries.js';
import type { CalendarRecord, CurrentEvent } from '../core/calendar/sync.js';
import { byId, textIn } from '../core/model.js';
import type { Curriculum, Locale } from '../core/model.js';
import type { DateRange, Plan, PlanTask, StudyDays } from '../core/plan-model.js';
import { regionOf, resourceUrl } from '../core/regions.js';
import { exportText } from './text.js';
import { vtimezone } from './vtimezone.js';

/** A calendar event ready to write: its identity, what it shows, and a fingerprint of that. */
export interface IcsEvent extends CurrentEvent {
  readonly description: string;
  readonly url: string | undefined;
  readonly transparent: boolean;
  readonly reminderMinutes: number | undefined;
}

/**
 * A UID for a piece of work: stable for the same (calendar, curriculum, subject, occurrence) and
 * unguessable from outside (a hash, so it reveals neither the learner nor the plan).
 */
export function eventUid(calendarId: string, curriculumId: string, subject: string, occurrence: number): string {
  const digest = createHash('sha256')
    .update([calendarId, curriculumId, subject, String(occurrence)].join('\u0000'))
    .digest('hex');
  return `${digest.slice(0, 32)}@mlpath`;
}

export interface RenderOptions {
  readonly locale: Locale;
  /** The learner's region id: links point to addresses reachable there (`resourceUrl`). */
  readonly region?: string | undefined;
  /** The learner's calendar id (stable, random); part of every UID. */
  readonly calendarId: string;
}

/** The events of calendar entries, in the learner's language, each with its UID and fingerprint. */
export function renderEntries(
  entries: readonly CalendarEntry[],
  curriculum: Curriculum,
  options: RenderOptions,
): IcsEvent[] {
  const t = exportText(options.locale);
  const resources = byId(curriculum.resources);
  const skills = byId(curriculum.skills);
  const stages = byId(curriculum.stages);
  const locale = options.locale;

  const taskTitle = (task: PlanTask): { title: string; url: string | undefined } => {
    const title = sayIn(locale, planTaskWords(curriculum, task).title);
    const resource = resources.get(task.resource);
    if (!resource) return { title, url: undefined };
    const unit = task.unit === undefined ? undefined : resource.units.find((u) => u.id === task.unit);
    return { title, url: resourceUrl(resource, locale, regionOf(curriculum, options.region), unit?.id) };
  };

  const taskText = (entry: TaskEntry): { summary: string; description: string; url: string | undefined } => {
    const { task } = entry;
    const { title, url } = taskTitle(task);
    const why = planTaskWords(curriculum, task).why;
    const stage = stages.get(task.stage);
    const lines = [
      entry.time.allDay ? t.blockHours(entry.hours) : undefined,
      stage ? t.labelled(t.stage, textIn(stage.title, locale)) : undefined,
      task.skills.length > 0
        ? t.labelled(t.skills, t.list(task.skills.map((s) => textIn(skills.get(s)?.title, locale) || s)))
        : undefined,
      why ? t.labelled(t.why, sayIn(locale, why)) : undefined,
      url,
    ].filter((line): line is string => line !== undefined && line !== '');
    return {
      summary: `${t.kind[task.kind]} ${translate(locale, 'cli', 'aside', { text: title, aside: translate(locale, 'tracking', 'hours', { hours: formatHours(entry.hours, locale) }) })}`,
      description: lines.join('\n'),
      url,
    };
  };

  return entries.map((entry): IcsEvent => {
    const text =
      entry.kind === 'task'
        ? taskText(entry)
        : {
            summary: t.labelled(
              t.milestone,
              sayIn(locale, entry.milestone.title) ||
                textIn(stages.get(entry.milestone.stage)?.title, locale) ||
                entry.milestone.stage,
            ),
            description: '',
            url: undefined,
          };
    const timeZone = entry.time.allDay ? undefined : entry.time.timeZone;
    const transparent = entry.time.allDay;
    const reminderMinutes = entry.kind === 'task' && !entry.time.allDay ? entry.reminderMinutes : undefined;
    const shown = {
      start: entry.time.start,
      end: entry.time.end,
      allDay: entry.time.allDay,
      timeZone,
      summary: text.summary,
      description: text.description,
      url: text.url,
      transparent,
      reminderMinutes,
    };
    return {
      uid: eventUid(options.calendarId, curriculum.meta.id, entry.subject, entry.occurrence),
      subject: entry.subject,
      occurrence: entry.occurrence,
      fingerprint: createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32),
      ...shown,
    };
  });
}

export interface WriteOptions {
  /** When the file is made (DTSTAMP); an argument so that output is reproducible. */
  readonly now: Date;
  /** The calendar's name, shown by calendar apps. */
  readonly name: string;
  readonly locale: Locale;
  /** SEQUENCE per UID; absent means 0. */
  readonly sequence?: ReadonlyMap<string, number>;
  /** Events that left the plan, written once as cancelled. */
  readonly cancelled?: readonly CalendarRecord[];
  /** How often a subscribed calendar should refresh, in seconds (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  readonly refreshSeconds?: number;
}

/** The iCalendar text of some events (see the module comment for what it holds). */
export function writeIcs(events: readonly IcsEvent[], options: WriteOptions): string {
  const cancelled = options.cancelled ?? [];
  const years = [...events, ...cancelled]
    .filter((e) => e.timeZone !== undefined)
    .flatMap((e) => [Number(e.start.slice(0, 4)), Number(e.end.slice(0, 4))]);
  const fromYear = years.length > 0 ? Math.min(...years) : 1970;
  const toYear = years.length > 0 ? Math.max(...years) : 1970;
  const calendar = ical({
    name: options.name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'mlpath', product: 'mlpath', language: options.locale === 'zh-CN' ? 'ZH' : 'EN' },
    timezone: { name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) },
    ...(options.refreshSeconds === undefined ? {} : { ttl: options.refreshSeconds }),
  });
  const when = (e: Pick<CalendarRecord, 'allDay' | 'start' | 'end' | 'timeZone'>) =>
    e.allDay
      ? { start: e.start, end: e.end, allDay: true }
      : { start: e.start, end: e.end, ...(e.timeZone ? { timezone: e.timeZone } : { floating: true }) };
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: options.sequence?.get(event.uid) ?? 0,
      ...when(event),
      summary: event.summary,
      ...(event.description === '' ? {} : { description: event.description }),
      ...(event.url === undefined ? {} : { url: event.url }),
      stamp: options.now,
      transparency: event.transparent ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      ...(event.reminderMinutes === undefined
        ? {}
        : { alarms: [{ type: ICalAlarmType.display, trigger: event.reminderMinutes * 60 }] }),
    });
  }
  for (const gone of cancelled) {
    calendar.createEvent({
      id: gone.uid,
      sequence: gone.sequence,
      ...when(gone),
      summary: gone.summary,
      stamp: options.now,
      status: ICalEventStatus.CANCELLED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 §3.1: every content line, the last one included, ends with CRLF.
  return `${calendar.toString()}\r\n`;
}

export interface IcsOptions {
  readonly locale: Locale;
  /** When the file is made (DTSTAMP); an argument so that output is reproducible. */
  readonly now: Date;
  /** Label for the calendar; defaults to the curriculum's title. */
  readonly name?: string;
  /** Study days: timed sessions instead of week-long blocks. */
  readonly study?: StudyDays | undefined;
  readonly weeksOff?: readonly DateRange[];
  /** Part of every UID; a learner's own comes from the store (see learner/calendar). */
  readonly calendarId?: string;
}

/** The calendar name for a curriculum. */
export function calendarName(curriculum: Curriculum, locale: Locale): string {
  return exportText(locale).labelled('mlpath', textIn(curriculum.meta.title, locale));
}

/**
 * A plan as a one-off iCalendar file with no sync record: every SEQUENCE is 0 and nothing is
 * cancelled. A learner's exports and feed go through `learner/calendar`, which keeps the record.
 */
export function planToIcs(plan: Plan, curriculum: Curriculum, options: IcsOptions): string {
  const entries = calendarEntries(plan, { study: options.study, weeksOff: options.weeksOff ?? [] });
  const events = renderEntries(entries, curriculum, {
    locale: options.locale,
    calendarId: options.calendarId ?? 'mlpath',
  });
  return writeIcs(events, {
    now: options.now,
    name: options.name ?? calendarName(curriculum, options.locale),
    locale: options.locale,
  });
}
