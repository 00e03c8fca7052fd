/**
 * @module server/body-limits
 * The largest request body each route reads, in bytes, enforced before the body is read (a
 * declared Content-Length over the limit is refused at once; a streamed body when it passes the
 * limit) with TOO_LARGE (413). Which limit a route reads under is its row's `bodyLimit` in the route
 * table (contract/routes.ts; `api` unless it says otherwise), so a new route has one the moment it is
 * documented. The import and sync routes keep their own, larger limits (routes/exchange.ts, refused as
 * IMPORT_INVALID; routes/sync.ts). A job
 * posting (POST /api/jobs, /api/jobs/analyze) may be 100,000 characters, about 300 KB as UTF-8 JSON: its
 * routes read up to 1 MiB, and a larger body is refused as a posting that is too long (problem `text`).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MlpathError } from '../core/errors.js';
import type { Problem } from '../core/errors.js';
import { routeOf } from '../contract/routes.js';
import type { BodyLimit } from '../contract/routes.js';
import { AUTH_LIMITS } from './auth-limits.js';

export const BODY_LIMITS = {
  /** A profile, an event, a rubric tick, a set of links: a few hundred bytes each. */
  api: 64 * 1024,
  /** Sign-up, sign-in and the other account routes. */
  auth: AUTH_LIMITS.bodyBytes,
  /** A job posting to read or keep. */
  jobs: 1024 * 1024,
  /** A backup of years of daily events is a few megabytes; this leaves ample room. */
  import: 50 * 1024 * 1024,
  /** A batch of 1,000 events with notes, or a few long postings: ample room, still bounded. */
  sync: 16 * 1024 * 1024,
} as const satisfies Record<BodyLimit, number>;

/** The body limit a request reads under: its route's, else (an account route) `auth`, else `api`. */
export function bodyLimitOf(method: string, path: string): BodyLimit {
  const row = routeOf(method, path)?.route;
  if (row?.body !== undefined) return row.bodyLimit ?? 'api';
  return path.startsWith('/api/auth/') ? 'auth' : 'api';
}

function limit(maxSize: number, problems: readonly Problem[] = []): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new MlpathError({
      code: 'TOO_LARGE',
      key: 'api.tooLarge',
      params: { size: maxSize / 1024 },
      problems,
    });
  };
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    // A declared length is the whole body (Node's parser reads no more than it): checked from the
    // header alone. Asking the request for its body stream, as the streamed check must, makes the
    // server build a web Request and stream around the socket, a third of a small write's cost.
    const length = c.req.header('Content-Length');
    if (length !== undefined && c.req.header('Transfer-Encoding') === undefined && /^\d+$/.test(length))
      return Number(length) > maxSize ? tooLarge() : next();
    return streamed(c, next);
  };
}

/** Body limits for every /api route, by path. */
export function bodyLimits(): MiddlewareHandler {
  const api = limit(BODY_LIMITS.api);
  const auth = limit(BODY_LIMITS.auth);
  const jobs = limit(BODY_LIMITS.jobs, [{ path: 'text', message: 'too-long' }]);
  const limits: Record<Exclude<BodyLimit, 'import' | 'sync'>, MiddlewareHandler> = { api, auth, jobs };
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limit = bodyLimitOf(c.req.method, c.req.path);
    // Import and sync refuse their over-large bodies themselves (routes/exchange.ts, routes/sync.ts).
    if (limit === 'import' || limit === 'sync') return next();
    return limits[limit](c, next);
  };
}
