/**
 * The NUL character in any text a request carries (a body field, a key, a backup, a query, a path)
 * is refused with 400 naming the place, on a real SQLite file and a real PostgreSQL schema, and
 * nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { KyselyStore } from '../store/kysely-store.js';
import { LOCAL_LEARNER } from '../store/store.js';
import { IN_CI, postgresDatabase, postgresReachable, sqliteDatabase } from '../store/test-support/databases.js';
import type { TestDatabase } from '../store/test-support/databases.js';
import { createApp } from './app.js';
import type { AppEnv } from './context.js';
import { ErrorSchema } from '../contract/index.js';
import { TEST_NOW } from './test-support/harness.js';
import { fixtureCurriculum } from './test-support/fixture-curriculum.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping the PostgreSQL NUL tests: ${reachable.reason}`);

const cases: Array<[string, () => TestDatabase, boolean]> = [
  ['SQLite', sqliteDatabase, true],
  ['PostgreSQL', postgresDatabase, reachable.ok || IN_CI],
];

describe.each(cases)('NUL characters on %s', (_name, make, enabled) => {
  const database = make();
  let store: KyselyStore;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    if (!enabled) return;
    store = await database.open();
    app = createApp({ store, curriculum: fixtureCurriculum(), clock: () => new Date(TEST_NOW), version: 'test' });
  });
  afterAll(async () => {
    if (enabled) await store.close();
    await database.drop();
  });

  const send = async (method: string, path: string, body?: string) => {
    const res = await app.request(path, {
      method,
      ...(body === undefined ? {} : { body, headers: { 'Content-Type': 'application/json' } }),
    });
    return { status: res.status, error: ErrorSchema.safeParse(await res.json()).data?.error };
  };

  it.skipIf(!enabled)('refuses a body field, naming it, and writes nothing', async () => {
    const note = await send('POST', '/api/progress/events', JSON.stringify({ type: 'note', text: 'a\u0000b' }));
    expect(note.status).toBe(400);
    expect(note.error?.code).toBe('INVALID_INPUT');
    expect(note.error?.problems[0]?.path).toBe('text');
    const profile = await send(
      'PUT',
      '/api/profile',
      JSON.stringify({ startingPoint: 'software-first', hoursPerWeek: 10, goal: 'ml\u0000' }),
    );
    expect(profile.status).toBe(400);
    expect(profile.error?.problems[0]?.path).toBe('goal');
    const key = await send('POST', '/api/projects', '{"template":"sentiment-app","x\\u0000":1}');
    expect(key.status).toBe(400);
    expect(await store.listEvents(LOCAL_LEARNER)).toEqual([]);
    expect(await store.listProjects(LOCAL_LEARNER)).toEqual([]);
  });

  it.skipIf(!enabled)('refuses a backup holding one, and a query or path holding one', async () => {
    const backup = {
      format: 'mlpath-backup',
      version: 1,
      exportedAt: TEST_NOW,
      profile: null,
      events: [{ id: 'e1', type: 'note', at: TEST_NOW, text: 'x\u0000' }],
      projects: [],
    };
    const imported = await send('POST', '/api/import', JSON.stringify(backup));
    expect(imported.status).toBe(400);
    expect(imported.error?.problems[0]?.path).toBe('events[0].text');
    expect((await send('GET', '/api/export?format=json&locale=en%00')).status).toBe(400);
    const path = await send('DELETE', '/api/projects/a%00b');
    expect(path.status).toBe(400);
    expect(path.error?.message).toContain('NUL');
    expect(await store.listEvents(LOCAL_LEARNER)).toEqual([]);
  });

  it.skipIf(!enabled)('still takes an escaped backslash followed by u0000 as plain text', async () => {
    const res = await send('POST', '/api/progress/events', JSON.stringify({ type: 'note', text: 'see \\u0000' }));
    expect(res.status).toBe(200);
    expect((await store.listEvents(LOCAL_LEARNER)).map((e) => e.text)).toEqual(['see \\u0000']);
  });
});
