/**
 * Two server instances on one PostgreSQL, each on its own loopback port and with its own store
 * and accounts (as two processes behind one proxy, without sticky sessions): a session made on
 * one works on the other, sign-out on one ends it on both, the sign-in rate limit is shared, and
 * concurrent writes through both lose nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyStore } from '../store/kysely-store.js';
import { IN_CI, TEST_DATABASE_URL, postgresDatabase, postgresReachable } from '../store/test-support/databases.js';
import { AUTH_LIMITS } from './auth-limits.js';
import { createApp } from './app.js';
import { openAccounts } from './auth.js';
import type { Accounts } from './auth.js';
import { listen } from './server.js';
import type { Listening } from './server.js';
import { ProgressSummarySchema } from '../contract/index.js';
import { fixtureCurriculum } from './test-support/fixture-curriculum.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping two instances: ${reachable.reason}`);

interface Instance {
  store: KyselyStore;
  accounts: Accounts;
  server: Listening;
}

describe.skipIf(!reachable.ok && !IN_CI)('two instances on one PostgreSQL', () => {
  const database = postgresDatabase();
  const secret = randomBytes(32).toString('base64');
  /** The one address people use (a proxy in front of both). */
  const PUBLIC = 'http://127.0.0.1:8443';
  const instances: Instance[] = [];
  const url = (i: number, path: string): string => `http://127.0.0.1:${instances[i]?.server.port}${path}`;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const store = await database.open();
      const accounts = await openAccounts({
        url: TEST_DATABASE_URL,
        schema: database.schema,
        secret,
        publicUrl: PUBLIC,
      });
      const app = createApp({ store, curriculum: fixtureCurriculum(), clock: () => new Date(), accounts });
      instances.push({ store, accounts, server: await listen(app, { port: 0, host: '127.0.0.1' }) });
    }
    await instances[0]?.accounts.admin.addUser({
      email: 'ada@example.org',
      name: 'Ada',
      password: 'ada-password-1843',
    });
    await instances[1]?.accounts.admin.addUser({
      email: 'bob@example.org',
      name: 'Bob',
      password: 'bob-password-1970',
    });
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.server.close();
      await i.accounts.close();
      await i.store.close();
    }
    await database.drop();
  });

  const post = (i: number, path: string, body: unknown, cookie?: string) =>
    fetch(url(i, path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: PUBLIC, ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
  const signIn = async (i: number, email: string, password: string): Promise<string> => {
    const res = await post(i, '/api/auth/sign-in/email', { email, password });
    expect(res.status).toBe(200);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };

  it('takes a session made on one instance on the other, and ends it on both at sign-out', async () => {
    const cookie = await signIn(0, 'ada@example.org', 'ada-password-1843');
    expect((await fetch(url(1, '/api/progress'), { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await post(1, '/api/progress/events', { type: 'hours', hours: 1 }, cookie)).status).toBe(200);
    const seenOnFirst = ProgressSummarySchema.parse(
      await (await fetch(url(0, '/api/progress'), { headers: { Cookie: cookie } })).json(),
    );
    expect(seenOnFirst.stats.totalHours).toBe(1);
    expect((await post(1, '/api/auth/sign-out', {}, cookie)).status).toBe(200);
    expect((await fetch(url(0, '/api/progress'), { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('loses no write when two people write through both instances at once', async () => {
    const ada = await signIn(1, 'ada@example.org', 'ada-password-1843');
    const bob = await signIn(0, 'bob@example.org', 'bob-password-1970');
    const before = ProgressSummarySchema.parse(
      await (await fetch(url(0, '/api/progress'), { headers: { Cookie: ada } })).json(),
    ).stats.totalHours;
    const writes = Array.from({ length: 80 }, (_, n) =>
      post(n % 2, '/api/progress/events', { type: 'hours', hours: 0.5 }, n % 4 < 2 ? ada : bob),
    );
    const statuses = (await Promise.all(writes)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const adaView = ProgressSummarySchema.parse(
      await (await fetch(url(1, '/api/progress'), { headers: { Cookie: ada } })).json(),
    );
    const bobView = ProgressSummarySchema.parse(
      await (await fetch(url(0, '/api/progress'), { headers: { Cookie: bob } })).json(),
    );
    expect(adaView.stats.totalHours - before).toBe(20);
    expect(bobView.stats.totalHours).toBe(20);
  });

  it('counts sign-in attempts from one address across both instances', async () => {
    const statuses: number[] = [];
    for (let n = 0; n <= AUTH_LIMITS.signInPerWindow; n++) {
      const res = await post(n % 2, '/api/auth/sign-in/email', {
        email: `nobody${n}@example.org`,
        password: 'no-such-password',
      });
      statuses.push(res.status);
    }
    // With the earlier tests' 3 sign-ins the shared count passes the limit in this loop; counters kept
    // per instance would stand at 8 and 6 of 10 and refuse nothing.
    expect(statuses).toContain(429);
    const firstRefused = statuses.indexOf(429);
    expect(statuses.slice(firstRefused).every((s) => s === 429)).toBe(true);
  });
});
