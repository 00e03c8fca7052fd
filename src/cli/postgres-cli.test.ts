/**
 * The CLI on PostgreSQL (DATABASE_URL): the same commands, the same results as on SQLite.
 * Under CI=true this must run; elsewhere it is skipped, with the reason, when no server answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, postgresDatabase, postgresReachable, TEST_DATABASE_URL } from '../store/test-support/databases.js';
import { testHome } from './test-support/home.js';

const reachable = await postgresReachable();
if (!reachable.ok && !IN_CI)
  console.warn(`PostgreSQL CLI tests skipped: cannot reach the test database (${reachable.reason})`);

describe.skipIf(!reachable.ok && !IN_CI)('mlpath on PostgreSQL', () => {
  const database = postgresDatabase();
  const home = testHome();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${database.schema}`);

  beforeAll(async () => {
    await (await database.open()).close(); // creates the schema and applies the migrations
  });
  afterAll(async () => {
    home.remove();
    await database.drop();
  });

  it('records progress and projects in PostgreSQL and backs them up like SQLite', async () => {
    const env = { DATABASE_URL: url.toString() };
    expect((await home.run(['done', 'python-programming'], env)).status).toBe(0);
    expect((await home.run(['log', '1.5', '--on', 'cs50p'], env)).status).toBe(0);
    expect((await home.run(['project', 'add', 'chinese-chatbot'], env)).status).toBe(0);
    const backup = JSON.parse((await home.run(['export', '--format', 'json'], env)).stdout);
    // Adding a project is a step in the log too, so `undo` can take it back.
    expect(backup.events.map((e: { type: string }) => e.type)).toEqual(['done', 'hours', 'project-change']);
    expect(backup.events[1].hours).toBe(1.5);
    expect(backup.projects[0].id).toBe('chinese-chatbot');
    // Nothing went to the SQLite file in MLPATH_HOME.
    const local = JSON.parse((await home.run(['export', '--format', 'json'])).stdout);
    expect(local.events).toEqual([]);
  });
});
