/**
 * @module server/auth
 * Accounts of the multi-user server, on PostgreSQL, through better-auth (email and password,
 * scrypt-hashed; sessions in the database). This module is the one place that knows the library:
 *
 * - `openAccounts(options)` connects (its own small pool on the same database and schema as the
 *   store; the tables come from the store's migrations, version 2) and configures the library.
 * - `accounts.handle(c)` answers the account routes listed in `AUTH_ROUTES` under `/api/auth/`,
 *   with our error shape, per-address rate limits and a per-account sign-in lockout.
 * - `accounts.resolveLearner(store, clock)` maps a request's session to its learner (the learner
 *   whose id is the user's id, created on first use); no session is UNAUTHENTICATED (401).
 * - `accounts.admin` adds, lists, disables users and resets passwords (the CLI's `mlpath admin`).
 *
 * The session cookie is httpOnly and SameSite=Lax, and Secure (with the `__Secure-` prefix) when
 * the public URL is https. Sessions expire (AUTH_LIMITS) and are revoked by sign-out, by disabling
 * the user and by a password reset.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { betterAuth } from 'better-auth';
import type { BetterAuthOptions } from 'better-auth';
import { APIError } from 'better-auth/api';
import type { Context } from 'hono';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { postgresPool } from '../store/postgres.js';
import { codedProblem, MlpathError } from '../core/errors.js';
import type { ErrorCode, MessageParams } from '../core/errors.js';
import type { Store } from '../store/store.js';
import { AUTH_LIMITS } from './auth-limits.js';
import type { AppEnv, LearnerRef } from './context.js';
import type { LearnerResolver } from './learner.js';

/** The account routes the server answers (under `/api/auth/`); the library's others are not exposed. */
export const AUTH_ROUTES = [
  { method: 'POST', path: 'sign-up/email' },
  { method: 'POST', path: 'sign-in/email' },
  { method: 'POST', path: 'sign-out' },
  { method: 'GET', path: 'get-session' },
  { method: 'GET', path: 'list-sessions' },
  { method: 'POST', path: 'revoke-session' },
  { method: 'POST', path: 'revoke-other-sessions' },
  { method: 'POST', path: 'change-password' },
] as const;

/** The header the server sets (never the client) to tell the library the client's address. */
const CLIENT_IP_HEADER = 'x-mlpath-client-ip';
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface AccountsOptions {
  /** The PostgreSQL URL (DATABASE_URL). */
  readonly url: string;
  /** The schema the store uses, when not the default search path (tests). */
  readonly schema?: string;
  /** Signs the session cookies; at least AUTH_LIMITS.secretMin characters. */
  readonly secret: string;
  /** Where people open the server, e.g. `https://mlpath.example.org`: the only origin trusted for writes. */
  readonly publicUrl: string;
  /** Take the client address from the last X-Forwarded-For entry (set this only behind a reverse proxy). */
  readonly trustProxy?: boolean;
  /** Whether anyone may create an account (`POST /api/auth/sign-up/email`); else only `mlpath admin`. */
  readonly signUp?: boolean;
  /** Now, for the lockout; defaults to the system clock. */
  readonly clock?: () => Date;
}

export interface UserSummary {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly disabled: boolean;
  readonly createdAt: string;
  /** Sessions that have not expired. */
  readonly sessions: number;
}

export interface AccountsAdmin {
  /** Create a user with a password; CONFLICT if the email is taken. */
  addUser(input: { email: string; name: string; password: string }): Promise<UserSummary>;
  listUsers(): Promise<UserSummary[]>;
  /** Disable (or, with `false`, enable) a user; disabling ends every session. NOT_FOUND if no such user. */
  setDisabled(email: string, disabled: boolean): Promise<UserSummary>;
  /** Set a new password, end every session and clear the sign-in lockout. NOT_FOUND if no such user. */
  resetPassword(email: string, password: string): Promise<UserSummary>;
}

