/**
 * A cohort's status on the real PostgreSQL: what `GET /api/cohorts/{id}` and `mlpath cohort status`
 * compute, the shared numbers of every member (each a re-plan from their own profile and log).
 *
 *   npx tsx bench/cohort.bench.ts [--members N] [--events N] [--runs N]
 *
 * Seeds a fresh schema (dropped afterwards) with N learners on the shipped curriculum, each with a
 * profile and E events, all in one cohort and sharing progress and pace, then prints the status's
 * time with every member computed afresh (cold) and with their snapshots kept (warm: nothing changed),
 * for the given size and for a full cohort (MAX_COHORT_MEMBERS).
 * Uses MLPATH_BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/mlpath_bench (created when missing).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadCurriculum } from '../src/content/load.js';
import { cohortStatus, createCohort, joinCohort, MAX_COHORT_MEMBERS } from '../src/learner/cohorts.js';
import type { LearnerContext } from '../src/learner/context.js';
import { profileFromInput } from '../src/learner/profile.js';
import { newEvent } from '../src/store/events.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { median, report } from './measure.js';
import { BENCH_DATABASE_URL, benchDatabase } from './bench-database.js';

const SHIPPED = fileURLToPath(new URL('../curricula/ml-engineer', import.meta.url));
// The benchmarks' own database (created when missing), never the tests'.
const URL_ = (await benchDatabase()) ?? BENCH_DATABASE_URL;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const MEMBERS = flag('members', 30);
const EVENTS = flag('events', 200);
const RUNS = flag('runs', 5);

const curriculum = await loadCurriculum(SHIPPED);
const now = new Date('2026-11-30T12:00:00Z');
const clock = () => now;

async function measure(members: number): Promise<void> {
  const schema = `mlpath_bench_cohort_${process.pid}_${randomBytes(3).toString('hex')}`;
  const store = await openPostgresStore(URL_, { schema, maxConnections: 4 });
  try {
    const ctxOf = (learnerId: string): LearnerContext => ({ store, curriculum, clock, learnerId });
    const ids: string[] = [];
    for (let m = 0; m < members; m++) {
      const id = `learner-${m}`;
      ids.push(id);
      await store.ensureLearner(id, `Learner ${m}`, now.toISOString());
      const profile = profileFromInput(
        { curriculum, clock },
        {
          startingPoint: curriculum.startingPoints[m % curriculum.startingPoints.length]?.id,
          hoursPerWeek: 5 + (m % 20),
          startDate: '2026-01-05',
        },
      );
      await store.saveProfile(id, profile, now.toISOString());
      const skills = curriculum.skills.map((s) => s.id);
      const events = Array.from({ length: EVENTS }, (_, i) => {
        const day = new Date(Date.UTC(2026, 0, 5) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
        return i % 2 === 0
          ? newEvent('hours', { hours: 1 + (i % 3), date: day }, now)
          : newEvent('done', { item: skills[i % skills.length] ?? '' }, now);
      });
      await store.appendEvents(id, events);
    }
    const owner = ids[0] ?? '';
    const made = await createCohort(ctxOf(owner), { name: 'Bench', kind: 'bootcamp', targetDate: '2027-12-31' });
    const code = made.inviteCode ?? '';
    for (const id of ids.slice(1)) await joinCohort(ctxOf(id), code);
    for (const id of ids) await store.updateCohortMember(made.id, id, { sharing: { progress: true, pace: true } });

    const start = performance.now();
    const first = await cohortStatus(ctxOf(owner), made.id);
    const cold = performance.now() - start;
    const warm: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      await cohortStatus(ctxOf(owner), made.id);
      warm.push(performance.now() - t);
    }
    console.log(`${members} members sharing, ${EVENTS} events each (${first.behind.length} behind):`);
    report('  status, every member computed (cold)', cold, 'ms');
    report('  status, nothing changed (warm, median)', median(warm), 'ms');
    report('  per member, warm', median(warm) / members, 'ms');
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: URL_ });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

await measure(MEMBERS);
if (MEMBERS !== MAX_COHORT_MEMBERS) await measure(MAX_COHORT_MEMBERS);
