/**
 * @module cli/remote
 * The CLI's one HTTP client for an mlpath server in multi-user mode, shared by every command that
 * talks to one (`login`, `logout`, `sync`, `cohort status`).
 *
 * - `signIn(server, email, password)` signs in (POST /api/auth/sign-in/email) and returns the
 *   credentials: the server's address and the session cookie it set.
 * - The credentials live in `credentials.json` in the data directory (MLPATH_HOME or the platform's),
 *   readable by the owner only (0600): `readCredentials`, `writeCredentials`, `removeCredentials`.
 * - `remoteFor(io)` is a client for the signed-in server; `client.request(method, path, options)`
 *   sends JSON with the session cookie and the server's own `Origin` (the server refuses cookie
 *   writes naming another), and turns the server's error shape back into an MlpathError with the same
 *   code. A POST may carry an `Idempotency-Key`: the client then retries a lost reply (a network
 *   failure or a 503) with the same key, and the server answers the retry without doing the work twice.
 * - A refreshed session cookie in a reply is kept, so a session in use does not expire under it.
 */
import { TIME_ZONE_HEADER } from '../contract/headers.js';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ERROR_CODES, MlpathError } from '../core/errors.js';
import type { ErrorCode, Problem } from '../core/errors.js';
import { dataDir } from '../store/open.js';
import type { CliIo } from './io.js';
import { chooseLocale } from './locale.js';
import { msg } from './messages.js';

export const CREDENTIALS_FILE = 'credentials.json';
const CREDENTIALS_FORMAT = 'mlpath-credentials';

export interface Credentials {
  /** The server's base address, e.g. `https://mlpath.example.org` (no trailing slash). */
  readonly server: string;
  /** The account's email. */
  readonly email: string;
  /** The account's user id on the server (its learner id there). */
  readonly userId: string;
  /** `name=value` pairs of the session cookie(s), ready for a Cookie header. */
  readonly cookie: string;
  readonly signedInAt: string;
}

/** What a command needs of the environment: where the data directory is, and the language. */
export type RemoteEnv = Pick<CliIo, 'env' | 'cwd'>;

/** A fetch function (the global one by default; tests may pass their own transport to a real server). */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const locale = (io: RemoteEnv): string => chooseLocale({ env: io.env });

export function credentialsFile(io: RemoteEnv): string {
  return join(dataDir(io.env, io.cwd), CREDENTIALS_FILE);
}

/**
 * A server address as typed (`https://host[:port][/base]`), normalised to no trailing slash.
 * Plain http is accepted only for a loopback host: a password must not cross a network in clear.
 */
export function serverAddress(io: RemoteEnv, typed: string): string {
  const l = locale(io);
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(l, 'remote.badUrl', { url: typed }),
      hint: msg(l, 'remote.badUrlHint'),
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(l, 'remote.badUrl', { url: typed }),
      hint: msg(l, 'remote.badUrlHint'),
    });
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(l, 'remote.plainHttp', { url: typed }),
      hint: msg(l, 'remote.plainHttpHint'),
    });
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(l, 'remote.badUrl', { url: typed }),
      hint: msg(l, 'remote.badUrlHint'),
    });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function readCredentials(io: RemoteEnv): Credentials | undefined {
  const file = credentialsFile(io);
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    parsed = undefined;
  }
  const c = parsed as Partial<Credentials> & { format?: unknown };
  if (
    typeof c !== 'object' ||
    c === null ||
    c.format !== CREDENTIALS_FORMAT ||
    typeof c.server !== 'string' ||
    typeof c.email !== 'string' ||
    typeof c.userId !== 'string' ||
    typeof c.cookie !== 'string' ||
    typeof c.signedInAt !== 'string'
  ) {
    const l = locale(io);
    throw new MlpathError({
      code: 'UNAUTHENTICATED',
      message: msg(l, 'remote.badCredentials', { file }),
      hint: msg(l, 'remote.loginHint'),
    });
  }
  return { server: c.server, email: c.email, userId: c.userId, cookie: c.cookie, signedInAt: c.signedInAt };
}

/** Write the credentials file, owner-only (0600), replacing any other in one rename. */
export function writeCredentials(io: RemoteEnv, credentials: Credentials): string {
  const file = credentialsFile(io);
  mkdirSync(dataDir(io.env, io.cwd), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ format: CREDENTIALS_FORMAT, ...credentials }, null, 2)}\n`, {
    mode: 0o600,
  });
  // The mode given to writeFileSync is masked by the umask; make sure.
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return file;
}

/** Forget the credentials; whether there were any. */
export function removeCredentials(io: RemoteEnv): boolean {
  const file = credentialsFile(io);
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  return true;
}

/** The `name=value` pairs of a response's Set-Cookie headers (cleared cookies left out). */
function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.includes('=') && !c.endsWith('='))
    .join('; ');
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; hint?: unknown; problems?: unknown };
}

const ERROR_CODE_SET = new Set<string>(ERROR_CODES);

/** The server's error answer as an MlpathError with the same code, naming the server. */
async function remoteError(io: RemoteEnv, server: string, res: Response): Promise<MlpathError> {
  const l = locale(io);
  let body: ErrorBody | undefined;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const rawCode = typeof body?.error?.code === 'string' ? body.error.code : '';
  const code: ErrorCode = ERROR_CODE_SET.has(rawCode)
    ? (rawCode as ErrorCode)
    : res.status === 401
      ? 'UNAUTHENTICATED'
      : res.status >= 500
        ? 'UNAVAILABLE'
        : 'INVALID_INPUT';
  const said = typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${res.status}`;
  const problems = Array.isArray(body?.error?.problems)
    ? (body.error.problems as unknown[]).filter((p): p is Problem => typeof (p as Problem | null)?.message === 'string')
    : [];
  const hint =
    code === 'UNAUTHENTICATED'
      ? msg(l, 'remote.loginAgainHint', { server })
      : typeof body?.error?.hint === 'string'
        ? body.error.hint
        : undefined;
  return new MlpathError({
    code,
    message: msg(l, 'remote.refused', { server, status: res.status, message: said }),
    problems,
    ...(hint === undefined ? {} : { hint }),
  });
}

