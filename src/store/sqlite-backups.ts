/**
 * @module store/sqlite-backups
 * Rolling backups of the embedded database, beside it in `backups/`: at most one a day (UTC),
 * made with SQLite's online backup API when the store is opened sound, the newest
 * `BACKUPS_KEPT` kept. `restore` puts one back atomically and keeps the file it replaces aside.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { MlpathError } from '../core/errors.js';
import type { Message } from '../core/errors.js';
import { APP_ID, SCHEMA_VERSION } from './migrations.js';
import { openReadOnly } from './sqlite-files.js';

export const BACKUP_FOLDER = 'backups';
/** How many daily backups are kept (the oldest beyond are removed). */
export const BACKUPS_KEPT = 7;

const NAME = /^mlpath-(\d{4}-\d{2}-\d{2})\.db$/;

export interface BackupFile {
  /** The file name, e.g. `mlpath-2026-11-30.db`: what `mlpath restore NAME` takes. */
  readonly name: string;
  readonly path: string;
  /** The day (UTC) it was made. */
  readonly day: string;
  readonly bytes: number;
  readonly modifiedAt: string;
}

export function backupDir(file: string): string {
  return join(dirname(file), BACKUP_FOLDER);
}

/** The backups of a database file, newest first. */
export function listBackups(file: string): BackupFile[] {
  const dir = backupDir(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    const day = NAME.exec(name)?.[1];
    if (!day) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    found.push({ name, path, day, bytes: stat.size, modifiedAt: stat.mtime.toISOString() });
  }
  return found.sort((a, b) => b.day.localeCompare(a.day));
}

/** Whether the day of `now` (UTC) has no backup yet. */
export function backupDue(file: string, now: Date): boolean {
  const day = now.toISOString().slice(0, 10);
  return !listBackups(file).some((b) => b.day === day);
}

/**
 * Make today's backup if there is none yet, then drop the oldest beyond `keep`. Never throws:
 * a backup that cannot be made (a full disk, a read-only folder) must not stop the learner;
 * `mlpath doctor` tells how old the newest backup is.
 * @returns the backup made, or undefined when none was due or it failed.
 */
export async function backupIfDue(
  raw: BetterSqlite3.Database,
  file: string,
  now: Date,
  keep = BACKUPS_KEPT,
): Promise<BackupFile | undefined> {
  if (!backupDue(file, now)) return undefined;
  const day = now.toISOString().slice(0, 10);
  const dir = backupDir(file);
  const target = join(dir, `mlpath-${day}.db`);
  const partial = join(dir, `.mlpath-${day}-${randomBytes(4).toString('hex')}.partial`);
  try {
    mkdirSync(dir, { recursive: true });
    await raw.backup(partial);
    syncFile(partial);
    renameSync(partial, target);
  } catch {
    rmSync(partial, { force: true });
    return undefined;
  }
  for (const old of listBackups(file).slice(keep)) rmSync(old.path, { force: true });
  return listBackups(file).find((b) => b.day === day);
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Which backup `mlpath restore ARG` means: a backup's name, its day, or a path to a file. */
export function findBackup(file: string, which: string, cwd: string): string {
  const backups = listBackups(file);
  const named = backups.find((b) => b.name === which || b.day === which);
  if (named) return named.path;
  const path = isAbsolute(which) ? which : resolve(cwd, which);
  if (existsSync(path) && statSync(path).isFile()) return path;
  throw new MlpathError({
    code: 'NOT_FOUND',
    key: 'backup.none',
    params: { which },
    hintKey: 'hint.listBackups',
  });
}

/** A backup that is sound SQLite, ours and not from a newer mlpath; its integrity report otherwise. */
export function checkBackup(path: string): void {
  let db: ReturnType<typeof openReadOnly>;
  try {
    db = openReadOnly(path);
  } catch (error) {
    throw unusable(path, (error as Error).message);
  }
  try {
    const report = db.raw.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const lines = report.map((r) => r.integrity_check);
    if (lines.length !== 1 || lines[0] !== 'ok')
      throw unusable(path, { key: 'backup.integrity', params: { report: lines.slice(0, 2).join('; ') } });
    const app = db.raw.prepare("SELECT value FROM mlpath_meta WHERE key = 'app'").pluck().get();
    if (app !== APP_ID) throw unusable(path, { key: 'backup.notOurs' });
    const version = Number(db.raw.prepare('SELECT max(version) FROM schema_migrations').pluck().get() ?? 0);
    if (version > SCHEMA_VERSION)
      throw unusable(path, { key: 'backup.newerSchema', params: { version, known: SCHEMA_VERSION } });
  } catch (error) {
    if (error instanceof MlpathError) throw error;
    throw unusable(path, (error as Error).message);
  } finally {
    db.close();
  }
}

/** Why: a system error's own text, or a coded reason. */
function unusable(path: string, why: string | Message): MlpathError {
  return new MlpathError({
    code: 'IMPORT_INVALID',
    key: 'backup.unusable',
    params: { path, why },
    hintKey: 'hint.otherBackup',
  });
}

export interface Restored {
  readonly from: string;
  /** Where the file it replaced was kept (with its `-wal`, if it had one), or undefined if there was none. */
  readonly keptAside: string | undefined;
}

/**
 * Put a backup in place of the database file: checked first, copied beside the file, the current
 * file kept aside under `mlpath.db.before-restore-STAMP` (a hard link, or a copy where links are
 * not possible), then renamed over it in one step. Stop `mlpath serve` first: a process that has
 * the file open keeps writing into the file kept aside.
 */
export function restoreBackup(file: string, backup: string, now: Date): Restored {
  checkBackup(backup);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const incoming = `${file}.restoring-${randomBytes(4).toString('hex')}`;
  let keptAside: string | undefined;
  try {
    copyFileSync(backup, incoming);
    syncFile(incoming);
    if (existsSync(file)) {
      keptAside = `${file}.before-restore-${stamp}`;
      try {
        linkSync(file, keptAside);
      } catch {
        copyFileSync(file, keptAside);
      }
      // The log of the file being replaced goes with it; it must never be applied to the backup.
      if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${keptAside}-wal`);
      rmSync(`${file}-shm`, { force: true });
    }
    renameSync(incoming, file);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw new MlpathError({
      code: 'STORAGE',
      key: 'backup.cannotRestore',
      params: { name: basename(backup), file, message: (error as Error).message },
      hintKey: 'hint.restoreWritable',
    });
  }
  return { from: backup, keptAside };
}
