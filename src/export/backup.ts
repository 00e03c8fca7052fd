/**
 * @module export/backup
 * The JSON backup: everything a learner has, versioned, readable by people and other tools.
 *
 * ```json
 * { "format": "mlpath-backup", "version": 1, "exportedAt": "2026-11-27T10:00:00.000Z",
 *   "profile": { ... }, "events": [ { "id", "type", "at", "item"?, "hours"?, ... } ],
 *   "projects": [ { "id", "template", "title", "createdAt", "links": { ... }, "checked": [ ... ] } ],
 *   "postings": [ { "id", "title", "text", "addedAt" } ], "calendar": { "id" } }
 * ```
 * Version 2 added `postings` (the kept job postings); a version 1 backup reads as one with none.
 * `calendar.id` (optional) is the learner's calendar id, part of every calendar event's UID: restored
 * with it, a calendar exported again updates the same events instead of adding copies.
 * `hours` are decimal hours. `checked` (the rubric items ticked) is derived from the project's
 * `project-milestone` events and written for readers; on import the events are what counts.
 * Parsing validates everything before anything is written, and names the field at fault.
 */
import { z } from 'zod';
import { MlpathError } from '../core/errors.js';
import type { Message, MessageParams, Problem } from '../core/errors.js';
import { jsonSyntaxError } from '../core/json-position.js';
import { issueMessage } from '../i18n/issues.js';
import type { IssueLike } from '../i18n/issues.js';
import { LEARNING_STYLES } from '../core/model.js';
import { MAX_HOURS_PER_WEEK } from '../core/planner/profile.js';
import type { Profile } from '../core/plan-model.js';
import { WEEKDAYS } from '../core/plan-model.js';
import { EVENT_TYPES, MAX_NOTE_LENGTH } from '../core/progress-model.js';
import { isReviewRating, REVIEW_RATINGS } from '../core/review-model.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { MAX_POSTING_LENGTH } from '../core/jobs/text.js';

export const BACKUP_FORMAT = 'mlpath-backup';
export const BACKUP_VERSION = 2;
/** The versions this mlpath reads: 1 (before kept postings) and 2. */
const READABLE_VERSIONS = [1, 2] as const;

/** A kept job posting as the backup carries it (the store's KeptPosting). */
export interface BackupPosting {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly addedAt: string;
}

/** A project as the backup carries it (the store's PortfolioProject plus ticked rubric items). */
export interface BackupProject {
  readonly id: string;
  readonly template: string;
  readonly title: string;
  readonly createdAt: string;
  readonly links: {
    readonly repository: string | undefined;
    readonly demo: string | undefined;
    readonly writeup: string | undefined;
  };
  readonly checked: readonly string[];
}

export interface Backup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  readonly profile: Profile | undefined;
  readonly events: readonly ProgressEvent[];
  readonly projects: readonly BackupProject[];
  readonly postings: readonly BackupPosting[];
  /** The learner's calendar id, when one was made. */
  readonly calendar?: { readonly id: string } | undefined;
}

const Instant = z.iso.datetime({ offset: true, error: 'expected an ISO instant such as "2026-11-27T10:00:00.000Z"' });
const Day = z.iso.date({ error: 'expected a calendar date such as "2026-11-27"' });
const Url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const DateRange = z.strictObject({ start: Day, end: Day });
export const ProfileSchema = z.strictObject({
  startingPoint: z.string().min(1),
  known: z.array(z.string().min(1)),
  hoursPerWeek: z.number().positive().max(MAX_HOURS_PER_WEEK),
  weeksOff: z.array(DateRange),
  startDate: Day,
  style: z.enum(LEARNING_STYLES),
  domain: z.string().min(1).optional(),
  freeOnly: z.boolean(),
  locale: z.string().min(1),
  target: z.string().min(1).optional(),
  route: z.string().min(1).optional(),
  effortFactor: z.number().positive().optional(),
  marketReady: z.boolean().optional(),
  region: z.string().min(1).optional(),
  choices: z.strictObject({
    pin: z.array(z.string()),
    exclude: z.array(z.string()),
    swap: z.array(z.strictObject({ from: z.string(), to: z.string() })),
    own: z.array(
      z.strictObject({
        id: z.string().min(1),
        title: z.string().min(1),
        url: Url.optional(),
        hours: z.number().positive(),
        teaches: z.array(z.string()),
      }),
    ),
  }),
  study: z
    .strictObject({
      days: z.array(z.enum(WEEKDAYS)).min(1),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      timeZone: z.string().min(1),
      reminderMinutes: z.number().int().min(0).optional(),
    })
    .optional(),
});

