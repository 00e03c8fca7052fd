/**
 * The embedded store under faults, on real files: a damaged file (pages overwritten), a full disk
 * (SQLite's max_page_count, so writes fail with SQLITE_FULL), a 0-byte file, the rolling backups
 * and restoring one. Reads and exports keep working; nothing is written into damage.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../core/plan-model.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { fixtureCurriculum } from '../export/test-support/fixture.js';
import { exportText } from '../learner/exchange.js';
import { profileFromInput, saveProfile } from '../learner/profile.js';
import { rememberForecast, status } from '../learner/progress.js';
import type { LearnerContext } from '../learner/context.js';
import { examineSqlite } from './doctor.js';
import { isWriteFault } from './faults.js';
import type { KyselyStore } from './kysely-store.js';
import { backupIfDue, listBackups, restoreBackup } from './sqlite-backups.js';
import { openSqliteStore } from './sqlite.js';
import type { SqliteOptions } from './sqlite.js';
import { LOCAL_LEARNER } from './store.js';
import { tempDir } from './test-support/databases.js';

const NOW = '2026-11-27T09:00:00.000Z';
const dirs: string[] = [];
const open: KyselyStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const dir = tempDir('mlpath-faults-');
  dirs.push(dir);
  return dir;
}

async function opened(file: string, options: SqliteOptions = {}): Promise<KyselyStore> {
  const store = await openSqliteStore(file, { now: NOW, ...options });
  open.push(store);
  return store;
}

function ctx(store: KyselyStore): LearnerContext {
  return { store, curriculum: fixtureCurriculum(), clock: () => new Date(NOW), learnerId: LOCAL_LEARNER };
}

function hours(n: number, prefix = 'e'): ProgressEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    type: 'hours' as const,
    at: new Date(Date.parse(NOW) + i * 60_000).toISOString(),
    hours: 0.5,
    date: '2026-11-27',
    item: 'cs50p/week-0',
    text: undefined,
    undoes: undefined,
  }));
}

/** A store with a profile and 300 events, closed; then a large plan snapshot at its end. */
async function filledStore(file: string): Promise<void> {
  const store = await openSqliteStore(file, { now: NOW });
  await store.ensureLearner(LOCAL_LEARNER, LOCAL_LEARNER, NOW);
  const c = ctx(store);
  await saveProfile(c, profileFromInput(c, { startingPoint: 'from-scratch' }), 'init');
  await store.appendEvents(LOCAL_LEARNER, hours(300));
  // Plan snapshots are not part of a backup: damage in the last pages (this one's) leaves every export readable.
  const bulky = { padding: 'x'.repeat(200_000) } as unknown as Plan;
  await store.savePlanSnapshot(LOCAL_LEARNER, {
    id: 'big',
    at: NOW,
    reason: 'test',
    finishDate: '2030-01-01',
    plan: bulky,
  });
  await store.close();
}

function newestBackup(file: string): string {
  const [newest] = listBackups(file);
  if (!newest) throw new Error('no backup was made');
  return newest.path;
}

/** Overwrite the last `pages` pages of the file with a pattern, as a failing disk might. */
function damageTail(file: string, pages: number): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65_536 : bytes.readUInt16BE(16);
  const pageCount = bytes.length / pageSize;
  bytes.fill(0x5a, (pageCount - pages) * pageSize + 8, pageCount * pageSize);
  writeFileSync(file, bytes);
}

/** Overwrite `length` bytes in the middle of the file with 0xff, as a torn write might. */
function damageMiddle(file: string, length: number): void {
  const bytes = readFileSync(file);
  bytes.fill(0xff, bytes.length >> 1, (bytes.length >> 1) + length);
  writeFileSync(file, bytes);
}

