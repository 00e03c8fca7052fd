/**
 * API throughput and latency against the embedded SQLite store on a real loopback port.
 *
 *   npx tsx bench/api.bench.ts [--events N] [--requests N] [--seconds S] [--concurrency C]
 *
 * Seeds a fresh store (a profile for the shipped curriculum's first starting point and N
 * progress events), then for each route runs a closed loop of C concurrent clients until it
 * has made the requested number of requests or the time is up, and prints requests per second
 * and latency percentiles. GET /api/plan is measured twice: with the state unchanged (the
 * re-plan is kept until the profile, the log or the date changes) and right after a write (each
 * request re-plans). Clients accept gzip, as browsers do. Everything stays on 127.0.0.1; the
 * temporary folder is removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadCurriculum } from '../src/content/load.js';
import { createApp } from '../src/server/app.js';
import { listen } from '../src/server/server.js';
import { newEvent } from '../src/store/events.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const SHIPPED = fileURLToPath(new URL('../curricula/ml-engineer', import.meta.url));

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

const EVENTS = flag('events', 1000);
const REQUESTS = flag('requests', 2000);
const SECONDS = flag('seconds', 10);
const CONCURRENCY = Math.max(1, flag('concurrency', 8));

interface Figures {
  route: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  failures: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function measure(
  route: string,
  request: () => Promise<Response>,
  /** Run before each request, outside the timing (e.g. a write that invalidates the plan). */
  before?: () => Promise<void>,
): Promise<Figures> {
  // Warm up (JIT, prepared statements) before timing.
  for (let i = 0; i < 20; i++) await (await request()).arrayBuffer();
  const latencies: number[] = [];
  let failures = 0;
  let started = 0;
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  const worker = async (): Promise<void> => {
    while (started < REQUESTS && performance.now() < deadline) {
      started++;
      if (before) await before();
      const t0 = performance.now();
      const res = await request();
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!res.ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    route,
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    failures,
  };
}

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mlpath-bench-api-'));
  const store = await openSqliteStore(join(dir, 'mlpath.db'));
  const curriculum = loadCurriculum(SHIPPED);
  const clock = (): Date => new Date();
  const app = createApp({ store, curriculum, clock });
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  try {
    const startingPoint = curriculum.startingPoints[0]?.id;
    if (startingPoint === undefined) throw new Error('the shipped curriculum has no starting point');
    const put = await fetch(`${server.url}/api/profile`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ startingPoint, startDate: '2026-01-05' }),
    });
    if (!put.ok) throw new Error(`PUT /api/profile failed: ${put.status} ${await put.text()}`);

    // Seed the log: a mix of statuses and logged hours over past days.
    const skills = curriculum.skills.map((s) => s.id);
    const learner = (await store.ensureLearner()).id;
    const seed = Array.from({ length: EVENTS }, (_, i) => {
      const day = new Date(Date.UTC(2026, 0, 5) + (i % 300) * 86_400_000);
      const at = new Date(day.getTime() + 3_600_000 + i);
      const item = skills[i % skills.length];
      return i % 3 === 0
        ? newEvent('hours', { hours: 1.5, date: day.toISOString().slice(0, 10), item }, at)
        : newEvent(i % 3 === 1 ? 'started' : 'done', { item }, at);
    });
    for (let i = 0; i < seed.length; i += 500) await store.appendEvents(learner, seed.slice(i, i + 500));

    const item = skills[0] ?? '';
    const record = async (): Promise<void> => {
      const res = await fetch(`${server.url}/api/progress/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'hours', hours: 0.5 }),
      });
      await res.arrayBuffer();
    };
    const results = [
      await measure('GET /api/plan', () => fetch(`${server.url}/api/plan`)),
      // After a write the plan is made again: the planner's full cost on every request.
      await measure('GET /api/plan (re-plan)', () => fetch(`${server.url}/api/plan`), record),
      await measure('GET /api/progress', () => fetch(`${server.url}/api/progress`)),
      await measure('POST /api/progress/events', () =>
        fetch(`${server.url}/api/progress/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: 'started', item }),
        }),
      ),
    ];
    const events = await store.countEvents(learner);
    console.log(
      `mlpath API on ${server.url}, embedded SQLite (durable commits), shipped curriculum ` +
        `(${curriculum.skills.length} skills), ${EVENTS} seeded events (${events} at the end), ` +
        `${CONCURRENCY} concurrent clients, at most ${REQUESTS} requests or ${SECONDS} s per route, Node ${process.version}`,
    );
    console.log('route                        requests   req/s   p50 ms   p99 ms   max ms  failures');
    for (const r of results) {
      console.log(
        `${r.route.padEnd(28)} ${String(r.requests).padStart(8)} ${r.rps.toFixed(0).padStart(7)} ` +
          `${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)} ${String(r.failures).padStart(9)}`,
      );
    }
  } finally {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await run();
