/**
 * @module contract/backup
 * The JSON backup's shape (the format is described in export/backup.ts): the profile, the events,
 * the projects, the kept postings and the calendar (its id and what was exported), each by the same schema the API answers
 * with. Cross-record rules (an id given twice) are checked here too; whether the profile fits the
 * curriculum is the core's `checkProfile`, run on import.
 */
import { z } from 'zod';
import { MAX_POSTING_LENGTH } from '../core/jobs/text.js';
import { MAX_ID_LENGTH, MAX_TITLE_LENGTH } from '../core/planner/profile.js';
import { Instant, Link, StoredId, Title, coded } from './common.js';
import { MAX_EVENT_TEXT_LENGTH } from '../core/progress-model.js';
import { ProgressEvent } from './events.js';
import { Profile } from './profile.js';

export const BACKUP_FORMAT = 'mlpath-backup';
export const BACKUP_VERSION = 3;
/**
 * The versions this mlpath reads: 1 (before kept postings), 2 (before the calendar's record of what
 * was exported) and 3.
 */
export const READABLE_VERSIONS = [1, 2, 3] as const;

/** A project as the backup carries it (the store's project plus the rubric items ticked). */
export const BackupProject = z.strictObject({
  id: StoredId,
  template: StoredId,
  title: Title,
  createdAt: Instant,
  links: z.strictObject({ repository: Link.optional(), demo: Link.optional(), writeup: Link.optional() }),
  checked: z.array(z.string().max(MAX_ID_LENGTH)).default([]),
});

/** A kept job posting as the backup carries it. */
/** The longest UID, subject or fingerprint a calendar record holds (they are made of ids). */
const MAX_TEXT_FIELD = 4 * MAX_ID_LENGTH;
/** A calendar record's start or end: a day, or a local time to the minute. */
const CALENDAR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:00)?$/;

export const BackupPosting = z.strictObject({
  id: StoredId,
  title: z.string().max(MAX_TITLE_LENGTH),
  text: z.string().min(1).max(MAX_POSTING_LENGTH),
  addedAt: Instant,
});

/**
 * What the last calendar export sent under one UID (core/calendar/sync's CalendarRecord), so the
 * next export after a restore goes on from the same SEQUENCE and still sends pending cancellations.
 */
export const BackupCalendarRecord = z.strictObject({
  uid: z.string().min(1).max(MAX_TEXT_FIELD),
  subject: z.string().min(1).max(MAX_TEXT_FIELD),
  occurrence: z.int().min(0),
  sequence: z.int().min(0),
  fingerprint: z.string().min(1).max(MAX_TEXT_FIELD),
  state: z.enum(['active', 'cancelled', 'past']),
  allDay: z.boolean(),
  /** All day: `YYYY-MM-DD` (end exclusive); timed: local `YYYY-MM-DDTHH:MM:00`. */
  start: z.string().regex(CALENDAR_TIME, { error: coded('contract.calendarTime') }),
  end: z.string().regex(CALENDAR_TIME, { error: coded('contract.calendarTime') }),
  timeZone: z.string().min(1).max(MAX_ID_LENGTH).optional(),
  summary: z.string().max(MAX_EVENT_TEXT_LENGTH),
  updatedAt: Instant,
});

/** The learner's calendar: its id (in every UID) and, from version 3, the record of what was exported. */
export const BackupCalendar = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/, { error: coded('contract.hex32') }),
  events: z.array(BackupCalendarRecord).default([]),
});

export const Backup = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(READABLE_VERSIONS),
    exportedAt: Instant,
    profile: Profile.nullable(),
    events: z.array(ProgressEvent),
    projects: z.array(BackupProject),
    postings: z.array(BackupPosting).default([]),
    calendar: BackupCalendar.optional(),
  })
  .superRefine((backup, ctx) => {
    const twice = (
      ids: readonly string[],
      list: readonly ['events' | 'projects' | 'postings'] | readonly ['calendar', 'events'],
      noun: string,
      field = 'id',
    ): void => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({
            code: 'custom',
            message: `${noun} ${field} "${id}" appears twice`,
            path: [...list, i, field],
            params: { key: `backup.${noun}Twice`, id },
          });
        seen.add(id);
      });
    };
    twice(
      backup.events.map((e) => e.id),
      ['events'],
      'event',
    );
    twice(
      backup.projects.map((p) => p.id),
      ['projects'],
      'project',
    );
    twice(
      backup.postings.map((p) => p.id),
      ['postings'],
      'posting',
    );
    twice(
      (backup.calendar?.events ?? []).map((r) => r.uid),
      ['calendar', 'events'],
      'calendarEvent',
      'uid',
    );
  });
export type BackupJson = z.output<typeof Backup>;
