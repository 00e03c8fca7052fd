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
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, copyFileSync, constants as fsConstants, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openConnection } from './sqlite-driver.js';
import { Kysely, SqliteDialect } from 'kysely';
import { MlpathError } from '../core/errors.js';
import { faultFor, RESTORE_HINT, shortReport, sqliteFault } from './faults.js';
import type { StoreFault } from './faults.js';
import { KyselyStore } from './kysely-store.js';
import { APP_ID, migrate, migrationDue, SCHEMA_VERSION, SQLITE_APPLICATION_ID } from './migrations.js';
import type { Database } from './schema.js';
import { backupDue, backupIfDue } from './sqlite-backups.js';
import { preparedOnce } from './sqlite-statements.js';
import { canWrite, headerApplicationId, openedUnchanged, openReadOnly } from './sqlite-files.js';

export interface SqliteOptions {
  /** How long a writer waits for another process's lock, in milliseconds. */
  readonly busyTimeoutMs?: number;
  /** The time to record for a new database (defaults to now); also the day of the rolling backup. */
  readonly now?: string;
  /** Make today's rolling backup when the store opens sound and has none yet (default true). */
  readonly backups?: boolean;
  /**
   * Run `PRAGMA quick_check` on open (default true); a file that fails it is opened read-only.
   * `'before-write'` (the command line's): when opening cannot change the file (see
   * `openedUnchanged`), check before the store's first write, before a rolling backup and before a
   * migration instead, and refuse that write and every later one when the check fails; otherwise on
   * open. A command that only reads then reads without the check; damage in what it reads still
   * fails as damage (SQLITE_CORRUPT is the `damaged` fault wherever a query meets it).
   */
  readonly quickCheck?: boolean | 'before-write';
  /** At most this many pages (tests simulate a full disk with it: writes beyond fail with SQLITE_FULL). */
  readonly maxPageCount?: number;
}

/**
 * Open (or create) the embedded store. A file that cannot be written (a read-only file or folder)
 * or that fails the quick integrity check is opened read-only: reads and exports work, every
 * write is refused with a message naming the cause, and nothing is written into it. A 0-byte
 * file is refused, never taken for a new store.
 */
export async function openSqliteStore(file: string, options: SqliteOptions = {}): Promise<KyselyStore> {
  const now = options.now ?? new Date().toISOString();
  let created = false;
  if (!existsSync(file)) created = createDatabase(file);
  else if (statSync(file).size === 0) throw emptyFile(file);

  if (!canWrite(file)) return openRefusingWrites(file, faultFor('read-only', file));
  const mode = options.quickCheck ?? true;
  const deferred = mode === 'before-write' && !created && openedUnchanged(file, SQLITE_APPLICATION_ID);
  // Checked through a read-only connection, which never writes the file (closing a read-write
  // one would checkpoint a leftover WAL into it): whose file it is, and whether it is sound.
  if (!created) {
    const damage = inspect(file, mode !== false && !deferred);
    if (damage !== undefined) return openRefusingWrites(file, faultFor('damaged', file, damage));
  }
  let raw: BetterSqlite3.Database;
  try {
    raw = openConnection(file, { timeout: options.busyTimeoutMs ?? 15_000, fileMustExist: true });
  } catch (error) {
    if (sqliteFault(error) === 'read-only') return openRefusingWrites(file, faultFor('read-only', file));
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.open',
      params: { file, message: (error as Error).message },
      hintKey: 'hint.writable',
    });
  }
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    if (options.maxPageCount !== undefined) raw.pragma(`max_page_count = ${options.maxPageCount}`);
  } catch (error) {
    raw.close();
    const fault = sqliteFault(error);
    if (fault === 'read-only' || fault === 'full') return openRefusingWrites(file, faultFor(fault, file));
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.open',
      params: { file, message: (error as Error).message },
      hintKey: 'hint.writable',
    });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(raw) }) });
  let watch: ReturnType<typeof setInterval> | undefined;
  const store = new KyselyStore(db, 'sqlite', file, () => {
    if (watch !== undefined) clearInterval(watch);
    return db.destroy();
  });
  if (deferred) store.checkBeforeWriting(() => checkedSound(raw, file));
  try {
    // A current schema is used as it is; a migration is a write, so a deferred check comes first.
    if (await migrationDue(db, 'sqlite', file))
      await store.transaction(async (trx) => {
        await migrate(trx, 'sqlite', file, now);
      });
    // The header field marks the file as ours for tools such as `file(1)`; set once, after the schema.
    if (Number(raw.pragma('application_id', { simple: true })) !== SQLITE_APPLICATION_ID) {
      raw.pragma(`application_id = ${SQLITE_APPLICATION_ID}`);
    }
  } catch (error) {
    await db.destroy();
    // The check owed before migrating found damage: read-only, as when the check runs on open.
    if (deferred && error === store.writeRefusal) return openRefusingWrites(file, error as StoreFault);
    // A disk that is full (or turned read-only) since the file was made: still readable.
    if (error instanceof MlpathError && 'fault' in error && (error as StoreFault).fault !== 'damaged')
      return openRefusingWrites(file, error as StoreFault);
    throw error;
  }
  // PRAGMA data_version changes when another connection commits; total_changes() counts this
  // connection's own writes (rolled back ones too, which only costs a reader a re-read).
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  const ownChanges = raw.prepare('SELECT total_changes()').pluck();
  store.watchChanges(() => `${String(dataVersion.get())}:${String(ownChanges.get())}`);
  if (options.backups !== false) {
    // A backup of a damaged file would push a sound one out: a deferred check comes first.
    if (!created && holdsData(raw) && backupDue(file, new Date(now)) && !store.settleChecks())
      await backupIfDue(raw, file, new Date(now));
    // A process that stays open (`mlpath serve`) checks the file and makes the day's backup every
    // hour; damage found then turns the store read-only from that moment.
    watch = setInterval(() => void keepWatch(store, raw, file), WATCH_EVERY_MS);
    watch.unref();
  }
  return store;
}

