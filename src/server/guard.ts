/**
 * @module server/guard
 * Refuses writes that another web site makes a learner's browser send. A browser names the
 * page a request comes from in `Origin`; a write whose origin is not this server's own host
 * is refused before any route runs. Requests without `Origin` (curl, scripts, the CLI) pass:
 * they are not a browser acting on a page's behalf.
 */
import type { MiddlewareHandler } from 'hono';
import { MlpathError } from '../core/errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (!SAFE.has(c.req.method) && origin !== undefined) {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      const own = c.req.header('Host') ?? new URL(c.req.url).host;
      if (host !== own) {
        throw new MlpathError({
          code: 'INVALID_INPUT',
          message: `a write from another site (${origin}) was refused; use mlpath from its own address (${own})`,
        });
      }
    }
    await next();
  };
}
