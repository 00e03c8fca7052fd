/**
 * The isolation matrix of the multi-user server, against the real PostgreSQL: two accounts, and
 * every route the app serves under /api (enumerated from the app itself, so a new route is in the
 * matrix the day it is added). Each account in turn attacks the other: reads must show none of
 * the victim's data, writes (aimed at the victim's ids) must leave the victim's data, sessions and
 * password as they were, and without a session every learner route answers 401.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, postgresReachable } from '../store/test-support/databases.js';
import type { LearnerData } from '../store/store.js';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import type { AppEnv } from './context.js';
import { accountsHarness, cookieOf, send, signUp } from './test-support/accounts.js';
import type { AccountsHarness, Reply } from './test-support/accounts.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping the isolation matrix: ${reachable.reason}`);

/** Routes that hold no learner's data and need no session. */
const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/mode',
  'GET /api/curriculum',
  'GET /api/curriculum/roadmap',
  'GET /api/curriculum/skills/:id',
  'GET /api/self-check',
  'GET /api/openapi.json',
  'POST /api/auth/sign-up/email',
  'POST /api/auth/sign-in/email',
]);

interface Person {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  cookie: string;
  userId: string;
  /** The session token, as the cookie carries it (before its signature). */
  token: string;
  /** Strings only this person's data holds. */
  markers: string[];
  lastEventId: string;
  projectId: string;
  /** The id of the job posting this person keeps. */
  postingId: string;
  /** The cohort this person owns (the other is not in it), and its invite code. */
  cohortId: string;
  inviteCode: string;
}

function person(label: string): Person {
  const tag = randomBytes(6).toString('hex');
  return {
    name: `${label}-${tag}`,
    email: `${label.toLowerCase()}-${tag}@example.org`,
    password: `pw-${label}-${tag}-long`,
    cookie: '',
    userId: '',
    token: '',
    markers: [],
    lastEventId: '',
    projectId: 'sentiment-app',
    postingId: '',
    cohortId: '',
    inviteCode: '',
  };
}

/** Query strings a GET route needs to answer with data (others are asked without one). */
const QUERIES: Record<string, readonly string[]> = {
  'GET /api/export': ['?format=json', '?format=md', '?format=ics'],
  'GET /api/sync/events': ['', '?after=0', '?after=0&limit=1000'],
};

/** Request bodies aimed at the victim, per route; a route without one is sent `{}` and a victim-id body. */
function bodiesFor(route: string, victim: Person, attackerExport: string): unknown[] {
  const table: Record<string, unknown[]> = {
    'PUT /api/profile': [{ startingPoint: 'quant-student', hoursPerWeek: 3 }],
    'POST /api/plan/preview': [{ startingPoint: 'from-scratch' }],
    'POST /api/progress/events': [
      { type: 'hours', hours: 1 },
      { type: 'note', text: `attack on ${victim.userId}` },
      { type: 'done', item: 'python-programming' },
    ],
    'POST /api/progress/undo': [{ eventId: victim.lastEventId }, {}],
    'POST /api/projects': [{ template: 'sentiment-app' }],
    'POST /api/projects/:id/rubric': [
      { item: 'deployed', checked: true },
      { item: 'front-end', checked: false },
    ],
    'PUT /api/projects/:id/links': [{ repo: 'https://attacker.example.org/x' }, {}],
    'POST /api/import': [attackerExport],
    // A batch reusing the victim's event and project ids, with a profile saved later than anyone's.
    'POST /api/sync': [
      {
        events: [{ id: victim.lastEventId, type: 'note', at: '2026-03-04T12:00:00.000Z', text: 'attack' }],
        projects: [
          {
            id: victim.projectId,
            template: 'sentiment-app',
            title: 'attack',
            createdAt: '2026-03-04T12:00:00.000Z',
            links: {},
          },
        ],
        postings: [],
        profile: {
          profile: JSON.parse(attackerExport || '{}').profile ?? null,
          savedAt: '2099-01-01T00:00:00.000Z',
        },
      },
      { events: [], projects: [], postings: [], profile: null },
    ],
    'POST /api/auth/revoke-session': [{ token: victim.token }],
    'POST /api/auth/revoke-other-sessions': [{}],
    'POST /api/auth/change-password': [{ currentPassword: victim.password, newPassword: 'attacker-chosen-pw' }],
    'POST /api/auth/sign-out': [{}],
    // The attacker may make and join cohorts of their own; the victim's cohort stays as it was.
    'POST /api/cohorts': [{ name: `attack on ${victim.userId}`, kind: 'team', targetDate: '2027-01-01' }],
    'POST /api/cohorts/join': [{ code: victim.cohortId }, { code: 'ZZZZZ-ZZZZZ' }, {}],
    'PUT /api/cohorts/:id/sharing': [{ progress: true, pace: true }],
    'PUT /api/cohorts/:id/members/:member/role': [{ role: 'mentor' }, { role: 'member' }],
  };
  return table[route] ?? [{}, { id: victim.userId, userId: victim.userId, eventId: victim.lastEventId }];
}