export interface Accounts {
  /** The public origin (`https://host`): writes carrying a cookie must come from it. */
  readonly origin: string;
  /** Whether anyone may create an account (else only `mlpath admin user add`). */
  readonly signUp: boolean;
  /** Answer one of AUTH_ROUTES. */
  handle(c: Context<AppEnv>): Promise<Response>;
  /** The learner of the request's session; UNAUTHENTICATED without one. */
  resolveLearner(store: Store, clock: () => Date): LearnerResolver;
  readonly admin: AccountsAdmin;
  close(): Promise<void>;
}

interface FailuresTable {
  email: string;
  failures: number;
  first_at: string;
  locked_until: string | null;
}
export interface AuthTables {
  auth_sign_in_failures: FailuresTable;
}

function invalid(key: string, params: MessageParams = {}, hintKey?: string): MlpathError {
  return new MlpathError({ code: 'INVALID_INPUT', key, params, ...(hintKey ? { hintKey } : {}) });
}

/** Check the options a deployment gives, naming the setting to fix. */
function checkOptions(options: AccountsOptions): URL {
  if (options.secret.length < AUTH_LIMITS.secretMin) {
    throw invalid('auth.secretShort', { length: options.secret.length, min: AUTH_LIMITS.secretMin }, 'auth.secretHint');
  }
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw invalid('store.schemaName', { schema: options.schema });
  }
  let url: URL;
  try {
    url = new URL(options.publicUrl);
  } catch {
    throw invalid('auth.notUrl', { url: options.publicUrl }, 'auth.urlHint');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('auth.notHttp', { url: options.publicUrl });
  }
  return url;
}

/** The library's status codes as ours (its bodies are `{ code, message }`). */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'CONFLICT',
  429: 'RATE_LIMITED',
};

/** The library's configuration: our table names, limits and cookie rules (exported for the schema test). */
export function libraryOptions(db: Kysely<AuthTables>, options: AccountsOptions, publicUrl: URL) {
  return {
    appName: 'mlpath',
    baseURL: publicUrl.origin,
    basePath: '/api/auth',
    secret: options.secret,
    database: { db: db as Kysely<unknown>, type: 'postgres' },
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: options.signUp === false,
      minPasswordLength: AUTH_LIMITS.passwordMin,
      maxPasswordLength: AUTH_LIMITS.passwordMax,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      modelName: 'auth_users',
      additionalFields: { disabled: { type: 'boolean', required: false, defaultValue: false, input: false } },
    },
    session: {
      modelName: 'auth_sessions',
      expiresIn: AUTH_LIMITS.sessionSeconds,
      updateAge: AUTH_LIMITS.sessionRefreshSeconds,
      // Every request reads the session from the database, so a revoked session ends at once.
      cookieCache: { enabled: false },
    },
    account: { modelName: 'auth_accounts' },
    verification: { modelName: 'auth_verifications' },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'auth_rate_limits',
      window: AUTH_LIMITS.otherWindowSeconds,
      max: AUTH_LIMITS.otherPerWindow,
      customRules: {
        '/sign-in/email': { window: AUTH_LIMITS.signInWindowSeconds, max: AUTH_LIMITS.signInPerWindow },
        '/sign-up/email': { window: AUTH_LIMITS.signUpWindowSeconds, max: AUTH_LIMITS.signUpPerWindow },
      },
    },
    advanced: {
      cookiePrefix: 'mlpath',
      useSecureCookies: publicUrl.protocol === 'https:',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user cannot start a session, whatever the password.
          before: async (session, ctx) => {
            const user = await ctx?.context.internalAdapter.findUserById(session.userId);
            if ((user as { disabled?: boolean | null } | null)?.disabled === true) {
              throw new APIError('FORBIDDEN', { message: 'this account is disabled', code: 'ACCOUNT_DISABLED' });
            }
          },
        },
      },
    },
    logger: { disabled: true },
  } satisfies BetterAuthOptions;
}

