/**
 * Cohorts through the API on the real PostgreSQL (a schema of its own per run): create, join by
 * code or link, what each member shares (nothing by default; never notes), roles, removal,
 * leaving, and the refusals a non-member meets. In local mode there are no cohort routes.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, postgresReachable } from '../../store/test-support/databases.js';
import { accountsHarness, send, signUp } from '../test-support/accounts.js';
import type { AccountsHarness, Reply } from '../test-support/accounts.js';
import { client, harness } from '../test-support/harness.js';
import { MAX_COHORT_MEMBERS } from '../../learner/cohorts.js';
import { CohortLeftSchema, CohortListSchema, CohortViewSchema } from '../../contract/index.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping cohorts: ${reachable.reason}`);

interface Who {
  name: string;
  email: string;
  password: string;
  cookie: string;
  id: string;
}
interface MemberRow {
  learnerId: string;
  name: string;
  role: string;
  you: boolean;
  sharing: { progress: boolean; pace: boolean };
  progress: { skillsDone: number; skillsTotal: number; percent: number } | null;
  pace: { weeklyHours: number; hoursThisWeek: number; finishDate: string | null; daysLate: number | null } | null;
  behind: boolean | null;
}
interface CohortJson {
  id: string;
  name: string;
  kind: string;
  targetDate: string;
  role: string;
  invite: { code: string; link: string } | null;
  members: MemberRow[];
  memberCount: number;
  behind: string[];
}

const tag = randomBytes(4).toString('hex');
const who = (name: string): Who => ({
  name: `${name} ${tag}`,
  email: `${name.toLowerCase()}-${tag}@example.org`,
  password: `password-of-${name}-${tag}`,
  cookie: '',
  id: '',
});

describe.skipIf(!reachable.ok && !IN_CI)('cohorts on PostgreSQL', () => {
  let h: AccountsHarness;
  const ada = who('Ada');
  const bob = who('Bob');
  const carol = who('Carol');
  const as = (p: Who, method: string, path: string, body?: unknown): Promise<Reply> =>
    send(h.app, method, path, { cookie: p.cookie, ...(body === undefined ? {} : { body }) });
  // Every answer is read through the schema the OpenAPI document publishes, so the two cannot drift.
  const cohortOf = (reply: Reply): CohortJson => {
    expect(reply.status, reply.text).toBe(200);
    return CohortViewSchema.parse(reply.json).cohort as CohortJson;
  };
  const rowOf = (cohort: CohortJson, p: Who): MemberRow | undefined => cohort.members.find((m) => m.learnerId === p.id);
  let cohort: CohortJson;

  beforeAll(async () => {
    h = await accountsHarness();
    for (const p of [ada, bob, carol]) {
      const created = await signUp(h.app, p);
      p.cookie = created.cookie;
      p.id = created.userId;
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a bad cohort naming the field, and stores nothing', async () => {
    const bad = [
      [{ name: '', kind: 'team', targetDate: '2026-12-01' }, 'name'],
      [{ name: 'ML', kind: 'guild', targetDate: '2026-12-01' }, 'kind'],
      [{ name: 'ML', kind: 'team', targetDate: '2026-13-01' }, 'targetDate'],
      [{ name: 'ML', kind: 'team', targetDate: '2026-03-04' }, 'targetDate'],
      [{ name: 'ML', kind: 'team', targetDate: '2026-12-01', owner: bob.id }, 'owner'],
    ] as const;
    for (const [body, path] of bad) {
      const reply = await as(ada, 'POST', '/api/cohorts', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      const problems = (reply.json as { error: { problems: { path: string }[] } }).error.problems;
      expect(problems.map((p) => p.path)).toContain(path);
    }
    expect(CohortListSchema.parse((await as(ada, 'GET', '/api/cohorts')).json).cohorts).toEqual([]);
  });

  it('creates a cohort whose owner sees its invite code and link', async () => {
    const reply = await as(ada, 'POST', '/api/cohorts', {
      name: 'Evening ML',
      kind: 'study-group',
      targetDate: '2026-09-30',
    });
    expect(reply.status, reply.text).toBe(200);
    cohort = cohortOf(reply);
    expect(cohort).toMatchObject({ name: 'Evening ML', kind: 'study-group', targetDate: '2026-09-30', role: 'owner' });
    expect(cohort.invite?.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(cohort.invite?.link).toBe(`http://127.0.0.1:4321/#/cohorts?join=${cohort.invite?.code}`);
    expect(cohort.members.map((m) => [m.name, m.role, m.you])).toEqual([[ada.name, 'owner', true]]);
    const list = CohortListSchema.parse((await as(ada, 'GET', '/api/cohorts')).json);
    expect(list.cohorts.map((c) => [c.id, c.members])).toEqual([[cohort.id, 1]]);
  });

  it('lets a non-member see and change nothing of a cohort', async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/cohorts/${cohort.id}`],
      ['PUT', `/api/cohorts/${cohort.id}/sharing`, { progress: true, pace: true }],
      ['POST', `/api/cohorts/${cohort.id}/leave`],
      ['POST', `/api/cohorts/${cohort.id}/invite-code`],
      ['PUT', `/api/cohorts/${cohort.id}/members/${ada.id}/role`, { role: 'member' }],
      ['DELETE', `/api/cohorts/${cohort.id}/members/${ada.id}`],
    ];
    for (const [method, path, body] of attempts) {
      const reply = await as(carol, method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.text).not.toContain('Evening ML');
      expect(reply.text).not.toContain(cohort.invite?.code ?? '?');
    }
    // A wrong code joins nothing; the same 404 as a cohort that does not exist.
    const wrong = await as(carol, 'POST', '/api/cohorts/join', { code: 'ZZZZZ-ZZZZZ' });
    expect(wrong.status).toBe(404);
    expect((wrong.json as { error: { problems: { path: string }[] } }).error.problems[0]?.path).toBe('code');
    expect((await as(carol, 'GET', '/api/cohorts/no-such-cohort')).status).toBe(404);
    const still = cohortOf(await as(ada, 'GET', `/api/cohorts/${cohort.id}`));
    expect(still.members).toHaveLength(1);
    expect(still.invite).toEqual(cohort.invite);
  });

  it('joins by code (any case, without its dash) or by the invite link; twice is a conflict', async () => {
    const code = cohort.invite?.code ?? '';
    const bobJoin = await as(bob, 'POST', '/api/cohorts/join', { code: code.replace('-', '').toLowerCase() });
    expect(bobJoin.status, bobJoin.text).toBe(200);
    expect(cohortOf(bobJoin).role).toBe('member');
    expect(cohortOf(bobJoin).invite).toBeNull();
    const carolJoin = await as(carol, 'POST', '/api/cohorts/join', { code: cohort.invite?.link });
    expect(carolJoin.status, carolJoin.text).toBe(200);
    expect((await as(bob, 'POST', '/api/cohorts/join', { code })).status).toBe(409);
    expect(cohortOf(await as(ada, 'GET', `/api/cohorts/${cohort.id}`)).memberCount).toBe(3);
  });

  it('shows nothing of a member until they choose, then only what they share, and never notes', async () => {
    const secret = `private note ${tag}`;
    for (const [method, path, body] of [
      ['PUT', '/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 2, startDate: '2026-03-02' }],
      ['POST', '/api/progress/events', { type: 'done', item: 'python-programming' }],
      ['POST', '/api/progress/events', { type: 'hours', hours: 3, date: '2026-03-03' }],
      ['POST', '/api/progress/events', { type: 'note', text: secret }],
    ] as const) {
      expect((await as(bob, method, path, body)).status).toBe(200);
    }
    let seen = cohortOf(await as(ada, 'GET', `/api/cohorts/${cohort.id}`));
    expect(rowOf(seen, bob)).toMatchObject({ sharing: { progress: false, pace: false }, progress: null, pace: null });
    expect(rowOf(seen, bob)?.behind).toBeNull();
    // Bob sees his own numbers, whatever he shares.
    const own = rowOf(cohortOf(await as(bob, 'GET', `/api/cohorts/${cohort.id}`)), bob);
    expect(own?.you).toBe(true);
    expect(own?.progress?.skillsDone).toBe(1);
    expect(own?.pace?.hoursThisWeek).toBe(3);

    expect((await as(bob, 'PUT', `/api/cohorts/${cohort.id}/sharing`, { progress: true, pace: false })).status).toBe(
      200,
    );
    const progressOnly = await as(ada, 'GET', `/api/cohorts/${cohort.id}`);
    seen = cohortOf(progressOnly);
    expect(rowOf(seen, bob)?.progress?.skillsDone).toBe(1);
    expect(rowOf(seen, bob)?.pace).toBeNull();
    expect(progressOnly.text).not.toContain(secret);

    expect((await as(bob, 'PUT', `/api/cohorts/${cohort.id}/sharing`, { progress: true, pace: true })).status).toBe(
      200,
    );
    const both = await as(carol, 'GET', `/api/cohorts/${cohort.id}`);
    seen = cohortOf(both);
    const row = rowOf(seen, bob);
    expect(row?.pace?.hoursThisWeek).toBe(3);
    expect(row?.pace?.weeklyHours).toBe(0.8);
    // Two hours a week from scratch finish years after the cohort's date: Bob is behind.
    expect(row?.pace?.finishDate).not.toBeNull();
    expect(row?.pace?.daysLate).toBeGreaterThan(0);
    expect(row?.behind).toBe(true);
    expect(seen.behind).toEqual([bob.name]);
    expect(both.text).not.toContain(secret);
    // Ada shares nothing: Carol sees none of her numbers.
    expect(rowOf(seen, ada)).toMatchObject({ progress: null, pace: null, behind: null });
    // A bad sharing body changes nothing.
    expect((await as(bob, 'PUT', `/api/cohorts/${cohort.id}/sharing`, { progress: 'yes', pace: true })).status).toBe(
      400,
    );
    expect(rowOf(cohortOf(await as(ada, 'GET', `/api/cohorts/${cohort.id}`)), bob)?.sharing).toEqual({
      progress: true,
      pace: true,
    });
  });

  it('lets only the owner change roles and remove members; a mentor sees and renews the code', async () => {
    const path = (p: Who, tail = '') => `/api/cohorts/${cohort.id}/members/${p.id}${tail}`;
    expect((await as(bob, 'PUT', path(carol, '/role'), { role: 'mentor' })).status).toBe(403);
    expect((await as(bob, 'DELETE', path(carol))).status).toBe(403);
    expect((await as(bob, 'POST', `/api/cohorts/${cohort.id}/invite-code`)).status).toBe(403);
    expect((await as(ada, 'PUT', path(carol, '/role'), { role: 'owner' })).status).toBe(400);
    expect((await as(ada, 'PUT', path(ada, '/role'), { role: 'member' })).status).toBe(400);
    expect((await as(ada, 'PUT', `/api/cohorts/${cohort.id}/members/nobody/role`, { role: 'mentor' })).status).toBe(
      404,
    );

    const made = await as(ada, 'PUT', path(bob, '/role'), { role: 'mentor' });
    expect(made.status, made.text).toBe(200);
    expect(rowOf(cohortOf(made), bob)?.role).toBe('mentor');
    const asMentor = cohortOf(await as(bob, 'GET', `/api/cohorts/${cohort.id}`));
    expect(asMentor.invite?.code).toBe(cohort.invite?.code);
    const renewed = cohortOf(await as(bob, 'POST', `/api/cohorts/${cohort.id}/invite-code`));
    expect(renewed.invite?.code).not.toBe(cohort.invite?.code);
    // The old code no longer joins.
    const dave = who('Dave');
    dave.cookie = (await signUp(h.app, dave)).cookie;
    expect((await as(dave, 'POST', '/api/cohorts/join', { code: cohort.invite?.code })).status).toBe(404);
    cohort = renewed;

    expect((await as(ada, 'DELETE', path(ada))).status).toBe(400);
    const removed = await as(ada, 'DELETE', path(carol));
    expect(removed.status, removed.text).toBe(200);
    expect(rowOf(cohortOf(removed), carol)).toBeUndefined();
    expect((await as(carol, 'GET', `/api/cohorts/${cohort.id}`)).status).toBe(404);
    expect(((await as(carol, 'GET', '/api/cohorts')).json as { cohorts: unknown[] }).cohorts).toEqual([]);
  });

  it('hands the cohort to the mentor when the owner leaves, and deletes it when the last one leaves', async () => {
    const left = await as(ada, 'POST', `/api/cohorts/${cohort.id}/leave`);
    expect(left.status, left.text).toBe(200);
    expect(CohortLeftSchema.parse(left.json)).toEqual({ left: cohort.id, deleted: false, newOwner: bob.id });
    expect((await as(ada, 'GET', `/api/cohorts/${cohort.id}`)).status).toBe(404);
    expect(cohortOf(await as(bob, 'GET', `/api/cohorts/${cohort.id}`)).role).toBe('owner');
    const last = await as(bob, 'POST', `/api/cohorts/${cohort.id}/leave`);
    expect(last.json).toEqual({ left: cohort.id, deleted: true, newOwner: null });
    expect(await h.store.getCohort(cohort.id)).toBeUndefined();
    expect((await as(bob, 'POST', '/api/cohorts/join', { code: cohort.invite?.code })).status).toBe(404);
  });

  it('runs two members leaving at once one after the other: the cohort is not left without members', async () => {
    for (let round = 0; round < 4; round++) {
      const made = cohortOf(
        await as(ada, 'POST', '/api/cohorts', { name: `Race ${round}`, kind: 'team', targetDate: '2026-09-30' }),
      );
      expect((await as(bob, 'POST', '/api/cohorts/join', { code: made.invite?.code })).status).toBe(200);
      const [first, second] = await Promise.all([
        as(ada, 'POST', `/api/cohorts/${made.id}/leave`),
        as(bob, 'POST', `/api/cohorts/${made.id}/leave`),
      ]);
      expect([first?.status, second?.status]).toEqual([200, 200]);
      // Whoever went second was alone and deleted it; without the lock both see the other and it stays, empty.
      expect([first?.json, second?.json].filter((j) => (j as { deleted: boolean }).deleted)).toHaveLength(1);
      expect(await h.store.getCohort(made.id)).toBeUndefined();
    }
  });

  it('refuses a member beyond the cohort’s limit, and adds nothing', async () => {
    const made = cohortOf(
      await as(ada, 'POST', '/api/cohorts', { name: 'Full house', kind: 'team', targetDate: '2026-09-30' }),
    );
    for (let i = 1; i < MAX_COHORT_MEMBERS; i++) {
      const learner = await h.store.ensureLearner(`filler-${tag}-${i}`, `Filler ${i}`, '2026-03-04T12:00:00.000Z');
      await h.store.addCohortMember(made.id, learner.id, 'member', '2026-03-04T12:00:00.000Z');
    }
    const refused = await as(carol, 'POST', '/api/cohorts/join', { code: made.invite?.code });
    expect(refused.status, refused.text).toBe(403);
    expect(refused.text).toContain(`is full (${MAX_COHORT_MEMBERS} members)`);
    expect(cohortOf(await as(ada, 'GET', `/api/cohorts/${made.id}`)).memberCount).toBe(MAX_COHORT_MEMBERS);
    expect((await as(carol, 'GET', `/api/cohorts/${made.id}`)).status).toBe(404);
  });
});

describe('cohorts in local mode', () => {
  it('has no cohort routes: the embedded store holds one learner', async () => {
    const h = await harness();
    try {
      const api = client(h.app);
      expect((await api.get('/api/cohorts')).status).toBe(404);
      const doc = (await api.get('/api/openapi.json')).json as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths).filter((p) => p.includes('cohort'))).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
