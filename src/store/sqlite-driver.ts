/**
 * @module store/sqlite-driver
 * The one way the store opens a better-sqlite3 connection.
 *
 * better-sqlite3 finds its compiled addon through the `bindings` package, which works out the
 * package's folder from a stack trace and then tries a dozen build folders one `require` at a
 * time, each miss an exception: 2-7 ms of every command's start on the development machine
 * (`bench/cli.bench.ts`). The addon of an install from npm is at one known place, so it is
 * resolved there once and handed to each connection (`nativeBinding`); where it is not (another
 * build layout), `bindings` searches as before.
 */
import { createRequire } from 'node:module';
import BetterSqlite3 from 'better-sqlite3';

const ADDON = 'better-sqlite3/build/Release/better_sqlite3.node';

/** The addon's path; null once it was not found at its usual place. */
let addon: string | null | undefined;

function nativeBinding(): string | undefined {
  if (addon === undefined) {
    try {
      addon = createRequire(import.meta.url).resolve(ADDON);
    } catch {
      addon = null;
    }
  }
  return addon ?? undefined;
}

/**
 * A better-sqlite3 connection to `file` with `options` (better-sqlite3's own). Throws what
 * better-sqlite3 throws (a SqliteError with a `code`, or a TypeError for a bad option).
 */
export function openConnection(file: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  const binding = nativeBinding();
  return new BetterSqlite3(file, binding === undefined ? options : { ...options, nativeBinding: binding });
}
