/**
 * @module store/backup
 * A learner's data to and from the JSON backup format (export/backup.ts).
 */
import { progressStats } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../export/backup.js';
import type { Backup } from '../export/backup.js';
import type { ImportResult, Store } from './store.js';

/** Rubric items ticked per project, from the `project-milestone` events in force. */
export function projectTicks(events: readonly ProgressEvent[]): ReadonlyMap<string, ReadonlySet<string>> {
  return progressStats(events, { skills: [], resources: [] }, undefined).projectTicks;
}

export async function backupOf(store: Store, learnerId: string, exportedAt: string): Promise<Backup> {
  const data = await store.exportData(learnerId);
  const calendar = await store.getCalendar(learnerId);
  const records = calendar === undefined ? [] : await store.listCalendarRecords(learnerId);
  const ticks = projectTicks(data.events);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    profile: data.profile,
    events: data.events,
    projects: data.projects.map((p) => ({ ...p, checked: [...(ticks.get(p.id) ?? [])].sort() })),
    postings: data.postings,
    ...(calendar === undefined ? {} : { calendar: { id: calendar.calendarId, events: records } }),
  };
}

/**
 * Restore a parsed backup, all in one transaction (see Store.importData for the learner's data).
 * The calendar:
 * - a learner with no calendar yet takes the backup's id and its record of what was exported, so
 *   the next export keeps the UIDs, goes on from the same SEQUENCE numbers and still sends the
 *   cancellations that were pending;
 * - a learner whose calendar has the same id (a merge of a backup of this calendar) keeps, per UID,
 *   the record with the higher SEQUENCE (its own on a tie): calendar apps ignore an update whose
 *   SEQUENCE is not above one they have seen, so the higher one is the one to go on from;
 * - a learner with another calendar keeps it and its record as they are: the backup's UIDs are not
 *   the ones its exports make.
 */
export async function restoreBackup(
  store: Store,
  learnerId: string,
  backup: Backup,
  options: { merge: boolean; at: string },
): Promise<ImportResult> {
  return store.exclusive(learnerId, async (bound) => {
    const result = await bound.importData(
      learnerId,
      {
        profile: backup.profile,
        events: backup.events,
        projects: backup.projects.map((p) => ({
          id: p.id,
          template: p.template,
          title: p.title,
          createdAt: p.createdAt,
          links: p.links,
        })),
        postings: backup.postings,
      },
      options,
    );
    if (backup.calendar !== undefined) await restoreCalendar(bound, learnerId, backup.calendar, options.at);
    return result;
  });
}

async function restoreCalendar(
  store: Store,
  learnerId: string,
  calendar: NonNullable<Backup['calendar']>,
  at: string,
): Promise<void> {
  const own = await store.getCalendar(learnerId);
  if (own === undefined) {
    await store.saveCalendar(learnerId, {
      calendarId: calendar.id,
      token: undefined,
      createdAt: at,
      rotatedAt: undefined,
    });
    await store.saveCalendarRecords(learnerId, calendar.events);
    return;
  }
  if (own.calendarId !== calendar.id) return;
  const kept = new Map((await store.listCalendarRecords(learnerId)).map((r) => [r.uid, r]));
  await store.saveCalendarRecords(
    learnerId,
    calendar.events.filter((r) => r.sequence > (kept.get(r.uid)?.sequence ?? -1)),
  );
}