export async function openAccounts(options: AccountsOptions): Promise<Accounts> {
  const publicUrl = checkOptions(options);
  const clock = options.clock ?? (() => new Date());
  // Every learner request reads its session here: as many connections as the store has. The
  // store's pool: its timeouts, and a lost connection fails one request, never the process.
  const pool = postgresPool(options.url, { schema: options.schema, max: 4 });
  const db = new Kysely<AuthTables>({ dialect: new PostgresDialect({ pool }) });

  const auth = betterAuth(libraryOptions(db, options, publicUrl));

  const lockout = signInLockout(db, clock);

  const clientAddress = (c: Context<AppEnv>): string => {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for');
      const last = forwarded?.split(',').pop()?.trim();
      if (last) return last;
    }
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    return incoming?.socket.remoteAddress ?? '127.0.0.1';
  };

  const handle = async (c: Context<AppEnv>): Promise<Response> => {
    const request = c.req.raw;
    const headers = new Headers(request.headers);
    headers.set(CLIENT_IP_HEADER, clientAddress(c));
    let body: string | undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      body = await c.req.text();
      // A bodiless POST (sign-out) is an empty JSON object to the library.
      if (body === '') {
        body = '{}';
        headers.set('Content-Type', 'application/json');
      }
    }
    const signIn = c.req.path === '/api/auth/sign-in/email' && request.method === 'POST';
    const email = signIn ? emailOf(body) : undefined;
    if (email !== undefined) {
      const lockedFor = await lockout.lockedFor(email);
      if (lockedFor > 0) {
        c.header('Retry-After', String(lockedFor));
        const message = `too many failed sign-ins for this account; try again in ${Math.ceil(lockedFor / 60)} min`;
        throw new MlpathError({
          code: 'RATE_LIMITED',
          message,
          hint: 'an administrator can reset the password at once with `mlpath admin user reset-password`',
          // The account (not the address) is locked: the problem is the email's.
          problems: [{ path: 'email', message }],
        });
      }
    }
    const response = await auth.handler(
      new Request(request.url, { method: request.method, headers, ...(body === undefined ? {} : { body }) }),
    );
    if (email !== undefined) {
      if (response.status === 401) await lockout.failed(email);
      else if (response.ok) await lockout.clear(email);
    }
    if (response.ok) return response;
    return ourError(c, response);
  };

  const ensured = new Set<string>();
  const resolveLearner =
    (store: Store, now: () => Date): LearnerResolver =>
    async (c): Promise<LearnerRef> => {
      const session = await auth.api.getSession({ headers: c.req.raw.headers });
      if (!session) {
        throw new MlpathError({
          code: 'UNAUTHENTICATED',
          key: 'auth.signInFirst',
          hintKey: 'hint.signIn',
        });
      }
      const user = session.user as { id: string; name: string; disabled?: boolean | null };
      if (user.disabled === true) {
        throw new MlpathError({ code: 'FORBIDDEN', key: 'auth.disabled' });
      }
      if (!ensured.has(user.id)) {
        await store.ensureLearner(user.id, user.name, now().toISOString());
        ensured.add(user.id);
      }
      return { id: user.id };
    };

  const admin = accountsAdmin(async () => (await auth.$context) as unknown as AdminContext, db, lockout);
  return {
    origin: publicUrl.origin,
    signUp: options.signUp !== false,
    handle,
    resolveLearner,
    admin,
    close: () => db.destroy(),
  };
}

