/**
 * The server and its PostgreSQL connections, on the real database: a connection terminated under
 * a request (pg_terminate_backend) fails that request with 503 UNAVAILABLE, a clean body and
 * nothing written, never the process; the next request works. A learner's lock held elsewhere
 * ends in 503 after the lock timeout instead of a hang. Error bodies never name the database URL.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { LEARNER_LOCK_CLASS } from '../store/kysely-store.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { openPostgresStore, POSTGRES_TIMEOUTS } from '../store/postgres.js';
import { LOCAL_LEARNER } from '../store/store.js';
import { IN_CI, TEST_DATABASE_URL, postgresDatabase, postgresReachable } from '../store/test-support/databases.js';
import { createApp } from './app.js';
import type { AppEnv } from './context.js';
import { ErrorSchema } from '../contract/index.js';
import { TEST_NOW } from './test-support/harness.js';
import { fixtureCurriculum } from './test-support/fixture-curriculum.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping the lost-connection tests: ${reachable.reason}`);

describe.skipIf(!reachable.ok && !IN_CI)('a server whose PostgreSQL connections are lost', () => {
  const database = postgresDatabase();
  const applicationName = `mlpath_test_${randomBytes(4).toString('hex')}`;
  let store: KyselyStore;
  let app: Hono<AppEnv>;
  let admin: pg.Client;

  beforeAll(async () => {
    await database.open().then((s) => s.close()); // creates the schema
    store = await openPostgresStore(TEST_DATABASE_URL, { schema: database.schema, applicationName });
    app = createApp({ store, curriculum: fixtureCurriculum(), clock: () => new Date(TEST_NOW), version: 'test' });
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await store.close();
    await database.drop();
  });

  const note = (text: string) =>
    app.request('/api/progress/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'note', text }),
    });
  const lockLearner = () =>
    admin.query('SELECT pg_advisory_lock($1, hashtext($2))', [LEARNER_LOCK_CLASS, LOCAL_LEARNER]);
  const unlockLearner = () =>
    admin.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LEARNER_LOCK_CLASS, LOCAL_LEARNER]);
  const waitingBackends = async (): Promise<number> => {
    const result = await admin.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
      [applicationName],
    );
    return (result.rows[0] as { n: number }).n;
  };
  const ourBackends = async (): Promise<number> => {
    const result = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [
      applicationName,
    ]);
    return (result.rows[0] as { n: number }).n;
  };
  const expectCleanUnavailable = async (res: Response): Promise<void> => {
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('1');
    const text = await res.text();
    const body = ErrorSchema.parse(JSON.parse(text));
    expect(body.error.code).toBe('UNAVAILABLE');
    expect(text).not.toMatch(/postgres:|127\.0\.0\.1|5432|mlpath_test|at \w+ \(/);
  };

  it('fails the one request whose connection is terminated, then answers the next', async () => {
    expect((await note('before')).status).toBe(200);
    await lockLearner();
    try {
      const pending = note('lost');
      while ((await waitingBackends()) === 0) await new Promise((r) => setTimeout(r, 20));
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
        applicationName,
      ]);
      await expectCleanUnavailable(await pending);
    } finally {
      await unlockLearner();
    }
    expect((await note('after')).status).toBe(200);
    const texts = (await store.listEvents(LOCAL_LEARNER)).map((e) => e.text);
    expect(texts).toEqual(['before', 'after']);
  });

  it('survives idle connections terminated: each dead connection fails at most one request, cleanly, then it works', async () => {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
      applicationName,
    ]);
    while ((await ourBackends()) > 0) await new Promise((r) => setTimeout(r, 20));
    // The pool may hold several idle connections (4 at most), each now dead: a request that takes one
    // fails with a clean 503 and the connection is discarded, so the server answers again at the latest
    // once every dead one is gone.
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= 4; attempt++) {
      const reply = await app.request('/api/progress');
      statuses.push(reply.status);
      if (reply.status === 200) break;
      await expectCleanUnavailable(reply);
    }
    expect(statuses.at(-1)).toBe(200);
    expect((await app.request('/api/progress')).status).toBe(200);
  });

  it(
    'answers 503 after the lock timeout when the learner is locked elsewhere, instead of hanging',
    async () => {
      await lockLearner();
      try {
        await expectCleanUnavailable(await note('blocked'));
      } finally {
        await unlockLearner();
      }
      expect((await note('unblocked')).status).toBe(200);
      expect((await store.listEvents(LOCAL_LEARNER)).map((e) => e.text)).not.toContain('blocked');
    },
    POSTGRES_TIMEOUTS.lock * 3,
  );
});
