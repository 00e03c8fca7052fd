/**
 * Two multi-user server processes on one PostgreSQL under a bounded load, on loopback only.
 *
 *   npx tsx bench/two-instances.bench.ts [--seconds 60] [--connections 200] [--users 20]
 *
 * Starts `mlpath serve --multi-user` twice (two ports, one fresh schema of the bench database `mlpath_bench`,
 * MLPATH_BENCH_DATABASE_URL overrides), signs in the users (each from its own forwarded address, so
 * the per-address sign-in limit does not bite), then runs a closed loop of C concurrent clients for
 * S seconds, each request to the next instance in turn (no sticky sessions): 70% GET /api/progress,
 * 20% POST /api/progress/events (an hours event), 10% GET /api/today. Prints requests per second,
 * latency percentiles and errors, and checks that every acknowledged write is stored. The schema
 * is dropped and both servers stopped at the end.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openAccounts } from '../src/server/auth.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { spawnCli } from '../src/cli/test-support/spawn-cli.js';
import { BENCH_DATABASE_URL, benchDatabase } from './bench-database.js';

// The benchmarks' own database (created when missing), never the tests'.
const BASE_URL = (await benchDatabase()) ?? BENCH_DATABASE_URL;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const SECONDS = flag('seconds', 60);
const CONNECTIONS = flag('connections', 200);
const USERS = flag('users', 20);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function startInstance(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawnCli(['serve', '--multi-user', '--no-sign-up', '--trust-proxy', '--port', String(port)], {
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    // The server logs only failures it did not expect (5xx): show them.
    if (process.env['MLPATH_BENCH_VERBOSE'] === '1') process.stderr.write(d);
  });
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('serving on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`an instance exited early (${code}): ${stderr}`)));
  });
  return child;
}

async function main(): Promise<void> {
  const schema = `mlpath_bench_${process.pid}`;
  const url = new URL(BASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const ports = [await freePort(), await freePort()];
  const publicUrl = `http://127.0.0.1:${ports[0]}`;
  const secret = randomBytes(32).toString('base64');
  const children: ChildProcess[] = [];
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  try {
    const store = await openPostgresStore(BASE_URL, { schema });
    await store.close();
    const accounts = await openAccounts({ url: BASE_URL, schema, secret, publicUrl });
    const users = Array.from({ length: USERS }, (_, n) => ({
      email: `learner${n}@example.org`,
      password: `bench-password-${n}-long`,
      cookie: '',
    }));
    for (const u of users) await accounts.admin.addUser({ email: u.email, name: u.email, password: u.password });
    await accounts.close();

    const env = {
      DATABASE_URL: url.toString(),
      MLPATH_AUTH_SECRET: secret,
      MLPATH_PUBLIC_URL: publicUrl,
      MLPATH_LANG: 'en',
    };
    for (const port of ports) children.push(await startInstance(port, env));
    const base = (n: number): string => `http://127.0.0.1:${ports[n % 2]}`;
    const headers = (cookie: string) => ({ 'Content-Type': 'application/json', Origin: publicUrl, Cookie: cookie });

    for (const [n, u] of users.entries()) {
      const res = await fetch(`${base(n)}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: publicUrl,
          'X-Forwarded-For': `10.0.${n >> 8}.${n & 255}`,
        },
        body: JSON.stringify({ email: u.email, password: u.password }),
      });
      if (res.status !== 200) throw new Error(`sign-in ${u.email}: ${res.status} ${await res.text()}`);
      u.cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const profile = await fetch(`${base(n + 1)}/api/profile`, {
        method: 'PUT',
        headers: headers(u.cookie),
        body: JSON.stringify({ startingPoint: 'developer', hoursPerWeek: 10, startDate: '2026-11-30' }),
      });
      if (profile.status !== 200) throw new Error(`profile: ${profile.status} ${await profile.text()}`);
    }

    const latencies: number[] = [];
    const perInstance = [0, 0];
    let errors = 0;
    let writesAcknowledged = 0;
    const errorKinds = new Map<string, number>();
    const deadline = performance.now() + SECONDS * 1000;
    let turn = 0;
    const worker = async (w: number): Promise<void> => {
      const user = users[w % users.length];
      if (!user) return;
      let i = 0;
      while (performance.now() < deadline) {
        const instance = turn++ % 2;
        const kind = (w + i++) % 10;
        const started = performance.now();
        try {
          let res: Response;
          if (kind < 7) res = await fetch(`${base(instance)}/api/progress`, { headers: headers(user.cookie) });
          else if (kind < 9) {
            res = await fetch(`${base(instance)}/api/progress/events`, {
              method: 'POST',
              headers: headers(user.cookie),
              body: JSON.stringify({ type: 'hours', hours: 0.25 }),
            });
          } else res = await fetch(`${base(instance)}/api/today`, { headers: headers(user.cookie) });
          await res.arrayBuffer();
          if (res.status === 200) {
            if (kind >= 7 && kind < 9) writesAcknowledged++;
          } else {
            errors++;
            errorKinds.set(String(res.status), (errorKinds.get(String(res.status)) ?? 0) + 1);
          }
        } catch (error) {
          errors++;
          const key = (error as Error).message;
          errorKinds.set(key, (errorKinds.get(key) ?? 0) + 1);
        }
        latencies.push(performance.now() - started);
        perInstance[instance] = (perInstance[instance] ?? 0) + 1;
      }
    };
    const began = performance.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
    const elapsed = (performance.now() - began) / 1000;
    latencies.sort((a, b) => a - b);

    const stored = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.events WHERE type = 'hours'`);
    console.log(
      `two instances, ${CONNECTIONS} connections, ${USERS} users, ${elapsed.toFixed(1)} s (loopback, one PostgreSQL)`,
    );
    // Figures from a busy machine are not comparable with those of an idle one: say which it was.
    console.log(`  machine      ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end`);
    console.log(`  requests     ${latencies.length} (${perInstance.join(' + ')} per instance)`);
    console.log(`  requests/s   ${(latencies.length / elapsed).toFixed(0)}`);
    console.log(
      `  latency ms   p50 ${percentile(latencies, 50).toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}  max ${(latencies.at(-1) ?? 0).toFixed(1)}`,
    );
    console.log(
      `  errors       ${errors}${errorKinds.size ? ` (${[...errorKinds].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`,
    );
    console.log(`  writes       ${writesAcknowledged} acknowledged, ${stored.rows[0]?.n ?? '?'} stored`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve)))),
    );
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

await main();
