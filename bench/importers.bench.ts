/**
 * Importer benchmark: import the whole Metacademy content (about 400 concepts) and OSSU computer
 * science, write each as YAML, load it back (the curriculum check), and plan: the needed closure
 * and hours for every Metacademy concept as a target, the planner's dated plan for each of them, and
 * the planner's plan for all of OSSU CS at 20 h a week. With `MLPATH_ROADMAPS` set to a checkout's
 * roadmap folder (roadmap.sh's `src/data/roadmaps`, not shipped: its content may not be copied), it
 * also times importing every roadmap.sh graph in it.
 * Run with `npx tsx bench/importers.bench.ts`; needs ../shared/corpora beside the project.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { neededClosure, skillGraphFrom } from '../src/core/graph.js';
import type { Curriculum } from '../src/core/model.js';
import { planFor, profileFor } from '../src/core/planner/index.js';
import { loadCurriculum } from '../src/content/load.js';
import { writeCurriculum } from '../src/content/write.js';
import { importMetacademy } from '../src/importers/metacademy.js';
import { importOssu } from '../src/importers/ossu.js';
import { importRoadmapSh } from '../src/importers/roadmap-sh.js';

const CORPORA = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
if (!existsSync(CORPORA)) {
  process.stderr.write('../shared/corpora is absent: nothing to benchmark\n');
  process.exit(1);
}

function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  let value = f(); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) value = f();
  return { ms: (performance.now() - start) / runs, value };
}

function roundTrip(curriculum: Curriculum): { writeMs: number; loadMs: number } {
  const parent = mkdtempSync(join(tmpdir(), 'mlpath-bench-'));
  try {
    const out = join(parent, 'out');
    const w = performance.now();
    writeCurriculum(curriculum, out);
    const writeMs = performance.now() - w;
    const l = performance.now();
    loadCurriculum(out);
    return { writeMs, loadMs: performance.now() - l };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

const f1 = (n: number): string => n.toFixed(1);

// Metacademy
const mc = time(5, () => importMetacademy(`${CORPORA}metacademy/metacademy-content`));
const mcCurriculum = mc.value.curriculum;
roundTrip(mcCurriculum); // warm-up
const mcTrip = roundTrip(mcCurriculum);
const byId = new Map(mcCurriculum.skills.map((s) => [s.id, s]));
const everyPlan = time(3, () => {
  const graph = skillGraphFrom(mcCurriculum.skills);
  let concepts = 0;
  let hours = 0;
  for (const s of mcCurriculum.skills) {
    const closure = neededClosure(graph, [s.id]);
    concepts += closure.order.length;
    for (const id of closure.order) {
      const skill = byId.get(id);
      hours += (closure.level.get(id) === 'shortcut' ? skill?.shortcut?.hours : skill?.hours) ?? 0;
    }
  }
  return { concepts, hours };
});
const START = '2026-01-05';
const plannerEvery = time(1, () => {
  let weeks = 0;
  for (const s of mcCurriculum.skills) {
    weeks += planFor(
      mcCurriculum,
      profileFor(mcCurriculum, undefined, { startDate: START, hoursPerWeek: 10, target: s.id }),
    ).weekCount;
  }
  return weeks;
});
const mcWhole = time(1, () =>
  planFor(mcCurriculum, profileFor(mcCurriculum, undefined, { startDate: START, hoursPerWeek: 10 })),
);
const graph = skillGraphFrom(mcCurriculum.skills);
const figures = (target: string, known: string[] = []) => {
  const c = neededClosure(graph, [target], known);
  const h = c.order.reduce((sum, id) => {
    const skill = byId.get(id);
    return sum + ((c.level.get(id) === 'shortcut' ? skill?.shortcut?.hours : skill?.hours) ?? 0);
  }, 0);
  return `${c.order.length} concepts, ${f1(h)} h`;
};
console.log(
  `Metacademy: ${mcCurriculum.skills.length} concepts, ${mc.value.summary.imported['prerequisites']} prerequisites`,
);
console.log(
  `  import ${f1(mc.ms)} ms; write YAML ${f1(mcTrip.writeMs)} ms (includes validation); load back ${f1(mcTrip.loadMs)} ms`,
);
console.log(
  `  plan every concept as a target (${mcCurriculum.skills.length} closures): ${f1(everyPlan.ms)} ms in all, ` +
    `mean ${f1(everyPlan.value.concepts / mcCurriculum.skills.length)} concepts and ${f1(everyPlan.value.hours / mcCurriculum.skills.length)} h per plan`,
);
console.log(
  `  planner, every concept as a target at 10 h/week: ${f1(plannerEvery.ms)} ms in all (${f1(plannerEvery.ms / mcCurriculum.skills.length)} ms a plan)`,
);
console.log(
  `  planner, the whole graph (${mcWhole.value.skills.length} concepts) at 10 h/week: ${f1(mcWhole.ms)} ms, ` +
    `${f1(mcWhole.value.totalHours)} h in ${mcWhole.value.weekCount} weeks`,
);
for (const known of [[], ['linear-regression']]) {
  const p = planFor(
    mcCurriculum,
    profileFor(mcCurriculum, undefined, { startDate: START, hoursPerWeek: 10, target: 'backpropagation', known }),
  );
  console.log(
    `  planner, backpropagation${known.length ? ' knowing linear regression' : ''}: ${p.skills.length} concepts, ${p.totalHours} h`,
  );
}
console.log(
  `  backpropagation: ${figures('backpropagation')}; knowing linear regression: ${figures('backpropagation', ['linear-regression'])}`,
);
for (const t of [
  'logistic-regression',
  'convolutional-nets',
  'deep-belief-networks',
  'principal-component-analysis',
  'gaussian-processes',
]) {
  if (byId.has(t)) console.log(`  ${t}: ${figures(t)}`);
}

// OSSU computer science
const ossu = time(20, () => importOssu(`${CORPORA}ossu/computer-science`));
const cs = ossu.value.curriculum;
roundTrip(cs); // warm-up
const csTrip = roundTrip(cs);
const res = new Map(cs.resources.map((r) => [r.id, r]));
const hoursOf = (ids: readonly string[]): number => ids.reduce((s, id) => s + (res.get(id)?.effort.hours ?? 0), 0);
const csPlan = time(20, () => {
  const g = skillGraphFrom(cs.skills);
  const closure = neededClosure(
    g,
    cs.skills.map((s) => s.id),
  );
  let hours = 0;
  for (const stage of cs.stages) {
    hours += hoursOf(stage.resources);
    for (const group of stage.chooseOne) hours += Math.min(...group.options.map((o) => hoursOf(o.resources)));
  }
  return { skills: closure.order.length, hours };
});
console.log(
  `OSSU computer science: ${cs.resources.length} courses, ${cs.skills.length} skills, ${cs.stages.length} stages`,
);
console.log(
  `  import ${f1(ossu.ms)} ms; write YAML ${f1(csTrip.writeMs)} ms; load back ${f1(csTrip.loadMs)} ms; closure + hours ${f1(csPlan.ms)} ms`,
);
console.log(
  `  whole curriculum, cheapest option of each choose-one group: ${f1(csPlan.value.hours)} h = ` +
    `${f1(csPlan.value.hours / 20)} weeks at 20 h/week (${(csPlan.value.hours / 20 / 52.18).toFixed(2)} years)`,
);
const csPlanner = time(10, () => planFor(cs, profileFor(cs, undefined, { startDate: START, hoursPerWeek: 20 })));
console.log(
  `  planner at 20 h/week: ${f1(csPlanner.ms)} ms; ${csPlanner.value.totalHours} h, ${csPlanner.value.weekCount} weeks ` +
    `(${(csPlanner.value.weekCount / 52.18).toFixed(2)} years), ${START} to ${csPlanner.value.finishDate}`,
);

// roadmap.sh, when a checkout is given
const roadmaps = process.env['MLPATH_ROADMAPS'];
if (roadmaps && existsSync(roadmaps)) {
  const graphs = readdirSync(roadmaps)
    .filter((name) => statSync(join(roadmaps, name)).isDirectory())
    .flatMap((name) =>
      readdirSync(join(roadmaps, name))
        .filter((f) => f.endsWith('.json') && !f.endsWith('mapping.json'))
        .map((f) => join(roadmaps, name, f)),
    );
  let skills = 0;
  let failed = 0;
  const all = time(1, () => {
    skills = 0;
    failed = 0;
    for (const graph of graphs) {
      try {
        skills += importRoadmapSh(graph).curriculum.skills.length;
      } catch {
        failed++;
      }
    }
    return skills;
  });
  console.log(
    `roadmap.sh: ${graphs.length} graphs (${failed} refused), ${skills} skills: import ${f1(all.ms)} ms in all, ` +
      `${f1(all.ms / Math.max(1, graphs.length))} ms a roadmap`,
  );
}
