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
  const ticks = projectTicks(data.events);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    profile: data.profile,
    events: data.events,
    projects: data.projects.map((p) => ({ ...p, checked: [...(ticks.get(p.id) ?? [])].sort() })),
    postings: data.postings,
    ...(calendar === undefined ? {} : { calendar: { id: calendar.calendarId } }),
  };
}

/**
 * Restore a parsed backup (one transaction; see Store.importData for the rules). The backup's
 * calendar id is taken when the learner has no calendar yet, so exported calendars keep their UIDs.
 */
export async function restoreBackup(
  store: Store,
  learnerId: string,
  backup: Backup,
  options: { merge: boolean; at: string },
): Promise<ImportResult> {
  const result = await store.importData(
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
  if (backup.calendar !== undefined && (await store.getCalendar(learnerId)) === undefined) {
    await store.saveCalendar(learnerId, {
      calendarId: backup.calendar.id,
      token: undefined,
      createdAt: options.at,
      rotatedAt: undefined,
    });
  }
  return result;
}
