/**
 * @module server/server
 * Listening on a real port: the only place that opens a socket. The handle closes the server
 * (and waits for it), so callers — the CLI, tests, the benchmark — own its lifetime explicitly.
 *
 * Closing drains: the port stops accepting at once, idle keep-alive connections are closed, the
 * requests in flight run to their answer (each connection is closed once its answer is sent), and
 * only then does `close()` resolve, so the caller may close the store. A request still running
 * after `drainMs` has its connection cut.
 */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { MlpathError } from '../core/errors.js';
import type { AppEnv } from './context.js';

export interface Listening {
  /** The address to open, e.g. `http://127.0.0.1:4321`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4321;
/** How long closing waits for requests in flight, in milliseconds, before cutting their connections. */
export const DRAIN_TIMEOUT_MS = 10_000;
export const DEFAULT_HOST = '127.0.0.1';

function urlFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** Listen on `host:port` (port 0 picks a free one); resolves once the socket is open. */
export function listen(
  app: Hono<AppEnv>,
  options: { port: number; host: string; drainMs?: number },
): Promise<Listening> {
  // Without createServer options the adaptor makes a plain node:http server.
  const server = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  let draining = false;
  server.on('request', (_req, res) => {
    // An answer sent while draining leaves its connection idle: close it, so the drain can end.
    res.once('finish', () => {
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new MlpathError({
          code: 'INVALID_INPUT',
          key: error.code === 'EADDRINUSE' ? 'server.portInUse' : 'server.cannotListen',
          params: { port: options.port, host: options.host, message: error.message },
          hintKey: 'hint.otherPort',
        }),
      );
    };
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: urlFor(options.host, port),
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            draining = true;
            const cut = setTimeout(() => server.closeAllConnections(), options.drainMs ?? DRAIN_TIMEOUT_MS);
            server.close((error) => {
              clearTimeout(cut);
              if (error) fail(error);
              else done();
            });
            // Idle keep-alive connections would hold close() open until they time out.
            server.closeIdleConnections();
          }),
      });
    });
  });
}
