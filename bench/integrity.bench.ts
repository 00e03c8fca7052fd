/**
 * The embedded store's checks and backups on a large store: what `PRAGMA quick_check` adds to
 * every open, what `mlpath doctor`'s full check and a rolling backup take, on 100,000 events.
 * Run with `npx tsx bench/integrity.bench.ts` (BENCH_EVENTS and BENCH_RUNS change the size and
 * the number of runs).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { ProgressEvent } from '../src/core/progress-model.js';
import { examineSqlite } from '../src/store/doctor.js';
import { backupIfDue } from '../src/store/sqlite-backups.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 100_000);
const runs = Number(process.env['BENCH_RUNS'] ?? 9);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
async function time(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
async function medianOf(fn: () => unknown): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await time(fn));
  return median(xs);
}

const dir = mkdtempSync(join(tmpdir(), 'mlpath-integrity-bench-'));
const file = join(dir, 'mlpath.db');
try {
  const store = await openSqliteStore(file, { backups: false });
  await store.ensureLearner('local');
  const at = Date.parse('2026-01-01T00:00:00Z');
  for (let start = 0; start < EVENTS; start += 5_000) {
    const batch: ProgressEvent[] = [];
    for (let i = start; i < Math.min(EVENTS, start + 5_000); i++) {
      const kind = i % 3;
      batch.push({
        id: `e${i}`,
        type: kind === 0 ? 'hours' : kind === 1 ? 'done' : 'note',
        at: new Date(at + i * 60_000).toISOString(),
        item: `skill-${i % 400}`,
        hours: kind === 0 ? 1.5 : undefined,
        date: kind === 0 ? new Date(at + i * 60_000).toISOString().slice(0, 10) : undefined,
        text: kind === 2 ? `a note about what was studied, number ${i}` : undefined,
        undoes: undefined,
      });
    }
    await store.appendEvents('local', batch);
  }
  await store.close();
  const bytes = statSync(file).size;
  console.log(`store: ${EVENTS.toLocaleString('en')} events, ${(bytes / 1024 / 1024).toFixed(1)} MB`);

  const raw = new BetterSqlite3(file, { readonly: true });
  const quick = await medianOf(() => raw.pragma('quick_check'));
  const full = await medianOf(() => raw.pragma('integrity_check'));
  raw.close();
  const withCheck = await medianOf(async () => (await openSqliteStore(file, { backups: false })).close());
  const withoutCheck = await medianOf(async () =>
    (await openSqliteStore(file, { backups: false, quickCheck: false })).close(),
  );
  const doctor = await medianOf(() => examineSqlite(file, new Date()));
  const source = new BetterSqlite3(file, { readonly: true });
  let day = 0;
  const backup = await medianOf(() =>
    backupIfDue(source, file, new Date(Date.parse('2027-01-01T12:00:00Z') + day++ * 86_400_000), 2),
  );
  source.close();

  const f = (x: number): string => `${x.toFixed(1)} ms`;
  console.log(`PRAGMA quick_check: ${f(quick)}; PRAGMA integrity_check: ${f(full)} (median of ${runs})`);
  console.log(
    `open the store: ${f(withCheck)} with the quick check, ${f(withoutCheck)} without (+${f(withCheck - withoutCheck)})`,
  );
  console.log(`mlpath doctor's examination: ${f(doctor)}`);
  console.log(`one rolling backup (online backup API, then fsync): ${f(backup)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