export const EventSchema = z
  .strictObject({
    id: z.string().min(1).max(200),
    type: z.enum(EVENT_TYPES),
    at: Instant,
    item: z.string().min(1).max(500).optional(),
    hours: z
      .number()
      .positive()
      .max(24 * 7)
      .optional(),
    date: Day.optional(),
    text: z.string().max(MAX_NOTE_LENGTH).optional(),
    undoes: z.string().min(1).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.type === 'hours' && event.hours === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'an hours event needs "hours"',
        path: ['hours'],
        params: { key: 'backup.needsHours' },
      });
    if (event.type === 'undo' && event.undoes === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'an undo event needs "undoes"',
        path: ['undoes'],
        params: { key: 'backup.needsUndoes' },
      });
    if (
      ['started', 'done', 'skipped', 'reset', 'project-milestone', 'project-change', 'reviewed'].includes(event.type) &&
      event.item === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `a ${event.type} event needs "item"`,
        path: ['item'],
        params: { key: 'backup.needsItem', type: event.type },
      });
    }
    if (event.type === 'reviewed' && !isReviewRating(event.text ?? '')) {
      ctx.addIssue({
        code: 'custom',
        message: `a reviewed event needs "text" to be its rating: ${REVIEW_RATINGS.join(', ')}`,
        path: ['text'],
        params: { key: 'backup.needsRating' },
      });
    }
  });

export const ProjectSchema = z.strictObject({
  id: z.string().min(1),
  template: z.string().min(1),
  title: z.string().min(1),
  createdAt: Instant,
  links: z.strictObject({ repository: Url.optional(), demo: Url.optional(), writeup: Url.optional() }),
  checked: z.array(z.string()).default([]),
});

export const PostingSchema = z.strictObject({
  id: z.string().min(1).max(200),
  title: z.string().max(500),
  text: z.string().min(1).max(MAX_POSTING_LENGTH),
  addedAt: Instant,
});

const BackupSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(READABLE_VERSIONS),
    exportedAt: Instant,
    profile: ProfileSchema.nullable(),
    events: z.array(EventSchema),
    projects: z.array(ProjectSchema),
    postings: z.array(PostingSchema).default([]),
    calendar: z
      .strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/, { error: 'expected 32 hex digits' }) })
      .optional(),
  })
  .superRefine((backup, ctx) => {
    const ids = new Set<string>();
    backup.events.forEach((event, i) => {
      if (ids.has(event.id))
        ctx.addIssue({
          code: 'custom',
          message: `event id "${event.id}" appears twice`,
          path: ['events', i, 'id'],
          params: { key: 'backup.eventTwice', id: event.id },
        });
      ids.add(event.id);
    });
    const projectIds = new Set<string>();
    backup.projects.forEach((project, i) => {
      if (projectIds.has(project.id))
        ctx.addIssue({
          code: 'custom',
          message: `project id "${project.id}" appears twice`,
          path: ['projects', i, 'id'],
          params: { key: 'backup.projectTwice', id: project.id },
        });
      projectIds.add(project.id);
    });
    const postingIds = new Set<string>();
    backup.postings.forEach((posting, i) => {
      if (postingIds.has(posting.id))
        ctx.addIssue({
          code: 'custom',
          message: `posting id "${posting.id}" appears twice`,
          path: ['postings', i, 'id'],
          params: { key: 'backup.postingTwice', id: posting.id },
        });
      postingIds.add(posting.id);
    });
  });

