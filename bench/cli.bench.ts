/**
 * CLI benchmark: what a command costs as a process, as a ratio to starting Node itself
 * (`node -e 0`), measured in the same run so the shared machine's load cancels out.
 * `mlpath --version`, `--help`, and `today` / `status` on stores of 1,000, 10,000 and 100,000
 * events (SQLite; PostgreSQL too when reachable, in its own database `mlpath_bench`).
 * CPU time (user + system) of each child process, read from /proc (Linux; elsewhere wall time).
 * Each run of a command follows a run of `node -e 0`, and each row is the ratio to those: on a
 * shared machine the load drifts over a run of minutes, and a baseline taken once at the start
 * would move every later ratio with it.
 *
 * Run: `npx tsx bench/cli.bench.ts` (builds first). Env: BENCH_RUNS (default 9), BENCH_EVENTS
 * (comma-separated sizes, default 1000,10000,100000), BENCH_CLI (another checkout's bin/mlpath.js,
 * to compare against; then nothing is built), MLPATH_BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/mlpath_bench; the database is created when missing).
 * BENCH_PG=0 skips PostgreSQL. Each figure is printed as soon as it is measured.
 * Targets (issue 16): --version at most 1.5x, today and status at most 3x `node -e 0`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadCurriculum } from '../src/content/load.js';
import { profileFor } from '../src/core/planner/index.js';
import type { ProgressEvent } from '../src/core/progress-model.js';
import { benchDatabase } from './bench-database.js';
import { syntheticEvents } from './synthetic-events.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env['BENCH_RUNS'] ?? 9);
const sizes = (process.env['BENCH_EVENTS'] ?? '1000,10000,100000').split(',').map(Number);
const cli = process.env['BENCH_CLI'] || join(root, 'bin/mlpath.js');

if (!process.env['BENCH_CLI']) {
  console.log('building the CLI (npm run build) ...');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}

/** CPU seconds used by this process's finished children so far (Linux), else undefined. */
function childrenCpu(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": field 3 is index 0, so cutime (16) and cstime (17) are 13 and 14; ticks of 1/100 s.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

interface Timing {
  cpu: number;
  wall: number;
  /** Mean CPU ms of `node -e 0` run in turn with this command (each run right before one of its runs). */
  node: number;
}

/** CPU ms (from /proc, else wall) and wall ms of one run of a process. */
function runOnce(args: string[], env: NodeJS.ProcessEnv): { cpu: number; wall: number } {
  const before = childrenCpu();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const after = childrenCpu();
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return { cpu: before === undefined || after === undefined ? ms : (after - before) * 1000, wall: ms };
}

/**
 * Mean CPU ms (ticks are 10 ms, so a mean over runs, not a median) and median wall ms, after one
 * warm-up run; each run follows a run of `node -e 0`, whose mean is the baseline of this row, so a
 * load that changes during the benchmark moves both alike.
 */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): Timing {
  const cpu: number[] = [];
  const wall: number[] = [];
  const node: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const baseline = runOnce(['-e', '0'], env);
    const run = runOnce(args, env);
    if (i === 0) continue; // warms the file cache (and lets a command store what it keeps)
    node.push(baseline.cpu);
    wall.push(run.wall);
    cpu.push(run.cpu);
  }
  wall.sort((a, b) => a - b);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { cpu: mean(cpu), wall: wall[wall.length >> 1] ?? 0, node: mean(node) };
}

const curriculumFolder = join(root, 'curricula/ml-engineer');
const curriculum = loadCurriculum(curriculumFolder);
const today = '2027-03-01';
const startDate = '2026-06-01';
const profile = profileFor(curriculum, curriculum.startingPoints[0]?.id, { startDate, locale: 'en' });

async function fill(store: Store, events: readonly ProgressEvent[]): Promise<void> {
  await store.ensureLearner('local', 'local', `${startDate}T00:00:00.000Z`);
  await store.saveProfile('local', profile, `${startDate}T00:00:00.000Z`);
  for (let i = 0; i < events.length; i += 1000) await store.appendEvents('local', events.slice(i, i + 1000));
}

const rows: [string, Timing][] = [];
/** Print each figure as soon as it is measured (a long run stopped early keeps what it printed). */
function record(label: string, t: Timing): void {
  if (rows.length === 0) {
    console.log(
      `\n${cli}; ${runs} runs each; CPU = mean user+system of the process, wall = median; ` +
        'x node = CPU against `node -e 0` run in turn with it (its CPU ms in the last column)',
    );
    console.log(
      `${'measure'.padEnd(44)} ${'CPU ms'.padStart(8)} ${'wall ms'.padStart(8)} ${'x node'.padStart(7)}  ${'target'.padEnd(7)} ${'node ms'.padStart(7)}`,
    );
  }
  rows.push([label, t]);
  const target = label.includes('--version') ? '<= 1.5x' : /today|status/.test(label) ? '<= 3x' : '';
  console.log(
    `${label.padEnd(44)} ${t.cpu.toFixed(0).padStart(8)} ${t.wall.toFixed(0).padStart(8)} ${(t.cpu / t.node).toFixed(2).padStart(6)}x  ${target.padEnd(7)} ${t.node.toFixed(0).padStart(7)}`,
  );
}
const base = { ...process.env, MLPATH_NOW: `${today}T09:00:00Z`, MLPATH_LANG: 'en', DATABASE_URL: '' };
const dir = mkdtempSync(join(tmpdir(), 'mlpath-cli-bench-'));
const pgBase = process.env['BENCH_PG'] === '0' ? undefined : await benchDatabase();
const schemas: string[] = [];
try {
  const node = timeProcess(['-e', '0'], base);
  record('node -e 0', node);
  record('mlpath --version', timeProcess([cli, '--version'], base));
  record('mlpath --help', timeProcess([cli, '--help'], base));
  for (const n of sizes) {
    const events = syntheticEvents(curriculum, n, { startDate, today });
    const home = join(dir, `home-${n}`);
    const store = await openSqliteStore(join(home, 'mlpath.db'));
    await fill(store, events);
    await store.close();
    const env = { ...base, MLPATH_HOME: home };
    record(`mlpath today, SQLite, ${n} events`, timeProcess([cli, 'today'], env));
    record(`mlpath status, SQLite, ${n} events`, timeProcess([cli, 'status'], env));
    if (pgBase) {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      schemas.push(schema);
      const pgStore = await openPostgresStore(pgBase, { schema });
      await fill(pgStore, events);
      await pgStore.close();
      const url = `${pgBase}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const pgEnv = { ...base, MLPATH_HOME: home, DATABASE_URL: url };
      record(`mlpath today, PostgreSQL, ${n} events`, timeProcess([cli, 'today'], pgEnv));
      record(`mlpath status, PostgreSQL, ${n} events`, timeProcess([cli, 'status'], pgEnv));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (pgBase && schemas.length > 0) {
    const client = new pg.Client({ connectionString: pgBase });
    await client
      .connect()
      .then(() => client.query(schemas.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE`).join('; ')))
      .catch(() => undefined)
      .finally(() => client.end().catch(() => undefined));
  }
}