function unreachable(io: RemoteEnv, server: string, error: unknown): MlpathError {
  const l = locale(io);
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const reason = typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.message : String(error);
  return new MlpathError({
    code: 'UNAVAILABLE',
    message: msg(l, 'remote.unreachable', { server, reason }),
    hint: msg(l, 'remote.unreachableHint'),
    cause: error,
  });
}

/** How long one request may take before it counts as lost. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Attempts of a request that carries an idempotency key (the first and the retries). */
export const ATTEMPTS = 3;

/**
 * Sign in with email and password. @throws MlpathError UNAUTHENTICATED for a wrong email or
 * password (as the server says), UNAVAILABLE when the server cannot be reached.
 */
export async function signIn(
  io: RemoteEnv,
  server: string,
  input: { email: string; password: string },
  fetchImpl: Fetch = fetch,
): Promise<Credentials> {
  let res: Response;
  try {
    res = await fetchImpl(`${server}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: new URL(server).origin, Accept: 'application/json' },
      body: JSON.stringify({ email: input.email, password: input.password }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw unreachable(io, server, error);
  }
  if (!res.ok) {
    const error = await remoteError(io, server, res);
    // A wrong password is not "sign in again": it is the password.
    if (error.code === 'UNAUTHENTICATED') {
      throw new MlpathError({ code: 'UNAUTHENTICATED', message: error.message, hint: msg(locale(io), 'login.wrong') });
    }
    throw error;
  }
  const cookie = cookiesOf(res);
  const body = (await res.json().catch(() => undefined)) as { user?: { id?: unknown; email?: unknown } } | undefined;
  const userId = typeof body?.user?.id === 'string' ? body.user.id : '';
  if (cookie === '' || userId === '') {
    throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale(io), 'remote.notMlpath', { server }) });
  }
  return {
    server,
    email: typeof body?.user?.email === 'string' ? body.user.email : input.email,
    userId,
    cookie,
    signedInAt: new Date().toISOString(),
  };
}

export interface RequestOptions {
  /** A JSON body. */
  readonly body?: unknown;
  /** Sent as `Idempotency-Key`: the request is then retried when its reply is lost. */
  readonly idempotencyKey?: string;
}

export interface RemoteClient {
  readonly credentials: Credentials;
  /** Send a request to the server; the parsed JSON answer. @throws MlpathError with the server's code. */
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
}

/** A new idempotency key (random; one per logical write, reused by its retries). */
export function newIdempotencyKey(): string {
  return randomUUID();
}

/** A client for the server the credentials name. */
export function remoteClient(io: RemoteEnv, credentials: Credentials, fetchImpl: Fetch = fetch): RemoteClient {
  let current = credentials;
  const origin = new URL(credentials.server).origin;
  const once = async (method: string, path: string, options: RequestOptions): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json', Cookie: current.cookie };
    if (method !== 'GET' && method !== 'HEAD') headers['Origin'] = origin;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
    // The server counts the learner's day in this machine's zone, as the CLI does on its own store.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) headers[TIME_ZONE_HEADER] = zone;
    return fetchImpl(`${current.server}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  };
  return {
    get credentials() {
      return current;
    },
    async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
      // Only a request the server can recognise again (an idempotency key) or a read is retried.
      const attempts = options.idempotencyKey !== undefined || method === 'GET' ? ATTEMPTS : 1;
      let lastError: unknown;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        let res: Response;
        try {
          res = await once(method, path, options);
        } catch (error) {
          lastError = unreachable(io, current.server, error);
          continue;
        }
        const refreshed = cookiesOf(res);
        if (refreshed.includes('session_token=') && refreshed !== current.cookie) {
          current = { ...current, cookie: refreshed };
          writeCredentials(io, current);
        }
        if (res.ok) return (await res.json()) as T;
        const error = await remoteError(io, current.server, res);
        if (res.status === 503 && attempt < attempts) {
          lastError = error;
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
          continue;
        }
        throw error;
      }
      throw lastError;
    },
  };
}

/** A client for the signed-in server. @throws MlpathError UNAUTHENTICATED when no one is signed in. */
export function remoteFor(io: RemoteEnv, fetchImpl: Fetch = fetch): RemoteClient {
  const credentials = readCredentials(io);
  if (!credentials) {
    const l = locale(io);
    throw new MlpathError({
      code: 'UNAUTHENTICATED',
      message: msg(l, 'remote.notSignedIn'),
      hint: msg(l, 'remote.loginHint'),
    });
  }
  return remoteClient(io, credentials, fetchImpl);
}
