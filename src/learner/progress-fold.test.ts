/**
 * Progress read through the stored fold (learner/progress.ts storedFold) gives exactly what the
 * whole log gives, on both stores, whatever arrives between two reads: more events, an undo, an
 * event dated before those folded, an import that merges older events, another curriculum.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { progressStats } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { fixtureCurriculum } from '../export/test-support/fixture.js';
import { newEvent } from '../store/events.js';
import { openSqliteStore } from '../store/sqlite.js';
import { postgresDatabase, postgresReachable, tempDir } from '../store/test-support/databases.js';
import { LOCAL_LEARNER } from '../store/store.js';
import type { Store } from '../store/store.js';
import type { LearnerContext } from './context.js';
import { progressSnapshot } from './progress.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sqlite(): Promise<Store> {
  const dir = tempDir('mlpath-fold-');
  const store = await openSqliteStore(join(dir, 'mlpath.db'));
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => store.close(),
  );
  return store;
}

async function postgres(): Promise<Store> {
  const db = postgresDatabase();
  const store = await db.open();
  cleanups.push(
    () => db.drop(),
    () => store.close(),
  );
  return store;
}

const pg = await postgresReachable();
const kinds: [string, () => Promise<Store>][] = [['sqlite', sqlite]];
if (pg.ok) kinds.push(['postgres', postgres]);

const TODAY = '2026-11-27';

function at(day: number, minute = 0): Date {
  return new Date(Date.UTC(2026, 10, day, 9, minute));
}

describe.each(kinds)('progress from the stored fold (%s)', (_name, open) => {
  // A fresh curriculum object per read: the in-memory snapshot cache is per curriculum, so each read
  // goes to the store (as a new CLI process does).
  const read = async (store: Store) => {
    const ctx: LearnerContext = {
      store,
      curriculum: fixtureCurriculum(),
      clock: () => new Date(`${TODAY}T12:00:00Z`),
      learnerId: LOCAL_LEARNER,
    };
    return (await progressSnapshot(ctx)).stats;
  };
  const whole = async (store: Store) =>
    progressStats(await store.listEvents(LOCAL_LEARNER), fixtureCurriculum(), TODAY);

  it('equals the fold of the whole log after every kind of change', async () => {
    const store = await open();
    await store.ensureLearner(LOCAL_LEARNER);
    const log: ProgressEvent[] = [];
    const add = async (...events: ProgressEvent[]) => {
      await store.appendEvents(LOCAL_LEARNER, events);
      log.push(...events);
      expect(await read(store)).toEqual(await whole(store));
    };
    await add(newEvent('started', { item: 'python' }, at(2)));
    expect(await store.getProgressFold(LOCAL_LEARNER)).toMatchObject({ events: 1 });
    await add(newEvent('hours', { hours: 1.5, date: '2026-11-03', item: 'cs50p/week-0' }, at(3)));
    // Many events at once: applied on top and stored again.
    const many = Array.from({ length: 70 }, (_, i) =>
      newEvent('hours', { hours: 0.25, date: '2026-11-04', item: 'cs50p' }, at(4, i % 60)),
    );
    await add(...many.map((e, i) => ({ ...e, at: new Date(at(4).getTime() + i * 1000).toISOString() })));
    await add(newEvent('done', { item: 'python' }, at(5)));
    // An undo cancels an event already folded.
    await add(newEvent('undo', { undoes: log[log.length - 1]?.id }, at(6)));
    // An event dated before the latest folded.
    await add(newEvent('skipped', { item: 'linear-algebra' }, at(1)));
    await add(newEvent('note', { text: '笔记' }, at(7)));
    // A merged import of older events.
    await store.importData(
      LOCAL_LEARNER,
      {
        profile: undefined,
        events: [newEvent('done', { item: 'linear-algebra' }, at(1, 30))],
        projects: [],
        postings: [],
      },
      { merge: true, at: at(8).toISOString() },
    );
    expect(await read(store)).toEqual(await whole(store));
    const stored = await store.getProgressFold(LOCAL_LEARNER);
    expect(stored?.fold).toContain('linear-algebra');
  });

  it('folds again when the stored fold was made against other curriculum items', async () => {
    const store = await open();
    await store.ensureLearner(LOCAL_LEARNER);
    await store.appendEvents(LOCAL_LEARNER, [newEvent('done', { item: 'python' }, at(2))]);
    await read(store);
    const stored = await store.getProgressFold(LOCAL_LEARNER);
    // A stale fold under another key, claiming the same events: it must not be used.
    await store.saveProgressFold(LOCAL_LEARNER, {
      cursor: stored?.cursor,
      events: stored?.events ?? 1,
      key: 'another-curriculum',
      fold: (stored?.fold ?? '').replace('"done"', '"skipped"'),
      updatedAt: at(3).toISOString(),
    });
    expect((await read(store)).skills.get('python-programming')).toBe('done');
  });
});
