/**
 * mlpath's server and web app against their baselines, measured in the same run and printed as
 * ratios with the targets of issue 16:
 *
 * (a) `GET /api/plan`, `GET /api/progress` and `POST /api/progress/events` of the real app
 *     (embedded SQLite, shipped curriculum, N seeded events) against a bare Hono app answering
 *     the very same JSON bytes, at C keep-alive connections (target: plan >= 30%, progress >= 20%);
 * (b) `POST /api/progress/events` against a raw better-sqlite3 loop of durable inserts, one row per
 *     commit, with the store's pragmas (WAL, synchronous = FULL), run right before and right after
 *     the app's writes (target: >= 50%);
 * (c) the roadmap page's time to interactive in headless Chromium against a minimal static page
 *     (target: <= 2x), the bytes of JSON the roadmap decodes (target: <= 150 KB) and the bytes one
 *     status change moves (target: <= 5 KB). Skipped, visibly, without `web/dist` or Chromium.
 *
 *   [BENCH_WEB_DIST=FOLDER] npx tsx bench/baselines.bench.ts [--events N] [--seconds S] [--connections C] [--runs R] [--only server|web]
 *
 * `--only server` runs (a) and (b), `--only web` only (c) (over the seeded log, without the events
 * (a) and (b) would have posted); the default runs all three.
 *
 * Each server runs in its own process (`bench/baseline-server.ts`); the load generator is a small
 * node:http keep-alive loop here, the same for both sides. Requests accept gzip and brotli, as a
 * browser's do (the bare app never compresses). Nothing here touches PostgreSQL or
 * `../shared/corpora`; everything stays on 127.0.0.1 and the temporary folder is removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { loadCurriculum } from '../src/content/load.js';
import { newEvent } from '../src/store/events.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { median } from './measure.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const SHIPPED = join(root, 'curricula', 'ml-engineer');
// BENCH_WEB_DIST measures another build of the web app (one made from another commit, say).
const WEB_DIST = process.env['BENCH_WEB_DIST'] ?? join(root, 'web', 'dist');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const EVENTS = flag('events', 10_000);
const SECONDS = flag('seconds', 8);
const CONNECTIONS = flag('connections', 8);
const RUNS = flag('runs', 5);
const ACCEPT = 'gzip, deflate, br';
const ONLY = ((): 'server' | 'web' | undefined => {
  const i = process.argv.indexOf('--only');
  if (i < 0) return undefined;
  const part = process.argv[i + 1];
  if (part === 'server' || part === 'web') return part;
  console.error(`--only takes server or web, not ${part ?? 'nothing'}`);
  process.exit(2);
})();

interface Target {
  label: string;
  measured: string;
  ratio: number;
  goal: string;
  pass: boolean;
}
const targets: Target[] = [];

function verdict(label: string, measured: string, ratio: number, goal: string, pass: boolean): void {
  targets.push({ label, measured, ratio, goal, pass });
}

// ---------------------------------------------------------------------------------------------
// Servers in their own processes.

interface Child {
  url: string;
  stop: () => Promise<void>;
}

function startServer(args: string[]): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(here, 'baseline-server.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}:\n${err}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening (\S+)/.exec(out);
      if (found?.[1]) {
        const url = found[1].replace(/\/$/, '');
        resolve({
          url,
          stop: () =>
            new Promise<void>((done) => {
              child.removeAllListeners('exit');
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The load generator: C workers on C keep-alive sockets, each sending its next request when the
// last answer is read, for S seconds after a short warm-up.

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

function once(agent: Agent, url: string, method: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'accept-encoding': ACCEPT };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const req = httpRequest(url, { method, agent, headers }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function load(url: string, method: string, body?: () => string): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  try {
    const warmUntil = performance.now() + 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < warmUntil) await once(agent, url, method, body?.());
      }),
    );
    const latencies: number[] = [];
    let failures = 0;
    const start = performance.now();
    const deadline = start + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          const status = await once(agent, url, method, body?.());
          latencies.push(performance.now() - t0);
          if (status >= 400) failures++;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (p: number): number =>
      latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0;
    return { requests: latencies.length, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), failures };
  } finally {
    agent.destroy();
  }
}

function row(label: string, l: Load): void {
  console.log(
    `  ${label.padEnd(44)} ${l.rps.toFixed(0).padStart(7)} req/s  p50 ${l.p50.toFixed(1).padStart(6)} ms  p99 ${l.p99
      .toFixed(1)
      .padStart(6)} ms  (${l.requests} requests, ${l.failures} failed)`,
  );
}

// ---------------------------------------------------------------------------------------------
// (b) The raw durable insert: one event-sized row per commit, the store's pragmas.

function rawDurableInserts(file: string, payload: string): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE events (learner_id INTEGER NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (learner_id, seq))',
    );
    const insert = db.prepare('INSERT INTO events (learner_id, seq, id, type, at, payload) VALUES (1, ?, ?, ?, ?, ?)');
    let seq = 0;
    const run = (): void => {
      seq++;
      insert.run(seq, `ev-${seq}`, 'started', new Date().toISOString(), payload);
    };
    const warmUntil = performance.now() + 500;
    while (performance.now() < warmUntil) run();
    const startSeq = seq;
    const start = performance.now();
    const deadline = start + SECONDS * 1000;
    while (performance.now() < deadline) run();
    return (seq - startSeq) / ((performance.now() - start) / 1000);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function seed(dbFile: string): Promise<{ firstItem: string; skills: number }> {
  const curriculum = loadCurriculum(SHIPPED);
  const store = await openSqliteStore(dbFile);
  try {
    const skills = curriculum.skills.map((s) => s.id);
    const learner = (await store.ensureLearner()).id;
    const events = Array.from({ length: EVENTS }, (_, i) => {
      const day = new Date(Date.UTC(2026, 0, 5) + (i % 300) * 86_400_000);
      const at = new Date(day.getTime() + 3_600_000 + i);
      const item = skills[i % skills.length];
      return i % 3 === 0
        ? newEvent('hours', { hours: 1.5, date: day.toISOString().slice(0, 10), item }, at)
        : newEvent(i % 3 === 1 ? 'started' : 'done', { item }, at);
    });
    for (let i = 0; i < events.length; i += 500) await store.appendEvents(learner, events.slice(i, i + 500));
    return { firstItem: skills[0] ?? '', skills: skills.length };
  } finally {
    await store.close();
  }
}

async function text(url: string, init?: RequestInit): Promise<string> {
  const res = await fetch(url, init);
  const body = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${body.slice(0, 200)}`);
  return body;
}

/** The learner's profile: the curriculum's first starting point, starting on the seeded log's first day. */
async function putProfile(url: string): Promise<void> {
  const startingPoint = (JSON.parse(await text(`${url}/api/curriculum`)) as { startingPoints: { id: string }[] })
    .startingPoints[0]?.id;
  await text(`${url}/api/profile`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ startingPoint, startDate: '2026-01-05' }),
  });
}

