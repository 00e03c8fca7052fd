/**
 * @module e2e/multi-user
 * A real `mlpath serve --multi-user` for browser tests: on a free loopback port, over a PostgreSQL
 * schema of the test file's own (made by `createSchema`, dropped by `dropSchema`), with a fresh
 * data directory and a random session secret.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const DATABASE = process.env['MLPATH_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  readonly home: string;
}

export async function postgres<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export const createSchema = (schema: string) => postgres((client) => client.query(`CREATE SCHEMA ${schema}`));
export const dropSchema = (schema: string) =>
  postgres((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

/** `mlpath serve --multi-user` on a free loopback port over `schema`; resolves once it answers. */
export async function startServer(schema: string, extra: string[] = []): Promise<Server> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const url = `http://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), 'mlpath-e2e-accounts-'));
  const child = spawn('node', ['bin/mlpath.js', 'serve', '--multi-user', '--port', String(port), ...extra], {
    env: {
      ...process.env,
      MLPATH_HOME: home,
      DATABASE_URL: `${DATABASE}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      MLPATH_AUTH_SECRET: randomBytes(32).toString('base64'),
      MLPATH_PUBLIC_URL: url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mlpath serve --multi-user exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, home };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`mlpath serve --multi-user did not answer within 60 s: ${output}`);
}

export async function stopServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  rmSync(server.home, { recursive: true, force: true });
}
