import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, postgresDatabase, postgresReachable } from '../store/test-support/databases.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { createApp } from './app.js';
import { ProgressSummarySchema, StatusSchema } from '../contract/index.js';
import { fixtureCurriculum } from './test-support/fixture-curriculum.js';

// Outside CI a machine without PostgreSQL skips these, saying why; under CI=true they must run.
const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping the API on PostgreSQL: ${reachable.reason}`);

describe.skipIf(!reachable.ok && !IN_CI)('the API on PostgreSQL', () => {
  const database = postgresDatabase();
  let store: KyselyStore;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('keeps two learners apart when the resolver names them (the multi-user server)', async () => {
    const curriculum = fixtureCurriculum();
    await store.ensureLearner('ada', 'Ada');
    await store.ensureLearner('grace', 'Grace');
    const app = createApp({
      store,
      curriculum,
      clock: () => new Date('2026-03-04T12:00:00Z'),
      resolveLearner: (c) => Promise.resolve({ id: c.req.header('x-learner') ?? 'ada' }),
    });
    const as = (learner: string, path: string, method = 'GET', body?: unknown) =>
      app.request(path, {
        method,
        headers: { 'x-learner': learner, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    expect((await as('ada', '/api/profile', 'PUT', { startingPoint: 'from-scratch' })).status).toBe(200);
    expect((await as('ada', '/api/progress/events', 'POST', { type: 'done', item: 'python-programming' })).status).toBe(
      200,
    );
    expect((await as('grace', '/api/progress/events', 'POST', { type: 'hours', hours: 2 })).status).toBe(200);

    const ada = ProgressSummarySchema.parse(await (await as('ada', '/api/progress')).json());
    const grace = ProgressSummarySchema.parse(await (await as('grace', '/api/progress')).json());
    expect(ada.skills).toEqual({ 'python-programming': 'done' });
    expect(ada.stats.totalHours).toBe(0);
    expect(grace.skills).toEqual({});
    expect(grace.stats.totalHours).toBe(2);

    const status = StatusSchema.parse(await (await as('ada', '/api/status')).json());
    expect(status.forecast).not.toBeNull();
    expect(await (await as('grace', '/api/plan')).json()).toEqual({ plan: null, forecast: null });
  });
});
