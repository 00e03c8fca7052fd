/**
 * Store benchmark: `mlpath today` and `mlpath status` as processes on a store with 10,000
 * events, what their time is spent on, and durable events written per second on SQLite and on
 * PostgreSQL. Run with `npx tsx bench/store.bench.ts` (builds the CLI first).
 *
 * Env: MLPATH_CURRICULUM (another curriculum folder, for the CLI too), BENCH_RUNS (process runs per command, default 7), MLPATH_BENCH_DATABASE_URL (PostgreSQL;
 * default postgres://postgres@127.0.0.1:5432/mlpath_bench, created when missing; skipped with a note when unreachable).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadCurriculumCached } from '../src/cli/curriculum-cache.js';
import { loadCurriculum } from '../src/content/load.js';
import { forecastFrom, profileFor } from '../src/core/planner/index.js';
import { foldProgress, progressStats } from '../src/core/progress.js';
import type { ProgressEvent } from '../src/core/progress-model.js';
import { newEvent } from '../src/store/events.js';
import { syntheticEvents } from './synthetic-events.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { BENCH_DATABASE_URL, benchDatabase } from './bench-database.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env['BENCH_RUNS'] ?? 7);
const EVENTS = 10_000;
// The benchmarks' own database (created when missing), never the tests'.
const pgUrl = (await benchDatabase()) ?? BENCH_DATABASE_URL;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
function fmt(x: number): string {
  return `${x.toFixed(1)} ms`;
}

console.log('building the CLI (npm run build) ...');
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const curriculumFolder = process.env['MLPATH_CURRICULUM'] || join(root, 'curricula/ml-engineer');
const curriculum = loadCurriculum(curriculumFolder);
const today = '2027-03-01';
const startDate = '2026-06-01';
const profile = profileFor(curriculum, curriculum.startingPoints[0]?.id, { startDate, locale: 'en' });

async function fill(store: Store, events: ProgressEvent[]): Promise<void> {
  await store.ensureLearner('local', 'local', `${startDate}T00:00:00.000Z`);
  await store.saveProfile('local', profile, `${startDate}T00:00:00.000Z`);
  for (let i = 0; i < events.length; i += 1000) await store.appendEvents('local', events.slice(i, i + 1000));
}

async function durableWrites(store: Store, seconds: number): Promise<number> {
  await store.ensureLearner('writer');
  const end = Date.now() + seconds * 1000;
  let n = 0;
  while (Date.now() < end) {
    await store.appendEvents('writer', [newEvent('hours', { hours: 0.5, date: '2026-11-27' })]);
    n++;
  }
  return n / seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'mlpath-bench-'));
try {
  const home = join(dir, 'home');
  const events = syntheticEvents(curriculum, EVENTS, { startDate, today });
  const store = await openSqliteStore(join(home, 'mlpath.db'));
  await fill(store, events);
  await store.close();

  // Processes, as a user runs them.
  const env = {
    ...process.env,
    MLPATH_HOME: home,
    MLPATH_NOW: `${today}T09:00:00Z`,
    MLPATH_LANG: 'en',
    DATABASE_URL: '',
    MLPATH_CURRICULUM: curriculumFolder,
  };
  const timeProcess = (args: string[]): number[] => {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [join(root, 'bin/mlpath.js'), ...args], { env, encoding: 'utf8' });
      const t = ms(start);
      if (result.status !== 0) throw new Error(`mlpath ${args.join(' ')} failed: ${result.stderr}`);
      if (i > 0) times.push(t); // the first run warms the file cache
    }
    return times;
  };
  const baseline = timeProcess(['--version']);
  const today_ = timeProcess(['today']);
  const status = timeProcess(['status']);

  // In process: where the time goes.
  const phases: Record<string, number[]> = {
    open: [],
    read: [],
    'curriculum (YAML)': [],
    'curriculum (cached)': [],
    fold: [],
    forecast: [],
  };
  const cache = join(dir, 'cache');
  for (let i = 0; i < runs; i++) {
    let start = process.hrtime.bigint();
    const s = await openSqliteStore(join(home, 'mlpath.db'));
    phases['open']?.push(ms(start));
    start = process.hrtime.bigint();
    const evs = await s.listEvents('local');
    phases['read']?.push(ms(start));
    await s.close();
    start = process.hrtime.bigint();
    loadCurriculum(curriculumFolder);
    phases['curriculum (YAML)']?.push(ms(start));
    start = process.hrtime.bigint();
    const c = await loadCurriculumCached(curriculumFolder, root, cache);
    if (i > 0) phases['curriculum (cached)']?.push(ms(start)); // the first run writes the cache
    start = process.hrtime.bigint();
    progressStats(evs, c, today);
    const state = foldProgress(evs, c);
    phases['fold']?.push(ms(start));
    start = process.hrtime.bigint();
    forecastFrom(c, profile, state, today);
    phases['forecast']?.push(ms(start));
  }

  console.log(
    `\nstore with ${EVENTS} events; curriculum of ${curriculum.skills.length} skills and ${curriculum.resources.length} resources; ${runs} runs each (median, min)`,
  );
  console.log(
    `  node bin/mlpath.js --version   ${fmt(median(baseline))}  (min ${fmt(Math.min(...baseline))})  <- node start + loading the CLI`,
  );
  console.log(`  node bin/mlpath.js today       ${fmt(median(today_))}  (min ${fmt(Math.min(...today_))})`);
  console.log(`  node bin/mlpath.js status      ${fmt(median(status))}  (min ${fmt(Math.min(...status))})`);
  console.log('  in process, per phase (median):');
  for (const [name, xs] of Object.entries(phases)) console.log(`    ${name.padEnd(20)} ${fmt(median(xs))}`);

  // Durable writes: one event per transaction, each committed before the next starts.
  const sqlite = await openSqliteStore(join(dir, 'writes', 'mlpath.db'));
  const sqliteRate = await durableWrites(sqlite, 3);
  await sqlite.close();
  console.log(`\ndurable writes, one event per transaction (3 s each):`);
  console.log(`  SQLite (WAL, synchronous=FULL)     ${sqliteRate.toFixed(0)} events/s`);

  const schema = `mlpath_bench_${randomBytes(4).toString('hex')}`;
  try {
    const pgStore = await openPostgresStore(pgUrl, { schema });
    try {
      const pgRate = await durableWrites(pgStore, 3);
      console.log(`  PostgreSQL (synchronous_commit on) ${pgRate.toFixed(0)} events/s`);
    } finally {
      await pgStore.close();
    }
  } catch (error) {
    console.log(`  PostgreSQL: skipped (${(error as Error).message})`);
  } finally {
    const client = new pg.Client({ connectionString: pgUrl });
    await client
      .connect()
      .then(() => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
      .catch(() => undefined)
      .finally(() => client.end().catch(() => undefined));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
