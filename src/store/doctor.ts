/**
 * @module store/doctor
 * A full check of the embedded database, on demand (`mlpath doctor`): the file itself, SQLite's
 * `integrity_check` and `foreign_key_check`, the schema version, free space in the file and on
 * the disk, and the rolling backups. It only reads: the file is opened read-only. It returns a
 * record with problem codes; the CLI words them.
 */
import { existsSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCHEMA_VERSION, SQLITE_APPLICATION_ID } from './migrations.js';
import { listBackups } from './sqlite-backups.js';
import type { BackupFile } from './sqlite-backups.js';
import { canWrite, headerApplicationId, openReadOnly } from './sqlite-files.js';

export type DoctorProblem =
  | 'missing'
  | 'empty'
  | 'unreadable'
  | 'not-ours'
  | 'damaged'
  | 'foreign-keys'
  | 'newer-schema'
  | 'older-schema'
  | 'read-only'
  | 'disk-low'
  | 'no-backup'
  | 'old-backup';

/** Below this much free disk space, `disk-low` is reported. */
export const LOW_DISK_BYTES = 100 * 1024 * 1024;
/** A newest backup older than this many days is reported as `old-backup`. */
export const OLD_BACKUP_DAYS = 3;

export interface DoctorReport {
  readonly file: string;
  readonly exists: boolean;
  readonly bytes: number;
  readonly writable: boolean;
  /** `integrity_check`'s lines: `["ok"]` when sound. */
  readonly integrity: readonly string[];
  /** Rows `foreign_key_check` lists (each a row pointing at nothing). */
  readonly foreignKeyViolations: number;
  readonly schemaVersion: number | undefined;
  readonly knownSchemaVersion: number;
  readonly events: number | undefined;
  /** Unused pages inside the file (`VACUUM` would give them back). */
  readonly freeBytesInFile: number | undefined;
  readonly freeBytesOnDisk: number | undefined;
  readonly backups: readonly BackupFile[];
  readonly problems: readonly DoctorProblem[];
  /** What reading the file said, when it could not be read. */
  readonly error: string | undefined;
}

export function examineSqlite(file: string, now: Date): DoctorReport {
  const problems: DoctorProblem[] = [];
  const backups = listBackups(file);
  const base = {
    file,
    knownSchemaVersion: SCHEMA_VERSION,
    backups,
    freeBytesOnDisk: diskFree(dirname(file)),
  };
  const newest = backups[0];
  const backupProblems = (): void => {
    if (!newest) problems.push('no-backup');
    else if (now.getTime() - Date.parse(`${newest.day}T00:00:00Z`) > (OLD_BACKUP_DAYS + 1) * 86_400_000)
      problems.push('old-backup');
    if (base.freeBytesOnDisk !== undefined && base.freeBytesOnDisk < LOW_DISK_BYTES) problems.push('disk-low');
  };
  const empty = {
    integrity: [],
    foreignKeyViolations: 0,
    schemaVersion: undefined,
    events: undefined,
    freeBytesInFile: undefined,
  };
  if (!existsSync(file)) {
    problems.push('missing');
    backupProblems();
    return { ...base, ...empty, exists: false, bytes: 0, writable: canWrite(file), problems, error: undefined };
  }
  const bytes = statSync(file).size;
  const writable = canWrite(file);
  if (!writable) problems.push('read-only');
  if (bytes === 0) {
    problems.push('empty');
    backupProblems();
    return { ...base, ...empty, exists: true, bytes, writable, problems, error: undefined };
  }
  let opened: ReturnType<typeof openReadOnly>;
  try {
    opened = openReadOnly(file);
  } catch (error) {
    problems.push(headerApplicationId(file) === SQLITE_APPLICATION_ID ? 'damaged' : 'unreadable');
    backupProblems();
    return { ...base, ...empty, exists: true, bytes, writable, problems, error: (error as Error).message };
  }
  const { raw } = opened;
  let integrity: string[] = [];
  let foreignKeyViolations = 0;
  let schemaVersion: number | undefined;
  let events: number | undefined;
  let freeBytesInFile: number | undefined;
  let error: string | undefined;
  try {
    const appId = headerApplicationId(file);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if ((appId !== 0 && appId !== SQLITE_APPLICATION_ID) || (tables.length > 0 && !tables.includes('mlpath_meta'))) {
      problems.push('not-ours');
    } else {
      integrity = (raw.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
      if (integrity.length !== 1 || integrity[0] !== 'ok') problems.push('damaged');
      foreignKeyViolations = (raw.pragma('foreign_key_check') as unknown[]).length;
      if (foreignKeyViolations > 0) problems.push('foreign-keys');
      if (tables.includes('schema_migrations')) {
        schemaVersion = Number(raw.prepare('SELECT max(version) FROM schema_migrations').pluck().get() ?? 0);
        if (schemaVersion > SCHEMA_VERSION) problems.push('newer-schema');
        else if (schemaVersion < SCHEMA_VERSION) problems.push('older-schema');
      }
      if (tables.includes('events')) events = Number(raw.prepare('SELECT count(*) FROM events').pluck().get());
      const pageSize = Number(raw.pragma('page_size', { simple: true }));
      freeBytesInFile = Number(raw.pragma('freelist_count', { simple: true })) * pageSize;
    }
  } catch (caught) {
    error = (caught as Error).message;
    if (!problems.includes('damaged')) problems.push('damaged');
  } finally {
    opened.close();
  }
  backupProblems();
  return {
    ...base,
    exists: true,
    bytes,
    writable,
    integrity,
    foreignKeyViolations,
    schemaVersion,
    events,
    freeBytesInFile,
    problems,
    error,
  };
}

function diskFree(dir: string): number | undefined {
  try {
    const stats = statfsSync(existsSync(dir) ? dir : dirname(dir));
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return undefined;
  }
}

/** The problems that mean the store cannot be trusted (the others are warnings). */
export const SERIOUS: ReadonlySet<DoctorProblem> = new Set([
  'empty',
  'unreadable',
  'not-ours',
  'damaged',
  'foreign-keys',
  'newer-schema',
]);
