/**
 * `mlpath cohort …` against a real `serve --multi-user` app listening on a loopback port, on the
 * real PostgreSQL: each person signs in (the credentials file of cli/remote.ts in their own data
 * folder), then creates, joins, shares, reads the status in both languages, changes roles, leaves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../server/server.js';
import type { Listening } from '../../server/server.js';
import { accountsHarness, cookieOf } from '../../server/test-support/accounts.js';
import type { AccountsHarness } from '../../server/test-support/accounts.js';
import { IN_CI, postgresReachable } from '../../store/test-support/databases.js';
import { memoryIo } from '../io.js';
import { main } from '../main.js';
import { signIn, writeCredentials } from '../remote.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping mlpath cohort: ${reachable.reason}`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

interface Person {
  name: string;
  email: string;
  password: string;
  home: string;
  cookie: string;
}

describe.skipIf(!reachable.ok && !IN_CI)('mlpath cohort against a server', () => {
  let h: AccountsHarness;
  let served: Listening;
  let server = '';
  const people: Person[] = [];
  const person = (name: string): Person => {
    const p = {
      name,
      email: `${name.toLowerCase()}-${process.pid}@example.org`,
      password: `password-of-${name}-long`,
      home: mkdtempSync(join(tmpdir(), 'mlpath-cohort-')),
      cookie: '',
    };
    people.push(p);
    return p;
  };
  const ada = person('Ada');
  const bob = person('Bob');

  /** A request from the server's own page, as a browser sends it. */
  const web = (method: string, path: string, body: unknown, cookie = ''): Promise<Response> =>
    fetch(`${server}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Origin: server, ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });

  const run = async (p: Person, args: string[], lang = 'en') => {
    const io = memoryIo({ env: { MLPATH_HOME: p.home, MLPATH_LANG: lang } });
    const status = await main(['cohort', ...args], io);
    return { status, stdout: io.stdout(), stderr: io.stderr() };
  };

  beforeAll(async () => {
    const port = await freePort();
    server = `http://127.0.0.1:${port}`;
    h = await accountsHarness({ publicUrl: server });
    served = await listen(h.app, { port, host: '127.0.0.1', drainMs: 1000 });
    for (const p of [ada, bob]) {
      const created = await web('POST', '/api/auth/sign-up/email', p);
      expect(created.status).toBe(200);
      p.cookie = cookieOf(created);
      if (p === ada) {
        // Ada signs in with `mlpath login`: the cohort commands use the credentials it keeps.
        const io = memoryIo({ env: { MLPATH_HOME: p.home, MLPATH_LANG: 'en', MLPATH_PASSWORD: p.password } });
        expect(await main(['login', server, '--email', p.email], io), io.stderr()).toBe(0);
      } else {
        const env = { env: { MLPATH_HOME: p.home }, cwd: p.home };
        writeCredentials(env, await signIn(env, server, p));
      }
    }
  });
  afterAll(async () => {
    await served?.close();
    await h?.close();
    for (const p of people) rmSync(p.home, { recursive: true, force: true });
  });

  it('asks to sign in first when there are no credentials', async () => {
    const nobody = person('Nobody');
    const result = await run(nobody, ['list']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('not signed in to a server');
    expect(result.stderr).toContain('mlpath login URL');
  });

  it('creates a cohort, refusing a bad date or kind in the learner’s language', async () => {
    expect((await run(ada, ['list'])).stdout).toContain('You are in no cohort yet');
    const past = await run(ada, ['create', 'Evening ML', '--date', '2026-01-01']);
    expect(past.status).not.toBe(0);
    expect(past.stderr).toContain('--date must be a day after today, written YYYY-MM-DD (got "2026-01-01")');
    const zh = await run(ada, ['create', 'Evening ML', '--date', '2026-01-01'], 'zh-CN');
    expect(zh.stderr).toContain('--date 必须是今天之后的日期');
    const kind = await run(ada, ['create', 'Evening ML', '--date', '2026-09-30', '--kind', 'guild']);
    expect(kind.status).not.toBe(0);
    expect(kind.stderr).toContain('--kind must be study-group, bootcamp or team');
    expect((await run(ada, ['list', '--json'])).stdout).toContain('"cohorts": []');

    const made = await run(ada, ['create', 'Evening ML', '--date', '2026-09-30', '--kind', 'bootcamp']);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(
      /Created "Evening ML"\. Invite others with the code [0-9A-Z]{5}-[0-9A-Z]{5} or the link/,
    );
    expect((await run(ada, ['list'])).stdout).toContain('Evening ML · bootcamp · target 2026-09-30 · 1 member · owner');
  });

  it('joins by link, shares nothing until chosen, and shows who is behind', async () => {
    const invite = JSON.parse((await run(ada, ['invite', '--json'])).stdout) as {
      invite: { code: string; link: string };
    };
    expect(invite.invite.link).toBe(`${server}/#/cohorts?join=${invite.invite.code}`);
    const wrong = await run(bob, ['join', 'AAAAA-AAAAA']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('no cohort has the invite code "AAAAA-AAAAA"');
    const joined = await run(bob, ['join', invite.invite.link]);
    expect(joined.status, joined.stderr).toBe(0);
    expect(joined.stdout).toContain('Joined "Evening ML". You share nothing until you choose');
    const again = await run(bob, ['join', invite.invite.code], 'zh-CN');
    expect(again.stderr).toContain('你已经在这个学习群组中');
    // A member does not get the invite code.
    expect((await run(bob, ['invite'])).stderr).toContain('only the owner and mentors see the invite code');

    for (const [method, path, body] of [
      ['PUT', '/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 2, startDate: '2026-03-02' }],
      ['POST', '/api/progress/events', { type: 'hours', hours: 3, date: '2026-03-03' }],
      ['POST', '/api/progress/events', { type: 'note', text: 'a note Bob keeps to himself' }],
    ] as const) {
      expect((await web(method, path, body, bob.cookie)).status).toBe(200);
    }
    let status = await run(ada, ['status']);
    expect(status.stdout).toMatch(/Bob \(member\)\s+shares nothing yet/);
    expect(status.stdout).toContain('Nobody who shares their pace has fallen behind.');

    const badShare = await run(bob, ['share', 'notes']);
    expect(badShare.status).not.toBe(0);
    expect(badShare.stderr).toContain('say what to share: none, progress, pace or progress,pace (got "notes")');
    expect((await run(bob, ['share', 'progress,pace'])).stdout).toContain('you now share: progress, pace');

    status = await run(ada, ['status']);
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('Evening ML · bootcamp · target 2026-09-30 · 2 members (you: owner)');
    expect(status.stdout).toMatch(
      /Bob \(member\)\s+0\/\d+ skills .* · 0\.8 h\/week over 4 weeks \(this week 3 h\) · finish \d{4}-\d\d-\d\d, \d+ days late · BEHIND/,
    );
    expect(status.stdout).toContain('Fallen behind the target date: Bob');
    expect(status.stdout).not.toContain('a note Bob keeps to himself');
    const zh = await run(ada, ['status'], 'zh-CN');
    expect(zh.stdout).toContain('落后于目标日期：Bob');
    expect(zh.stdout).toContain('训练营');
    const parsed = JSON.parse((await run(ada, ['status', '--json'])).stdout) as {
      cohort: { behind: string[]; members: { name: string; pace: unknown }[] };
    };
    expect(parsed.cohort.behind).toEqual(['Bob']);
  });

  it('lets only the owner change roles and remove; the owner’s leaving hands the cohort over', async () => {
    const refused = await run(bob, ['remove', 'Ada']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("only the cohort's owner can do this");
    expect((await run(ada, ['role', 'Bob', 'owner'])).stderr).toContain('ROLE must be mentor or member');
    expect((await run(ada, ['role', 'Carol', 'mentor'])).stderr).toContain('no member "Carol" in "Evening ML"');
    const made = await run(ada, ['role', 'Bob', 'mentor']);
    expect(made.stdout).toContain('Bob is now mentor in "Evening ML".');
    expect((await run(bob, ['invite'])).stdout).toMatch(/Invite code [0-9A-Z]{5}-[0-9A-Z]{5}/);
    const left = await run(ada, ['leave']);
    expect(left.stdout).toContain('You left "Evening ML"; Bob owns it now.');
    expect((await run(ada, ['status'])).stderr).toContain('you are in no cohort yet');
    expect((await run(bob, ['leave'])).stdout).toContain('you were its last member, so it is deleted');
  });
});
