/**
 * GET /api/health on a real PostgreSQL: `ok` while the database answers; 503 with
 * `database.status: "unavailable"` while it refuses connections (a database of its own, closed to
 * connections and its sessions ended); `ok` again once it is back. The answer names no URL.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Hono } from 'hono';
import type { KyselyStore } from '../store/kysely-store.js';
import { openPostgresStore } from '../store/postgres.js';
import { IN_CI, TEST_DATABASE_URL, postgresReachable } from '../store/test-support/databases.js';
import { createApp } from './app.js';
import type { AppEnv } from './context.js';
import { TEST_NOW } from './test-support/harness.js';
import { fixtureCurriculum } from './test-support/fixture-curriculum.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping the PostgreSQL health test: ${reachable.reason}`);

describe.skipIf(!reachable.ok && !IN_CI)('GET /api/health on PostgreSQL', () => {
  const name = `mlpath_test_health_${randomBytes(4).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  let admin: pg.Client;
  let store: KyselyStore;
  let app: Hono<AppEnv>;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    store = await openPostgresStore(url.toString(), { applicationName: name });
    app = createApp({ store, curriculum: fixtureCurriculum(), clock: () => new Date(TEST_NOW), version: 'test' });
  });
  afterAll(async () => {
    await store?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  const health = async () => {
    const res = await app.request('/api/health');
    const text = await res.text();
    expect(text).not.toMatch(/postgres:|127\.0\.0\.1|mlpath_test/);
    return { status: res.status, json: JSON.parse(text) as unknown };
  };

  it('reports the database ok, then unavailable while it refuses connections, then ok again', async () => {
    expect(await health()).toEqual({
      status: 200,
      json: { ok: true, version: 'test', database: { kind: 'postgres', status: 'ok' } },
    });
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // The first check may still find a connection ending; the next cannot connect at all.
      await health();
      expect(await health()).toEqual({
        status: 503,
        json: { ok: false, version: 'test', database: { kind: 'postgres', status: 'unavailable' } },
      });
    } finally {
      logged.mockRestore();
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    expect((await health()).status).toBe(200);
  });
});