/**
 * Refuse a file that is not ours (untouched); for one of ours, the damage the quick check finds
 * (undefined when sound, or when the check is off).
 */
function inspect(file: string, check: boolean): string | undefined {
  let opened: ReturnType<typeof openReadOnly>;
  try {
    opened = openReadOnly(file);
  } catch (error) {
    if (sqliteFault(error) === 'damaged' && markedOurs(file)) return (error as Error).message;
    throw notOurs(file, error);
  }
  try {
    checkOwner(opened.raw, file);
    if (!check) return undefined;
    const problems = quickCheck(opened.raw);
    return problems.length > 0 ? shortReport(problems) : undefined;
  } catch (error) {
    if (error instanceof MlpathError) throw error;
    if (sqliteFault(error) === 'damaged' && markedOurs(file)) return (error as Error).message;
    throw notOurs(file, error);
  } finally {
    opened.close();
  }
}

/** A file whose SQLite header carries our application id: when it cannot be read, it is damaged, not foreign. */
function markedOurs(file: string): boolean {
  return headerApplicationId(file) === SQLITE_APPLICATION_ID;
}

function notOurs(file: string, error: unknown): MlpathError {
  return new MlpathError({
    code: 'STORAGE',
    key: 'store.notOursFile',
    params: { file, why: (error as Error).message },
    hintKey: 'hint.ownFolder',
  });
}

/** How often a store that stays open is checked and, once a day, backed up. */
export const WATCH_EVERY_MS = 60 * 60 * 1000;

async function keepWatch(store: KyselyStore, raw: BetterSqlite3.Database, file: string): Promise<void> {
  if (store.writeRefusal || !raw.open) return;
  try {
    const problems = quickCheck(raw);
    if (problems.length > 0) {
      store.refuseWrites(faultFor('damaged', file, shortReport(problems)));
      return;
    }
    if (holdsData(raw)) await backupIfDue(raw, file, new Date());
  } catch (error) {
    if (sqliteFault(error) === 'damaged') store.refuseWrites(faultFor('damaged', file, (error as Error).message));
  }
}

/** Whether there is anything worth a backup: a profile or an event. */
function holdsData(raw: BetterSqlite3.Database): boolean {
  return raw.prepare('SELECT EXISTS (SELECT 1 FROM profiles) OR EXISTS (SELECT 1 FROM events)').pluck().get() === 1;
}

/** The `damaged` fault when the quick check finds damage (or SQLite meets it), else undefined. */
function checkedSound(raw: BetterSqlite3.Database, file: string): StoreFault | undefined {
  try {
    const problems = quickCheck(raw);
    return problems.length > 0 ? faultFor('damaged', file, shortReport(problems)) : undefined;
  } catch (error) {
    if (sqliteFault(error) === 'damaged') return faultFor('damaged', file, (error as Error).message);
    throw error;
  }
}

