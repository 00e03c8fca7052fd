// Derives each role's market weights from the labelled postings (data/postings) and prints them with the
// curriculum's coverage of what the postings ask, by role.
//
//   npx tsx scripts/role-weights.ts          print weights and coverage
//   npx tsx scripts/role-weights.ts --write  also write the weights into curricula/ml-engineer/roles.yaml
//   npx tsx scripts/role-weights.ts --check  exit 1 when roles.yaml differs from what the postings give
//
// Skills the curriculum does not define yet are printed as pending and left out of roles.yaml, so the file
// always validates; run the script again once they exist.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument } from 'yaml';
import { coverageByRole, coverageOf, marketWeights, POSTING_ROLES } from '../src/core/jobs/postings.js';
import type { LabelledPosting } from '../src/core/jobs/postings.js';
import type { Curriculum, RoleWeight } from '../src/core/model.js';
import { planFor, profileFor, readinessFor } from '../src/core/planner/index.js';
import { loadCurriculum } from '../src/content/load.js';
import { loadPostings } from '../src/content/postings.js';

/** The skills the 2026 curriculum adds; coverage is also shown as if they were taught. */
export const SKILLS_2026 = [
  'cloud-ml-platform',
  'kubernetes',
  'infrastructure-as-code',
  'spark-big-data',
  'data-warehousing',
  'workflow-orchestration',
  'feature-stores',
  'streaming-data',
  'observability-on-call',
  'distributed-training',
  'inference-optimization',
  'llm-agents',
  'llm-evaluation',
  'vector-databases',
  'responsible-ai',
];

const CURRICULUM = new URL('../curricula/ml-engineer', import.meta.url);
const ROLES_FILE = new URL('../curricula/ml-engineer/roles.yaml', import.meta.url);
export const EVIDENCE =
  'data/postings: 53 labelled job postings (38 English, 15 Chinese) read in 2026; weights derived by scripts/role-weights.ts';

function withSkillsTaught(curriculum: Curriculum, ids: readonly string[]): Curriculum {
  const teacher = {
    id: 'the-2026-skills',
    title: 'the 2026 skills',
    localTitle: undefined,
    summary: undefined,
    authors: [],
    provider: undefined,
    url: undefined,
    kind: 'course' as const,
    cost: 'free' as const,
    languages: ['en'],
    style: 'practical' as const,
    effort: { hours: 1, weeks: undefined, hoursPerWeek: undefined, source: 'x', estimate: false, reasoning: undefined },
    units: [],
    teaches: [...ids],
    ambient: false,
  };
  return { ...curriculum, resources: [...curriculum.resources, teacher] };
}

function percent(x: number): string {
  return `${(100 * x).toFixed(0)}%`;
}

function printCoverage(postings: readonly LabelledPosting[], curriculum: Curriculum): void {
  const later = withSkillsTaught(curriculum, SKILLS_2026);
  const now = coverageByRole(postings, curriculum);
  const after = coverageByRole(postings, later);
  console.log('\ncoverage of what postings ask (weighted by frequency; nice-to-have counts half)');
  console.log('role                  postings  taught now  with the 2026 skills  most asked, not taught now');
  for (const c of now) {
    const a = after.find((x) => x.role === c.role);
    const top = c.missing.slice(0, 5).map((m) => `${m.id} ${m.demand}`);
    console.log(
      `${c.role.padEnd(22)}${String(c.postings).padStart(8)}  ${percent(c.covered).padStart(10)}  ${percent(a?.covered ?? 0).padStart(20)}  ${top.join(', ')}`,
    );
  }
  const all = coverageOf(postings, curriculum).covered;
  const allAfter = coverageOf(postings, later).covered;
  console.log(
    `${'all roles'.padEnd(22)}${String(postings.length).padStart(8)}  ${percent(all).padStart(10)}  ${percent(allAfter).padStart(20)}`,
  );
}

/** Readiness per role (against its market weights) once every skill of the article's default plan is done. */
function printReadinessAfterPlan(curriculum: Curriculum, postings: readonly LabelledPosting[]): void {
  const profile = profileFor(curriculum, undefined, { startDate: '2027-01-04' });
  const plan = planFor(curriculum, profile);
  const planned = new Set(plan.weeks.flatMap((w) => w.tasks.flatMap((t) => t.skills)));
  for (const id of curriculum.startingPoints.find((p) => p.id === profile.startingPoint)?.known ?? []) planned.add(id);
  const progress = { skills: new Map([...planned].map((id) => [id, 'done' as const])), items: new Map(), logged: [] };
  console.log(
    `\nreadiness after the article's plan (${profile.startingPoint}, default choices, every planned skill done)`,
  );
  // The same with every skill the postings ask, including the 2026 skills the curriculum does not define yet.
  const full = { ...curriculum, roles: curriculum.roles.map((r) => ({ ...r, market: marketWeights(postings, r.id) })) };
  console.log('role                  weights now  with the 2026 skills  largest gaps (with the 2026 skills)');
  for (const role of curriculum.roles) {
    const now = readinessFor(curriculum, role.id, { done: new Set(progress.skills.keys()) });
    const later = readinessFor(full, role.id, { done: new Set(progress.skills.keys()) });
    const gaps = later.gaps.slice(0, 5).map((g) => g.skill);
    console.log(
      `${role.id.padEnd(22)}${`${now.percent}%`.padStart(11)}  ${`${later.percent}%`.padStart(20)}  ${gaps.join(', ')}`,
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
  printReadinessAfterPlan(curriculum, postings);

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
