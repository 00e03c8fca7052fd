// Derives each role's market weights from the labelled postings (data/postings) and prints them with the
// curriculum's coverage of what the postings ask, by role, before and after the 2026 market stages, and each
// role's readiness after the article's plan and after its market-ready plan, with how much longer that takes.
//
//   npx tsx scripts/role-weights.ts          print weights, coverage and readiness
//   npx tsx scripts/role-weights.ts --write  also write the weights into curricula/ml-engineer/roles.yaml
//   npx tsx scripts/role-weights.ts --check  exit 1 when roles.yaml differs from what the postings give
//
// Skills the curriculum does not define are printed as pending and left out of roles.yaml, so the file
// always validates.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument } from 'yaml';
import { coverageByRole, coverageOf, marketWeights, POSTING_ROLES } from '../src/core/jobs/postings.js';
import type { LabelledPosting } from '../src/core/jobs/postings.js';
import type { Curriculum, RoleWeight } from '../src/core/model.js';
import { monthsBetween } from '../src/core/dates.js';
import { planFor, profileFor, readinessFor } from '../src/core/planner/index.js';
import type { Plan } from '../src/core/plan-model.js';
import { loadCurriculum } from '../src/content/load.js';
import { loadPostings } from '../src/content/postings.js';

/** The optional stages of the 2026 market skills: the article's curriculum is the rest. */
export const MARKET_STAGES = ['ml-platform', 'data-platform', 'llm-engineering'];

const CURRICULUM = new URL('../curricula/ml-engineer', import.meta.url);
const ROLES_FILE = new URL('../curricula/ml-engineer/roles.yaml', import.meta.url);
const START = '2027-01-04';
export const EVIDENCE =
  'data/postings: 53 labelled job postings (38 English, 15 Chinese) read in 2026; weights derived by scripts/role-weights.ts';

/** The curriculum as it was before the market stages: nothing teaches their skills. */
function withoutMarketSkills(curriculum: Curriculum): Curriculum {
  const market = new Set(curriculum.stages.filter((s) => MARKET_STAGES.includes(s.id)).flatMap((s) => s.skills));
  const keep = (ids: readonly string[]): string[] => ids.filter((id) => !market.has(id));
  return {
    ...curriculum,
    resources: curriculum.resources.map((r) => ({
      ...r,
      teaches: keep(r.teaches),
      units: r.units.map((u) => ({ ...u, teaches: keep(u.teaches) })),
    })),
  };
}

function percent(x: number): string {
  return `${(100 * x).toFixed(0)}%`;
}

function printCoverage(postings: readonly LabelledPosting[], curriculum: Curriculum): void {
  const before = coverageByRole(postings, withoutMarketSkills(curriculum));
  const now = coverageByRole(postings, curriculum);
  console.log('\ncoverage of what postings ask (weighted by frequency; nice-to-have counts half)');
  console.log("role                  postings  article's stages  with the 2026 stages  most asked, not taught");
  for (const c of now) {
    const b = before.find((x) => x.role === c.role);
    const top = c.missing.slice(0, 5).map((m) => `${m.id} ${m.demand}`);
    console.log(
      `${c.role.padEnd(22)}${String(c.postings).padStart(8)}  ${percent(b?.covered ?? 0).padStart(16)}  ${percent(c.covered).padStart(20)}  ${top.join(', ')}`,
    );
  }
  const all = coverageOf(postings, withoutMarketSkills(curriculum)).covered;
  const allNow = coverageOf(postings, curriculum).covered;
  console.log(
    `${'all roles'.padEnd(22)}${String(postings.length).padStart(8)}  ${percent(all).padStart(16)}  ${percent(allNow).padStart(20)}`,
  );
}

/** Every skill a plan teaches done (with the starting point's known skills). */
function allDone(curriculum: Curriculum, plan: Plan, startingPoint: string): { done: Set<string> } {
  const planned = new Set(plan.weeks.flatMap((w) => w.tasks.flatMap((t) => t.skills)));
  for (const id of curriculum.startingPoints.find((p) => p.id === startingPoint)?.known ?? []) planned.add(id);
  return { done: planned };
}

