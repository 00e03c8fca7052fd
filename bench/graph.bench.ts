/**
 * Benchmark: the skill-graph core and the curriculum loader.
 *   npx tsx bench/graph.bench.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { neededClosure, skillGraphFrom, transitiveReduction, tryTopologicalOrder } from '../src/core/graph.js';
import { tryLoadCurriculum, tryParseCurriculum } from '../src/content/load.js';
import { report, timeMedian } from './measure.js';
import { syntheticCurriculumYaml, syntheticGraph } from './synthetic.js';

console.log('# skill graph and curriculum loader');

const big = syntheticGraph(100_000, 400_000);
const edgeCount = big.reduce((n, s) => n + s.requires.length, 0);
console.log(`synthetic graph: ${big.length} skills, ${edgeCount} edges`);
let graph = skillGraphFrom(big);
report(
  'build graph (100k skills, 400k edges), median of 5',
  timeMedian(5, () => (graph = skillGraphFrom(big))),
  'ms',
);
report(
  'topological order of all, median of 5',
  timeMedian(5, () => tryTopologicalOrder(graph)),
  'ms',
  '< 1000 ms',
);
const targets = big.slice(-10).map((n) => n.id);
const known = big.filter((_, i) => i % 97 === 0).map((n) => n.id);
let size = 0;
report(
  'closure of 10 late targets minus 1% known, ordered, median of 5',
  timeMedian(5, () => (size = neededClosure(graph, targets, known).order.length)),
  'ms',
  '< 1000 ms',
);
console.log(`closure size: ${size} skills`);
report(
  'build + topological order + closure, one cold run',
  (() => {
    const start = performance.now();
    const g = skillGraphFrom(big);
    tryTopologicalOrder(g);
    neededClosure(g, targets, known);
    return performance.now() - start;
  })(),
  'ms',
  '< 1000 ms',
);
const display = skillGraphFrom(syntheticGraph(2_000, 8_000, 3));
report(
  'transitive reduction, 2k skills / 8k edges, median of 5',
  timeMedian(5, () => transitiveReduction(display)),
  'ms',
);

const text = syntheticCurriculumYaml(1_000, 3_000);
const edges1k = (text.match(/- skill: /g) ?? []).length;
console.log(`synthetic curriculum: 1000 skills, ${edges1k} edges, ${(text.length / 1024).toFixed(0)} KiB of YAML`);
report(
  'parse + validate 1k-skill curriculum in memory, median of 10',
  timeMedian(10, () => {
    const result = tryParseCurriculum([{ file: 'synthetic.yaml', text }], '.');
    if (!result.ok) throw new Error(result.problems[0]?.message);
  }),
  'ms',
);
const dir = mkdtempSync(join(tmpdir(), 'mlpath-bench-'));
writeFileSync(join(dir, 'curriculum.yaml'), text);
report(
  'load 1k-skill curriculum from disk, median of 10',
  timeMedian(10, () => tryLoadCurriculum(dir)),
  'ms',
);
rmSync(dir, { recursive: true, force: true });
