/**
 * SIGTERM on a real `mlpath serve` process over a real PostgreSQL schema: a request in flight
 * (held on its learner's lock) is answered and recorded, new connections are refused at once, and
 * the process exits 0 with its database connections closed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEARNER_LOCK_CLASS } from '../store/kysely-store.js';
import { LOCAL_LEARNER } from '../store/store.js';
import { IN_CI, TEST_DATABASE_URL, postgresDatabase, postgresReachable } from '../store/test-support/databases.js';
import { spawnCli } from '../cli/test-support/spawn-cli.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping the drain test: ${reachable.reason}`);

describe.skipIf(!reachable.ok && !IN_CI)('mlpath serve on SIGTERM', () => {
  const database = postgresDatabase();
  const appName = `mlpath_test_drain_${randomBytes(4).toString('hex')}`;
  const home = mkdtempSync(join(tmpdir(), 'mlpath-drain-'));
  let admin: pg.Client;

  beforeAll(async () => {
    await (await database.open()).close();
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await database.drop();
    rmSync(home, { recursive: true, force: true });
  });

  const count = async (where: string): Promise<number> => {
    const result = await admin.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 ${where}`,
      [appName],
    );
    return (result.rows[0] as { n: number }).n;
  };

  it('answers the request in flight, refuses new ones, then closes the store and exits 0', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${database.schema}`);
    const child = spawnCli(['serve', '--port', '0'], {
      env: { ...process.env, MLPATH_HOME: home, DATABASE_URL: url.toString(), PGAPPNAME: appName },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (match?.[1]) resolve(match[1]);
        });
        void exited.then((code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
      });
      const note = (text: string) =>
        fetch(`${base}/api/progress/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: 'note', text }),
        });
      expect((await note('first')).status).toBe(200);

      await admin.query('SELECT pg_advisory_lock($1, hashtext($2))', [LEARNER_LOCK_CLASS, LOCAL_LEARNER]);
      let inFlight: Promise<Response>;
      try {
        inFlight = note('in flight');
        while ((await count("AND wait_event_type = 'Lock'")) === 0) await new Promise((r) => setTimeout(r, 20));
        child.kill('SIGTERM');
        // The port closes at once: a new connection is refused while the old request still runs.
        let refused = false;
        for (let i = 0; i < 50 && !refused; i++) {
          refused = await fetch(`${base}/api/health`).then(
            () => false,
            () => true,
          );
          if (!refused) await new Promise((r) => setTimeout(r, 20));
        }
        expect(refused).toBe(true);
      } finally {
        await admin.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LEARNER_LOCK_CLASS, LOCAL_LEARNER]);
      }
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { event: { text: string } }).event.text).toBe('in flight');
      expect(await exited).toBe(0);
      expect(stderr).toContain('stopped');
      expect(await count('')).toBe(0);
      const recorded = await admin.query(`SELECT text FROM ${database.schema}.events ORDER BY seq`);
      expect(recorded.rows.map((r: { text: string }) => r.text)).toEqual(['first', 'in flight']);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
