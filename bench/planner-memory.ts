/**
 * Benchmark helper: the memory of one synthetic plan, in a process of its own so its peak is its own.
 *   node --expose-gc --import tsx bench/planner-memory.ts SKILLS [reasons]
 * (planner.bench.ts bundles it with esbuild and runs it as compiled JavaScript). With `reasons` the
 * plan is made with each resource's reason, as `mlpath plan` and GET /api/plan show it.
 * Prints one JSON line: the skills, the process's resident set at its start (Node and the module
 * loader, before the curriculum is built), before planning (curriculum built) and at its peak (the
 * whole run), the heap after planning with the plan kept, the plan's own heap, the plan's time and
 * the share of it spent collecting garbage. planner.bench.ts runs it for each size and prints a table.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import type { Plan } from '../src/core/plan-model.js';
import { planFor } from '../src/core/planner/plan.js';
import { syntheticPlanInput } from './synthetic-plan.js';

const skills = Number(process.argv[2] ?? '10000');
const resourceReasons = process.argv[3] === 'reasons';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const MB = 1024 * 1024;
gc();
const rssStart = process.memoryUsage().rss;

const { curriculum, profile } = syntheticPlanInput(skills);
gc();
const before = process.memoryUsage();

let gcMs = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
observer.observe({ entryTypes: ['gc'] });
const start = performance.now();
let plan: Plan | undefined = planFor(curriculum, profile, undefined, undefined, { resourceReasons });
const weeks = plan.weekCount;
const ms = performance.now() - start;
// Let the observer deliver the collections of the plan before reading the total.
await new Promise((resolve) => setTimeout(resolve, 0));
observer.disconnect();
gc();
const after = process.memoryUsage();
const peakRss = process.resourceUsage().maxRSS * 1024;
// The plan's own heap: what one more collection frees once it is dropped (the per-curriculum indexes
// planning built stay). Measured as a difference of two collections in a row, it is not moved by what
// V8 frees on its own schedule (the synthetic generator's compiled code), which at 10,000 skills is of
// the plan's order.
plan = undefined;
gc();
const withoutPlan = process.memoryUsage();

console.log(
  JSON.stringify({
    skills,
    resourceReasons,
    weeks,
    rssStartMb: rssStart / MB,
    rssBeforeMb: before.rss / MB,
    peakRssMb: peakRss / MB,
    heapBeforeMb: before.heapUsed / MB,
    heapWithPlanMb: after.heapUsed / MB,
    planHeapMb: (after.heapUsed - withoutPlan.heapUsed) / MB,
    planMs: ms,
    gcShare: ms > 0 ? Math.min(1, gcMs / ms) : 0,
  }),
);
