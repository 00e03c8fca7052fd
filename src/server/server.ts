/**
 * @module server/server
 * Listening on a real port: the only place that opens a socket. The handle closes the server
 * (and waits for it), so callers — the CLI, tests, the benchmark — own its lifetime explicitly.
 */
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
export const DEFAULT_HOST = '127.0.0.1';

function urlFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** Listen on `host:port` (port 0 picks a free one); resolves once the socket is open. */
export function listen(app: Hono<AppEnv>, options: { port: number; host: string }): Promise<Listening> {
  const server = createAdaptorServer({ fetch: app.fetch });
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new MlpathError({
          code: 'INVALID_INPUT',
          message:
            error.code === 'EADDRINUSE'
              ? `port ${options.port} on ${options.host} is already in use`
              : `cannot listen on ${options.host}:${options.port}: ${error.message}`,
          hint: 'choose another port with --port N (or the PORT variable)',
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
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
