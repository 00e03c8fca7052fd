/**
 * @module store/sqlite
 * The embedded store: one SQLite file through better-sqlite3. WAL journal, `synchronous = FULL`
 * (a commit survives power loss, not only a crash), and a busy timeout so that two processes
 * writing at once wait for each other instead of failing. A file that is not ours is refused
 * before anything is written to it.
 *
 * Open one store per file per process: better-sqlite3 is synchronous, so a second connection in
 * the same process waiting for the first one's lock would block the thread the first one needs.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { MlpathError } from '../core/errors.js';
import { KyselyStore } from './kysely-store.js';
import { APP_ID, migrate, SQLITE_APPLICATION_ID } from './migrations.js';
import type { Database } from './schema.js';

export const DATABASE_FILE = 'mlpath.db';

export interface SqliteOptions {
  /** How long a writer waits for another process's lock, in milliseconds. */
  readonly busyTimeoutMs?: number;
  /** The time to record for a new database (defaults to now). */
  readonly now?: string;
}

export async function openSqliteStore(file: string, options: SqliteOptions = {}): Promise<KyselyStore> {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.mkdir',
      params: { dir: dirname(file), message: (error as Error).message },
      hintKey: 'hint.writable',
    });
  }
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file, { timeout: options.busyTimeoutMs ?? 15_000 });
  } catch (error) {
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.open',
      params: { file, message: (error as Error).message },
      hintKey: 'hint.writable',
    });
  }
  try {
    checkOwner(raw, file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
  } catch (error) {
    raw.close();
    if (error instanceof MlpathError) throw error;
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.notOurs',
      params: { location: file, why: (error as Error).message },
      hintKey: 'hint.ownFolder',
    });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  const store = new KyselyStore(db, 'sqlite', file, () => db.destroy());
  try {
    const now = options.now ?? new Date().toISOString();
    await store.transaction(async (trx) => {
      await migrate(trx, 'sqlite', file, now);
    });
    // The header field marks the file as ours for tools such as `file(1)`; set once, after the schema.
    if (Number(raw.pragma('application_id', { simple: true })) !== SQLITE_APPLICATION_ID) {
      raw.pragma(`application_id = ${SQLITE_APPLICATION_ID}`);
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return store;
}

/** Refuse a SQLite file that another application marked as its own; reading raises NOTADB for non-SQLite files. */
function checkOwner(raw: BetterSqlite3.Database, file: string): void {
  const appId = Number(raw.pragma('application_id', { simple: true }));
  if (appId !== 0 && appId !== SQLITE_APPLICATION_ID) {
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.otherApp',
      params: { file, id: `0x${appId.toString(16)}` },
      hintKey: 'hint.ownFolderApp',
      hintParams: { id: APP_ID },
    });
  }
  // Reading the schema raises SQLITE_NOTADB for a file that is not SQLite at all. Tables without
  // our marker belong to someone else; this is checked before WAL mode rewrites the header.
  const tables = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  if (tables.length > 0 && !tables.includes('mlpath_meta')) {
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.otherTables',
      params: { file, tables: tables.slice(0, 5).join(', ') },
      hintKey: 'hint.ownFolder',
    });
  }
}
