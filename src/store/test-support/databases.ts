/**
 * @module store/test-support/databases
 * Real databases for tests: a SQLite file in a fresh temporary folder, and a fresh PostgreSQL
 * schema per store (dropped afterwards) so that runs never collide.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../postgres.js';
import { openSqliteStore } from '../sqlite.js';
import type { KyselyStore } from '../kysely-store.js';

export const TEST_DATABASE_URL = process.env['MLPATH_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const IN_CI = process.env['CI'] === 'true';

/** Whether PostgreSQL answers; outside CI a missing server skips its tests (with the reason printed). */
export async function postgresReachable(url = TEST_DATABASE_URL): Promise<{ ok: boolean; reason: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true, reason: '' };
  } catch (error) {
    return { ok: false, reason: (error as Error).message || String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  readonly name: string;
  /** Open a store on this database (again, after a close, to test reopening). */
  open(): Promise<KyselyStore>;
  /** Run one SQL statement outside any store (to set up states a store would never write). */
  exec(statement: string): Promise<void>;
  /** Remove everything. */
  drop(): Promise<void>;
}

export function tempDir(prefix = 'mlpath-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function sqliteDatabase(): TestDatabase {
  const dir = tempDir();
  const file = join(dir, 'mlpath.db');
  return {
    name: 'sqlite',
    open: () => openSqliteStore(file),
    exec: async (statement) => {
      const db = new BetterSqlite3(file);
      try {
        db.exec(statement);
      } finally {
        db.close();
      }
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function postgresDatabase(url = TEST_DATABASE_URL): TestDatabase & { schema: string } {
  const schema = `mlpath_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    name: 'postgres',
    schema,
    open: () => openPostgresStore(url, { schema, maxConnections: 4 }),
    exec: async (statement) => {
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