/** The email of a sign-in body, normalised as the library does; undefined when there is none. */
function emailOf(body: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(body ?? '') as { email?: unknown };
    return typeof parsed.email === 'string' ? parsed.email.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The library's refusals that need our own code or name a field (`path` of a problem), so a
 * client can say which field is wrong, and why, in its own language.
 */
const LIBRARY_REFUSALS: Record<string, { code?: ErrorCode; key?: string; hintKey?: string; path?: string }> = {
  EMAIL_PASSWORD_SIGN_UP_DISABLED: { code: 'FORBIDDEN', key: 'auth.signUpClosed', hintKey: 'hint.signUpClosed' },
  ACCOUNT_DISABLED: { code: 'FORBIDDEN', key: 'auth.disabled' },
  INVALID_EMAIL: { path: 'email' },
  USER_ALREADY_EXISTS: { code: 'CONFLICT', path: 'email' },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { code: 'CONFLICT', path: 'email' },
  PASSWORD_TOO_SHORT: { path: 'password' },
  PASSWORD_TOO_LONG: { path: 'password' },
};

/** Turn the library's error response into ours, keeping Retry-After and any cookie it clears. */
async function ourError(c: Context<AppEnv>, response: Response): Promise<never> {
  let message = `the account route answered ${response.status}`;
  let libraryCode = '';
  try {
    const parsed = (await response.json()) as { message?: unknown; code?: unknown };
    if (typeof parsed.message === 'string' && parsed.message !== '') message = parsed.message;
    if (typeof parsed.code === 'string') libraryCode = parsed.code;
  } catch {
    // Not JSON: keep the plain message.
  }
  const retry = response.headers.get('x-retry-after') ?? response.headers.get('retry-after');
  if (retry) c.header('Retry-After', retry);
  for (const cookie of response.headers.getSetCookie()) c.header('Set-Cookie', cookie, { append: true });
  const refusal = LIBRARY_REFUSALS[libraryCode];
  const code =
    refusal?.code ?? CODE_OF_STATUS[response.status] ?? (response.status >= 500 ? 'INTERNAL' : 'INVALID_INPUT');
  if (refusal?.key !== undefined) {
    throw new MlpathError({
      code,
      key: refusal.key,
      ...(refusal.hintKey ? { hintKey: refusal.hintKey } : {}),
      ...(refusal.path ? { problems: [codedProblem(refusal.key, {}, { path: refusal.path })] } : {}),
    });
  }
  // The library's own words (in English) for the rest.
  const text = message.charAt(0).toLowerCase() + message.slice(1);
  throw new MlpathError({
    code,
    message: text,
    ...(refusal?.path ? { problems: [{ path: refusal.path, message: text }] } : {}),
  });
}

interface Lockout {
  /** Seconds the account stays locked (0 when it is not). */
  lockedFor(email: string): Promise<number>;
  failed(email: string): Promise<void>;
  clear(email: string): Promise<void>;
}

/** Failed sign-ins per email in the database, so every server instance sees the same count. */
function signInLockout(db: Kysely<AuthTables>, clock: () => Date): Lockout {
  return {
    async lockedFor(email) {
      const row = await db
        .selectFrom('auth_sign_in_failures')
        .select('locked_until')
        .where('email', '=', email)
        .executeTakeFirst();
      if (!row?.locked_until) return 0;
      return Math.max(0, Math.ceil((Date.parse(row.locked_until) - clock().getTime()) / 1000));
    },
    async failed(email) {
      const now = clock();
      const at = now.toISOString();
      const windowStart = new Date(now.getTime() - AUTH_LIMITS.lockoutWindowSeconds * 1000).toISOString();
      const until = new Date(now.getTime() + AUTH_LIMITS.lockoutSeconds * 1000).toISOString();
      // One statement, so concurrent failures on several instances all count.
      await sql`
        INSERT INTO auth_sign_in_failures (email, failures, first_at, locked_until)
        VALUES (${email}, 1, ${at}, ${AUTH_LIMITS.lockoutFailures <= 1 ? until : null})
        ON CONFLICT (email) DO UPDATE SET
          failures = CASE WHEN auth_sign_in_failures.first_at < ${windowStart} THEN 1
                          ELSE auth_sign_in_failures.failures + 1 END,
          first_at = CASE WHEN auth_sign_in_failures.first_at < ${windowStart} THEN ${at}
                          ELSE auth_sign_in_failures.first_at END,
          locked_until = CASE
            WHEN auth_sign_in_failures.first_at >= ${windowStart}
             AND auth_sign_in_failures.failures + 1 >= ${AUTH_LIMITS.lockoutFailures} THEN ${until}
            ELSE auth_sign_in_failures.locked_until END`.execute(db);
      // Counts that no longer matter (window over, no lock) are dropped, so guessed emails do not pile up.
      await db
        .deleteFrom('auth_sign_in_failures')
        .where('first_at', '<', windowStart)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
        .execute();
    },
    async clear(email) {
      await db.deleteFrom('auth_sign_in_failures').where('email', '=', email).execute();
    },
  };
}

/** What the admin commands use of the library's context. */
interface AdminContext {
  readonly password: { hash(password: string): Promise<string> };
  readonly internalAdapter: {
    createUser(user: Record<string, unknown>, source: { method: 'email-password' }): Promise<unknown>;
    linkAccount(account: { userId: string; providerId: string; accountId: string; password: string }): Promise<unknown>;
    findUserByEmail(email: string): Promise<{ user: unknown } | null>;
    listUsers(
      limit: undefined,
      offset: undefined,
      sortBy: { field: string; direction: 'asc' | 'desc' },
    ): Promise<unknown[]>;
    updateUser(userId: string, data: Record<string, unknown>): Promise<unknown>;
    updatePassword(userId: string, hash: string): Promise<void>;
    deleteUserSessions(userId: string): Promise<void>;
  };
}

interface UserRow {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  disabled?: boolean | null;
}

function accountsAdmin(context: () => Promise<AdminContext>, db: Kysely<AuthTables>, lockout: Lockout): AccountsAdmin {
  const checkPassword = (password: string): void => {
    if (password.length < AUTH_LIMITS.passwordMin || password.length > AUTH_LIMITS.passwordMax) {
      throw invalid('auth.passwordLength', {
        min: AUTH_LIMITS.passwordMin,
        max: AUTH_LIMITS.passwordMax,
        length: password.length,
      });
    }
  };
  const summary = async (user: UserRow): Promise<UserSummary> => {
    const result = await sql<{ n: string }>`
      SELECT count(*) AS n FROM auth_sessions WHERE "userId" = ${user.id} AND "expiresAt" > now()`.execute(db);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      disabled: user.disabled === true,
      createdAt: new Date(user.createdAt).toISOString(),
      sessions: Number(result.rows[0]?.n ?? 0),
    };
  };
  const find = async (email: string): Promise<UserRow> => {
    const ctx = await context();
    const found = await ctx.internalAdapter.findUserByEmail(email.trim().toLowerCase());
    if (!found) {
      throw new MlpathError({
        code: 'NOT_FOUND',
        key: 'auth.noUser',
        params: { email },
        hintKey: 'auth.listHint',
      });
    }
    return found.user as UserRow;
  };
  return {
    async addUser({ email, name, password }) {
      const normalized = email.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized)) throw invalid('auth.notEmail', { email });
      if (name.trim() === '') throw invalid('auth.needsName');
      checkPassword(password);
      const ctx = await context();
      if (await ctx.internalAdapter.findUserByEmail(normalized)) {
        throw new MlpathError({ code: 'CONFLICT', key: 'auth.taken', params: { email: normalized } });
      }
      const hash = await ctx.password.hash(password);
      const user = (await ctx.internalAdapter.createUser(
        {
          email: normalized,
          name: name.trim(),
          emailVerified: false,
          disabled: false,
        },
        { method: 'email-password' },
      )) as UserRow;
      await ctx.internalAdapter.linkAccount({
        userId: user.id,
        providerId: 'credential',
        accountId: user.id,
        password: hash,
      });
      return summary(user);
    },
    async listUsers() {
      const ctx = await context();
      const users = (await ctx.internalAdapter.listUsers(undefined, undefined, {
        field: 'createdAt',
        direction: 'asc',
      })) as UserRow[];
      return Promise.all(users.map(summary));
    },
    async setDisabled(email, disabled) {
      const user = await find(email);
      const ctx = await context();
      const updated = (await ctx.internalAdapter.updateUser(user.id, { disabled })) as UserRow;
      if (disabled) await ctx.internalAdapter.deleteUserSessions(user.id);
      return summary(updated);
    },
    async resetPassword(email, password) {
      checkPassword(password);
      const user = await find(email);
      const ctx = await context();
      await ctx.internalAdapter.updatePassword(user.id, await ctx.password.hash(password));
      await ctx.internalAdapter.deleteUserSessions(user.id);
      await lockout.clear(user.email);
      return summary(user);
    },
  };
}

/** A strong random password for `mlpath admin` to hand out (24 characters, about 143 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
