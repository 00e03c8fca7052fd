import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { reviewQueue } from '../../learner/review.js';
import { databaseFile } from '../../store/open.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { memoryIo } from '../io.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';
import { reviewSession } from './review.js';

const SHIPPED = fileURLToPath(new URL('../../../curricula/ml-engineer', import.meta.url));
const curriculum = loadCurriculum(SHIPPED);
const SQL_CARDS = curriculum.selfCheck.filter((q) => q.skill === 'sql-databases').map((q) => `sql-databases/${q.id}`);

const homes: TestHome[] = [];
function fresh(): TestHome {
  const home = testHome('2026-12-01T09:00:00.000Z');
  homes.push(home);
  return home;
}
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});
const shipped = { MLPATH_CURRICULUM: SHIPPED };

interface DueJson {
  cards: number;
  due: Array<{ card: string; phase: string; question: string; answer: string }>;
  skills: Array<{ skill: string; due: number; needsRefresh: boolean }>;
  next: string | null;
}

describe('mlpath review', () => {
  it('lists the due cards of done skills as JSON, in the learner’s language', async () => {
    const home = fresh();
    expect(JSON.parse((await home.run(['review', '--json'], shipped)).stdout)).toMatchObject({ cards: 0, due: [] });
    expect((await home.run(['done', 'sql-databases'], shipped)).status).toBe(0);
    const listed = JSON.parse(
      (await home.run(['review', '--json'], { ...shipped, MLPATH_LANG: 'zh-CN' })).stdout,
    ) as DueJson;
    expect(listed.due.map((d) => d.card)).toEqual(SQL_CARDS);
    expect(listed.due[0]?.question).toMatch(/[\u4e00-\u9fff]/);
    expect(listed.skills).toMatchObject([{ skill: 'sql-databases', due: SQL_CARDS.length, needsRefresh: false }]);
    const limited = JSON.parse((await home.run(['review', '--json', '--limit', '1'], shipped)).stdout) as DueJson;
    expect(limited.due).toHaveLength(1);
  });

  it('rates one card from the command line and schedules it', async () => {
    const home = fresh();
    await home.run(['done', 'sql-databases'], shipped);
    const first = SQL_CARDS[0] ?? '';
    const rated = await home.run(['review', first, 'good'], shipped);
    expect(rated).toMatchObject({ status: 0, stdout: 'Rated good: next review in 10 min.\n' });
    const later = await home.run(['review', '--json'], { ...shipped, MLPATH_NOW: '2026-12-01T09:05:00.000Z' });
    expect((JSON.parse(later.stdout) as DueJson).due.map((d) => d.card)).toEqual(SQL_CARDS.slice(1));
    // Undo takes a rating back like any other step.
    expect((await home.run(['undo'], shipped)).stdout).toBe(`Undone: review of ${first} rated good\n`);
  });

  it('refuses bad input with a clear message and records nothing', async () => {
    const home = fresh();
    await home.run(['done', 'sql-databases'], shipped);
    const first = SQL_CARDS[0] ?? '';
    expect(await home.run(['review', first, 'perfect'], shipped)).toMatchObject({
      status: 2,
      stderr: 'mlpath: RATING must be one of again, hard, good, easy (got "perfect")\n',
    });
    const zh = await home.run(['review', 'git/none', 'good'], { ...shipped, MLPATH_LANG: 'zh-CN' });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('没有可复习的卡片“git/none”');
    expect((await home.run(['review', first], shipped)).status).toBe(2);
    expect((await home.run(['review', '--limit', '0'], shipped)).stderr).toContain('--limit must be a whole number');
    for (const limit of ['0x2', '1e1'])
      expect((await home.run(['review', '--limit', limit], shipped)).stderr).toContain(
        '--limit must be a whole number',
      );
    const store = await openSqliteStore(databaseFile(home.env()));
    try {
      expect((await store.listEvents('local')).map((e) => e.type)).toEqual(['done']);
    } finally {
      await store.close();
    }
  });

  it('writes an Anki file of the cards', async () => {
    const home = fresh();
    await home.run(['done', 'sql-databases'], shipped);
    const result = await home.run(['review', '--anki', 'cards.txt'], shipped);
    expect(result.stdout).toBe(`Wrote ${SQL_CARDS.length} cards to cards.txt. Import it in Anki with File > Import.\n`);
    const lines = readFileSync(join(home.dir, 'cards.txt'), 'utf8').trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:false',
      '#notetype:Basic',
      '#deck:mlpath::Machine-learning engineer',
    ]);
    expect(lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t')[0])).toEqual(
      SQL_CARDS.map((k) => `mlpath:ml-engineer:${k}`),
    );
  });

  it('shows, reveals and rates card by card in a terminal session, and stops on q', async () => {
    const home = fresh();
    await home.run(['done', 'sql-databases'], shipped);
    const store = await openSqliteStore(databaseFile(home.env()));
    try {
      const ctx = { store, curriculum, clock: () => new Date('2026-12-01T09:10:00.000Z'), learnerId: 'local' };
      const io = memoryIo();
      // Card 1: a stray key is ignored, Space reveals, 9 is no rating, 3 rates good. Card 2: Enter, 1 (again). Card 3: q.
      const keys = ['x', 'space', '9', '3', 'return', '1', 'quit'];
      const rated = await reviewSession(
        ctx,
        io,
        'en',
        (await reviewQueue(ctx)).due,
        async () => keys.shift() ?? 'quit',
      );
      expect(rated).toBe(2);
      const [q1, q2] = curriculum.selfCheck.filter((q) => q.skill === 'sql-databases');
      expect(io.stdout()).toContain(`Card 1 of 3 · SQL and relational databases\n${q1?.question['en']}\n`);
      expect(io.stdout()).toContain(`Answer: ${q1?.answer['en']}\n`);
      expect(io.stdout()).toContain('Rated good: next review in 10 min.\n');
      expect(io.stdout()).toContain(`${q2?.question['en']}`);
      expect(io.stdout()).toContain('Rated again: next review in 1 min.\n');
      expect(io.stdout()).toMatch(/Stopped\. 2 reviewed\.\n$/);
      const events = await store.listEvents('local');
      expect(events.filter((e) => e.type === 'reviewed').map((e) => [e.item, e.text])).toEqual([
        [SQL_CARDS[0], 'good'],
        [SQL_CARDS[1], 'again'],
      ]);
    } finally {
      await store.close();
    }
  });
});
