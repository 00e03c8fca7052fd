/**
 * @module server/body-limits
 * The largest request body each route reads, in bytes, enforced before the body is read (a
 * declared Content-Length over the limit is refused at once; a streamed body when it passes the
 * limit) with TOO_LARGE (413). The import route keeps its own, larger limit (routes/exchange.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MlpathError } from '../core/errors.js';
import { AUTH_LIMITS } from './auth-limits.js';

export const BODY_LIMITS = {
  /** A profile, an event, a rubric tick, a set of links: a few hundred bytes each. */
  api: 64 * 1024,
  /** Sign-up, sign-in and the other account routes. */
  auth: AUTH_LIMITS.bodyBytes,
} as const;

function limit(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new MlpathError({
        code: 'TOO_LARGE',
        message: `the request body is larger than ${maxSize / 1024} KiB, the most this route reads`,
      });
    },
  });
}

/** Body limits for every /api route, by path. */
export function bodyLimits(): MiddlewareHandler {
  const api = limit(BODY_LIMITS.api);
  const auth = limit(BODY_LIMITS.auth);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const path = c.req.path;
    if (path === '/api/import') return next();
    return (path.startsWith('/api/auth/') ? auth : api)(c, next);
  };
}
