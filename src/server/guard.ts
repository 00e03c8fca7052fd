/**
 * @module server/guard
 * Refuses writes that another web site makes a learner's browser send.
 *
 * - `sameOriginWrites()` (local mode): a browser names the page a request comes from in
 *   `Origin` and how it relates to this server in `Sec-Fetch-Site`; a write whose origin is not
 *   this server's own host, or that a browser marks as cross-site or same-site (another port or
 *   subdomain), is refused before any route runs. Requests with neither header (curl, scripts,
 *   the CLI) pass: they are not a browser acting on a page's behalf.
 * - `cookieWritesFrom(origin)` (server mode): a write naming another origin is refused, and a
 *   write that carries a cookie must come from the server's public origin (by `Origin`, or
 *   `Sec-Fetch-Site: same-origin` when a browser sends no `Origin`); with neither header it is
 *   refused, since the cookie alone proves nothing.
 *
 * Both refuse with FORBIDDEN (403).
 */
import type { MiddlewareHandler } from 'hono';
import { MlpathError } from '../core/errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function refused(from: string, own: string): MlpathError {
  return new MlpathError({
    code: 'FORBIDDEN',
    key: 'api.crossSite',
    params: { from, own },
  });
}

export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const own = c.req.header('Host') ?? new URL(c.req.url).host;
      const origin = c.req.header('Origin');
      if (origin !== undefined && hostOf(origin) !== own) throw refused(origin, own);
      const site = c.req.header('Sec-Fetch-Site');
      // `none` is a request the person made themselves (typed, bookmarked): not another page's.
      if (site !== undefined && site !== 'same-origin' && site !== 'none') throw refused(`a ${site} page`, own);
    }
    await next();
  };
}

export function cookieWritesFrom(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('Origin');
      const site = c.req.header('Sec-Fetch-Site');
      // Another site's page may not write at all, not even a sign-in (it would sign the
      // browser into the other site's account).
      if (origin !== undefined && origin !== publicOrigin) throw refused(origin, publicOrigin);
      if (origin === undefined && c.req.header('Cookie') !== undefined && site !== 'same-origin') {
        throw refused(site === undefined ? 'a request naming no origin' : `a ${site} page`, publicOrigin);
      }
    }
    await next();
  };
}

/** The names a local server answers to (with its own port). */
export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/**
 * Local mode: refuse (421) a request whose `Host` is not a loopback name with the server's port,
 * so a web page on another name that resolves to 127.0.0.1 (DNS rebinding) reaches nothing. The
 * port is the socket's own (`port` only when no socket is known, as for in-process requests, where
 * any port of a loopback name passes).
 */
export function loopbackHost(port?: number): MiddlewareHandler {
  const names = new Set<string>(LOOPBACK_NAMES);
  return async (c, next) => {
    const incoming = (c.env as { incoming?: { socket?: { localPort?: number } } } | undefined)?.incoming;
    const own = incoming?.socket?.localPort ?? port;
    const host = (c.req.header('Host') ?? (incoming ? '' : new URL(c.req.url).host)).toLowerCase();
    const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
    const name = match?.[1] ?? '';
    const hostPort = match?.[2] === undefined ? undefined : Number(match[2]);
    const portOk = own === undefined || hostPort === own || (hostPort === undefined && own === 80);
    if (!names.has(name) || !portOk) {
      const address = own === undefined ? '127.0.0.1' : `127.0.0.1:${own}`;
      throw new MlpathError({
        code: 'MISDIRECTED',
        key: 'api.misdirected',
        params: { address, host: host || { key: 'api.noHost' } },
        hintKey: 'hint.multiUser',
      });
    }
    await next();
  };
}
