/**
 * Benchmark: the job-posting analysis against the labelled postings (data/postings).
 *   npx tsx bench/jobs.bench.ts               score the analysis on every posting's digest
 *   npx tsx bench/jobs.bench.ts --texts DIR   score it on full posting texts kept outside the repository,
 *                                             one file per posting named <posting id>.txt (or .html, .md)
 *
 * Role scoring is leave-one-out: for each posting, the roles' market weights (one of the signals the
 * analysis uses to decide the role) are derived from the other postings only, so no posting is scored by
 * weights that learned from its own labels. Prints role accuracy, per-skill and overall micro precision,
 * recall and F1, the required / nice-to-have agreement, seniority accuracy and the time per posting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePosting, matcherFor } from '../src/core/jobs/analyze.js';
import type { PostingAnalysis } from '../src/core/jobs/analyze.js';
import { marketWeights } from '../src/core/jobs/postings.js';
import type { LabelledPosting } from '../src/core/jobs/postings.js';
import type { Curriculum } from '../src/core/model.js';
import { loadCurriculum } from '../src/content/load.js';
import { loadPostings } from '../src/content/postings.js';
import { median, report } from './measure.js';

const CURRICULUM = decodeURIComponent(new URL('../curricula/ml-engineer', import.meta.url).pathname);

function withMarket(curriculum: Curriculum, postings: readonly LabelledPosting[]): Curriculum {
  const known = new Set(curriculum.skills.map((s) => s.id));
  const copy: Curriculum = {
    ...curriculum,
    roles: curriculum.roles.map((r) => ({ ...r, market: marketWeights(postings, r.id, known) })),
  };
  matcherFor(copy); // the vocabulary is the same: compile once per copy, outside the timed runs
  return copy;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const score = (): Score => ({ tp: 0, fp: 0, fn: 0 });
const prf = (s: Score): { p: number; r: number; f: number } => {
  const p = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 1;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
};
const f2 = (x: number): string => x.toFixed(2);

function evaluate(name: string, cases: ReadonlyArray<{ posting: LabelledPosting; text: string }>): void {
  const curriculum = loadCurriculum(CURRICULUM);
  const all = loadPostings();
  const micro = score();
  const byLocale = new Map<string, Score>();
  const perSkill = new Map<string, Score>();
  const terms = score();
  let roleRight = 0;
  let seniorityRight = 0;
  let splitRight = 0;
  let splitTotal = 0;
  const roleByLocale = new Map<string, { right: number; total: number }>();
  const confusion = new Map<string, number>();
  const times: number[] = [];
  for (const { posting, text } of cases) {
    const c = withMarket(
      curriculum,
      all.filter((p) => p.id !== posting.id),
    );
    let analysis: PostingAnalysis | undefined;
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      analysis = analyzePosting(text, c);
      runs.push(performance.now() - start);
    }
    times.push(median(runs));
    if (!analysis) continue;
    const rl = roleByLocale.get(posting.locale) ?? { right: 0, total: 0 };
    rl.total++;
    if (analysis.role.id === posting.role) {
      roleRight++;
      rl.right++;
    } else {
      const k = `${posting.role} -> ${analysis.role.id}`;
      confusion.set(k, (confusion.get(k) ?? 0) + 1);
    }
    roleByLocale.set(posting.locale, rl);
    if (analysis.seniority === posting.seniority) seniorityRight++;

    const want = new Set([...posting.required, ...posting.niceToHave]);
    const got = new Map(analysis.skills.filter((s) => !s.outside).map((s) => [s.id, s]));
    const local = byLocale.get(posting.locale) ?? score();
    for (const id of new Set([...want, ...got.keys()])) {
      const s = perSkill.get(id) ?? score();
      const hit = want.has(id) && got.has(id);
      if (hit) {
        micro.tp++;
        local.tp++;
        s.tp++;
        splitTotal++;
        if ((got.get(id)?.required ?? false) === posting.required.includes(id)) splitRight++;
      } else if (got.has(id)) {
        micro.fp++;
        local.fp++;
        s.fp++;
      } else {
        micro.fn++;
        local.fn++;
        s.fn++;
      }
      perSkill.set(id, s);
    }
    byLocale.set(posting.locale, local);
    const wantTerms = new Set(posting.notTaught);
    const gotTerms = new Set(analysis.skills.filter((s) => s.outside).map((s) => s.id));
    for (const id of new Set([...wantTerms, ...gotTerms])) {
      if (wantTerms.has(id) && gotTerms.has(id)) terms.tp++;
      else if (gotTerms.has(id)) terms.fp++;
      else terms.fn++;
    }
  }

  const n = cases.length;
  console.log(`\n# job-posting analysis on ${name}: ${n} postings`);
  console.log('\nskill                            support   precision   recall      F1');
  const rows = [...perSkill.entries()].sort(
    (a, b) => b[1].tp + b[1].fn - (a[1].tp + a[1].fn) || a[0].localeCompare(b[0]),
  );
  for (const [id, s] of rows) {
    const { p, r, f } = prf(s);
    console.log(
      `${id.padEnd(32)} ${String(s.tp + s.fn).padStart(7)}   ${f2(p).padStart(9)}   ${f2(r).padStart(6)}   ${f2(f).padStart(5)}`,
    );
  }
  const m = prf(micro);
  console.log('\nsummary');
  report('role accuracy (leave-one-out market weights)', 100 * (roleRight / n), '%', '>= 85%');
  for (const [locale, r] of roleByLocale)
    report(`  role accuracy, ${locale} (${r.total})`, (100 * r.right) / r.total, '%');
  report('skill micro-precision', m.p, '');
  report('skill micro-recall', m.r, '');
  report('skill micro-F1', m.f, '', '>= 0.85');
  for (const [locale, s] of byLocale) report(`  skill micro-F1, ${locale}`, prf(s).f, '');
  report(
    'required / nice-to-have right, of skills found and labelled',
    splitTotal ? (100 * splitRight) / splitTotal : 0,
    '%',
  );
  report('seniority accuracy', (100 * seniorityRight) / n, '%');
  const t = prf(terms);
  report('"not taught here" terms: precision', t.p, '');
  report('"not taught here" terms: recall', t.r, '');
  report('time per posting, median', median(times), 'ms');
  report('time per posting, slowest', Math.max(...times), 'ms');
  if (confusion.size > 0)
    console.log(`role mix-ups: ${[...confusion.entries()].map(([k, v]) => `${k} (${v})`).join(', ')}`);
  console.log(
    name === 'the digests'
      ? "These are scores on the digests (summaries in our own words that keep each posting's terms; see data/postings/README.md), not on the postings' full text."
      : 'These are scores on full posting texts read outside the repository (not committed).',
  );
}

const args = process.argv.slice(2);
const textsAt = args.indexOf('--texts');
if (textsAt !== -1) {
  const dir = args[textsAt + 1] ?? '.';
  const postings = loadPostings();
  const cases = readdirSync(dir)
    .filter((f) => /\.(txt|md|html?)$/.test(f))
    .flatMap((f) => {
      const posting = postings.find((p) => p.id === f.replace(/\.[a-z]+$/, ''));
      return posting ? [{ posting, text: readFileSync(join(dir, f), 'utf8') }] : [];
    });
  evaluate('full posting texts', cases);
} else {
  evaluate(
    'the digests',
    loadPostings().map((posting) => ({ posting, text: posting.digest })),
  );
}
