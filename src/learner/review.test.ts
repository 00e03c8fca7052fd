import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isMlpathError } from '../core/errors.js';
import { loadCurriculum } from '../content/load.js';
import { backupToJson, parseBackup } from '../export/backup.js';
import { backupOf, restoreBackup } from '../store/backup.js';
import { newEvent } from '../store/events.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { tempDir } from '../store/test-support/databases.js';
import type { LearnerContext } from './context.js';
import { rateReview, reviewCards, reviewQueue, reviewWeeks } from './review.js';
import { localDate } from './context.js';
import { currentWeek, progressSnapshot, status } from './progress.js';
import { forecastFrom, profileFor } from '../core/planner/index.js';
import { foldProgress } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';

const curriculum = loadCurriculum(fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url)));
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function context(at: { now: Date }): Promise<LearnerContext> {
  const dir = tempDir();
  const store: Store = await openSqliteStore(join(dir, 'mlpath.db'));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => store.close());
  await store.ensureLearner('local', 'local', at.now.toISOString());
  return { store, curriculum, clock: () => at.now, learnerId: 'local' };
}

async function expectError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isMlpathError(error) && error.code).toBe(code);
}

describe('reviewing a learner’s done skills', () => {
  it('turns a done skill’s questions into due cards, schedules a rating, and keeps it in the backup', async () => {
    const at = { now: new Date('2026-12-01T09:00:00.000Z') };
    const ctx = await context(at);
    expect((await reviewQueue(ctx)).cards).toBe(0);

    await ctx.store.appendEvents('local', [newEvent('done', { item: 'sql-databases' }, at.now)]);
    const queue = await reviewQueue(ctx);
    const keys = curriculum.selfCheck.filter((q) => q.skill === 'sql-databases').map((q) => `sql-databases/${q.id}`);
    expect(queue.due.map((d) => d.card.key)).toEqual(keys);
    expect(queue.due[0]?.question['zh-CN']).toBeTruthy();
    expect(queue.skills).toMatchObject([{ skill: 'sql-databases', cards: keys.length, due: keys.length }]);

    at.now = new Date('2026-12-01T09:05:00.000Z');
    const first = keys[0] ?? '';
    const rated = await rateReview(ctx, first, 'easy');
    expect(rated.event).toMatchObject({ type: 'reviewed', item: first, text: 'easy' });
    expect(rated.card.phase).toBe('review');
    expect(new Date(rated.card.due).getTime()).toBeGreaterThan(at.now.getTime() + 86_400_000);
    const after = await reviewQueue(ctx);
    expect(after.due.map((d) => d.card.key)).toEqual(keys.slice(1));
    expect(after.next).toBe(rated.card.due);

    // The rating travels in the backup and gives the same schedule when restored elsewhere.
    const backup = parseBackup(backupToJson(await backupOf(ctx.store, 'local', at.now.toISOString())), 'backup.json');
    const other = await context(at);
    await restoreBackup(other.store, 'local', backup, { merge: false, at: at.now.toISOString() });
    const restored = (await reviewCards(other)).find((c) => c.card.key === first);
    expect(restored?.card).toEqual(rated.card);
  });

  it('keeps a backup whose review rating is not one of the four out', () => {
    const backup = {
      format: 'mlpath-backup',
      version: 1,
      exportedAt: '2026-12-01T09:00:00.000Z',
      profile: null,
      events: [
        { id: 'r1', type: 'reviewed', at: '2026-12-01T09:00:00.000Z', item: 'sql-databases/x', text: 'perfect' },
      ],
      projects: [],
    };
    let error: unknown;
    try {
      parseBackup(JSON.stringify(backup), 'backup.json');
    } catch (e) {
      error = e;
    }
    expect(isMlpathError(error) && error.problems.map((p) => p.message)).toEqual([
      'events[0].text: a reviewed event needs "text" to be its rating: again, hard, good, easy',
    ]);
  });

  it('refuses a card of a skill not done, an unknown card and a rating outside the four', async () => {
    const at = { now: new Date('2026-12-01T09:00:00.000Z') };
    const ctx = await context(at);
    const [question] = curriculum.selfCheck;
    const key = `${question?.skill}/${question?.id}`;
    await expectError(rateReview(ctx, key, 'good'), 'NOT_FOUND');
    await ctx.store.appendEvents('local', [newEvent('done', { item: question?.skill ?? '' }, at.now)]);
    await expectError(rateReview(ctx, `${question?.skill}/no-such-question`, 'good'), 'NOT_FOUND');
    await expectError(rateReview(ctx, key, 'perfect'), 'INVALID_INPUT');
    expect(await ctx.store.countEvents('local')).toBe(1);
  });
});

