/**
 * Sync between two devices through a multi-user server on loopback.
 *
 *   npx tsx bench/sync.bench.ts [--events N]
 *
 * A server (the app in server mode on a fresh PostgreSQL schema, on a loopback port) and two SQLite
 * stores as two devices. The first device holds N events (default 10,000) and a profile; it syncs
 * (push), the second syncs (pull), then both sync again (nothing to do). Prints the time of each
 * sync and events per second, and checks that both devices and the server hold the same events.
 * The schema and the temporary folder are removed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { httpSyncRemote } from '../src/cli/commands/sync.js';
import { remoteClient, signIn } from '../src/cli/remote.js';
import { loadCurriculum } from '../src/content/load.js';
import { profileFor } from '../src/core/planner/index.js';
import { syncWith } from '../src/learner/sync.js';
import { createApp } from '../src/server/app.js';
import { openAccounts } from '../src/server/auth.js';
import { listen } from '../src/server/server.js';
import { newEvent } from '../src/store/events.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { LOCAL_LEARNER } from '../src/store/store.js';
import { BENCH_DATABASE_URL, benchDatabase } from './bench-database.js';

const SHIPPED = fileURLToPath(new URL('../curricula/ml-engineer', import.meta.url));
// The benchmarks' own database (created when missing), never the tests'.
const URL_PG = (await benchDatabase()) ?? BENCH_DATABASE_URL;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const EVENTS = flag('events', 10_000);

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function main(): Promise<void> {
  const schema = `mlpath_bench_sync_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'mlpath-bench-sync-'));
  const curriculum = loadCurriculum(SHIPPED);
  const port = await freePort();
  const server = `http://127.0.0.1:${port}`;
  const store = await openPostgresStore(URL_PG, { schema, maxConnections: 4 });
  const accounts = await openAccounts({
    url: URL_PG,
    schema,
    secret: randomBytes(32).toString('base64'),
    publicUrl: server,
  });
  const app = createApp({ store, curriculum, clock: () => new Date(), accounts });
  const listening = await listen(app, { port, host: '127.0.0.1', drainMs: 1000 });
  const devices = [await openSqliteStore(join(dir, 'a.db')), await openSqliteStore(join(dir, 'b.db'))];
  try {
    const password = randomBytes(12).toString('hex');
    const user = await accounts.admin.addUser({ email: 'bench@example.org', name: 'Bench', password });
    const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];
    for (const d of devices) await d.ensureLearner();
    const start = curriculum.startingPoints[0]?.id ?? 'from-scratch';
    await a.saveProfile(
      LOCAL_LEARNER,
      profileFor(curriculum, start, { startDate: '2026-01-05' }),
      new Date().toISOString(),
    );
    const t0 = Date.parse('2026-01-01T08:00:00Z');
    const events = Array.from({ length: EVENTS }, (_, i) =>
      newEvent(
        i % 3 === 0 ? 'note' : 'hours',
        i % 3 === 0 ? { text: `note ${i}` } : { hours: 0.5, date: '2026-01-01' },
        new Date(t0 + i * 60_000),
      ),
    );
    await a.appendEvents(LOCAL_LEARNER, events);
    const io = { env: { MLPATH_HOME: dir, MLPATH_LANG: 'en' }, cwd: dir };
    const credentials = await signIn(io, server, { email: 'bench@example.org', password });
    const remote = httpSyncRemote(remoteClient(io, credentials), 'en');
    const timed = async (label: string, device: typeof a): Promise<void> => {
      const began = performance.now();
      const result = await syncWith(
        { store: device, curriculum, clock: () => new Date(), learnerId: LOCAL_LEARNER },
        remote,
      );
      const ms = performance.now() - began;
      const moved = result.pushed + result.pulled;
      const rate = moved > 0 ? `, ${Math.round((moved / ms) * 1000).toLocaleString('en')} events/s` : '';
      console.log(
        `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  sent ${result.pushed}, received ${result.pulled}${rate}`,
      );
    };
    console.log(`sync of ${EVENTS.toLocaleString('en')} events through ${server} (PostgreSQL schema ${schema})`);
    await timed('device A: first sync (push)', a);
    await timed('device B: first sync (pull)', b);
    await timed('device A: again (nothing to do)', a);
    await timed('device B: again (nothing to do)', b);
    const counts = [
      await a.countEvents(LOCAL_LEARNER),
      await b.countEvents(LOCAL_LEARNER),
      await store.countEvents(user.id),
    ];
    console.log(`events held: A ${counts[0]}, B ${counts[1]}, server ${counts[2]}`);
    if (new Set(counts).size !== 1) process.exitCode = 1;
  } finally {
    for (const d of devices) await d.close();
    await listening.close();
    await accounts.close();
    await store.close();
    const client = new pg.Client({ connectionString: URL_PG });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
