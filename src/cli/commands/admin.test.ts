/**
 * `mlpath admin user ...` and `mlpath serve --multi-user` against the real PostgreSQL: accounts
 * made by the administrator sign in to a real server process; SQLite is refused for server mode.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, TEST_DATABASE_URL, postgresDatabase, postgresReachable } from '../../store/test-support/databases.js';
import { memoryIo } from '../io.js';
import { main } from '../main.js';
import { spawnCli } from '../test-support/spawn-cli.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping mlpath admin on PostgreSQL: ${reachable.reason}`);

async function run(args: string[], env: Record<string, string>, stdin?: string) {
  const io = memoryIo({ env: { MLPATH_LANG: 'en', ...env }, ...(stdin === undefined ? {} : { stdin }) });
  const status = await main(args, io);
  return { status, stdout: io.stdout(), stderr: io.stderr() };
}

describe('mlpath serve --multi-user without PostgreSQL', () => {
  it('is refused with the setting to fix, and creates no SQLite file', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlpath-multi-'));
    try {
      const result = await run(['serve', '--multi-user', '--port', '0'], { MLPATH_HOME: home });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('mlpath serve --multi-user needs PostgreSQL');
      expect(result.stderr).toContain('DATABASE_URL=postgres://');
      expect(existsSync(join(home, 'mlpath.db'))).toBe(false);
      const zh = await run(['serve', '--multi-user'], { MLPATH_HOME: home, MLPATH_LANG: 'zh-CN' });
      expect(zh.stderr).toContain('需要 PostgreSQL');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('needs MLPATH_AUTH_SECRET', async () => {
    const result = await run(['serve', '--multi-user', '--port', '4999'], { DATABASE_URL: TEST_DATABASE_URL });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('MLPATH_AUTH_SECRET');
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe.skipIf(!reachable.ok && !IN_CI)('mlpath admin and the multi-user server on PostgreSQL', () => {
  const database = postgresDatabase();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${database.schema}`);
  const env = { DATABASE_URL: url.toString() };

  beforeAll(async () => {
    await (await database.open()).close(); // creates the schema
  });
  afterAll(async () => {
    await database.drop();
  });

  it('adds, lists, disables, enables and resets accounts, in both languages', async () => {
    const added = await run(['admin', 'user', 'add', 'ada@example.org', '--name', 'Ada'], env);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('added ada@example.org (Ada)');
    expect(added.stdout).toMatch(/password: [\w-]{24}\n/);
    expect(added.stderr).toContain('shown once');

    const own = await run(
      ['admin', 'user', 'add', 'grace@example.org', '--name', 'Grace', '--password-stdin'],
      env,
      'cobol-compiler-1959\n',
    );
    expect(own.status).toBe(0);
    expect(own.stdout).not.toContain('password:');

    const twice = await run(['admin', 'user', 'add', 'ada@example.org', '--name', 'Ada'], env);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('a user with the email ada@example.org already exists');
    const zhTwice = await run(['admin', 'user', 'add', 'ada@example.org', '--name', 'Ada'], {
      ...env,
      MLPATH_LANG: 'zh-CN',
    });
    expect(zhTwice.stderr).toContain('邮箱为 ada@example.org 的用户已存在');

    const short = await run(
      ['admin', 'user', 'add', 'x@example.org', '--name', 'X', '--password-stdin'],
      env,
      'short\n',
    );
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('a password needs 10 to 128 characters (this one has 5)');

    const list = await run(['admin', 'user', 'list', '--json'], env);
    const users = JSON.parse(list.stdout) as Array<{ email: string; disabled: boolean }>;
    expect(users.map((u) => [u.email, u.disabled])).toEqual([
      ['ada@example.org', false],
      ['grace@example.org', false],
    ]);

    expect((await run(['admin', 'user', 'disable', 'grace@example.org'], env)).stdout).toContain(
      'disabled grace@example.org',
    );
    expect((await run(['admin', 'user', 'list'], env)).stdout).toMatch(/grace@example\.org {2}Grace {2}disabled/);
    expect((await run(['admin', 'user', 'enable', 'grace@example.org'], env)).status).toBe(0);

    const reset = await run(['admin', 'user', 'reset-password', 'ada@example.org'], env);
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/password: [\w-]{24}\n/);

    const missing = await run(['admin', 'user', 'disable', 'nobody@example.org'], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no user has the email nobody@example.org');
    expect(missing.stderr).toContain('mlpath admin user list');
  });

  it('serves accounts from a real process: an admin-made account signs in; no session is 401', async () => {
    const added = await run(
      ['admin', 'user', 'add', 'lin@example.org', '--name', 'Lin', '--password-stdin'],
      env,
      'hui-neng-platform-sutra\n',
    );
    expect(added.status).toBe(0);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const child = spawnCli(['serve', '--multi-user', '--no-sign-up', '--port', String(port)], {
      env: { ...process.env, ...env, MLPATH_AUTH_SECRET: randomBytes(32).toString('base64'), MLPATH_LANG: 'en' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('serving on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      expect((await fetch(`${origin}/api/progress`)).status).toBe(401);
      const json = { 'Content-Type': 'application/json', Origin: origin };
      const signUp = await fetch(`${origin}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ name: 'Mallory', email: 'm@example.org', password: 'open-sesame-please' }),
      });
      expect(signUp.status).toBeGreaterThanOrEqual(400);
      const signIn = await fetch(`${origin}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'lin@example.org', password: 'hui-neng-platform-sutra' }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const progress = await fetch(`${origin}/api/progress`, { headers: { Cookie: cookie } });
      expect(progress.status).toBe(200);
      const hours = await fetch(`${origin}/api/progress/events`, {
        method: 'POST',
        headers: { ...json, Cookie: cookie },
        body: JSON.stringify({ type: 'hours', hours: 2 }),
      });
      expect(hours.status).toBe(200);
      expect(stderr).toContain(`accounts on: sign in at ${origin}`);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