describe('which skills have cards', () => {
  it('counts a skill done by its work: a resource teaching it finished', async () => {
    const at = { now: new Date('2026-12-01T09:00:00.000Z') };
    const ctx = await context(at);
    // A resource teaching a skill, finished whole: its skills are done by the one progress model.
    const resource = curriculum.resources.find((r) => r.id === 'missing-semester');
    if (!resource) throw new Error('the curriculum has no resource missing-semester');
    await ctx.store.appendEvents('local', [newEvent('done', { item: resource.id }, at.now)]);
    const queue = await reviewQueue(ctx);
    expect(queue.skills.map((s) => s.skill)).toEqual(
      resource.teaches.filter((id) => curriculum.selfCheck.some((q) => q.skill === id)),
    );
    expect(queue.due.every((d) => d.card.due === at.now.toISOString())).toBe(true);
  });
});

describe('the review time the weekly plan reserves', () => {
  it('takes the due cards’ minutes off the week’s study hours, finishing no earlier; no cards, no change', async () => {
    const at = { now: new Date('2026-12-02T09:00:00.000Z') };
    const ctx = await context(at);
    const profile = profileFor(curriculum, 'from-scratch', { startDate: '2026-11-30', hoursPerWeek: 10 });
    await ctx.store.saveProfile('local', profile, at.now.toISOString());
    const today = localDate(at.now);
    const plain = (events: readonly ProgressEvent[]) =>
      forecastFrom(curriculum, profile, foldProgress(events, curriculum), today);

    // Nothing done: no cards, and the forecast is the planner's own, untouched.
    await ctx.store.appendEvents('local', [newEvent('hours', { hours: 1, date: today }, at.now)]);
    const before = await progressSnapshot(ctx);
    expect(before.planOptions).toEqual({});
    expect(before.forecast?.plan).toEqual(plain(await ctx.store.listEvents('local')).plan);
    expect((await currentWeek(ctx)).review).toMatchObject({ reviews: 0, minutes: 0 });

    // Two skills done: their cards are due, and the week keeps time for them.
    await ctx.store.appendEvents('local', [
      newEvent('done', { item: 'python-basics' }, at.now),
      newEvent('done', { item: 'sql-databases' }, at.now),
    ]);
    const events = await ctx.store.listEvents('local');
    const snapshot = await progressSnapshot(ctx);
    const week = await currentWeek(ctx, snapshot);
    const reserved = week.review?.minutes ?? 0;
    expect(reserved).toBeGreaterThan(0);
    const withReview = snapshot.forecast?.plan;
    const without = plain(events).plan;
    const first = withReview?.weeks[0];
    expect(first?.start).toBe('2026-11-30');
    expect(first?.reviewMinutes).toBe(reserved);
    expect(first?.hours ?? 0).toBeCloseTo((without.weeks[0]?.hours ?? 0) - reserved / 60, 1);
    expect((withReview?.finishDate ?? '') >= without.finishDate).toBe(true);
    // Status answers the same forecast.
    expect((await status(ctx, snapshot)).forecast?.finishDate).toBe(withReview?.finishDate);
    // Later weeks reserve what the cards bring back then.
    const reviewWeeksAhead = reviewWeeks(curriculum, events, snapshot.original, today, profile.startDate);
    for (const w of reviewWeeksAhead.slice(1, 4)) {
      expect(withReview?.weeks.find((p) => p.start === w.start)?.reviewMinutes).toBe(w.minutes);
    }
  });
});

describe('the deck counts a skill done as status does', () => {
  it('starts no cards for a skill whose first-plan work is only partly done, and starts them when it is done', async () => {
    const at = { now: new Date('2026-12-01T09:00:00.000Z') };
    const ctx = await context(at);
    await ctx.store.saveProfile(
      'local',
      profileFor(curriculum, 'from-scratch', { startDate: '2026-12-01' }),
      at.now.toISOString(),
    );
    // Kaggle's Pandas unit is one of three in the plan that teach NumPy and pandas.
    await ctx.store.appendEvents('local', [newEvent('done', { item: 'kaggle-learn/pandas' }, at.now)]);
    const snapshot = await progressSnapshot(ctx);
    expect(snapshot.states.statuses.get('numpy-pandas')).toBe('learning');
    const skillsOf = async () => (await reviewQueue(ctx)).due.map((d) => d.card.skill);
    expect(await skillsOf()).not.toContain('numpy-pandas');
    expect((await reviewCards(ctx)).map((c) => c.card.skill)).not.toContain('numpy-pandas');
    await expectError(
      rateReview(ctx, `numpy-pandas/${curriculum.selfCheck.find((q) => q.skill === 'numpy-pandas')?.id ?? ''}`, 'good'),
      'NOT_FOUND',
    );

    at.now = new Date('2026-12-01T10:00:00.000Z');
    await ctx.store.appendEvents('local', [newEvent('done', { item: 'numpy-pandas' }, at.now)]);
    expect((await progressSnapshot(ctx)).states.statuses.get('numpy-pandas')).toBe('done');
    expect(await skillsOf()).toContain('numpy-pandas');
  });
});
