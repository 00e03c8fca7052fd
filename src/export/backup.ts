/**
 * @module export/backup
 * The JSON backup: everything a learner has, versioned, readable by people and other tools.
 *
 * ```json
 * { "format": "mlpath-backup", "version": 3, "exportedAt": "2026-11-27T10:00:00.000Z",
 *   "profile": { ... }, "events": [ { "id", "type", "at", "item"?, "hours"?, ... } ],
 *   "projects": [ { "id", "template", "title", "createdAt", "links": { ... }, "checked": [ ... ] } ],
 *   "postings": [ { "id", "title", "text", "addedAt" } ],
 *   "calendar": { "id", "events": [ { "uid", "subject", "occurrence", "sequence", "fingerprint", "state",
 *                                     "allDay", "start", "end", "timeZone"?, "summary", "updatedAt" } ] } }
 * ```
 * Version 2 added `postings` (the kept job postings); a version 1 backup reads as one with none.
 * `calendar.id` (optional) is the learner's calendar id, part of every calendar event's UID: restored
 * with it, a calendar exported again updates the same events instead of adding copies.
 * Version 3 added `calendar.events`: what the calendar exports sent under each UID (its SEQUENCE,
 * a fingerprint of what it showed, whether it is active, cancelled and still to be sent as such, or
 * past). Restored with them, the next export goes on from the same SEQUENCE numbers and still cancels
 * what left the plan; an older backup reads as one with no record (the next export starts at 0).
 * `hours` are decimal hours. `checked` (the rubric items ticked) is derived from the project's
 * `project-milestone` events and written for readers; on import the events are what counts.
 * Parsing validates everything before anything is written, and names the field at fault.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, Backup as BackupSchema } from '../contract/backup.js';
import type { BackupPosting as BackupPostingJson, BackupProject as BackupProjectJson } from '../contract/backup.js';
import type { Profile as ProfileJson } from '../contract/profile.js';
import { MlpathError } from '../core/errors.js';
import type { Message, MessageParams, Problem } from '../core/errors.js';
import { jsonSyntaxWords } from '../core/json-position.js';
import { issueProblems } from '../i18n/issues.js';
import type { IssueLike } from '../i18n/issues.js';
import type { CalendarRecord } from '../core/calendar/sync.js';
import type { Profile } from '../core/plan-model.js';
import type { ProgressEvent } from '../core/progress-model.js';
import type { z } from 'zod';

export { BACKUP_FORMAT, BACKUP_VERSION };

/** A kept job posting as the backup carries it (the store's KeptPosting). */
export type BackupPosting = Readonly<z.output<typeof BackupPostingJson>>;

/** A project as the backup carries it (the store's PortfolioProject plus ticked rubric items). */
export type BackupProject = Readonly<Omit<z.output<typeof BackupProjectJson>, 'links' | 'checked'>> & {
  readonly links: {
    readonly repository: string | undefined;
    readonly demo: string | undefined;
    readonly writeup: string | undefined;
  };
  readonly checked: readonly string[];
};

/**
 * A read backup: the file's shape (contract/backup.ts) with the core's types for the profile and the
 * events, whose absent fields are present as undefined.
 */
export interface Backup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  readonly profile: Profile | undefined;
  readonly events: readonly ProgressEvent[];
  readonly projects: readonly BackupProject[];
  readonly postings: readonly BackupPosting[];
  /** The learner's calendar id, when one was made, with the record of what its exports sent. */
  readonly calendar?: { readonly id: string; readonly events: readonly CalendarRecord[] } | undefined;
}

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
    ...(backup.calendar === undefined
      ? {}
      : { calendar: { id: backup.calendar.id, events: backup.calendar.events.map((r) => dropUndefined({ ...r })) } }),
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
export function parseBackup(
  text: string,
  file: string | Message,
  profileFit?: (profile: Readonly<Record<string, unknown>>) => Problem[],
): Backup {
  let data: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(body);
  } catch {
    const at = jsonSyntaxWords(body);
    const why = { key: 'json.expectedFound', params: at.params };
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
    const profile = (data as { profile?: unknown }).profile;
    const problems: Problem[] = [
      ...issueProblems(result.error.issues as unknown as IssueLike[]),
      // What the caller's curriculum says of the profile's well-formed fields (an unknown starting point).
      ...(profileFit && typeof profile === 'object' && profile !== null && !Array.isArray(profile)
        ? profileFit(profile as Record<string, unknown>)
        : []),
    ];
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
    ...(b.calendar === undefined
      ? {}
      : {
          calendar: {
            id: b.calendar.id,
            events: b.calendar.events.map((r) => ({
              uid: r.uid,
              subject: r.subject,
              occurrence: r.occurrence,
              sequence: r.sequence,
              fingerprint: r.fingerprint,
              state: r.state,
              allDay: r.allDay,
              start: r.start,
              end: r.end,
              timeZone: r.timeZone,
              summary: r.summary,
              updatedAt: utc(r.updatedAt),
            })),
          },
        }),
  };
}

/** Instants are kept in UTC (`...Z`) so that they order as text; a backup may carry any offset. */
function utc(instant: string): string {
  return new Date(instant).toISOString();
}

function fillProfile(p: ProfileJson): Profile {
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
    ...(p.targetDate !== undefined ? { targetDate: p.targetDate } : {}),
    choices: {
      pin: p.choices.pin,
      exclude: p.choices.exclude,
      swap: p.choices.swap,
      own: p.choices.own.map((o) => ({ id: o.id, title: o.title, url: o.url, hours: o.hours, teaches: o.teaches })),
    },
    ...(p.study === undefined ? {} : { study: { ...p.study, reminderMinutes: p.study.reminderMinutes } }),
  };
}