describe('a damaged file', () => {
  it('whose quick check reports its damage in one row under a heading is found before the first write, and the write is refused', async () => {
    const file = join(folder(), 'mlpath.db');
    await filledStore(file);
    damageMiddle(file, 3000);
    const raw = new BetterSqlite3(file, { readonly: true });
    const report = raw.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    raw.close();
    // The form this test is about: one row, the heading first, the findings after it.
    expect(report).toHaveLength(1);
    expect(report[0]?.quick_check).toMatch(/^\*\*\* in database main \*\*\*\n.*invalid page number/);
    const before = readFileSync(file);

    const store = await opened(file, { quickCheck: 'before-write', backups: false });
    const refused = await store.appendEvents(LOCAL_LEARNER, hours(1, 'late')).catch((error: unknown) => error);
    expect(isWriteFault(refused)).toBe(true);
    expect(refused).toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/is damaged \(.*invalid page number.*\); nothing was written/),
    });
    await store.close();
    expect(readFileSync(file).equals(before)).toBe(true);

    // Checked on open (the server's way), the same file opens read-only.
    const again = await opened(file);
    expect(again.writeRefusal?.fault).toBe('damaged');
  });

  it('is found by the quick check on open, opened read-only: reads and the JSON export work, writes are refused, nothing is written', async () => {
    const file = join(folder(), 'mlpath.db');
    await filledStore(file);
    damageTail(file, 20);
    const before = readFileSync(file);

    const store = await opened(file);
    expect(store.writeRefusal?.fault).toBe('damaged');
    expect(await store.countEvents(LOCAL_LEARNER)).toBe(300);
    const backup = JSON.parse(await exportText(ctx(store), { format: 'json', locale: 'en' })) as { events: unknown[] };
    expect(backup.events).toHaveLength(300);

    const refused = await store.appendEvents(LOCAL_LEARNER, hours(1, 'late')).catch((error: unknown) => error);
    expect(isWriteFault(refused)).toBe(true);
    expect(refused).toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/is damaged \(.+\); nothing was written/),
    });
    expect((refused as Error).message).not.toMatch(/is not an mlpath database/);
    await store.close();
    expect(readFileSync(file).equals(before)).toBe(true);
    // A read-only connection may leave an empty WAL beside the file, never a page of it.
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);

    const report = examineSqlite(file, new Date(NOW));
    expect(report.problems).toContain('damaged');
    expect(report.integrity.join('\n')).not.toBe('ok');
  });

  it('with the check owed before writing (the command line): reads go on unchecked, the first write finds the damage and is refused, nothing is written', async () => {
    const file = join(folder(), 'mlpath.db');
    await filledStore(file);
    damageTail(file, 20);
    const before = readFileSync(file);

    // No backup is due here (a due one is checked for first: below).
    const store = await opened(file, { quickCheck: 'before-write', backups: false });
    expect(store.writeRefusal).toBeUndefined();
    expect(await store.countEvents(LOCAL_LEARNER)).toBe(300);
    const backup = JSON.parse(await exportText(ctx(store), { format: 'json', locale: 'en' })) as { events: unknown[] };
    expect(backup.events).toHaveLength(300);

    const refused = await store.appendEvents(LOCAL_LEARNER, hours(1, 'late')).catch((error: unknown) => error);
    expect(isWriteFault(refused)).toBe(true);
    expect(refused).toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/is damaged \(.+\); nothing was written/),
    });
    expect(store.writeRefusal?.fault).toBe('damaged');
    await store.close();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);

    // The day's backup is due: the check runs first, finds the damage, and no backup of it is made.
    const again = await opened(file, { quickCheck: 'before-write' });
    expect(again.writeRefusal?.fault).toBe('damaged');
    expect(listBackups(file)).toHaveLength(0);
    await again.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('with the check owed before writing, a file beside a WAL with frames is still checked on open', async () => {
    const file = join(folder(), 'mlpath.db');
    await filledStore(file);
    // Another connection's committed write, not yet checkpointed: closing a connection could move it into the file.
    const other = new BetterSqlite3(file);
    try {
      other.pragma('journal_mode = WAL');
      other.pragma('wal_autocheckpoint = 0');
      other.prepare("INSERT INTO mlpath_meta (key, value) VALUES ('note', 'x')").run();
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      damageTail(file, 20);
      const store = await opened(file, { quickCheck: 'before-write' });
      expect(store.writeRefusal?.fault).toBe('damaged');
      await store.close();
    } finally {
      other.close();
    }
  });

  it('a file of another application whose pages are damaged is still "not an mlpath database"', async () => {
    const file = join(folder(), 'mlpath.db');
    writeFileSync(file, `SQLite format 3\u0000${'garbage '.repeat(600)}`);
    await expect(openSqliteStore(file)).rejects.toThrow(/is not an mlpath database/);
  });
});

