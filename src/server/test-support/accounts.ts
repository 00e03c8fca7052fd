/**
 * @module server/test-support/accounts
 * A real multi-user app for tests: a fresh PostgreSQL schema (dropped by `close`), the store
 * and the accounts on it, and helpers that sign people up and send requests with their cookie
 * from the server's own origin, as the web app in a browser does.
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { Curriculum } from '../../core/model.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { TEST_DATABASE_URL, postgresDatabase } from '../../store/test-support/databases.js';
import type { TestDatabase } from '../../store/test-support/databases.js';
import { createApp } from '../app.js';
import { openAccounts } from '../auth.js';
import type { Accounts, AccountsOptions } from '../auth.js';
import type { AppEnv } from '../context.js';
import { fixtureCurriculum } from './fixture-curriculum.js';
import { TEST_NOW } from './harness.js';

export const TEST_ORIGIN = 'http://127.0.0.1:4321';

export interface AccountsHarness {
  readonly app: Hono<AppEnv>;
  readonly store: KyselyStore;
  readonly accounts: Accounts;
  readonly database: TestDatabase & { schema: string };
  readonly curriculum: Curriculum;
  /** Move the pinned clock (the lockout reads it; session expiry is the database's own time). */
  setNow(instant: string): void;
  close(): Promise<void>;
}

export async function accountsHarness(
  options: Partial<Pick<AccountsOptions, 'publicUrl' | 'signUp' | 'trustProxy'>> = {},
): Promise<AccountsHarness> {
  const database = postgresDatabase();
  const store = await database.open();
  let now = new Date(TEST_NOW);
  const clock = (): Date => now;
  const accounts = await openAccounts({
    url: TEST_DATABASE_URL,
    schema: database.schema,
    secret: randomBytes(32).toString('base64'),
    publicUrl: options.publicUrl ?? TEST_ORIGIN,
    ...(options.signUp === undefined ? {} : { signUp: options.signUp }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    clock,
  });
  const curriculum = fixtureCurriculum();
  const app = createApp({ store, curriculum, clock, accounts, version: '9.9.9-test' });
  return {
    app,
    store,
    accounts,
    database,
    curriculum,
    setNow: (instant) => {
      now = new Date(instant);
    },
    close: async () => {
      await accounts.close();
      await store.close();
      await database.drop();
    },
  };
}

export interface Reply {
  readonly status: number;
  readonly json: unknown;
  readonly text: string;
  readonly res: Response;
}

/** The `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

/** Send a request as a browser on the server's own page would (Origin set; a cookie when given). */
export async function send(
  app: Hono<AppEnv>,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; origin?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.origin !== null && method !== 'GET') headers['Origin'] = options.origin ?? TEST_ORIGIN;
  if (options.cookie) headers['Cookie'] = options.cookie;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await app.request(`${TEST_ORIGIN}${path}`, init);
  const text = await res.clone().text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, res };
}

/** Create an account through the public route and return its session cookie. */
export async function signUp(
  app: Hono<AppEnv>,
  person: { name: string; email: string; password: string },
): Promise<{ cookie: string; userId: string }> {
  const reply = await send(app, 'POST', '/api/auth/sign-up/email', { body: person });
  if (reply.status !== 200) throw new Error(`sign-up failed: ${reply.status} ${reply.text}`);
  return { cookie: cookieOf(reply.res), userId: (reply.json as { user: { id: string } }).user.id };
}
