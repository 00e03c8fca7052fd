import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { preparedOnce } from './sqlite-statements.js';

describe('statements prepared once', () => {
  it('hands out the same statement for the same text, and keeps only the last ones used', () => {
    const db = new BetterSqlite3(':memory:');
    const kept = preparedOnce(db, 2);
    const one = kept.prepare('SELECT 1');
    expect(kept.prepare('SELECT 1')).toBe(one);
    kept.prepare('SELECT 2');
    kept.prepare('SELECT 1'); // used again: now the most recent
    kept.prepare('SELECT 3'); // drops SELECT 2, the least recently used
    expect(kept.prepare('SELECT 1')).toBe(one);
    const two = kept.prepare('SELECT 2');
    expect(kept.prepare('SELECT 2')).toBe(two);
    kept.close();
    expect(db.open).toBe(false);
  });

  it('never hands out a statement that is still iterating', () => {
    const db = new BetterSqlite3(':memory:');
    const kept = preparedOnce(db);
    const outer = kept.prepare('SELECT value FROM json_each(?)');
    const values: unknown[] = [];
    for (const row of outer.iterate(['[1,2]'])) {
      // The same text again while the first is mid-iteration: a statement of its own.
      const inner = kept.prepare('SELECT value FROM json_each(?)');
      expect(inner).not.toBe(outer);
      values.push((row as { value: number }).value, ...inner.all(['[3]']).map((r) => (r as { value: number }).value));
    }
    expect(values).toEqual([1, 3, 2, 3]);
    db.close();
  });

  it('keeps answering after the schema changes under a kept statement', () => {
    const db = new BetterSqlite3(':memory:');
    const kept = preparedOnce(db);
    kept.prepare('CREATE TABLE t (a INTEGER)').run([]);
    kept.prepare('INSERT INTO t (a) VALUES (?)').run([1]);
    expect(kept.prepare('SELECT * FROM t').all([])).toEqual([{ a: 1 }]);
    kept.prepare('ALTER TABLE t ADD COLUMN b TEXT').run([]);
    expect(kept.prepare('SELECT * FROM t').all([])).toEqual([{ a: 1, b: null }]);
    db.close();
  });
});
