/**
 * @module store/postgres
 * The multi-user store on PostgreSQL (`DATABASE_URL`). Same schema and queries as SQLite
 * through Kysely; migrations run under an advisory lock so servers starting together apply
 * each one once. An optional schema name keeps several stores (or test runs) apart in one
 * database.
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { MlpathError } from '../core/errors.js';
import { KyselyStore } from './kysely-store.js';
import { migrate, migrationDue } from './migrations.js';
import type { Database } from './schema.js';

export interface PostgresOptions {
  /** A schema to create (if absent) and use instead of the default search path. */
  readonly schema?: string;
  readonly maxConnections?: number;
  readonly now?: string;
  /** The name its connections carry in `pg_stat_activity` (default `mlpath`). */
  readonly applicationName?: string;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The limits every mlpath connection to PostgreSQL runs with, in milliseconds: a statement is
 * cancelled after `statement`, a wait for a lock (a row, a table, a learner's advisory lock) after
 * `lock`, a transaction left idle is ended after `idleInTransaction`, and a request waits at most
 * `connect` for a connection from the pool. Each failure answers UNAVAILABLE, never a hang.
 */
export const POSTGRES_TIMEOUTS = {
  statement: 15_000,
  lock: 5_000,
  idleInTransaction: 30_000,
  connect: 5_000,
} as const;

/** The name mlpath's connections carry in `pg_stat_activity` (PGAPPNAME overrides it). */
export const APPLICATION_NAME = 'mlpath';

/**
 * A connection pool with mlpath's timeouts whose lost connections never crash the process: an
 * idle connection's error is dropped by the pool, a busy one's reaches its query (which fails
 * with UNAVAILABLE), and either way the broken connection is discarded and replaced.
 */
export function postgresPool(
  url: string,
  options: { schema?: string | undefined; max: number; applicationName?: string | undefined },
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connect,
    statement_timeout: POSTGRES_TIMEOUTS.statement,
    lock_timeout: POSTGRES_TIMEOUTS.lock,
    idle_in_transaction_session_timeout: POSTGRES_TIMEOUTS.idleInTransaction,
    application_name: options.applicationName ?? (process.env['PGAPPNAME'] || APPLICATION_NAME),
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', () => undefined);
  // A connection lost while checked out between two queries emits `error` with no query to fail:
  // without a listener that would end the process. The next query on it fails instead.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
}

/** An arbitrary constant key for the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_021_983_114;

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<KyselyStore> {
  const location = redactUrl(url);
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new MlpathError({ code: 'INVALID_INPUT', key: 'store.schemaName', params: { schema: options.schema } });
  }
  const pool = postgresPool(url, {
    schema: options.schema,
    max: options.maxConnections ?? 4,
    applicationName: options.applicationName,
  });
  try {
    const client = await pool.connect();
    try {
      if (options.schema) {
        // Two servers creating the schema at once: one wins, the other's "already exists" is fine.
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`).catch((error: { code?: string }) => {
          if (error.code !== '23505' && error.code !== '42P06') throw error;
        });
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new MlpathError({
      code: 'STORAGE',
      key: 'store.connect',
      params: { location, message: (error as Error).message || String(error) },
      hintKey: 'hint.database',
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store = new KyselyStore(db, 'postgres', location, () => db.destroy());
  try {
    const now = options.now ?? new Date().toISOString();
    // A current schema is found by reading; only a migration takes the lock and a write transaction.
    if (await migrationDue(db, 'postgres', location))
      await store.transaction(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
        await migrate(trx, 'postgres', location, now);
      });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return store;
}
