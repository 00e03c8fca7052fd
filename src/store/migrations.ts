/**
 * @module store/migrations
 * Versioned schema migrations, applied on open for both databases. Each migration has one SQL
 * text per dialect (they differ only in identity columns and types). A database records our
 * application id in `mlpath_meta`, so a database that is not ours, or one written by a newer
 * mlpath, is refused before anything is written to it.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { MlpathError } from '../core/errors.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export const APP_ID = 'mlpath';
/** SQLite's header field for the owning application: "mlpt" in ASCII. */
export const SQLITE_APPLICATION_ID = 0x6d6c7074;

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: Readonly<Record<Dialect, readonly string[]>>;
}

const seqColumn: Record<Dialect, string> = {
  sqlite: 'seq INTEGER PRIMARY KEY AUTOINCREMENT',
  postgres: 'seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
};
const realType: Record<Dialect, string> = { sqlite: 'REAL', postgres: 'DOUBLE PRECISION' };

function initial(d: Dialect): string[] {
  return [
    `CREATE TABLE learners (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL)`,
    `CREATE TABLE profiles (
       learner_id TEXT PRIMARY KEY REFERENCES learners(id),
       profile TEXT NOT NULL,
       updated_at TEXT NOT NULL)`,
    `CREATE TABLE events (
       ${seqColumn[d]},
       id TEXT NOT NULL,
       learner_id TEXT NOT NULL REFERENCES learners(id),
       type TEXT NOT NULL,
       at TEXT NOT NULL,
       item TEXT,
       hours ${realType[d]},
       date TEXT,
       text TEXT,
       undoes TEXT,
       UNIQUE (learner_id, id))`,
    `CREATE TABLE plan_snapshots (
       ${seqColumn[d]},
       id TEXT NOT NULL UNIQUE,
       learner_id TEXT NOT NULL REFERENCES learners(id),
       at TEXT NOT NULL,
       reason TEXT NOT NULL,
       finish_date TEXT NOT NULL,
       plan TEXT NOT NULL)`,
    `CREATE INDEX plan_snapshots_learner ON plan_snapshots (learner_id, seq)`,
    `CREATE TABLE projects (
       learner_id TEXT NOT NULL REFERENCES learners(id),
       id TEXT NOT NULL,
       template TEXT NOT NULL,
       title TEXT NOT NULL,
       created_at TEXT NOT NULL,
       repository TEXT,
       demo TEXT,
       writeup TEXT,
       PRIMARY KEY (learner_id, id))`,
  ];
}

/** Kept job postings ("my target jobs"); the same text in both dialects. */
const postings = [
  `CREATE TABLE postings (
     learner_id TEXT NOT NULL REFERENCES learners(id),
     id TEXT NOT NULL,
     title TEXT NOT NULL,
     text TEXT NOT NULL,
     added_at TEXT NOT NULL,
     PRIMARY KEY (learner_id, id))`,
];

/** A learner's calendar: its stable id (part of every event UID) and the feed's secret. */
function calendars(): string[] {
  return [
    `CREATE TABLE calendars (
       learner_id TEXT PRIMARY KEY REFERENCES learners(id),
       calendar_id TEXT NOT NULL,
       token TEXT,
       token_hash TEXT UNIQUE,
       created_at TEXT NOT NULL,
       rotated_at TEXT)`,
    `CREATE TABLE calendar_events (
       learner_id TEXT NOT NULL REFERENCES learners(id),
       uid TEXT NOT NULL,
       subject TEXT NOT NULL,
       occurrence INTEGER NOT NULL,
       sequence INTEGER NOT NULL,
       fingerprint TEXT NOT NULL,
       state TEXT NOT NULL,
       all_day INTEGER NOT NULL,
       start_at TEXT NOT NULL,
       end_at TEXT NOT NULL,
       time_zone TEXT,
       summary TEXT NOT NULL,
       updated_at TEXT NOT NULL,
       PRIMARY KEY (learner_id, uid))`,
  ];
}
/**
 * Accounts of the multi-user server (PostgreSQL only; SQLite is a single learner's file). The
 * first five tables are the authentication library's own (better-auth, with our table names;
 * its column names are its own, hence the quoting); a test checks that the library finds
 * nothing missing. `auth_sign_in_failures` counts failed sign-ins per email for the lockout.
 * A user's learner is the learner whose id is the user's id.
 */
