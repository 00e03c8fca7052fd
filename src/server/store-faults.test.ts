/**
 * The local server over a store that cannot be written: a full disk (SQLite's max_page_count)
 * answers writes 503 (the web's outbox keeps them and sends them again later), reads and the
 * backup download go on, and no answer names the file.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { tempDir } from '../store/test-support/databases.js';
import { createApp } from './app.js';
import { client, TEST_NOW } from './test-support/harness.js';
import { fixtureCurriculum } from './test-support/fixture-curriculum.js';

const dirs: string[] = [];
const stores: KyselyStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function serverOn(file: string, maxPageCount?: number) {
  const store = await openSqliteStore(file, { now: TEST_NOW, maxPageCount });
  stores.push(store);
  const app = createApp({ store, curriculum: fixtureCurriculum(), clock: () => new Date(TEST_NOW), version: 'test' });
  return { store, app, api: client(app) };
}

describe('the server on a full disk', () => {
  it('answers writes that do not fit 503 without naming the file; reads and the backup download still work', async () => {
    const dir = tempDir('mlpath-api-full-');
    dirs.push(dir);
    const file = join(dir, 'mlpath.db');
    const first = await serverOn(file);
    expect((await first.api.put('/api/profile', { startingPoint: 'from-scratch' })).status).toBe(200);
    await first.store.close();
    stores.length = 0;
    const raw = new BetterSqlite3(file, { readonly: true });
    const pages = Number(raw.pragma('page_count', { simple: true }));
    raw.close();

    const { api } = await serverOn(file, pages + 1);
    let acknowledged = 0;
    let refused: { status: number; json: unknown } | undefined;
    for (let i = 0; i < 2000 && !refused; i++) {
      const answer = await api.post('/api/progress/events', { type: 'note', text: `note ${i} ${'x'.repeat(400)}` });
      if (answer.status === 200) acknowledged++;
      else refused = answer;
    }
    expect(refused?.status).toBe(503);
    expect(JSON.stringify(refused?.json)).not.toContain(dir);
    expect(acknowledged).toBeGreaterThan(0);
    expect((await api.get('/api/progress')).status).toBe(200);
    const backup = await api.get('/api/export?format=json');
    expect(backup.status).toBe(200);
    expect((backup.json as { events: unknown[] }).events).toHaveLength(acknowledged);
  });
});