/** A route's path with every `:param` set to the victim's id of that kind. */
function pathFor(path: string, victim: Person): string {
  const id = path.startsWith('/api/jobs/')
    ? victim.postingId
    : path.startsWith('/api/cohorts/')
      ? victim.cohortId
      : victim.projectId;
  return path.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? id : victim.userId));
}

describe.skipIf(!reachable.ok && !IN_CI)('the isolation matrix on PostgreSQL', () => {
  let h: AccountsHarness;
  const ada = person('Ada');
  const bob = person('Bob');

  /** Every METHOD path the app serves under /api, from its router. */
  let routes: string[];

  async function populate(p: Person): Promise<void> {
    const created = await signUp(h.app, p);
    p.cookie = created.cookie;
    p.userId = created.userId;
    p.token = decodeURIComponent(p.cookie.split('=')[1] ?? '').split('.')[0] ?? '';
    const note = `private note of ${p.name}`;
    const link = `https://${p.name.toLowerCase()}.example.org/repo`;
    const write = async (method: string, path: string, body: unknown): Promise<Reply> => {
      const reply = await send(h.app, method, path, { cookie: p.cookie, body });
      expect(reply.status, `${method} ${path}: ${reply.text}`).toBe(200);
      return reply;
    };
    await write('PUT', '/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 12, startDate: '2026-03-02' });
    await write('POST', '/api/progress/events', { type: 'done', item: 'python-programming' });
    await write('POST', '/api/progress/events', { type: 'hours', hours: 2.5, date: '2026-03-03' });
    await write('POST', '/api/projects', { template: 'sentiment-app' });
    await write('POST', '/api/projects/sentiment-app/rubric', { item: 'front-end', checked: true });
    await write('PUT', '/api/projects/sentiment-app/links', { repo: link });
    // Enough English that the random marker in the name can never tip the language check.
    const posting =
      `Machine Learning Engineer at ${p.name}\n` +
      'We are looking for an engineer to build and deploy machine learning models with our data team.\n' +
      'Requirements: Python, PyTorch and SQL.';
    p.postingId = ((await write('POST', '/api/jobs', { text: posting })).json as { job: { id: string } }).job.id;
    const cohortName = `cohort of ${p.name}`;
    const cohort = (
      (await write('POST', '/api/cohorts', { name: cohortName, kind: 'study-group', targetDate: '2027-01-01' }))
        .json as { cohort: { id: string; invite: { code: string } } }
    ).cohort;
    p.cohortId = cohort.id;
    p.inviteCode = cohort.invite.code;
    await write('PUT', `/api/cohorts/${cohort.id}/sharing`, { progress: true, pace: true });
    const last = await write('POST', '/api/progress/events', { type: 'note', text: note });
    p.lastEventId = (last.json as { event: { id: string } }).event.id;
    const events = await h.store.listEvents(p.userId);
    p.markers = [
      note,
      link,
      p.name,
      p.email,
      p.userId,
      p.token,
      p.postingId,
      cohortName,
      p.cohortId,
      p.inviteCode,
      ...events.map((e) => e.id),
    ];
  }

  /** What must not change when someone else acts: the data, the sessions, the password. */
  async function stateOf(p: Person): Promise<{ data: LearnerData; session: number; sessions: string; cohort: string }> {
    // The victim looks from an address of their own (the harness trusts X-Forwarded-For), so the
    // attacker's burst of requests does not spend the victim's rate limit and blur what changed.
    const headers = { 'X-Forwarded-For': `192.0.2.${p === ada ? 10 : 20}` };
    const session = await send(h.app, 'GET', '/api/progress', { cookie: p.cookie, headers });
    const list = await send(h.app, 'GET', '/api/auth/list-sessions', { cookie: p.cookie, headers });
    // The cohort as its owner sees it: its members, roles, sharing and invite code.
    const cohort = await send(h.app, 'GET', `/api/cohorts/${p.cohortId}`, { cookie: p.cookie, headers });
    return {
      data: await h.store.exportData(p.userId),
      session: session.status,
      sessions: list.text,
      cohort: cohort.text,
    };
  }

  beforeAll(async () => {
    h = await accountsHarness({ trustProxy: true });
    routes = [
      ...new Set(
        h.app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ].sort((a, b) => Number(a.endsWith('/sign-out')) - Number(b.endsWith('/sign-out')) || a.localeCompare(b));
    await populate(ada);
    await populate(bob);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('enumerates the learner routes and the account routes', () => {
    for (const expected of [
      'GET /api/profile',
      'POST /api/progress/events',
      'GET /api/export',
      'PUT /api/projects/:id/links',
      'POST /api/auth/sign-out',
      'GET /api/auth/list-sessions',
      'GET /api/cohorts/:id',
      'DELETE /api/cohorts/:id/members/:member',
      'GET /api/sync/state',
      'GET /api/sync/events',
      'POST /api/sync',
    ]) {
      expect(routes).toContain(expected);
    }
  });

  it('matches the OpenAPI document of server mode: every route documented, every documented route served', async () => {
    const doc = (await send(h.app, 'GET', '/api/openapi.json')).json as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    // The /api routes (the document also holds the calendar feed, whose secret address is its only key:
    // openapi.test.ts holds the whole document to every route the app registers).
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
    expect([...documented].sort()).toEqual([...routes].sort());
    expect(Object.keys(doc.paths['/api/progress']?.['get']?.responses ?? {})).toContain('401');
  });

  it('answers 401 on every learner route without a session, and shows no one’s data on the others', async () => {
    let attempts = 0;
    for (const route of routes) {
      if (PUBLIC.has(route)) continue;
      const [method = 'GET', path = ''] = route.split(' ');
      for (const victim of [ada, bob]) {
        const reply = await send(h.app, method, pathFor(path, victim), {
          ...(method === 'GET' ? {} : { body: bodiesFor(route, victim, '{}')[0] }),
        });
        attempts++;
        if (!path.startsWith('/api/auth/')) expect(reply.status, route).toBe(401);
        for (const marker of victim.markers) expect(reply.text, `${route} leaks ${marker}`).not.toContain(marker);
      }
    }
    console.info(`isolation: ${attempts} requests without a session, all refused or empty`);
    expect(attempts).toBeGreaterThan(20);
  });

  /** Every non-public route as `attacker`, aimed at `victim`; what was tried and what got through. */
  async function matrix(
    app: Hono<AppEnv>,
    attacker: Person,
    victim: Person,
  ): Promise<{ reads: number; writes: number; failures: string[] }> {
    const attackerExport = (await send(app, 'GET', '/api/export?format=json', { cookie: attacker.cookie })).text;
    const before = await stateOf(victim);
    let reads = 0;
    let writes = 0;
    const failures: string[] = [];
    // What the attacker's accepted writes stored in its own data (a note naming the victim): read back
    // later (an undo of the attacker's own latest step answers it), it is the attacker's, not a leak.
    let stored = '';
    for (const route of routes) {
      if (PUBLIC.has(route)) continue;
      const [method = 'GET', path = ''] = route.split(' ');
      const target = pathFor(path, victim);
      const attempts =
        method === 'GET'
          ? (QUERIES[route] ?? ['']).map((q) => ({ path: target + q, body: undefined as unknown }))
          : bodiesFor(route, victim, attackerExport).map((body) => ({ path: target, body }));
      for (const attempt of attempts) {
        const reply = await send(app, method, attempt.path, {
          cookie: attacker.cookie,
          ...(attempt.body === undefined ? {} : { body: attempt.body }),
        });
        const what = `${method} ${attempt.path}`;
        if (reply.status >= 500) failures.push(`${what}: answered ${reply.status}`);
        // A marker the attacker sent (an id aimed at the victim) may be echoed back; any other is a leak.
        const sent = `${attempt.path} ${JSON.stringify(attempt.body ?? '')}`;
        const leaked = victim.markers.filter((m) => reply.text.includes(m) && !sent.includes(m) && !stored.includes(m));
        if (method !== 'GET' && reply.status === 200) stored += sent;
        if (leaked.length > 0) failures.push(`${what}: shows ${leaked.join(', ')}`);
        if (method === 'GET') reads++;
        else {
          writes++;
          if (JSON.stringify(await stateOf(victim)) !== JSON.stringify(before)) {
            failures.push(`${what}: changed the victim's data or sessions`);
          }
        }
      }
    }
    return { reads, writes, failures };
  }

  async function signInAgain(p: Person): Promise<void> {
    const reply = await send(h.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: p.email, password: p.password },
    });
    expect(reply.status).toBe(200);
    p.cookie = cookieOf(reply.res);
  }

  for (const [attackerName, victimName] of [
    ['Bob', 'Ada'],
    ['Ada', 'Bob'],
  ] as const) {
    it(`denies ${attackerName} every read and write of ${victimName}'s data`, async () => {
      const attacker = attackerName === 'Ada' ? ada : bob;
      const victim = victimName === 'Ada' ? ada : bob;
      // Sign-out (the last route) ended the attacker's session in an earlier round.
      await signInAgain(attacker);
      const { reads, writes, failures } = await matrix(h.app, attacker, victim);
      expect(failures).toEqual([]);
      // The victim still signs in with the same password.
      await signInAgain(victim);
      console.info(
        `isolation: ${attackerName} → ${victimName}: ${reads} reads and ${writes} writes attempted, ${reads + writes - failures.length} denied`,
      );
      expect(reads).toBeGreaterThan(5);
      expect(writes).toBeGreaterThan(10);
    });
  }

  it('keeps idempotency keys per account: another account’s key replays nothing of theirs', async () => {
    await signInAgain(ada);
    await signInAgain(bob);
    const key = `shared-${randomBytes(6).toString('hex')}`;
    const body = { type: 'note', text: `idempotent note of ${ada.name}` };
    const first = await send(h.app, 'POST', '/api/progress/events', {
      cookie: ada.cookie,
      body,
      headers: { 'Idempotency-Key': key },
    });
    expect(first.status).toBe(200);
    const adaEvent = (first.json as { event: { id: string } }).event.id;
    const adaCount = await h.store.countEvents(ada.userId);
    const bobCount = await h.store.countEvents(bob.userId);
    // Bob sends the same key and body: his own request runs; Ada's answer is not replayed to him.
    const theirs = await send(h.app, 'POST', '/api/progress/events', {
      cookie: bob.cookie,
      body,
      headers: { 'Idempotency-Key': key },
    });
    expect(theirs.status).toBe(200);
    expect(theirs.res.headers.get('Idempotent-Replayed')).toBeNull();
    expect(theirs.text).not.toContain(adaEvent);
    expect(await h.store.countEvents(bob.userId)).toBe(bobCount + 1);
    expect(await h.store.countEvents(ada.userId)).toBe(adaCount);
  });

  it('catches a leak: with a resolver that ignores the session, the matrix reports the victim’s data', async () => {
    await signInAgain(bob);
    const leaky = createApp({
      store: h.store,
      curriculum: h.curriculum,
      clock: () => new Date('2026-03-04T12:00:00Z'),
      accounts: h.accounts,
      resolveLearner: () => Promise.resolve({ id: ada.userId }),
    });
    const { failures } = await matrix(leaky, bob, ada);
    // The log (with the notes' text) comes from the paged events route; the summary holds no notes.
    expect(failures.some((f) => f.startsWith('GET /api/progress/events: shows'))).toBe(true);
    expect(failures.some((f) => f.includes("changed the victim's data"))).toBe(true);
    expect(failures.some((f) => f.startsWith(`GET /api/cohorts/${ada.cohortId}: shows`))).toBe(true);
  });

  it('shows a fellow member only what they share, and never their notes, links, postings or email', async () => {
    await signInAgain(ada);
    await signInAgain(bob);
    // A fresh cohort: the leak test above let Bob act as Ada, who left her first one.
    const fresh = (
      await send(h.app, 'POST', '/api/cohorts', {
        cookie: ada.cookie,
        body: { name: `second cohort of ${ada.name}`, kind: 'team', targetDate: '2027-01-01' },
      })
    ).json as { cohort: { id: string; invite: { code: string } } };
    ada.cohortId = fresh.cohort.id;
    ada.inviteCode = fresh.cohort.invite.code;
    const cohortPath = `/api/cohorts/${ada.cohortId}`;
    expect(
      (
        await send(h.app, 'PUT', `${cohortPath}/sharing`, {
          cookie: ada.cookie,
          body: { progress: false, pace: false },
        })
      ).status,
    ).toBe(200);
    expect(
      (await send(h.app, 'POST', '/api/cohorts/join', { cookie: bob.cookie, body: { code: ada.inviteCode } })).status,
    ).toBe(200);
    // What a member may see of another: the name, the id and the role; the rest only when shared.
    const never = ada.markers.filter(
      (m) => m !== ada.name && m !== ada.userId && m !== ada.cohortId && !m.startsWith('cohort of'),
    );
    const reads = async (): Promise<string[]> => {
      const texts: string[] = [];
      for (const route of routes.filter((r) => r.startsWith('GET /api/cohorts'))) {
        const path = pathFor(route.split(' ')[1] ?? '', ada);
        const reply = await send(h.app, 'GET', path, { cookie: bob.cookie });
        expect(reply.status, route).toBe(200);
        texts.push(reply.text);
      }
      return texts;
    };
    type Row = { learnerId: string; progress: unknown; pace: unknown };
    const adaRow = async (): Promise<Row | undefined> =>
      (
        (await send(h.app, 'GET', cohortPath, { cookie: bob.cookie })).json as { cohort: { members: Row[] } }
      ).cohort.members.find((m) => m.learnerId === ada.userId);
    for (const text of await reads()) for (const marker of never) expect(text).not.toContain(marker);
    expect(await adaRow()).toMatchObject({ progress: null, pace: null });
    // A member does not see the invite code.
    expect((await reads()).join('')).not.toContain(ada.inviteCode);

    expect(
      (await send(h.app, 'PUT', `${cohortPath}/sharing`, { cookie: ada.cookie, body: { progress: true, pace: true } }))
        .status,
    ).toBe(200);
    const shared = await adaRow();
    expect(shared?.progress).not.toBeNull();
    expect(shared?.pace).not.toBeNull();
    for (const text of await reads()) for (const marker of never) expect(text, marker).not.toContain(marker);
    console.info(
      `isolation: a fellow member read ${never.length} private markers through every cohort route; none shown`,
    );
    expect((await send(h.app, 'POST', `${cohortPath}/leave`, { cookie: bob.cookie })).status).toBe(200);
  });
});
