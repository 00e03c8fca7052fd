import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { IN_CI, TEST_DATABASE_URL, postgresDatabase, postgresReachable } from './test-support/databases.js';
import { MIGRATIONS } from './migrations.js';
import { openPostgresStore } from './postgres.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI)
  console.warn(`PostgreSQL tests skipped: cannot reach the test database (${reachable.reason})`);

describe.skipIf(!reachable.ok && !IN_CI)('the PostgreSQL store', () => {
  const databases: ReturnType<typeof postgresDatabase>[] = [];
  afterEach(async () => {
    for (const d of databases.splice(0)) await d.drop();
  });

  it('refuses a schema whose mlpath_meta belongs to another application, and changes nothing', async () => {
    const database = postgresDatabase();
    databases.push(database);
    await (await database.open()).close();
    await database.exec("UPDATE mlpath_meta SET value = 'other-app' WHERE key = 'app'");
    await expect(database.open()).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/is not an mlpath database \(its mlpath_meta names "other-app"\)/),
    });
  });

  it("refuses a schema that holds another application's tables, and changes nothing", async () => {
    const database = postgresDatabase();
    databases.push(database);
    await database.exec(`CREATE SCHEMA ${database.schema}`);
    await database.exec(`CREATE TABLE ${database.schema}.customers (id INTEGER PRIMARY KEY, name TEXT)`);
    await database.exec(`INSERT INTO ${database.schema}.customers VALUES (1, 'Ada')`);
    await expect(database.open()).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/is not an mlpath database \(it holds tables of another application: customers\)/),
    });
    const tables = await postgresTables(database.schema);
    expect(tables).toEqual(['customers']);
  });

  it('opens the same schema from two servers at once, applying each migration once', async () => {
    const database = postgresDatabase();
    databases.push(database);
    const stores = await Promise.all([database.open(), database.open(), database.open()]);
    const applied = await stores[0]?.transaction((db) => db.selectFrom('schema_migrations').selectAll().execute());
    expect(applied?.map((m) => Number(m.version))).toEqual(MIGRATIONS.map((m) => m.version));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('names the server and hides the password when it cannot connect', async () => {
    await expect(openPostgresStore('postgres://me:secret@127.0.0.1:1/none')).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/^cannot connect to PostgreSQL at postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/none/),
    });
  });
});

async function postgresTables(schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
      [schema],
    );
    return result.rows.map((r: { name: string }) => r.name);
  } finally {
    await client.end();
  }
}
