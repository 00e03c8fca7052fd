/**
 * The CLI writes under the same per-learner lock as the server: CLI processes and a server on one
 * SQLite file, undoing and noting at once, take back distinct steps and lose no note. (On SQLite
 * the lock across processes is the database's write lock, `BEGIN IMMEDIATE`, held for the whole
 * action: an undo's read of the log and its write cannot interleave with another writer's.)
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { TEST_NOW } from '../server/test-support/harness.js';
import { fixtureCurriculum } from '../server/test-support/fixture-curriculum.js';
import { openSqliteStore } from '../store/sqlite.js';
import { LOCAL_LEARNER } from '../store/store.js';
import { spawnCli } from './test-support/spawn-cli.js';
import { testHome } from './test-support/home.js';

const home = testHome(TEST_NOW);
afterAll(() => home.remove());

function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawnCli(args, { env: { ...process.env, ...home.env(), DATABASE_URL: '' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('CLI and server writing one learner at once', () => {
  it('undos from both take back distinct steps, and every note from both is kept', async () => {
    const file = join(home.home, 'mlpath.db');
    const store = await openSqliteStore(file, { now: TEST_NOW });
    await store.ensureLearner(LOCAL_LEARNER, LOCAL_LEARNER, TEST_NOW);
    const app = createApp({ store, curriculum: fixtureCurriculum(), clock: () => new Date(TEST_NOW), version: 'test' });
    const post = (path: string, body: unknown): Promise<Response> =>
      Promise.resolve(
        app.request(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    try {
      for (let i = 0; i < 40; i++)
        expect((await post('/api/progress/events', { type: 'note', text: `seed ${i}` })).status).toBe(200);

      const processes = [
        ...Array.from({ length: 4 }, () => cli(['undo'])),
        ...Array.from({ length: 3 }, (_, i) => cli(['note', `from the CLI ${i}`])),
      ];
      let running = true;
      const allDone = Promise.all(processes).finally(() => {
        running = false;
      });
      // The server keeps writing while the CLI processes start, run and finish.
      let serverUndos = 0;
      const serverNotes: string[] = [];
      for (let round = 0; running && round < 200; round++) {
        const undone = await post('/api/progress/undo', {});
        expect(undone.status).toBe(200);
        serverUndos++;
        const text = `from the server ${round}`;
        expect((await post('/api/progress/events', { type: 'note', text })).status).toBe(200);
        serverNotes.push(text);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      const results = await allDone;
      for (const r of results) expect(r.code, r.stderr).toBe(0);

      const events = await store.listEvents(LOCAL_LEARNER);
      const undos = events.filter((e) => e.type === 'undo');
      expect(undos).toHaveLength(4 + serverUndos);
      const targets = undos.map((e) => e.undoes);
      expect(new Set(targets).size).toBe(targets.length);
      const notes = new Set(events.filter((e) => e.type === 'note').map((e) => e.text));
      for (let i = 0; i < 3; i++) expect(notes.has(`from the CLI ${i}`)).toBe(true);
      for (const text of serverNotes) expect(notes.has(text)).toBe(true);
      console.log(
        `CLI and server at once: ${serverUndos} server undos and ${serverNotes.length} notes beside 4 CLI undos and 3 notes`,
      );
    } finally {
      await store.close();
    }
  }, 180_000);
});