/** The backup as JSON text: absent values are left out, the profile is `null` when there is none. */
export function backupToJson(backup: Backup): string {
  const plain = {
    format: backup.format,
    version: backup.version,
    exportedAt: backup.exportedAt,
    profile: backup.profile ?? null,
    events: backup.events.map((e) => dropUndefined({ ...e })),
    projects: backup.projects.map((p) => ({ ...dropUndefined({ ...p, links: dropUndefined({ ...p.links }) }) })),
    postings: backup.postings,
    ...(backup.calendar === undefined ? {} : { calendar: { id: backup.calendar.id } }),
  };
  return `${JSON.stringify(plain, null, 2)}\n`;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A refused import, coded: the catalogue words it (`key` with `params`) on each face. */
function invalid(key: string, params: MessageParams, problems: Problem[] = [], hintKey?: string): MlpathError {
  return new MlpathError({
    code: 'IMPORT_INVALID',
    key,
    params,
    problems,
    ...(hintKey === undefined ? {} : { hintKey }),
  });
}

/** Parse and validate a backup file's text; every failure is an IMPORT_INVALID naming the place. */
export function parseBackup(text: string, file: string | Message): Backup {
  let data: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(body);
  } catch {
    const at = jsonSyntaxError(body);
    const found = at.found === undefined ? { key: 'json.expected.end' } : JSON.stringify(at.found);
    const why = { key: 'json.expectedFound', params: { expected: { key: `json.expected.${at.expected}` }, found } };
    const place: string | Message =
      typeof file === 'string'
        ? `${file}:${at.line}:${at.column}`
        : { key: 'json.place', params: { file, line: at.line, column: at.column } };
    throw invalid('backup.notJsonAt', { file: place, why }, [], 'hint.backupFile');
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    (data as { format?: unknown }).format !== BACKUP_FORMAT
  ) {
    throw invalid('backup.notBackup', { file, format: BACKUP_FORMAT }, [], 'hint.backupFile');
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw invalid('backup.newer', { file, version, known: BACKUP_VERSION }, [], 'hint.backupUpgrade');
  }
  const result = BackupSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue): Problem => {
      const path = formatPath(issue.path);
      const coded = issueMessage(issue as unknown as IssueLike, path);
      return { message: `${path || '(top level)'}: ${issue.message}`, path, ...(coded ? { coded } : {}) };
    });
    throw invalid('backup.invalid', { file, count: problems.length }, problems);
  }
  const b = result.data;
  return {
    format: BACKUP_FORMAT,
    version: b.version,
    exportedAt: b.exportedAt,
    profile: b.profile === null ? undefined : (fillProfile(b.profile) satisfies Profile),
    events: b.events.map((e) => ({
      id: e.id,
      type: e.type,
      at: utc(e.at),
      item: e.item,
      hours: e.hours,
      date: e.date,
      text: e.text,
      undoes: e.undoes,
    })),
    projects: b.projects.map((p) => ({
      id: p.id,
      template: p.template,
      title: p.title,
      createdAt: utc(p.createdAt),
      links: { repository: p.links.repository, demo: p.links.demo, writeup: p.links.writeup },
      checked: p.checked,
    })),
    postings: b.postings.map((p) => ({ id: p.id, title: p.title, text: p.text, addedAt: utc(p.addedAt) })),
    ...(b.calendar === undefined ? {} : { calendar: { id: b.calendar.id } }),
  };
}

/** Instants are kept in UTC (`...Z`) so that they order as text; a backup may carry any offset. */
function utc(instant: string): string {
  return new Date(instant).toISOString();
}

function fillProfile(p: z.infer<typeof ProfileSchema>): Profile {
  return {
    startingPoint: p.startingPoint,
    known: p.known,
    hoursPerWeek: p.hoursPerWeek,
    weeksOff: p.weeksOff,
    startDate: p.startDate,
    style: p.style,
    domain: p.domain,
    freeOnly: p.freeOnly,
    locale: p.locale,
    target: p.target,
    route: p.route,
    effortFactor: p.effortFactor,
    ...(p.marketReady === true ? { marketReady: true } : {}),
    ...(p.region !== undefined ? { region: p.region } : {}),
    choices: {
      pin: p.choices.pin,
      exclude: p.choices.exclude,
      swap: p.choices.swap,
      own: p.choices.own.map((o) => ({ id: o.id, title: o.title, url: o.url, hours: o.hours, teaches: o.teaches })),
    },
    ...(p.study === undefined ? {} : { study: { ...p.study, reminderMinutes: p.study.reminderMinutes } }),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out;
}
