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
import { migrate } from './migrations.js';
import type { Database } from './schema.js';

export interface PostgresOptions {
  /** A schema to create (if absent) and use instead of the default search path. */
  readonly schema?: string;
  readonly maxConnections?: number;
  readonly now?: string;
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

/** An arbitrary constant key for the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_021_983_114;

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<KyselyStore> {
  const location = redactUrl(url);
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new MlpathError({ code: 'INVALID_INPUT', message: `"${options.schema}" is not a plain schema name` });
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client's lost connection must not crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new MlpathError({
      code: 'STORAGE',
      message: `cannot connect to PostgreSQL at ${location}: ${(error as Error).message || String(error)}`,
      hint: 'check DATABASE_URL and that the server is running',
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store = new KyselyStore(db, 'postgres', location, () => db.destroy());
  try {
    const now = options.now ?? new Date().toISOString();
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
