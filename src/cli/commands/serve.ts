/**
 * @module commands/serve
 * `mlpath serve [--port N] [--host H] [--curriculum DIR]`: the HTTP API and the web app on
 * localhost, over the embedded SQLite store in the data directory (MLPATH_HOME overrides), or
 * PostgreSQL when DATABASE_URL is set. Runs until interrupted (Ctrl-C or SIGTERM).
 *
 * `--multi-user` is server mode: accounts (server/auth.ts) on PostgreSQL only, every learner
 * route keyed by the signed-in user. It needs DATABASE_URL and MLPATH_AUTH_SECRET; the public
 * URL (`--public-url` or MLPATH_PUBLIC_URL, default `http://HOST:PORT`) is the one origin trusted
 * for writes, and an https one makes the session cookie Secure. See docs/deploy.md.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import { loadCurriculum } from '../../content/load.js';
import { createApp } from '../../server/app.js';
import { openAccounts } from '../../server/auth.js';
import type { Accounts } from '../../server/auth.js';
import { DEFAULT_HOST, DEFAULT_PORT, listen } from '../../server/server.js';
import { openStore } from '../../store/open.js';
import type { Locale } from '../../core/model.js';
import type { CliIo } from '../io.js';
import { clock } from '../session.js';
import { curriculumDir, WEB_DIST } from '../paths.js';
import { helpFor } from '../help-messages.js';
import { chooseLocale } from '../locale.js';
import { msg } from '../messages.js';

export { WEB_DIST };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** A TCP port from a flag or the PORT variable, or an INVALID_INPUT error naming where it came from. */
export function parsePort(value: string, source: string, locale: Locale = 'en'): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(locale, 'serve.badPort', { source, value }),
      hint: msg(locale, 'serve.badPortHint'),
    });
  }
  return port;
}

export interface ServeOptions {
  port?: string;
  host?: string;
  curriculum?: string;
  multiUser?: boolean;
  publicUrl?: string;
  trustProxy?: boolean;
  /** `--no-sign-up` sets it false: accounts only from `mlpath admin user add`. */
  signUp?: boolean;
}

/** What server mode needs from the environment, checked before anything is opened. */
function serverModeSettings(
  io: CliIo,
  options: ServeOptions,
  locale: Locale,
  host: string,
  port: number,
): { url: string; secret: string; publicUrl: string } {
  const url = io.env['DATABASE_URL'] ?? '';
  if (url === '') {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(locale, 'serve.multiUserNeedsPostgres'),
      hint: msg(locale, 'serve.multiUserNeedsPostgresHint'),
    });
  }
  const secret = io.env['MLPATH_AUTH_SECRET'] ?? '';
  if (secret === '') {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(locale, 'serve.needsSecret'),
      hint: msg(locale, 'serve.needsSecretHint'),
    });
  }
  const given = options.publicUrl ?? io.env['MLPATH_PUBLIC_URL'] ?? '';
  if (given === '' && port === 0) {
    throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'serve.needsPublicUrl') });
  }
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { url, secret, publicUrl: given !== '' ? given : `http://${shown}:${port}` };
}

/** Resolves when the server has stopped (on SIGINT or SIGTERM, or when `stop` resolves). */
export async function serve(io: CliIo, options: ServeOptions, stop?: Promise<void>): Promise<void> {
  const locale = chooseLocale({ env: io.env });
  const envPort = io.env['PORT'];
  const port =
    options.port !== undefined
      ? parsePort(options.port, '--port', locale)
      : envPort !== undefined && envPort !== ''
        ? parsePort(envPort, 'PORT', locale)
        : DEFAULT_PORT;
  const host = options.host ?? DEFAULT_HOST;
  // MLPATH_NOW / MLPATH_TODAY pin the server's clock too (for demos and tests); checked before anything opens.
  const pinned = io.env['MLPATH_NOW'] || io.env['MLPATH_TODAY'] ? clock(io) : undefined;
  if (!options.multiUser && !LOOPBACK.has(host)) {
    // Local mode has no accounts: anyone who reached it could read and change everything.
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(locale, 'serve.loopbackOnly', { host }),
      hint: msg(locale, 'serve.loopbackOnlyHint'),
    });
  }
  const server = options.multiUser ? serverModeSettings(io, options, locale, host, port) : undefined;
  const curriculum = loadCurriculum(curriculumDir(options.curriculum, io.cwd), io.cwd);
  const store = await openStore(io.env, io.cwd);
  let accounts: Accounts | undefined;
  let listening;
  try {
    if (server) {
      accounts = await openAccounts({
        url: server.url,
        secret: server.secret,
        publicUrl: server.publicUrl,
        trustProxy: options.trustProxy === true || io.env['MLPATH_TRUST_PROXY'] === '1',
        signUp: options.signUp !== false && io.env['MLPATH_SIGN_UP'] !== 'closed',
      });
    }
    const app = createApp({ store, curriculum, clock: () => pinned ?? new Date(), webDist: WEB_DIST, accounts });
    listening = await listen(app, { port, host });
  } catch (error) {
    await accounts?.close();
    await store.close();
    throw error;
  }
  io.out(`${msg(locale, 'serve.serving', { url: listening.url })}\n`);
  if (server) {
    io.err(`${msg(locale, 'serve.accounts', { url: server.publicUrl })}\n`);
    if (server.publicUrl.startsWith('http:') && !LOOPBACK.has(host)) {
      io.err(`${msg(locale, 'serve.plainHttp', { host })}\n`);
    }
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    io.err(`${msg(locale, 'serve.noWeb')}\n`);
  }
  io.err(`${msg(locale, 'serve.data', { location: store.location })}\n${msg(locale, 'serve.stop')}\n`);
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    void stop?.then(done);
  });
  await listening.close();
  await accounts?.close();
  await store.close();
  io.err(`${msg(locale, 'serve.stopped')}\n`);
}

export function registerServe(program: Command, io: CliIo): Command {
  const h = helpFor(io.env);
  return program
    .command('serve')
    .description(h('serve', { port: DEFAULT_PORT }))
    .option('--port <n>', h('serve.port', { port: DEFAULT_PORT }))
    .option('--host <host>', h('serve.host', { host: DEFAULT_HOST }))
    .option('--curriculum <dir>', h('serve.curriculum'))
    .option('--multi-user', h('serve.multiUser'))
    .option('--public-url <url>', h('serve.publicUrl'))
    .option('--trust-proxy', h('serve.trustProxy'))
    .option('--no-sign-up', h('serve.noSignUp'))
    .action((options: ServeOptions) => serve(io, options));
}
