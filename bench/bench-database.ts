/**
 * The benchmarks' own PostgreSQL database: `mlpath_bench` on the local server (never the tests'
 * `test`), created when missing. MLPATH_BENCH_DATABASE_URL names another.
 */
import pg from 'pg';

export const BENCH_DATABASE_URL =
  process.env['MLPATH_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/mlpath_bench';

/** The bench database's URL, the database created when missing; undefined (the reason printed) when unreachable. */
export async function benchDatabase(): Promise<string | undefined> {
  const name = new URL(BENCH_DATABASE_URL).pathname.slice(1);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(BENCH_DATABASE_URL), { pathname: '/postgres' }).href,
  });
  try {
    await admin.connect();
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return BENCH_DATABASE_URL;
  } catch (error) {
    console.log(`PostgreSQL: skipped (${(error as Error).message})`);
    return undefined;
  } finally {
    await admin.end().catch(() => undefined);
  }
}
