/**
 * @module server/body-limits
 * The largest request body each route reads, in bytes, enforced before the body is read (a
 * declared Content-Length over the limit is refused at once; a streamed body when it passes the
 * limit) with TOO_LARGE (413). The import and sync routes keep their own, larger limits
 * (routes/exchange.ts, routes/sync.ts). A job posting (POST /api/jobs, /api/jobs/analyze) may be
 * 100,000 characters, about 300 KB as UTF-8 JSON: its routes read up to 1 MiB, and a larger body is
 * refused as a posting that is too long (problem `text`).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MlpathError } from '../core/errors.js';
import type { Problem } from '../core/errors.js';
import { AUTH_LIMITS } from './auth-limits.js';

export const BODY_LIMITS = {
  /** A profile, an event, a rubric tick, a set of links: a few hundred bytes each. */
  api: 64 * 1024,
  /** Sign-up, sign-in and the other account routes. */
  auth: AUTH_LIMITS.bodyBytes,
  /** A job posting to read or keep. */
  jobs: 1024 * 1024,
} as const;

function limit(maxSize: number, problems: readonly Problem[] = []): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new MlpathError({
        code: 'TOO_LARGE',
        message: `the request body is larger than ${maxSize / 1024} KiB, the most this route reads`,
        problems,
      });
    },
  });
}

/** Body limits for every /api route, by path. */
export function bodyLimits(): MiddlewareHandler {
  const api = limit(BODY_LIMITS.api);
  const auth = limit(BODY_LIMITS.auth);
  const jobs = limit(BODY_LIMITS.jobs, [{ path: 'text', message: 'too-long' }]);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const path = c.req.path;
    // Import and sync keep their own, larger limits (routes/exchange.ts, routes/sync.ts).
    if (path === '/api/import' || path === '/api/sync') return next();
    if (path === '/api/jobs' || path === '/api/jobs/analyze') return jobs(c, next);
    return (path.startsWith('/api/auth/') ? auth : api)(c, next);
  };
}