describe('a full disk (max_page_count)', () => {
  it('refuses the write that does not fit, saying the disk is full; what was acknowledged stays, reads and export work', async () => {
    const file = join(folder(), 'mlpath.db');
    await filledStore(file);
    const pages = Number(new BetterSqlite3(file, { readonly: true }).pragma('page_count', { simple: true }));
    const store = await opened(file, { maxPageCount: pages + 2 });
    let acknowledged = 300;
    let failure: unknown;
    for (let round = 0; round < 200 && failure === undefined; round++) {
      try {
        await store.appendEvents(LOCAL_LEARNER, hours(20, `r${round}-`));
        acknowledged += 20;
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', fault: 'full' });
    expect((failure as Error).message).toMatch(/the disk holding .* is full; nothing was written/);
    expect(await store.countEvents(LOCAL_LEARNER)).toBe(acknowledged);
    const backup = JSON.parse(await exportText(ctx(store), { format: 'json', locale: 'en' })) as { events: unknown[] };
    expect(backup.events).toHaveLength(acknowledged);
    // status remembers the forecast when it moved; on a full disk it shows the status all the same.
    const report = await status(ctx(store));
    expect(report.forecast?.previousFinishDate).toBe('2030-01-01');
    expect(report.forecast?.finishDate).not.toBe('2030-01-01');
    await expect(rememberForecast(ctx(store), report)).resolves.toBeUndefined();
    await store.close();
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});

describe('a 0-byte file', () => {
  it('is refused, not taken for a new store, and stays as it was', async () => {
    const dir = folder();
    const file = join(dir, 'mlpath.db');
    writeFileSync(file, '');
    await expect(openSqliteStore(file)).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/is empty \(0 bytes\): it was not taken for a new store/),
      hint: expect.stringMatching(/mlpath restore/),
    });
    expect(statSync(file).size).toBe(0);
    expect(readdirSync(dir)).toEqual(['mlpath.db']);
    expect(examineSqlite(file, new Date(NOW)).problems).toContain('empty');
  });
});

describe('rolling backups', () => {
  it('one a day on open when the store holds data, the newest seven kept, none for an empty store', async () => {
    const dir = folder();
    const file = join(dir, 'mlpath.db');
    await (await opened(file)).close();
    await (await opened(file)).close();
    expect(listBackups(file)).toEqual([]);
    await filledStore(file);
    for (let day = 1; day <= 9; day++) {
      const store = await opened(file, { now: `2026-12-0${day}T08:00:00.000Z` });
      await store.close();
      // A second open the same day makes none.
      await (await opened(file, { now: `2026-12-0${day}T20:00:00.000Z` })).close();
    }
    expect(listBackups(file).map((b) => b.day)).toEqual([
      '2026-12-09',
      '2026-12-08',
      '2026-12-07',
      '2026-12-06',
      '2026-12-05',
      '2026-12-04',
      '2026-12-03',
    ]);
    const raw = new BetterSqlite3(newestBackup(file), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.prepare('SELECT count(*) FROM events').pluck().get()).toBe(300);
    raw.close();
  });

  it('restore puts a backup back over a damaged file, keeping the damaged one aside; the store writes again', async () => {
    const dir = folder();
    const file = join(dir, 'mlpath.db');
    await filledStore(file);
    const store = await opened(file, { now: '2026-12-01T08:00:00.000Z' });
    await store.close();
    expect(listBackups(file)).toHaveLength(1);
    damageTail(file, 20);
    const damaged = readFileSync(file);

    const restored = restoreBackup(file, newestBackup(file), new Date('2026-12-02T10:00:00.000Z'));
    expect(restored.keptAside).toMatch(/mlpath\.db\.before-restore-2026-12-02T10-00-00-000Z$/);
    expect(readFileSync(restored.keptAside ?? '').equals(damaged)).toBe(true);

    const again = await opened(file);
    expect(again.writeRefusal).toBeUndefined();
    expect(await again.countEvents(LOCAL_LEARNER)).toBe(300);
    await again.appendEvents(LOCAL_LEARNER, hours(1, 'after-restore'));
    expect(await again.countEvents(LOCAL_LEARNER)).toBe(301);
  });

  it('refuses to restore a damaged backup and changes nothing', async () => {
    const dir = folder();
    const file = join(dir, 'mlpath.db');
    await filledStore(file);
    const raw = new BetterSqlite3(file, { readonly: true });
    const made = await backupIfDue(raw, file, new Date('2026-12-01T08:00:00.000Z'));
    raw.close();
    if (!made) throw new Error('no backup was made');
    damageTail(made.path, 20);
    const before = readFileSync(file);
    expect(() => restoreBackup(file, made.path, new Date(NOW))).toThrow(
      /cannot be restored \(.+\); nothing was changed/,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });
});
