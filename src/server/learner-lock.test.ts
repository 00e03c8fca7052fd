/**
 * Concurrent writes of one learner, on a real SQLite file and a real PostgreSQL schema: each
 * request runs on the state the one before it left, so concurrent undos take back distinct steps,
 * concurrent project starts give one project and CONFLICTs, concurrent ticks of one rubric item
 * record one event. On PostgreSQL two app instances (two stores, as two processes) share the lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { ProgressEvent } from '../core/progress-model.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { LOCAL_LEARNER } from '../store/store.js';
import { IN_CI, postgresDatabase, postgresReachable, sqliteDatabase } from '../store/test-support/databases.js';
import type { TestDatabase } from '../store/test-support/databases.js';
import { createApp } from './app.js';
import type { AppEnv } from './context.js';
import { TEST_NOW } from './test-support/harness.js';
import { fixtureCurriculum } from './test-support/fixture-curriculum.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping the PostgreSQL race tests: ${reachable.reason}`);

const post = (app: Hono<AppEnv>, path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const cases: Array<[string, () => TestDatabase, boolean]> = [
  ['SQLite', sqliteDatabase, true],
  ['PostgreSQL', postgresDatabase, reachable.ok || IN_CI],
];

describe.each(cases)('concurrent writes of one learner on %s', (_name, make, enabled) => {
  const database = make();
  const stores: KyselyStore[] = [];
  const apps: Array<Hono<AppEnv>> = [];
  const curriculum = fixtureCurriculum();

  beforeAll(async () => {
    if (!enabled) return;
    // SQLite is one file per process; PostgreSQL gets two stores, as two server processes would.
    for (let i = 0; i < (database.name === 'sqlite' ? 1 : 2); i++) {
      const store = await database.open();
      stores.push(store);
      apps.push(createApp({ store, curriculum, clock: () => new Date(TEST_NOW), version: 'test' }));
    }
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await database.drop();
  });
  const app = (i: number): Hono<AppEnv> => apps[i % apps.length] as Hono<AppEnv>;
  const events = (): Promise<ProgressEvent[]> => (stores[0] as KyselyStore).listEvents(LOCAL_LEARNER);

  it.skipIf(!enabled)('8 concurrent undos take back 8 distinct steps', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await post(app(0), '/api/progress/events', { type: 'note', text: `note ${i}` })).status).toBe(200);
    }
    const notes = (await events()).filter((e) => e.type === 'note').map((e) => e.id);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => post(app(i), '/api/progress/undo', {})));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    const undone = await Promise.all(
      answers.map(async (r) => ((await r.json()) as { undone: Array<{ id: string }> }).undone.map((e) => e.id)),
    );
    expect(new Set(undone.flat()).size).toBe(8);
    const undoes = (await events()).filter((e) => e.type === 'undo').map((e) => e.undoes);
    expect([...undoes].sort()).toEqual([...notes].sort());
  });

  it.skipIf(!enabled)('4 concurrent starts of one project: one project, three CONFLICTs, no failure', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) => post(app(i), '/api/projects', { template: 'sentiment-app' })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await (stores[0] as KyselyStore).listProjects(LOCAL_LEARNER)).toHaveLength(1);
    const changes = (await events()).filter((e) => e.type === 'project-change');
    expect(changes).toHaveLength(1);
  });

  it.skipIf(!enabled)('4 concurrent ticks of one rubric item record one event', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        post(app(i), '/api/projects/sentiment-app/rubric', { item: 'deployed', checked: true }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const ticks = (await events()).filter((e) => e.type === 'project-milestone' && e.text === 'deployed');
    expect(ticks).toHaveLength(1);
  });

  it.skipIf(!enabled)('a failed write inside the lock changes nothing and frees the lock', async () => {
    const before = (await events()).length;
    const bad = await post(app(0), '/api/progress/events', { type: 'done', item: 'no-such-skill' });
    expect(bad.status).toBe(404);
    expect((await events()).length).toBe(before);
    const next = await post(app(1), '/api/progress/events', { type: 'note', text: 'after the failure' });
    expect(next.status).toBe(200);
    expect((await events()).length).toBe(before + 1);
  });
});
