/**
 * @module contract/backup
 * The JSON backup's shape (the format is described in export/backup.ts): the profile, the events,
 * the projects, the kept postings and the calendar id, each by the same schema the API answers
 * with. Cross-record rules (an id given twice) are checked here too; whether the profile fits the
 * curriculum is the core's `checkProfile`, run on import.
 */
import { z } from 'zod';
import { MAX_POSTING_LENGTH } from '../core/jobs/text.js';
import { MAX_ID_LENGTH, MAX_TITLE_LENGTH } from '../core/planner/profile.js';
import { Instant, Link, StoredId, Title, coded } from './common.js';
import { ProgressEvent } from './events.js';
import { Profile } from './profile.js';

export const BACKUP_FORMAT = 'mlpath-backup';
export const BACKUP_VERSION = 2;
/** The versions this mlpath reads: 1 (before kept postings) and 2. */
export const READABLE_VERSIONS = [1, 2] as const;

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
export const BackupPosting = z.strictObject({
  id: StoredId,
  title: z.string().max(MAX_TITLE_LENGTH),
  text: z.string().min(1).max(MAX_POSTING_LENGTH),
  addedAt: Instant,
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
    calendar: z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/, { error: coded('contract.hex32') }) }).optional(),
  })
  .superRefine((backup, ctx) => {
    const twice = (ids: readonly string[], list: 'events' | 'projects' | 'postings', noun: string): void => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({
            code: 'custom',
            message: `${noun} id "${id}" appears twice`,
            path: [list, i, 'id'],
            params: { key: `backup.${noun}Twice`, id },
          });
        seen.add(id);
      });
    };
    twice(
      backup.events.map((e) => e.id),
      'events',
      'event',
    );
    twice(
      backup.projects.map((p) => p.id),
      'projects',
      'project',
    );
    twice(
      backup.postings.map((p) => p.id),
      'postings',
      'posting',
    );
  });
export type BackupJson = z.output<typeof Backup>;