/**
 * `PRAGMA quick_check`'s findings (none for a sound file). SQLite may give its whole report as one
 * row of several lines, headed `*** in database main ***`: the report is read line by line and the
 * heading left out, and anything but a lone `ok` is damage.
 */
function quickCheck(raw: BetterSqlite3.Database): string[] {
  const rows = raw.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const lines = rows.flatMap((r) => String(r.quick_check).split('\n')).filter((line) => line.trim() !== '');
  if (lines.length === 1 && lines[0] === 'ok') return [];
  const findings = lines.filter((line) => !line.startsWith('*** in database'));
  return findings.length > 0 ? findings : lines.length > 0 ? lines : ['quick_check gave no answer'];
}

/**
 * Make a new database file in one step: it is prepared beside its place (marked as ours, in WAL
 * mode) and linked there, so no other process ever sees it empty or half made; if another
 * process made one first, theirs is used.
 * @returns whether this process made it.
 */
function createDatabase(file: string): boolean {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.mkdir',
      params: { dir, message: (error as Error).message },
      hintKey: 'hint.writable',
    });
  }
  if (!canWrite(file))
    throw new MlpathError({
      code: 'STORAGE',
      key: 'fault.createReadOnly',
      params: { file },
      hintKey: 'hint.writable',
    });
  const draft = `${file}.new-${randomBytes(4).toString('hex')}`;
  try {
    const raw = openConnection(draft);
    try {
      raw.pragma(`application_id = ${SQLITE_APPLICATION_ID}`);
      raw.pragma('journal_mode = WAL');
    } finally {
      raw.close();
    }
    try {
      linkSync(draft, file);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST') return false;
      // A file system without hard links: copy, still refusing to replace a file made meanwhile.
      copyFileSync(draft, file, fsConstants.COPYFILE_EXCL);
    }
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false;
    const fault = sqliteFault(error);
    throw new MlpathError({
      code: 'STORAGE',
      ...(fault === 'read-only'
        ? { key: 'fault.createReadOnly', params: { file } }
        : fault === 'full'
          ? { key: 'fault.createFull', params: { file } }
          : { key: 'fault.create', params: { file, message: (error as Error).message } }),
      hintKey: 'hint.writable',
    });
  } finally {
    rmSync(draft, { force: true });
    rmSync(`${draft}-wal`, { force: true });
    rmSync(`${draft}-shm`, { force: true });
  }
}

function emptyFile(file: string): MlpathError {
  return new MlpathError({
    code: 'STORAGE',
    key: 'fault.empty',
    params: { file },
    hintKey: 'hint.emptyFile',
  });
}

/**
 * The store read-only: reads (and so exports) work, every write is refused with `fault`. The
 * schema is checked, never migrated: a file that needs an upgrade cannot be read this way.
 */
function openRefusingWrites(file: string, fault: StoreFault): KyselyStore {
  let opened: ReturnType<typeof openReadOnly>;
  try {
    opened = openReadOnly(file);
  } catch (error) {
    throw new MlpathError({
      code: 'STORAGE',
      key: 'fault.read',
      params: { file, message: (error as Error).message },
      hintKey: fault.fault === 'damaged' ? RESTORE_HINT : 'hint.readable',
    });
  }
  const { raw } = opened;
  if (fault.fault !== 'damaged') {
    try {
      checkOwner(raw, file);
      checkSchemaReadable(raw, file);
    } catch (error) {
      opened.close();
      throw error;
    }
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(raw) }) });
  return new KyselyStore(
    db,
    'sqlite',
    file,
    async () => {
      await db.destroy();
      opened.close();
    },
    false,
    fault,
  );
}

/** A store opened read-only must already have our current schema (it cannot be migrated). */
function checkSchemaReadable(raw: BetterSqlite3.Database, file: string): void {
  const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  if (!tables.includes('schema_migrations')) return;
  const version = Number(raw.prepare('SELECT max(version) FROM schema_migrations').pluck().get() ?? 0);
  if (version > SCHEMA_VERSION)
    throw new MlpathError({
      code: 'STORAGE',
      key: 'fault.newerSchema',
      params: { file, version, known: SCHEMA_VERSION },
      hintKey: 'hint.upgrade',
    });
  if (version < SCHEMA_VERSION)
    throw new MlpathError({
      code: 'STORAGE',
      key: 'fault.needsUpgrade',
      params: { file, version: SCHEMA_VERSION },
      hintKey: 'hint.upgradeOnce',
    });
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
