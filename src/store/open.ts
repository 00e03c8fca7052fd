/**
 * @module store/open
 * Which store to open: PostgreSQL when `DATABASE_URL` is set, else the SQLite file in
 * `MLPATH_HOME` or the platform's data directory (XDG on Linux, Application Support on macOS,
 * AppData on Windows).
 */
import { join, resolve } from 'node:path';
import envPaths from 'env-paths';
import type { SqliteOptions } from './sqlite.js';
import type { Store } from './store.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** The embedded database's file name in the data directory. */
export const DATABASE_FILE = 'mlpath.db';

/** The folder the embedded database lives in. */
export function dataDir(env: Env, cwd: string = process.cwd()): string {
  const home = env['MLPATH_HOME'];
  if (home !== undefined && home !== '') return resolve(cwd, home);
  return envPaths('mlpath', { suffix: '' }).data;
}

export function databaseFile(env: Env, cwd?: string): string {
  return join(dataDir(env, cwd), DATABASE_FILE);
}

/**
 * `maxConnections`: PostgreSQL connections at most (default: the pool's, for a server). A command
 * that runs one query at a time, as every one of the CLI's does (SQLite has one connection too),
 * asks for one: opening more costs more than waiting for it. `quickCheck`: when SQLite's integrity
 * check runs (`SqliteOptions.quickCheck`; default on open).
 */
export async function openStore(
  env: Env,
  cwd?: string,
  options: { maxConnections?: number; quickCheck?: SqliteOptions['quickCheck'] } = {},
): Promise<Store> {
  const url = env['DATABASE_URL'];
  if (url !== undefined && url !== '') {
    // Loaded only when used: the embedded default never pays for the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(
      url,
      options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections },
    );
  }
  // Loaded only when used too: a PostgreSQL session never loads better-sqlite3.
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(
    databaseFile(env, cwd),
    options.quickCheck === undefined ? {} : { quickCheck: options.quickCheck },
  );
}