/**
 * Readiness per role (against its market weights) once every skill of the role's plan is done: the article's
 * plan and the market-ready plan, from scratch with default choices, with the months each takes.
 */
function printReadiness(curriculum: Curriculum): void {
  console.log(`\nreadiness per role (from-scratch, default choices, every planned skill done; start ${START})`);
  console.log(
    "role                  article's plan  months  market-ready plan  months  longer by     largest gaps after the article's plan",
  );
  for (const role of curriculum.roles) {
    const article = profileFor(curriculum, undefined, { startDate: START, target: role.id });
    const market = profileFor(curriculum, undefined, { startDate: START, target: role.id, marketReady: true });
    const a = planFor(curriculum, article);
    const m = planFor(curriculum, market);
    const ra = readinessFor(curriculum, role.id, allDone(curriculum, a, article.startingPoint));
    const rm = readinessFor(curriculum, role.id, allDone(curriculum, m, market.startingPoint));
    const extra = m.marketReady;
    const longer = extra ? `${extra.extraWeeks} wk, ${extra.extraHours} h` : '-';
    console.log(
      `${role.id.padEnd(22)}${`${ra.percent}%`.padStart(14)}  ${monthsBetween(START, a.finishDate).toFixed(1).padStart(6)}  ${`${rm.percent}%`.padStart(17)}  ${monthsBetween(START, m.finishDate).toFixed(1).padStart(6)}  ${longer.padEnd(12)}  ${ra.gaps
        .slice(0, 5)
        .map((g) => g.skill)
        .join(', ')}`,
    );
  }
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const postings = loadPostings();
  const curriculum = loadCurriculum(decodeURIComponent(CURRICULUM.pathname));
  const known = new Set(curriculum.skills.map((s) => s.id));

  const weights = new Map<string, RoleWeight[]>();
  console.log(
    `market weights from ${postings.length} postings (weight = 5 x (required share + half the nice-to-have share); asked by 2+ postings)`,
  );
  for (const role of POSTING_ROLES) {
    const all = marketWeights(postings, role);
    const usable = all.filter((w) => known.has(w.skill));
    const pending = all.filter((w) => !known.has(w.skill));
    weights.set(role, usable);
    console.log(`\n${role} (${postings.filter((p) => p.role === role).length} postings)`);
    console.log(`  ${all.map((w) => `${w.skill} ${w.weight}${known.has(w.skill) ? '' : '*'}`).join(', ')}`);
    if (pending.length > 0) console.log(`  * pending: ${pending.length} skills the curriculum does not define yet`);
  }
  printCoverage(postings, curriculum);
  printReadiness(curriculum);

  const doc = parseDocument(readFileSync(ROLES_FILE, 'utf8'));
  const roles = doc.get('roles', true);
  if (!isSeq(roles)) throw new Error('roles.yaml has no roles list');
  let differs = false;
  for (const item of roles.items) {
    if (!isMap(item)) continue;
    const id = String(item.get('id'));
    const want = weights.get(id);
    if (!want) continue;
    const have = item.get('market', true);
    const current = isMap(have) ? (have.toJSON() as Record<string, number>) : {};
    const wanted = Object.fromEntries(want.map((w) => [w.skill, w.weight]));
    if (JSON.stringify(current) !== JSON.stringify(wanted) || item.get('evidence') !== EVIDENCE) differs = true;
    item.set('market', doc.createNode(wanted));
    item.set('evidence', EVIDENCE);
  }
  if (args.has('--check')) {
    if (differs) {
      console.error(
        '\nroles.yaml differs from the weights the postings give: run `npx tsx scripts/role-weights.ts --write`',
      );
      process.exit(1);
    }
    console.log('\nroles.yaml matches the postings');
  }
  if (args.has('--write')) {
    writeFileSync(ROLES_FILE, doc.toString({ lineWidth: 0 }));
    console.log('\nwrote curricula/ml-engineer/roles.yaml');
  }
}

main();
