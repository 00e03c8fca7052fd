import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { getMigrations } from 'better-auth/db/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { IN_CI, TEST_DATABASE_URL, postgresReachable } from '../store/test-support/databases.js';
import { AUTH_LIMITS } from './auth-limits.js';
import { libraryOptions, openAccounts } from './auth.js';
import type { AuthTables } from './auth.js';
import { ErrorSchema } from '../contract/index.js';
import { TEST_ORIGIN, accountsHarness, cookieOf, send, signUp } from './test-support/accounts.js';
import type { AccountsHarness } from './test-support/accounts.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping accounts: ${reachable.reason}`);

const ada = { name: 'Ada', email: 'ada@example.org', password: 'analytical-engine-1843' };
const grace = { name: 'Grace', email: 'grace@example.org', password: 'compiler-a0-1952-cobol' };

const codeOf = (json: unknown): string => ErrorSchema.parse(json).error.code;

describe.skipIf(!reachable.ok && !IN_CI)('accounts on PostgreSQL', () => {
  let h: AccountsHarness;
  afterEach(async () => {
    await h.close();
  });

  it('has every table and column the library needs after our migrations (nothing left for it to create)', async () => {
    h = await accountsHarness();
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${h.database.schema}` });
    const db = new Kysely<AuthTables>({ dialect: new PostgresDialect({ pool }) });
    try {
      const options = libraryOptions(
        db,
        { url: TEST_DATABASE_URL, secret: 'x'.repeat(40), publicUrl: TEST_ORIGIN },
        new URL(TEST_ORIGIN),
      );
      const pending = await getMigrations(options);
      expect(pending.toBeCreated.map((t) => t.table)).toEqual([]);
      expect(pending.toBeAdded.map((t) => `${t.table}: ${Object.keys(t.fields).join(', ')}`)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('signs up with an httpOnly, SameSite=Lax cookie that opens the learner routes; none answers 401', async () => {
    h = await accountsHarness();
    const anonymous = await send(h.app, 'GET', '/api/profile');
    expect(anonymous.status).toBe(401);
    expect(codeOf(anonymous.json)).toBe('UNAUTHENTICATED');

    const reply = await send(h.app, 'POST', '/api/auth/sign-up/email', { body: ada });
    expect(reply.status).toBe(200);
    const setCookie = reply.res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^mlpath\.session_token=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
    expect(setCookie).toContain(`Max-Age=${AUTH_LIMITS.sessionSeconds}`);
    const cookie = cookieOf(reply.res);

    const profile = await send(h.app, 'GET', '/api/profile', { cookie });
    expect(profile.status).toBe(200);
    const userId = (reply.json as { user: { id: string } }).user.id;
    expect((await h.store.getLearner(userId))?.name).toBe('Ada');
    const session = await send(h.app, 'GET', '/api/auth/get-session', { cookie });
    expect((session.json as { user: { email: string } }).user.email).toBe(ada.email);
  });

  it('tells the web app its mode, and names the field and the reason of each sign-up refusal', async () => {
    h = await accountsHarness();
    const mode = await send(h.app, 'GET', '/api/mode');
    expect(mode.json).toEqual({
      mode: 'multi-user',
      signUp: true,
      passwordMin: AUTH_LIMITS.passwordMin,
      passwordMax: AUTH_LIMITS.passwordMax,
    });
    const short = await send(h.app, 'POST', '/api/auth/sign-up/email', {
      body: { ...ada, password: 'x'.repeat(AUTH_LIMITS.passwordMin - 1) },
    });
    expect(short.status).toBe(400);
    expect(ErrorSchema.parse(short.json).error.problems.map((p) => p.path)).toEqual(['password']);
    await signUp(h.app, ada);
    const taken = await send(h.app, 'POST', '/api/auth/sign-up/email', { body: { ...ada, name: 'Ada again' } });
    expect(taken.status).toBe(409);
    expect(ErrorSchema.parse(taken.json).error).toMatchObject({ code: 'CONFLICT', problems: [{ path: 'email' }] });
    await h.close();

    h = await accountsHarness({ signUp: false });
    expect((await send(h.app, 'GET', '/api/mode')).json).toMatchObject({ mode: 'multi-user', signUp: false });
    const closed = await send(h.app, 'POST', '/api/auth/sign-up/email', { body: grace });
    expect(closed.status).toBe(403);
    expect(ErrorSchema.parse(closed.json).error.message).toMatch(/^sign-up is closed on this server/);
  });

  it("words the library's own refusals in the request's language, coded like every other error", async () => {
    h = await accountsHarness();
    await signUp(h.app, ada);
    const zh = { 'Accept-Language': 'zh-CN,zh;q=0.9' };
    const wrong = await send(h.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: ada.email, password: 'not-the-password' },
      headers: zh,
    });
    expect(wrong.status).toBe(401);
    expect(ErrorSchema.parse(wrong.json).error).toEqual({
      code: 'UNAUTHENTICATED',
      message: '邮箱或密码不正确',
      problems: [],
    });
    const wrongEn = await send(h.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: ada.email, password: 'not-the-password' },
    });
    expect(ErrorSchema.parse(wrongEn.json).error.message).toBe('the email or the password is wrong');

    const taken = await send(h.app, 'POST', '/api/auth/sign-up/email', { body: ada, headers: zh });
    expect(ErrorSchema.parse(taken.json).error).toEqual({
      code: 'CONFLICT',
      message: '邮箱为 ada@example.org 的用户已存在',
      problems: [{ path: 'email', message: '邮箱为 ada@example.org 的用户已存在' }],
    });
    const short = await send(h.app, 'POST', '/api/auth/sign-up/email', {
      body: { ...grace, password: 'short' },
      headers: zh,
    });
    expect(ErrorSchema.parse(short.json).error.problems).toEqual([
      {
        path: 'password',
        message: `密码需要 ${AUTH_LIMITS.passwordMin} 到 ${AUTH_LIMITS.passwordMax} 个字符（这个有 5 个）`,
      },
    ]);
    // A body the library's own validation refuses (no password at all).
    const missing = await send(h.app, 'POST', '/api/auth/sign-in/email', { body: { email: ada.email }, headers: zh });
    expect(missing.status).toBe(400);
    expect(ErrorSchema.parse(missing.json).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: '账户请求缺少字段或有字段类型不对',
    });
    // A route that needs a session, asked without one.
    const anonymous = await send(h.app, 'POST', '/api/auth/revoke-other-sessions', { body: {}, headers: zh });
    expect(anonymous.status).toBe(401);
    expect(ErrorSchema.parse(anonymous.json).error.message).toMatch(/^请先登录/);
  });

  it('marks the cookie Secure (with the __Secure- prefix) behind https', async () => {
    h = await accountsHarness({ publicUrl: 'https://mlpath.example.org' });
    const res = await h.app.request('https://mlpath.example.org/api/auth/sign-up/email', {
      method: 'POST',
      headers: { Origin: 'https://mlpath.example.org', 'Content-Type': 'application/json' },
      body: JSON.stringify(ada),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^__Secure-mlpath\.session_token=/);
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('HttpOnly');
  });

  it('ends a session at sign-out, at expiry and when the user revokes it elsewhere', async () => {
    h = await accountsHarness();
    const first = await signUp(h.app, ada);
    expect((await send(h.app, 'GET', '/api/progress', { cookie: first.cookie })).status).toBe(200);
    const out = await send(h.app, 'POST', '/api/auth/sign-out', { cookie: first.cookie });
    expect(out.status).toBe(200);
    expect((await send(h.app, 'GET', '/api/progress', { cookie: first.cookie })).status).toBe(401);

    // Expiry is the database's: a session past its time is refused.
    const signIn = await send(h.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: ada.email, password: ada.password },
    });
    const second = cookieOf(signIn.res);
    expect((await send(h.app, 'GET', '/api/progress', { cookie: second })).status).toBe(200);
    await h.database.exec(`UPDATE auth_sessions SET "expiresAt" = now() - interval '1 minute'`);
    expect((await send(h.app, 'GET', '/api/progress', { cookie: second })).status).toBe(401);

    // Two devices: the one revokes the other's session.
    const phone = cookieOf(
      (await send(h.app, 'POST', '/api/auth/sign-in/email', { body: { email: ada.email, password: ada.password } }))
        .res,
    );
    const laptop = cookieOf(
      (await send(h.app, 'POST', '/api/auth/sign-in/email', { body: { email: ada.email, password: ada.password } }))
        .res,
    );
    const revoked = await send(h.app, 'POST', '/api/auth/revoke-other-sessions', { cookie: laptop, body: {} });
    expect(revoked.status).toBe(200);
    expect((await send(h.app, 'GET', '/api/progress', { cookie: phone })).status).toBe(401);
    expect((await send(h.app, 'GET', '/api/progress', { cookie: laptop })).status).toBe(200);
  });

  it('refuses cookie writes from another origin or naming none, and accepts same-origin fetches', async () => {
    h = await accountsHarness();
    const { cookie, userId } = await signUp(h.app, ada);
    const event = { type: 'hours', hours: 1 };
    const evil = await send(h.app, 'POST', '/api/progress/events', {
      cookie,
      body: event,
      origin: 'https://evil.example',
    });
    expect(evil.status).toBe(403);
    expect(codeOf(evil.json)).toBe('FORBIDDEN');
    const bare = await send(h.app, 'POST', '/api/progress/events', { cookie, body: event, origin: null });
    expect(bare.status).toBe(403);
    const crossSite = await send(h.app, 'POST', '/api/progress/events', {
      cookie,
      body: event,
      origin: null,
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(await h.store.countEvents(userId)).toBe(0);

    const sameOrigin = await send(h.app, 'POST', '/api/progress/events', {
      cookie,
      body: event,
      origin: null,
      headers: { 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(200);
    expect((await send(h.app, 'POST', '/api/progress/events', { cookie, body: event })).status).toBe(200);
    expect(await h.store.countEvents(userId)).toBe(2);

    // A sign-in posted from another site's page is refused by the library's own origin check.
    const foreignSignIn = await send(h.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: ada.email, password: ada.password },
      origin: 'https://evil.example',
    });
    expect(foreignSignIn.status).toBe(403);
    expect(foreignSignIn.res.headers.getSetCookie()).toEqual([]);
  });

  it('rate-limits sign-ins per address (429 with Retry-After)', async () => {
    h = await accountsHarness();
    await signUp(h.app, ada);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i <= AUTH_LIMITS.signInPerWindow; i++) {
      last = await send(h.app, 'POST', '/api/auth/sign-in/email', {
        body: { email: `nobody${i}@example.org`, password: 'not-a-real-password' },
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, AUTH_LIMITS.signInPerWindow).every((s) => s === 401)).toBe(true);
    expect(last?.status).toBe(429);
    expect(codeOf(last?.json)).toBe('RATE_LIMITED');
    // The address is limited, not an account: no field is at fault (a locked account names the email).
    expect(ErrorSchema.parse(last?.json).error.problems).toEqual([]);
    expect(Number(last?.res.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('locks an account after repeated failures from any address, until the lock ends or a reset', async () => {
    h = await accountsHarness({ trustProxy: true });
    await signUp(h.app, ada);
    const attempt = (password: string, address: string) =>
      send(h.app, 'POST', '/api/auth/sign-in/email', {
        body: { email: ada.email, password },
        headers: { 'X-Forwarded-For': `198.51.100.7, ${address}` },
      });
    for (let i = 0; i < AUTH_LIMITS.lockoutFailures; i++) {
      expect((await attempt('wrong-password-guess', `203.0.113.${i + 1}`)).status).toBe(401);
    }
    const locked = await attempt(ada.password, '203.0.113.200');
    expect(locked.status).toBe(429);
    expect(ErrorSchema.parse(locked.json).error.message).toContain('too many failed sign-ins for this account');
    expect(ErrorSchema.parse(locked.json).error.problems.map((p) => p.path)).toEqual(['email']);
    expect(Number(locked.res.headers.get('Retry-After'))).toBe(AUTH_LIMITS.lockoutSeconds);
    expect(locked.res.headers.getSetCookie()).toEqual([]);

    // Another account is not affected.
    await signUp(h.app, grace);
    const other = await send(h.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: grace.email, password: grace.password },
      headers: { 'X-Forwarded-For': '203.0.113.100' },
    });
    expect(other.status).toBe(200);

    // The lock ends by itself...
    h.setNow(new Date(Date.parse('2026-03-04T12:00:00Z') + (AUTH_LIMITS.lockoutSeconds + 1) * 1000).toISOString());
    expect((await attempt(ada.password, '203.0.113.201')).status).toBe(200);

    // ...and an admin reset clears it at once.
    for (let i = 0; i < AUTH_LIMITS.lockoutFailures; i++) await attempt('wrong-password-guess', `203.0.113.${30 + i}`);
    expect((await attempt(ada.password, '203.0.113.202')).status).toBe(429);
    await h.accounts.admin.resetPassword(ada.email, 'a-brand-new-password');
    expect((await attempt('a-brand-new-password', '203.0.113.203')).status).toBe(200);
    expect((await attempt(ada.password, '203.0.113.204')).status).toBe(401);
  });

  it('adds, lists, disables and re-enables users from the admin side', async () => {
    h = await accountsHarness({ signUp: false });
    const closed = await send(h.app, 'POST', '/api/auth/sign-up/email', { body: ada });
    expect(closed.status).toBeGreaterThanOrEqual(400);
    expect(closed.status).toBeLessThan(500);

    const added = await h.accounts.admin.addUser({ email: 'Ada@Example.org', name: 'Ada', password: ada.password });
    expect(added).toMatchObject({ email: 'ada@example.org', name: 'Ada', disabled: false, sessions: 0 });
    await expect(
      h.accounts.admin.addUser({ email: ada.email, name: 'Ada 2', password: ada.password }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      h.accounts.admin.addUser({ email: 'x@example.org', name: 'X', password: 'short' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const signIn = await send(h.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: ada.email, password: ada.password },
    });
    expect(signIn.status).toBe(200);
    const cookie = cookieOf(signIn.res);
    expect((await h.accounts.admin.listUsers()).map((u) => [u.email, u.sessions])).toEqual([['ada@example.org', 1]]);

    const disabled = await h.accounts.admin.setDisabled(ada.email, true);
    expect(disabled).toMatchObject({ disabled: true, sessions: 0 });
    expect((await send(h.app, 'GET', '/api/progress', { cookie })).status).toBe(401);
    const refused = await send(h.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: ada.email, password: ada.password },
    });
    expect(refused.status).toBe(403);
    expect(refused.res.headers.getSetCookie().filter((c) => !c.includes('=;'))).toEqual([]);

    await h.accounts.admin.setDisabled(ada.email, false);
    expect(
      (await send(h.app, 'POST', '/api/auth/sign-in/email', { body: { email: ada.email, password: ada.password } }))
        .status,
    ).toBe(200);
    await expect(h.accounts.admin.setDisabled('nobody@example.org', true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a short secret and a public URL that is not http(s), naming the setting', async () => {
    h = await accountsHarness();
    await expect(
      openAccounts({ url: TEST_DATABASE_URL, secret: 'short', publicUrl: TEST_ORIGIN }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('MLPATH_AUTH_SECRET') });
    await expect(
      openAccounts({ url: TEST_DATABASE_URL, secret: randomBytes(32).toString('hex'), publicUrl: 'ftp://x' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('not http or https') });
  });
});
