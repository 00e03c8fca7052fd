/**
 * @module store/sqlite-files
 * The SQLite file as a file: whether it is SQLite at all, whether we may write it and its folder,
 * and how to read it when we may not. A database in WAL mode needs its `-shm` file to be read;
 * in a read-only folder that file cannot be made, so the database (and its `-wal`, if any) is
 * copied to a temporary folder and read there, never written.
 */
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  closeSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openConnection } from './sqlite-driver.js';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** The first 100 bytes (SQLite's header), or fewer for a shorter file. */
export function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(100);
    const n = readSync(fd, buffer, 0, 100, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The application id in a SQLite header (bytes 68-71), or undefined for a file without one. */
export function headerApplicationId(file: string): number | undefined {
  const header = readHeader(file);
  if (header.length < 72 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return undefined;
  return header.readUInt32BE(68);
}

/**
 * Whether a read-write connection that makes no write leaves the file as it was: the file is ours
 * (`applicationId` in its header) and in WAL mode already (header bytes 18-19 are 2), and no
 * `-wal` with frames lies beside it (the last connection to close checkpoints those into the file).
 */
export function openedUnchanged(file: string, applicationId: number): boolean {
  const header = readHeader(file);
  if (header.length < 72 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return false;
  if (header[18] !== 2 || header[19] !== 2 || header.readUInt32BE(68) !== applicationId) return false;
  return (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) === 0;
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Whether this process may write the file and its folder (SQLite makes its `-wal` and `-shm` files there). */
export function canWrite(file: string): boolean {
  return canAccess(dirname(file), constants.W_OK) && (!existsSync(file) || canAccess(file, constants.W_OK));
}

/** SQLite could not read in place: it may not make the `-shm` file (CANTOPEN), or must write to recover the WAL (READONLY). */
function needsCopy(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY'));
}

export interface ReadOnlyDatabase {
  readonly raw: BetterSqlite3.Database;
  /** Close the connection and remove the temporary copy, if one was made. */
  close(): void;
}

/**
 * Open a database file for reading only. Where SQLite cannot read it in place (a WAL database in
 * a folder it may not write), a copy of it is read instead.
 */
export function openReadOnly(file: string, timeoutMs = 15_000): ReadOnlyDatabase {
  try {
    const raw = openConnection(file, { readonly: true, fileMustExist: true, timeout: timeoutMs });
    try {
      raw.prepare('SELECT count(*) FROM sqlite_master').get();
      return { raw, close: () => raw.close() };
    } catch (error) {
      raw.close();
      if (!needsCopy(error)) throw error;
    }
  } catch (error) {
    if (!needsCopy(error)) throw error;
  }
  const dir = mkdtempSync(join(tmpdir(), 'mlpath-read-'));
  const copy = join(dir, 'mlpath.db');
  try {
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const raw = openConnection(copy, { readonly: true, fileMustExist: true });
    return {
      raw,
      close: () => {
        raw.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
