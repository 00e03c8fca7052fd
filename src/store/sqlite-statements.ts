/**
 * @module store/sqlite-statements
 * better-sqlite3's database as Kysely's SQLite dialect sees it, each SQL text prepared once.
 *
 * Kysely prepares every query it runs anew; SQLite's parser and planner then cost more than a small
 * insert itself (about 40 µs a statement here, three statements per recorded step). The statements of
 * the store's queries are few and their texts fixed (values are bound), so the last `limit` texts'
 * statements are kept, most recently used last. A statement still iterating (a streamed query) is
 * never handed out twice: a new one is prepared instead. A kept statement stays valid across schema
 * changes (SQLite prepares it again itself when the schema it was made for has changed).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many statements a connection keeps: more than the store has distinct queries. */
export const KEPT_STATEMENTS = 256;

export function preparedOnce(db: BetterSqlite3.Database, limit = KEPT_STATEMENTS): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        // Most recently used last: the first key is the one to drop.
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const statement = db.prepare(sql);
      kept.delete(sql);
      kept.set(sql, statement);
      if (kept.size > limit) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}
