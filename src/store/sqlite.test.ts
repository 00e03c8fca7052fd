import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_APPLICATION_ID } from './migrations.js';
import { openSqliteStore } from './sqlite.js';
import { tempDir } from './test-support/databases.js';

const dirs: string[] = [];
function fresh(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite store', () => {
  it('creates its folder and file, in WAL mode with full sync, marked as mlpath’s', async () => {
    const file = join(fresh(), 'nested', 'deeper', 'mlpath.db');
    const store = await openSqliteStore(file);
    await store.ensureLearner();
    await store.close();
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('application_id', { simple: true })).toBe(SQLITE_APPLICATION_ID);
    expect(raw.prepare("SELECT value FROM mlpath_meta WHERE key = 'app'").pluck().get()).toBe('mlpath');
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });

  it('gives a change token that stays while nothing is written and moves with a write by any connection', async () => {
    const file = join(fresh(), 'mlpath.db');
    const store = await openSqliteStore(file, { backups: false });
    const other = await openSqliteStore(file, { backups: false });
    try {
      await store.ensureLearner();
      const first = await store.changeToken();
      expect(first).toMatch(/^\d+:\d+$/);
      await store.listEvents('local');
      expect(await store.changeToken()).toBe(first);
      await store.appendEvents('local', [
        {
          id: 'e1',
          type: 'started',
          at: '2026-11-27T00:00:00.000Z',
          item: 'x',
          hours: undefined,
          date: undefined,
          text: undefined,
          undoes: undefined,
        },
      ]);
      const second = await store.changeToken();
      expect(second).not.toBe(first);
      await other.appendEvents('local', [
        {
          id: 'e2',
          type: 'done',
          at: '2026-11-27T00:00:01.000Z',
          item: 'x',
          hours: undefined,
          date: undefined,
          text: undefined,
          undoes: undefined,
        },
      ]);
      expect(await store.changeToken()).not.toBe(second);
      // A store bound to a write transaction has none: what it reads may be changing.
      expect(await store.exclusive('local', (bound) => bound.changeToken())).toBeUndefined();
    } finally {
      await other.close();
      await store.close();
    }
  });

  it('refuses another application’s SQLite database and leaves it byte for byte as it was', async () => {
    const file = join(fresh(), 'other.db');
    const other = new BetterSqlite3(file);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann')");
    other.close();
    const before = readFileSync(file);
    await expect(openSqliteStore(file)).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/is not an mlpath database.*contacts/),
    });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a SQLite file stamped with another application id', async () => {
    const file = join(fresh(), 'stamped.db');
    const other = new BetterSqlite3(file);
    other.pragma('application_id = 1234');
    other.close();
    await expect(openSqliteStore(file)).rejects.toThrow(/another application, id 0x4d2/);
  });

  it('refuses a file that is not a database at all, without changing it', async () => {
    const file = join(fresh(), 'mlpath.db');
    const text = 'these are my holiday notes, not a database\n'.repeat(200);
    writeFileSync(file, text);
    await expect(openSqliteStore(file)).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/is not an mlpath database/),
    });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