async function serverFigures(dir: string, dbFile: string, item: string): Promise<void> {
  const postBody = JSON.stringify({ type: 'started', item });
  const rawPayload = JSON.stringify({ item });
  const rawRates: number[] = [];
  const app = await startServer(['app', dbFile]);
  let plan: string;
  let progress: string;
  let posted: string;
  let real: { plan: Load; progress: Load; post: Load };
  try {
    await putProfile(app.url);
    plan = await text(`${app.url}/api/plan`);
    progress = await text(`${app.url}/api/progress`);
    posted = await text(`${app.url}/api/progress/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: postBody,
    });
    const planLoad = await load(`${app.url}/api/plan`, 'GET');
    const progressLoad = await load(`${app.url}/api/progress`, 'GET');
    rawRates.push(rawDurableInserts(join(dir, 'raw-before.db'), rawPayload));
    real = {
      plan: planLoad,
      progress: progressLoad,
      post: await load(`${app.url}/api/progress/events`, 'POST', () => postBody),
    };
    // The disk's fsync rate drifts on a shared machine: the raw loop runs right before and right
    // after the app's writes (the app idle meanwhile), and the mean of the two is the baseline.
    rawRates.push(rawDurableInserts(join(dir, 'raw-after.db'), rawPayload));
  } finally {
    await app.stop();
  }

  const spec = join(dir, 'bare.json');
  writeFileSync(spec, JSON.stringify({ get: { '/plan': plan, '/progress': progress }, post: { '/events': posted } }));
  const bare = await startServer(['hono', spec]);
  let base: { plan: Load; progress: Load; post: Load };
  try {
    base = {
      plan: await load(`${bare.url}/plan`, 'GET'),
      progress: await load(`${bare.url}/progress`, 'GET'),
      post: await load(`${bare.url}/events`, 'POST', () => postBody),
    };
  } finally {
    await bare.stop();
  }

  const raw = ((rawRates[0] ?? 0) + (rawRates[1] ?? 0)) / 2;

  const kb = (s: string): string => `${(Buffer.byteLength(s) / 1024).toFixed(1)} KB`;
  console.log(
    `(a) real app vs bare Hono, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per route, ${EVENTS} seeded events, ` +
      `Accept-Encoding: ${ACCEPT}`,
  );
  row(`mlpath GET /api/plan (${kb(plan)})`, real.plan);
  row(`bare Hono, the same ${kb(plan)}`, base.plan);
  row(`mlpath GET /api/progress (${kb(progress)})`, real.progress);
  row(`bare Hono, the same ${kb(progress)}`, base.progress);
  row(`mlpath POST /api/progress/events`, real.post);
  row(`bare Hono POST, parse + the same ${kb(posted)}`, base.post);
  console.log(`(b) raw better-sqlite3 durable inserts (WAL, synchronous = FULL, one row per commit)`);
  console.log(
    `  ${'one process, one connection'.padEnd(44)} ${raw.toFixed(0).padStart(7)} inserts/s ` +
      `(mean of ${rawRates.map((r) => r.toFixed(0)).join(' before and ')} after the app's writes)`,
  );

  const share = (a: Load, b: Load): number => a.rps / b.rps;
  const p = share(real.plan, base.plan);
  verdict(
    'GET /api/plan / bare Hono',
    `${real.plan.rps.toFixed(0)} / ${base.plan.rps.toFixed(0)} req/s`,
    p,
    '>= 0.30',
    p >= 0.3,
  );
  const g = share(real.progress, base.progress);
  verdict(
    'GET /api/progress / bare Hono',
    `${real.progress.rps.toFixed(0)} / ${base.progress.rps.toFixed(0)} req/s`,
    g,
    '>= 0.20',
    g >= 0.2,
  );
  const e = share(real.post, base.post);
  verdict(
    'POST /api/progress/events / bare Hono',
    `${real.post.rps.toFixed(0)} / ${base.post.rps.toFixed(0)} req/s`,
    e,
    '(none)',
    true,
  );
  const d = real.post.rps / raw;
  verdict(
    'POST /api/progress/events / raw insert',
    `${real.post.rps.toFixed(0)} req/s / ${raw.toFixed(0)} inserts/s`,
    d,
    '>= 0.50',
    d >= 0.5,
  );
  // The raw loop is bound by the disk's commit time, an HTTP server by its CPU per request: on a disk
  // that commits fast, even a bare app that writes nothing may answer fewer POSTs than half the
  // raw inserts. Printed so a miss can be read against that ceiling.
  const ceiling = base.post.rps / raw;
  verdict(
    'bare Hono POST / raw insert (ceiling)',
    `${base.post.rps.toFixed(0)} req/s / ${raw.toFixed(0)} inserts/s`,
    ceiling,
    '(none)',
    true,
  );
}

/**
 * Run in the page (a string: the bench is typed without the DOM): its load event, when the path
 * was drawn (-1 where there is none) and its first contentful paint, in ms from the navigation's start.
 */
const PAGE_TIMES = `(() => {
  const navigation = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return { load: navigation ? navigation.loadEventEnd : -1, drawn: window.pathDrawn ?? -1, paint: paint ? paint.startTime : -1 };
})()`;

/** Added to the roadmap before its load: notes when all `count` tiles of the path are in the document. */
const WATCH_PATH = (count: number): string => `(() => {
  const watch = new MutationObserver(() => {
    if (document.querySelectorAll('[data-testid="roadmap-path"] [data-skill]').length < ${count}) return;
    window.pathDrawn = performance.now();
    watch.disconnect();
  });
  watch.observe(document, { subtree: true, childList: true });
})();`;

async function webFigures(dir: string, dbFile: string): Promise<void> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    console.log('(c) SKIPPED: web/dist is missing (run `npm run build:web`); no roadmap figures');
    return;
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`(c) SKIPPED: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH); no roadmap figures`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const spec = join(dir, 'minimal.json');
  writeFileSync(spec, '{}');
  const app = await startServer(['app', dbFile, WEB_DIST]);
  const bare = await startServer(['hono', spec]);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  try {
    // Without (a), nothing has made the profile yet.
    if (ONLY === 'web') await putProfile(app.url);
    const curriculum = JSON.parse(await text(`${app.url}/api/curriculum`)) as { skills: { id: string }[] };
    const skills = curriculum.skills.length;
    const plan = JSON.parse(await text(`${app.url}/api/plan`)) as { plan: { skills: string[] } };
    const target = plan.plan.skills[0] ?? curriculum.skills[0]?.id ?? '';

    const roadmap: number[] = [];
    const minimal: number[] = [];
    // Where each load's time went, read in the page (milliseconds from the navigation's start):
    // the load event, the moment every tile of the path is in the document, the first paint with
    // content. The rest of a run is Playwright's: finding the tiles and clicking one.
    const inPage: Record<'load' | 'drawn' | 'paint', number[]> = { load: [], drawn: [], paint: [] };
    const minimalInPage: Record<'load' | 'paint', number[]> = { load: [], paint: [] };
    let jsonDecoded = 0;
    const jsonByUrl = new Map<string, number>();
    let changeBodies = 0;
    let changeHeaders = 0;
    let changeDecoded = 0;
    let changeRequests = 0;
    for (let run = 0; run < RUNS; run++) {
      // The minimal page: open it, click its button, see the panel.
      {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const page = await context.newPage();
        const start = performance.now();
        await page.goto(`${bare.url}/`);
        await page.getByTestId('open').click();
        await page.getByTestId('panel').waitFor();
        minimal.push(performance.now() - start);
        const times = (await page.evaluate(PAGE_TIMES)) as { load: number; drawn: number; paint: number };
        minimalInPage.load.push(times.load);
        minimalInPage.paint.push(times.paint);
        await context.close();
      }
      // The roadmap: every tile of the path drawn, a click on one opens its panel (as web.bench.ts).
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      const page = await context.newPage();
      const decoded: Promise<void>[] = [];
      if (run === 0)
        page.on('response', (res) => {
          if (!(res.headers()['content-type'] ?? '').includes('json')) return;
          decoded.push(
            res.body().then(
              (b) => {
                jsonDecoded += b.length;
                const path = new URL(res.url()).pathname;
                jsonByUrl.set(path, (jsonByUrl.get(path) ?? 0) + b.length);
              },
              () => undefined,
            ),
          );
        });
      await page.addInitScript({ content: WATCH_PATH(skills) });
      const start = performance.now();
      await page.goto(`${app.url}/#/roadmap`);
      await page
        .locator('[data-testid="roadmap-path"] [data-skill]')
        .nth(skills - 1)
        .waitFor({ state: 'attached', timeout: 120_000 });
      await page.locator(`[data-testid="roadmap-path"] [data-skill="${target}"]`).click();
      await page.getByTestId('skill-panel').waitFor();
      roadmap.push(performance.now() - start);
      const times = (await page.evaluate(PAGE_TIMES)) as { load: number; drawn: number; paint: number };
      inPage.load.push(times.load);
      inPage.drawn.push(times.drawn);
      inPage.paint.push(times.paint);
      if (run === 0) {
        await page.waitForTimeout(1500);
        await Promise.all(decoded);
        page.removeAllListeners('response');
        // One status change: everything the page sends and receives from the key press until
        // the panel shows it and the follow-up requests are done.
        const moved: Promise<void>[] = [];
        page.on('requestfinished', (req) => {
          changeRequests++;
          moved.push(
            req.sizes().then((s) => {
              changeBodies += s.requestBodySize + s.responseBodySize;
              changeHeaders += s.requestHeadersSize + s.responseHeadersSize;
            }),
          );
          moved.push(
            req.response().then((res) =>
              res?.body().then(
                (b) => void (changeDecoded += b.length),
                () => undefined,
              ),
            ),
          );
        });
        await page.keyboard.press('d');
        await page.getByTestId('skill-panel').getByTestId('skill-status').filter({ hasText: /done/ }).waitFor();
        await page.waitForTimeout(2000);
        await Promise.all(moved);
      }
      await context.close();
    }
    const ratio = median(roadmap) / median(minimal);
    console.log(`(c) headless Chromium, ${RUNS} cold loads each, roadmap of ${skills} skills`);
    console.log(`  minimal page interactive      median ${median(minimal).toFixed(0)} ms`);
    console.log(`  roadmap interactive           median ${median(roadmap).toFixed(0)} ms`);
    console.log(
      `  in the page (medians)         minimal: load ${median(minimalInPage.load).toFixed(0)}, first paint ${median(
        minimalInPage.paint,
      ).toFixed(0)} ms; roadmap: load ${median(inPage.load).toFixed(0)}, path drawn ${median(inPage.drawn).toFixed(
        0,
      )}, first paint ${median(inPage.paint).toFixed(0)} ms`,
    );
    console.log(
      `  JSON decoded by the roadmap   ${(jsonDecoded / 1024).toFixed(1)} KB (${[...jsonByUrl]
        .map(([u, b]) => `${u} ${(b / 1024).toFixed(1)} KB`)
        .join(', ')})`,
    );
    console.log(
      `  one status change             ${changeRequests} requests, bodies ${(changeBodies / 1024).toFixed(1)} KB on the wire ` +
        `(${(changeDecoded / 1024).toFixed(1)} KB decoded), headers ${(changeHeaders / 1024).toFixed(1)} KB`,
    );
    verdict(
      'roadmap interactive / minimal page',
      `${median(roadmap).toFixed(0)} / ${median(minimal).toFixed(0)} ms`,
      ratio,
      '<= 2.00',
      ratio <= 2,
    );
    verdict(
      'JSON decoded by the roadmap, KB',
      `${(jsonDecoded / 1024).toFixed(1)} KB`,
      jsonDecoded / 1024,
      '<= 150',
      jsonDecoded <= 150 * 1024,
    );
    const movedKb = (changeBodies + changeHeaders) / 1024;
    verdict(
      'one status change, KB moved (bodies + headers)',
      `${movedKb.toFixed(1)} KB`,
      movedKb,
      '<= 5',
      movedKb <= 5,
    );
  } finally {
    await browser.close();
    await bare.stop();
    await app.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mlpath-bench-baselines-'));
  try {
    const dbFile = join(dir, 'mlpath.db');
    const { firstItem } = await seed(dbFile);
    console.log(`Node ${process.version}; PostgreSQL not used; ../shared/corpora not used`);
    if (ONLY !== 'web') await serverFigures(dir, dbFile, firstItem);
    if (ONLY !== 'server') await webFigures(dir, dbFile);
    console.log('\ntargets (issue 16), measured in this run:');
    for (const t of targets)
      console.log(
        `  ${t.label.padEnd(48)} ${t.measured.padEnd(30)} ${t.ratio.toFixed(3).padStart(8)}  target ${t.goal.padEnd(8)} ${
          t.goal === '(none)' ? '' : t.pass ? 'PASS' : 'MISS'
        }`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