const accounts: readonly string[] = [
  `CREATE TABLE auth_users (
     "id" TEXT PRIMARY KEY,
     "name" TEXT NOT NULL,
     "email" TEXT NOT NULL UNIQUE,
     "emailVerified" BOOLEAN NOT NULL,
     "image" TEXT,
     "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
     "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
     "disabled" BOOLEAN)`,
  `CREATE TABLE auth_sessions (
     "id" TEXT PRIMARY KEY,
     "expiresAt" TIMESTAMPTZ NOT NULL,
     "token" TEXT NOT NULL UNIQUE,
     "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
     "updatedAt" TIMESTAMPTZ NOT NULL,
     "ipAddress" TEXT,
     "userAgent" TEXT,
     "userId" TEXT NOT NULL REFERENCES auth_users ("id") ON DELETE CASCADE)`,
  `CREATE INDEX "auth_sessions_userId_idx" ON auth_sessions ("userId")`,
  `CREATE TABLE auth_accounts (
     "id" TEXT PRIMARY KEY,
     "accountId" TEXT NOT NULL,
     "providerId" TEXT NOT NULL,
     "userId" TEXT NOT NULL REFERENCES auth_users ("id") ON DELETE CASCADE,
     "accessToken" TEXT,
     "refreshToken" TEXT,
     "idToken" TEXT,
     "accessTokenExpiresAt" TIMESTAMPTZ,
     "refreshTokenExpiresAt" TIMESTAMPTZ,
     "scope" TEXT,
     "password" TEXT,
     "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
     "updatedAt" TIMESTAMPTZ NOT NULL)`,
  `CREATE INDEX "auth_accounts_userId_idx" ON auth_accounts ("userId")`,
  `CREATE TABLE auth_verifications (
     "id" TEXT PRIMARY KEY,
     "identifier" TEXT NOT NULL,
     "value" TEXT NOT NULL,
     "expiresAt" TIMESTAMPTZ NOT NULL,
     "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
     "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
  `CREATE INDEX "auth_verifications_identifier_idx" ON auth_verifications ("identifier")`,
  `CREATE TABLE auth_rate_limits (
     "id" TEXT PRIMARY KEY,
     "key" TEXT NOT NULL UNIQUE,
     "count" INTEGER NOT NULL,
     "lastRequest" BIGINT NOT NULL)`,
  `CREATE TABLE auth_sign_in_failures (
     email TEXT PRIMARY KEY,
     failures INTEGER NOT NULL,
     first_at TEXT NOT NULL,
     locked_until TEXT)`,
];

/**
 * Reading progress without reading the whole log: an index on (learner, seq) for the events
 * after a point, and each learner's fold of the log up to an event (learner/progress.ts).
 */
function progressFolds(d: Dialect): string[] {
  return [
    `CREATE INDEX events_learner_seq ON events (learner_id, seq)`,
    `CREATE TABLE progress_folds (
       learner_id TEXT PRIMARY KEY REFERENCES learners(id),
       cursor TEXT,
       events ${d === 'sqlite' ? 'INTEGER' : 'BIGINT'} NOT NULL,
       fold_key TEXT NOT NULL,
       fold TEXT NOT NULL,
       updated_at TEXT NOT NULL)`,
  ];
}

/**
 * Cohorts of the multi-user server (PostgreSQL only): a study group, bootcamp or team with a target
 * date and an invite code, and its members with their role and what each chooses to share (nothing
 * until they choose). A cohort's rows go with it; a member's go when they leave or are removed.
 */
const cohorts: readonly string[] = [
  `CREATE TABLE cohorts (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     kind TEXT NOT NULL,
     target_date TEXT NOT NULL,
     invite_code TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL)`,
  `CREATE TABLE cohort_members (
     cohort_id TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
     learner_id TEXT NOT NULL REFERENCES learners(id),
     role TEXT NOT NULL,
     share_progress BOOLEAN NOT NULL DEFAULT FALSE,
     share_pace BOOLEAN NOT NULL DEFAULT FALSE,
     joined_at TEXT NOT NULL,
     PRIMARY KEY (cohort_id, learner_id))`,
  `CREATE INDEX cohort_members_learner ON cohort_members (learner_id)`,
];

/**
 * Sync between a local store and a server. `idempotency_keys` (used by the server in either mode):
 * a write request's `Idempotency-Key` per learner, with a digest of the request and the answer
 * given, so a retry after a lost reply is answered again instead of done twice (kept a day).
 * `sync_state` (used by a local store): per server account, the local event cursor up to which
 * every event was sent and the server's cursor up to which every event was received.
 */
const sync = [
  `CREATE TABLE idempotency_keys (
     learner_id TEXT NOT NULL REFERENCES learners(id),
     key TEXT NOT NULL,
     request_hash TEXT NOT NULL,
     status INTEGER NOT NULL,
     content_type TEXT NOT NULL,
     response TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (learner_id, key))`,
  `CREATE INDEX idempotency_keys_created ON idempotency_keys (learner_id, created_at)`,
  `CREATE TABLE sync_state (
     learner_id TEXT NOT NULL REFERENCES learners(id),
     remote TEXT NOT NULL,
     pushed_cursor TEXT,
     pulled_cursor TEXT,
     synced_at TEXT NOT NULL,
     PRIMARY KEY (learner_id, remote))`,
];

/**
 * Each learner's number of events, kept with the log by a trigger in the statement that appends an
 * event: reading progress asks for it on every read (is the stored fold whole? has anything been
 * added?), and counting the log's index instead costs about 17 ms at 100,000 events. The log is only
 * ever appended to, so the count only grows. In PostgreSQL the trigger's update of the learner's row
 * also makes one learner's appends commit in turn.
 */
function eventCounts(d: Dialect): string[] {
  const backfill = `UPDATE learners SET event_count = (SELECT count(*) FROM events WHERE events.learner_id = learners.id)`;
  if (d === 'sqlite')
    return [
      `ALTER TABLE learners ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0`,
      backfill,
      `CREATE TRIGGER events_counted AFTER INSERT ON events
       BEGIN UPDATE learners SET event_count = event_count + 1 WHERE id = NEW.learner_id; END`,
    ];
  return [
    `ALTER TABLE learners ADD COLUMN event_count BIGINT NOT NULL DEFAULT 0`,
    backfill,
    `CREATE FUNCTION mlpath_count_event() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN UPDATE learners SET event_count = event_count + 1 WHERE id = NEW.learner_id; RETURN NULL; END $$`,
    `CREATE TRIGGER events_counted AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION mlpath_count_event()`,
  ];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'learners, profiles, events, plan snapshots, projects',
    sql: { sqlite: initial('sqlite'), postgres: initial('postgres') },
  },
  { version: 2, name: 'accounts of the multi-user server', sql: { sqlite: [], postgres: accounts } },
  { version: 3, name: 'kept job postings', sql: { sqlite: postings, postgres: postings } },
  {
    version: 4,
    name: 'calendars (feed secret) and what was last exported per event UID',
    sql: { sqlite: calendars(), postgres: calendars() },
  },
  {
    version: 5,
    name: 'events indexed by learner and seq; stored progress folds',
    sql: { sqlite: progressFolds('sqlite'), postgres: progressFolds('postgres') },
  },
  { version: 6, name: 'cohorts of the multi-user server', sql: { sqlite: [], postgres: cohorts } },
  { version: 7, name: 'sync: idempotency keys and sync cursors', sql: { sqlite: sync, postgres: sync } },
  {
    version: 8,
    name: "each learner's event count, kept by a trigger",
    sql: { sqlite: eventCounts('sqlite'), postgres: eventCounts('postgres') },
  },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

function notOurs(location: string, why: string): MlpathError {
  return new MlpathError({
    code: 'STORAGE',
    key: 'store.notOurs',
    params: { location, why },
    hintKey: 'hint.ownDatabase',
  });
}

/**
 * The schema versions a database has applied, or undefined for an empty one (nothing of anyone's
 * yet). Refuses a database that is not ours or whose schema is newer than this code knows.
 */
async function appliedVersions(
  db: Kysely<Database>,
  dialect: Dialect,
  location: string,
): Promise<Set<number> | undefined> {
  const tables = await listTables(db, dialect);
  if (tables.has('mlpath_meta')) {
    const rows = await db.selectFrom('mlpath_meta').select(['key', 'value']).execute();
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    if (meta.get('app') !== APP_ID)
      throw notOurs(location, `its mlpath_meta names "${meta.get('app') ?? 'no application'}"`);
  } else if (tables.size > 0) {
    // A SQLite file, or a PostgreSQL schema, with tables but without our marker is someone else's.
    throw notOurs(location, `it holds tables of another application: ${[...tables].slice(0, 5).join(', ')}`);
  } else return undefined;
  const applied = new Set(
    (await db.selectFrom('schema_migrations').select('version').execute()).map((r) => Number(r.version)),
  );
  const newest = Math.max(0, ...applied);
  if (newest > SCHEMA_VERSION) {
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.newer',
      params: { location, newest, known: SCHEMA_VERSION },
      hintKey: 'hint.upgrade',
    });
  }
  return applied;
}

/**
 * Whether `migrate` has anything to do, found by reading only (no write transaction): a database
 * that is ours and current is used as it is. Refuses what `migrate` refuses.
 */
export async function migrationDue(db: Kysely<Database>, dialect: Dialect, location: string): Promise<boolean> {
  const applied = await appliedVersions(db, dialect, location);
  return applied === undefined || MIGRATIONS.some((m) => !applied.has(m.version));
}

/**
 * Check that a database is ours or empty, then bring its schema up to date. Runs inside the
 * caller's write transaction (`db` is bound to it), so two processes opening a new database at
 * once apply each migration exactly once.
 */
export async function migrate(db: Kysely<Database>, dialect: Dialect, location: string, now: string): Promise<void> {
  let applied = await appliedVersions(db, dialect, location);
  if (applied === undefined) {
    await sql`CREATE TABLE mlpath_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
    await sql`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(
      db,
    );
    await db
      .insertInto('mlpath_meta')
      .values([
        { key: 'app', value: APP_ID },
        { key: 'created_at', value: now },
      ])
      .execute();
    applied = new Set();
  }
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.sql[dialect]) await sql.raw(statement).execute(db);
    await db
      .insertInto('schema_migrations')
      .values({ version: migration.version, name: migration.name, applied_at: now })
      .execute();
  }
}

async function listTables(db: Kysely<Database>, dialect: Dialect): Promise<Set<string>> {
  if (dialect === 'sqlite') {
    const result = await sql<{
      name: string;
    }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
    return new Set(result.rows.map((r) => r.name));
  }
  const result = await sql<{
    name: string;
  }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(db);
  return new Set(result.rows.map((r) => r.name));
}
