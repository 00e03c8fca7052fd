/**
 * Group commit (store/kysely-store.ts, `exclusive`): one learner's writes that queue while a
 * transaction is under way share its commit, each under its own savepoint, and each is answered
 * only after that commit. On a real SQLite file and a real PostgreSQL schema: concurrent POSTs
 * through the app all land exactly once and in the order they were sent, failing ones change
 * nothing and do not fail the others, a retried idempotency key records once; and at the store,
 * a call that wrote before failing is rolled back alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { MlpathError } from '../core/errors.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { newEvent } from '../store/events.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { LOCAL_LEARNER } from '../store/store.js';
import { IN_CI, postgresDatabase, postgresReachable, sqliteDatabase } from '../store/test-support/databases.js';
import type { TestDatabase } from '../store/test-support/databases.js';
import { createApp } from './app.js';
import type { AppEnv } from './context.js';
import { TEST_NOW } from './test-support/harness.js';
import { fixtureCurriculum } from './test-support/fixture-curriculum.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping the PostgreSQL group commit tests: ${reachable.reason}`);

const cases: Array<[string, () => TestDatabase, boolean]> = [
  ['SQLite', sqliteDatabase, true],
  ['PostgreSQL', postgresDatabase, reachable.ok || IN_CI],
];

describe.each(cases)('group commit on %s', (_name, make, enabled) => {
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

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/progress/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const events = (): Promise<ProgressEvent[]> => store.listEvents(LOCAL_LEARNER);

  it.skipIf(!enabled)(
    '40 concurrent POSTs, 4 of them failing: the 36 land once each, in order; the failures change nothing',
    async () => {
      const before = await events();
      const sent = Array.from({ length: 40 }, (_, i) => {
        if (i % 10 === 3) return { type: 'done', item: `no-such-skill-${i}`, id: `group-commit-${i}` };
        return { type: 'note', text: `note ${i}`, id: `group-commit-${i}` };
      });
      const answers = await Promise.all(sent.map((body) => post(body)));
      expect(answers.map((r) => r.status)).toEqual(sent.map((b) => (b.type === 'note' ? 200 : 404)));
      const after = await events();
      expect(after.slice(0, before.length)).toEqual(before);
      const added = after.slice(before.length);
      // The log's order (by sequence) is the order the requests were sent.
      expect(added.map((e) => e.id)).toEqual(sent.filter((b) => b.type === 'note').map((b) => b.id));
      expect(added.map((e) => e.text)).toEqual(sent.filter((b) => b.type === 'note').map((b) => b.text));
      // Each answer names its own event, as recorded.
      for (const [i, answer] of answers.entries()) {
        if (answer.status !== 200) continue;
        const { event } = (await answer.json()) as { event: ProgressEvent };
        expect(event.id).toBe(`group-commit-${i}`);
      }
    },
  );

  it.skipIf(!enabled)(
    'a key sent twice at once, beside other writes, records once and replays the answer',
    async () => {
      const before = (await events()).length;
      const body = { type: 'note', text: 'sent twice' };
      const answers = await Promise.all([
        post(body, { 'Idempotency-Key': 'group-commit-key' }),
        post({ type: 'note', text: 'between' }),
        post(body, { 'Idempotency-Key': 'group-commit-key' }),
      ]);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(answers.map((r) => r.headers.get('Idempotent-Replayed'))).toEqual([null, null, 'true']);
      const [first, , replay] = await Promise.all(answers.map((r) => r.json() as Promise<{ event: ProgressEvent }>));
      expect(replay?.event).toEqual(first?.event);
      const added = (await events()).slice(before);
      expect(added.map((e) => e.text)).toEqual(['sent twice', 'between']);
    },
  );

  it.skipIf(!enabled)(
    'at the store: queued calls share one commit, answered after it; one that wrote and then failed is rolled back alone',
    async () => {
      const before = (await events()).length;
      const steps: string[] = [];
      const call = (i: number, fail: boolean) =>
        store
          .exclusive(LOCAL_LEARNER, async (bound) => {
            steps.push(`run ${i}`);
            await bound.appendEvents(LOCAL_LEARNER, [
              { ...newEvent('note', { text: `store ${i}` }, new Date(TEST_NOW)), id: `store-${i}` },
            ]);
            if (fail) throw new MlpathError({ code: 'CONFLICT', message: `call ${i} fails after writing` });
            return i;
          })
          .then(
            (value) => {
              steps.push(`answered ${i}`);
              return value;
            },
            (error: unknown) => {
              steps.push(`failed ${i}`);
              return error as Error;
            },
          );
      const results = await Promise.all([call(0, false), call(1, false), call(2, true), call(3, false)]);
      expect(results.slice(0, 2)).toEqual([0, 1]);
      expect((results[2] as Error).message).toBe('call 2 fails after writing');
      expect(results[3]).toBe(3);
      // All four ran before any was answered: one transaction, one commit.
      expect(steps.slice(0, 4)).toEqual(['run 0', 'run 1', 'run 2', 'run 3']);
      expect(new Set(steps.slice(4))).toEqual(new Set(['answered 0', 'answered 1', 'failed 2', 'answered 3']));
      const added = (await events()).slice(before);
      expect(added.map((e) => e.id)).toEqual(['store-0', 'store-1', 'store-3']);
    },
  );

  it.skipIf(!enabled)('a first call that fails rolls back alone; the calls queued behind it commit', async () => {
    const before = (await events()).length;
    const write = (i: number, fail: boolean) =>
      store
        .exclusive(LOCAL_LEARNER, async (bound) => {
          await bound.appendEvents(LOCAL_LEARNER, [
            { ...newEvent('note', { text: `first ${i}` }, new Date(TEST_NOW)), id: `first-${i}` },
          ]);
          if (fail) throw new MlpathError({ code: 'CONFLICT', message: `call ${i} fails` });
          return i;
        })
        .catch((error: unknown) => (error as Error).message);
    expect(await Promise.all([write(0, true), write(1, false), write(2, false)])).toEqual(['call 0 fails', 1, 2]);
    expect((await events()).slice(before).map((e) => e.id)).toEqual(['first-1', 'first-2']);
  });
});
