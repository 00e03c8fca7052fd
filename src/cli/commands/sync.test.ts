/**
 * `mlpath login`, `sync` and `logout` against a real multi-user server (the app on a loopback port,
 * accounts and store on a fresh PostgreSQL schema) with two real SQLite homes as two devices: push,
 * pull, the second device converging, a second sync adding nothing, the later profile winning, and a
 * retried POST under one Idempotency-Key adding one event.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryParseCurriculum } from '../../content/load.js';
import { FIXTURE_YAML } from '../../export/test-support/fixture.js';
import { createApp } from '../../server/app.js';
import { openAccounts } from '../../server/auth.js';
import type { Accounts } from '../../server/auth.js';
import { listen } from '../../server/server.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { openSqliteStore } from '../../store/sqlite.js';
import type { LearnerData } from '../../store/store.js';
import { IN_CI, TEST_DATABASE_URL, postgresDatabase, postgresReachable } from '../../store/test-support/databases.js';
import type { TestDatabase } from '../../store/test-support/databases.js';
import { memoryIo } from '../io.js';
import { main } from '../main.js';
import { CREDENTIALS_FILE, readCredentials, remoteClient } from '../remote.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI) console.warn(`skipping the sync tests: ${reachable.reason}`);

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** What two sides must agree on: events (by id), projects, postings and the profile. */
function comparable(data: LearnerData): unknown {
  return {
    profile: data.profile ?? null,
    events: [...data.events].sort((a, b) => a.id.localeCompare(b.id)),
    projects: [...data.projects].sort((a, b) => a.id.localeCompare(b.id)),
    postings: [...data.postings].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe.skipIf(!reachable.ok && !IN_CI)('mlpath login, sync and logout against a real server', () => {
  let database: TestDatabase & { schema: string };
  let store: KyselyStore;
  let accounts: Accounts;
  let close: () => Promise<void>;
  let server: string;
  let userId: string;
  const email = `sync-${randomBytes(4).toString('hex')}@example.org`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  // Two devices: two data directories, each its own SQLite file.
  const laptop: TestHome = testHome('2026-11-27T09:00:00.000Z');
  const desktop: TestHome = testHome('2026-11-27T10:00:00.000Z');

  const ok = async (home: TestHome, args: string[], extra: Record<string, string> = {}): Promise<string> => {
    const r = await home.run(args, extra);
    expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  const localData = async (home: TestHome): Promise<LearnerData> => {
    const s = await openSqliteStore(join(home.home, 'mlpath.db'));
    try {
      return await s.exportData('local');
    } finally {
      await s.close();
    }
  };
  const syncJson = async (home: TestHome, extra: Record<string, string> = {}) =>
    JSON.parse(await ok(home, ['sync', '--json'], extra)) as {
      pushed: number;
      pulled: number;
      profile: string;
      projects: { pushed: number; pulled: number };
    };

  beforeAll(async () => {
    const port = await freePort();
    server = `http://127.0.0.1:${port}`;
    database = postgresDatabase();
    store = await database.open();
    accounts = await openAccounts({
      url: TEST_DATABASE_URL,
      schema: database.schema,
      secret: randomBytes(32).toString('base64'),
      publicUrl: server,
    });
    const parsed = tryParseCurriculum([{ file: 'fixture.yaml', text: FIXTURE_YAML }], 'fixture');
    if (!parsed.ok) throw new Error('the fixture curriculum does not parse');
    const app = createApp({ store, curriculum: parsed.curriculum, clock: () => new Date(), accounts });
    const listening = await listen(app, { port, host: '127.0.0.1', drainMs: 1000 });
    close = listening.close;
    userId = (await accounts.admin.addUser({ email, name: 'Sync Tester', password })).id;
  }, 60_000);

  afterAll(async () => {
    await close?.();
    await accounts?.close();
    await store?.close();
    await database?.drop();
    laptop.remove();
    desktop.remove();
  });

  it('refuses a wrong password, plain http to another machine, and sync before login, writing nothing', async () => {
    const wrong = await laptop.run(['login', server, '--email', email], { MLPATH_PASSWORD: 'not-the-password' });
    expect(wrong.status).toBe(4);
    expect(wrong.stderr).toContain('check the email and password');
    expect(existsSync(join(laptop.home, CREDENTIALS_FILE))).toBe(false);

    const plain = await laptop.run(['login', 'http://mlpath.example.org', '--email', email], {
      MLPATH_PASSWORD: password,
    });
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain('plain http');

    const early = await laptop.run(['sync']);
    expect(early.status).toBe(4);
    expect(early.stderr).toContain('mlpath login URL');
  });

  it('signs in with --email and MLPATH_PASSWORD and keeps the session readable by the owner only', async () => {
    const out = await ok(laptop, ['login', server, '--email', email], { MLPATH_PASSWORD: password });
    expect(out).toContain(`signed in to ${server} as ${email}`);
    const file = join(laptop.home, CREDENTIALS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { server: string; userId: string; cookie: string };
    expect(kept.server).toBe(server);
    expect(kept.userId).toBe(userId);
    expect(kept.cookie).toContain('session_token=');
    expect(JSON.stringify(kept)).not.toContain(password);
  });

  it('pushes the first device’s progress, and a second sync adds nothing', async () => {
    await ok(laptop, ['init', '--yes', '--start-point', 'from-scratch']);
    await ok(laptop, ['done', 'python-programming']);
    await ok(laptop, ['log', '1h30m', '--date', '2026-11-26']);
    await ok(laptop, ['note', 'first notes from the laptop']);
    await ok(laptop, ['project', 'add', 'chinese-chatbot']);
    const local = await localData(laptop);
    expect(local.events.length).toBeGreaterThanOrEqual(4);

    const first = await syncJson(laptop);
    expect(first.pushed).toBe(local.events.length);
    expect(first.pulled).toBe(0);
    expect(first.profile).toBe('sent');
    expect(first.projects.pushed).toBe(1);
    expect(comparable(await store.exportData(userId))).toEqual(comparable(local));

    const again = await ok(laptop, ['sync']);
    expect(again).toContain('already in sync');
    expect(await store.countEvents(userId)).toBe(local.events.length);
  });

  it('brings a second device to the same state, and both converge on each one’s new steps', async () => {
    // A script gives the password on standard input.
    const io = memoryIo({ env: desktop.env(), cwd: desktop.dir, stdin: `${password}\n` });
    expect(await main(['login', server, '--email', email], io), io.stderr()).toBe(0);
    const pulled = await syncJson(desktop);
    const laptopData = await localData(laptop);
    expect(pulled.pulled).toBe(laptopData.events.length);
    expect(pulled.pushed).toBe(0);
    expect(pulled.profile).toBe('taken');
    expect(comparable(await localData(desktop))).toEqual(comparable(laptopData));

    // Each device records a step of its own, then both sync (the laptop twice, to see the desktop's).
    await ok(desktop, ['done', 'linear-algebra']);
    await ok(desktop, ['project', 'link', 'chinese-chatbot', 'repository', 'https://example.org/me/chatbot']);
    await ok(laptop, ['note', 'a second note from the laptop']);
    await syncJson(desktop);
    await syncJson(laptop);
    await syncJson(desktop);
    const a = comparable(await localData(laptop));
    expect(comparable(await localData(desktop))).toEqual(a);
    expect(comparable(await store.exportData(userId))).toEqual(a);
    // A link set on one device reached the project on the other.
    expect((await localData(laptop)).projects[0]?.links.repository).toBe('https://example.org/me/chatbot');

    // A second round adds nothing anywhere.
    const count = await store.countEvents(userId);
    for (const home of [laptop, desktop]) {
      const r = await syncJson(home);
      expect([r.pushed, r.pulled, r.profile]).toEqual([0, 0, 'same']);
    }
    expect(await store.countEvents(userId)).toBe(count);
    expect(comparable(await localData(laptop))).toEqual(a);
    expect(await ok(desktop, ['sync'], { MLPATH_LANG: 'zh-CN' })).toContain(`已与 ${server} 保持同步`);
    // The synced device plans and reports from what it received.
    expect(await ok(desktop, ['status'])).toContain('Skills done: 2 of the 3 in your plan');
  });

  it('keeps the later of two conflicting profile edits on every side', async () => {
    // The desktop edits later (10:30) than the laptop (10:05), but syncs first.
    await ok(laptop, ['init', '--yes', '--force', '--start-point', 'from-scratch', '--hours', '7'], {
      MLPATH_NOW: '2026-11-27T10:05:00.000Z',
    });
    await ok(desktop, ['init', '--yes', '--force', '--start-point', 'from-scratch', '--hours', '13'], {
      MLPATH_NOW: '2026-11-27T10:30:00.000Z',
    });
    expect((await syncJson(desktop)).profile).toBe('sent');
    // The laptop's edit is older: it is not sent, the desktop's is taken.
    expect((await syncJson(laptop)).profile).toBe('taken');
    expect((await syncJson(desktop)).profile).toBe('same');
    for (const data of [await localData(laptop), await localData(desktop), await store.exportData(userId)]) {
      expect(data.profile?.hoursPerWeek).toBe(13);
    }
  });

  it('answers a retried POST under one Idempotency-Key once, and refuses the key for another request', async () => {
    const { cookie } = JSON.parse(readFileSync(join(laptop.home, CREDENTIALS_FILE), 'utf8')) as { cookie: string };
    const post = (path: string, body: unknown, key: string) =>
      fetch(`${server}${path}`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: server, 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
      });
    const before = await store.countEvents(userId);
    const key = randomBytes(16).toString('hex');
    const event = { type: 'note', text: 'sent twice, kept once' };
    const first = await post('/api/progress/events', event, key);
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    // The reply was "lost": the client sends the same request again with the same key.
    const retry = await post('/api/progress/events', event, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.text()).toBe(firstBody);
    expect(await store.countEvents(userId)).toBe(before + 1);

    const other = await post('/api/progress/events', { type: 'note', text: 'another request' }, key);
    expect(other.status).toBe(409);
    expect(await store.countEvents(userId)).toBe(before + 1);

    // The sync route the same way: one batch, sent twice under one key, adds its event once.
    const batch = {
      events: [{ id: `retry-${key}`, type: 'note', at: '2026-11-27T11:00:00.000Z', text: 'batched once' }],
      projects: [],
      postings: [],
      profile: null,
    };
    const keyB = randomBytes(16).toString('hex');
    const a = (await (await post('/api/sync', batch, keyB)).json()) as { added: { events: number } };
    const b = await post('/api/sync', batch, keyB);
    expect(a.added.events).toBe(1);
    expect(b.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await b.json()) as { added: { events: number } }).added.events).toBe(1);
    expect(await store.countEvents(userId)).toBe(before + 2);

    const bad = await post('/api/sync', batch, 'has spaces in it');
    expect(bad.status).toBe(400);
  });

  it('retries a push whose reply was lost with the same key, and the server adds its events once', async () => {
    const io = { env: laptop.env(), cwd: laptop.dir };
    const credentials = readCredentials(io);
    if (!credentials) throw new Error('the laptop is not signed in');
    let lost = 0;
    // The request reaches the server and is answered; the answer is lost on its way back, once.
    const lossy = async (input: string, init: RequestInit): Promise<Response> => {
      const res = await fetch(input, init);
      if (init.method === 'POST' && lost === 0) {
        lost++;
        await res.arrayBuffer();
        throw new TypeError('fetch failed');
      }
      return res;
    };
    const client = remoteClient(io, credentials, lossy);
    const before = await store.countEvents(userId);
    const id = `lost-reply-${randomBytes(6).toString('hex')}`;
    const answer = await client.request<{ added: { events: number } }>('POST', '/api/sync', {
      body: {
        events: [{ id, type: 'note', at: '2026-11-27T12:00:00.000Z', text: 'the reply was lost' }],
        projects: [],
        postings: [],
        profile: null,
      },
      idempotencyKey: randomBytes(16).toString('hex'),
    });
    expect(lost).toBe(1);
    // The retry got the first answer: one event added, once.
    expect(answer.added.events).toBe(1);
    expect(await store.countEvents(userId)).toBe(before + 1);
  });

  it('signs out: the session ends on the server and the credentials file is gone', async () => {
    const stale = readFileSync(join(desktop.home, CREDENTIALS_FILE), 'utf8');
    const { cookie } = JSON.parse(stale) as { cookie: string };
    const out = await ok(desktop, ['logout']);
    expect(out).toContain(`signed out of ${server}`);
    expect(existsSync(join(desktop.home, CREDENTIALS_FILE))).toBe(false);
    const after = await fetch(`${server}/api/sync/state`, { headers: { Cookie: cookie } });
    expect(after.status).toBe(401);
    const sync = await desktop.run(['sync']);
    expect(sync.status).toBe(4);
    expect(sync.stderr).toContain('not signed in');
    // A kept session that the server no longer knows is told apart: sign in again.
    writeFileSync(join(desktop.home, CREDENTIALS_FILE), stale, { mode: 0o600 });
    const ended = await desktop.run(['sync']);
    expect(ended.status).toBe(4);
    expect(ended.stderr).toContain(`sign in again with \`mlpath login ${server}\``);
  });
});
