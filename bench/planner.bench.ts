/**
 * Benchmark: the planner.
 *   npx tsx bench/planner.bench.ts        (build first for the process figure: npm run build)
 * Prints the median in-process plan time per shipped starting point (target < 10 ms), plans on
 * synthetic curricula of 1,000 and 10,000 skills, the memory of 10,000- and 100,000-skill plans (each
 * in a process of its own: peak resident set, heap kept, share of time collecting garbage), and the
 * wall time of `mlpath plan` as a process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { loadCurriculum } from '../src/content/load.js';
import type { Curriculum } from '../src/core/model.js';
import { planFor } from '../src/core/planner/plan.js';
import { profileFor } from '../src/core/planner/profile.js';
import { median, report, timeMedian } from './measure.js';
import { syntheticPlanInput } from './synthetic-plan.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START = '2027-01-04';

console.log('# planner');
const shipped = loadCurriculum(fileURLToPath(new URL('../curricula/ml-engineer', import.meta.url)));
console.log(`shipped curriculum: ${shipped.skills.length} skills, ${shipped.resources.length} resources`);
for (const point of shipped.startingPoints) {
  const profile = profileFor(shipped, point.id, { startDate: START });
  let weeks = 0;
  const warm = timeMedian(200, () => (weeks = planFor(shipped, profile).weekCount));
  report(`plan ${point.id} (${weeks} weeks), median of 200`, warm, 'ms', '< 10 ms');
}
// Cold: a fresh curriculum object each time, so the per-curriculum indexes are rebuilt too.
const copies: Curriculum[] = Array.from({ length: 51 }, () => structuredClone(shipped));
let k = 0;
report(
  'plan from-scratch on a fresh curriculum object (indexes rebuilt), median of 50',
  timeMedian(50, () => planFor(copies[k++] ?? shipped, profileFor(shipped, 'from-scratch', { startDate: START }))),
  'ms',
  '< 10 ms',
);

for (const skills of [1_000, 10_000]) {
  const { curriculum, profile } = syntheticPlanInput(skills);
  let plan = planFor(curriculum, profile);
  const runs = skills >= 10_000 ? 5 : 20;
  const ms = timeMedian(runs, () => (plan = planFor(curriculum, profile)));
  report(`plan synthetic ${skills} skills (${plan.weekCount} weeks), median of ${runs}`, ms, 'ms');
}

// Memory: each size planned in a process of its own (bench/planner-memory.ts), so the peak resident
// set is that plan's; growth from 10,000 to 100,000 skills should stay about tenfold (linear). The
// script runs as compiled JavaScript, as mlpath itself does (esbuild bundles it first): under tsx the
// TypeScript loader alone adds about 30-40 MB to every figure.
console.log('synthetic plan memory (own process each, compiled JavaScript; peak RSS includes the curriculum):');
const work = mkdtempSync(join(tmpdir(), 'mlpath-planner-memory-'));
const memoryScript = join(work, 'planner-memory.mjs');
buildSync({
  entryPoints: [fileURLToPath(new URL('./planner-memory.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: memoryScript,
  logLevel: 'warning',
});
const rows: Array<Record<string, number>> = [];
for (const skills of [10_000, 100_000]) {
  const r = spawnSync(process.execPath, ['--expose-gc', memoryScript, String(skills)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`planner-memory ${skills} failed: ${r.stderr}`);
  const row = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
  rows.push(row);
  report(`  ${skills} skills: peak RSS`, row['peakRssMb'] ?? 0, 'MB', skills === 100_000 ? '< 400 MB' : undefined);
  report(`  ${skills} skills: RSS at start (Node and the module loader)`, row['rssStartMb'] ?? 0, 'MB');
  report(`  ${skills} skills: RSS before planning (curriculum built)`, row['rssBeforeMb'] ?? 0, 'MB');
  report(
    `  ${skills} skills: heap kept with the plan, less the curriculum (with the per-curriculum indexes)`,
    (row['heapWithPlanMb'] ?? 0) - (row['heapBeforeMb'] ?? 0),
    'MB',
  );
  report(`  ${skills} skills: the plan's own heap`, row['planHeapMb'] ?? 0, 'MB');
  report(`  ${skills} skills: plan time (one cold run)`, row['planMs'] ?? 0, 'ms');
  report(`  ${skills} skills: share of it collecting garbage`, (row['gcShare'] ?? 0) * 100, '%');
}
// The same 100,000-skill plan with each resource's reason, as `mlpath plan` and GET /api/plan show it.
{
  const r = spawnSync(process.execPath, ['--expose-gc', memoryScript, '100000', 'reasons'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`planner-memory 100000 reasons failed: ${r.stderr}`);
  const row = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
  report("  100000 skills with every resource's reason: peak RSS", row['peakRssMb'] ?? 0, 'MB');
}
rmSync(work, { recursive: true, force: true });
const [small, large] = rows;
if (small && large) {
  report(
    "  growth 10k -> 100k of the plan's own heap (linear: ~10x)",
    (large['planHeapMb'] ?? 0) / Math.max(1e-9, small['planHeapMb'] ?? 0),
    'x',
  );
}

const bin = fileURLToPath(new URL('../bin/mlpath.js', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)))) {
  console.log('mlpath plan as a process: skipped (run `npm run build` first)');
} else {
  for (const args of [
    ['plan', '--start-point', 'developer', '--json'],
    ['plan', '--start-point', 'from-scratch'],
  ]) {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`mlpath ${args.join(' ')} failed: ${r.stderr}`);
      if (i > 0) times.push(performance.now() - start);
    }
    report(`node bin/mlpath.js ${args.join(' ')}, median of 5`, median(times), 'ms');
  }
}
