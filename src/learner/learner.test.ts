import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureCurriculum } from '../export/test-support/fixture.js';
import { openSqliteStore } from '../store/sqlite.js';
import { tempDir } from '../store/test-support/databases.js';
import { LOCAL_LEARNER } from '../store/store.js';
import type { LearnerContext } from './context.js';
import { isLearnerError } from './errors.js';
import { exportText, importBackup, readBackup } from './exchange.js';
import { findItem, findSkill, requireItem, suggestItems } from './items.js';
import { profileFromInput, saveProfile } from './profile.js';
import { burnup, progressSnapshot, showStatus, status } from './progress.js';
import { addProject, setLinks } from './projects.js';
import { logHours, markItem, TICK_HOURS_SUFFIX, undo } from './tracking.js';

const dirs: string[] = [];
const stores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function context(now = '2026-11-27T09:00:00.000Z'): Promise<LearnerContext & { setNow(at: string): void }> {
  const dir = tempDir('mlpath-learner-');
  dirs.push(dir);
  const store = await openSqliteStore(join(dir, 'mlpath.db'));
  stores.push(store);
  await store.ensureLearner(LOCAL_LEARNER);
  let at = new Date(now);
  return {
    store,
    curriculum: fixtureCurriculum(),
    clock: () => at,
    learnerId: LOCAL_LEARNER,
    setNow: (instant) => {
      at = new Date(instant);
    },
  };
}

describe('items', () => {
  it('trims, follows other spellings and old ids, and knows units', () => {
    const c = fixtureCurriculum();
    expect(findItem(c, ' Linear_Algebra ')).toEqual({ kind: 'skill', key: 'linear-algebra' });
    expect(findItem(c, 'python')).toEqual({ kind: 'skill', key: 'python-programming' });
    expect(findItem(c, 'cs50p/week-1')).toEqual({ kind: 'unit', key: 'cs50p/week-1' });
    expect(findItem(c, 'nothing-like-it')).toBeUndefined();
  });

  it('finds a skill by its id today, an old id or another spelling, and no resource or unit', () => {
    const c = fixtureCurriculum();
    expect(findSkill(c, 'python')).toBe('python-programming');
    expect(findSkill(c, ' Linear_Algebra ')).toBe('linear-algebra');
    expect(findSkill(c, 'cs50p')).toBeUndefined();
    expect(findSkill(c, 'cs50p/week-1')).toBeUndefined();
    expect(findSkill(c, 'nothing-like-it')).toBeUndefined();
  });

  it('suggests old ids too, and with skills only, no resource', () => {
    const c = fixtureCurriculum();
    expect(suggestItems(c, 'pyhton')).toContain('python');
    expect(suggestItems(c, 'cs50')).toContain('cs50p');
    expect(suggestItems(c, 'cs50', 'skills')).toEqual([]);
    expect(suggestItems(c, ' pyhton ', 'skills')).toContain('python');
  });

  it('refuses an empty id as no item given, without suggestions (they would be the first ids A to Z)', () => {
    const c = fixtureCurriculum();
    for (const id of ['', '   ']) {
      let caught: unknown;
      try {
        requireItem(c, id);
      } catch (error) {
        caught = error;
      }
      expect(isLearnerError(caught) && caught.code).toBe('INVALID_INPUT');
      expect((caught as Error).message).toBe('no item given; name a skill, a resource or a unit');
      expect((caught as { hint?: string }).hint).toMatch(/^give a skill id/);
      expect((caught as { details?: unknown }).details).toEqual({ id, suggestions: [] });
    }
  });
});

describe('saveProfile', () => {
  it('keeps the first plan and the work done when a profile is replaced, and says it was replaced', async () => {
    const ctx = await context();
    const first = await saveProfile(ctx, profileFromInput(ctx, { startingPoint: 'from-scratch' }), 'init');
    expect(first).toMatchObject({ replaced: false, baselineKept: false });
    const baseline = await ctx.store.firstPlanSnapshot(LOCAL_LEARNER);
    await markItem(ctx, { type: 'done', item: 'cs50p/week-0' });
    ctx.setNow('2026-12-09T09:00:00.000Z');
    const second = await saveProfile(
      ctx,
      profileFromInput(ctx, { startingPoint: 'from-scratch', hoursPerWeek: 20 }),
      'init',
    );
    expect(second).toMatchObject({ replaced: true, baselineKept: true });
    expect(await ctx.store.firstPlanSnapshot(LOCAL_LEARNER)).toEqual(baseline);
    expect(await ctx.store.latestPlanSnapshot(LOCAL_LEARNER)).toEqual(baseline);
    // The work done stays, and the new plan does not schedule it again.
    expect((await ctx.store.listEvents(LOCAL_LEARNER)).map((e) => e.type)).toEqual(['done', 'hours']);
    const tasks = second.forecast.plan.weeks.flatMap((w) => w.tasks.map((t) => t.key));
    expect(tasks).not.toContain('cs50p/week-0');
    expect(second.profile.startDate).toBe('2026-12-09');
  });

  it('keeps the first plan as the baseline of the forecast and the burn-up after a replaced profile', async () => {
    const ctx = await context();
    await saveProfile(ctx, profileFromInput(ctx, { startingPoint: 'from-scratch', hoursPerWeek: 5 }), 'init');
    const before = await status(ctx);
    const plannedBefore = (await burnup(ctx)).map((p) => p.plannedHours);
    await saveProfile(ctx, profileFromInput(ctx, { startingPoint: 'from-scratch', hoursPerWeek: 20 }), 'init');
    const after = await status(ctx);
    expect(after.forecast?.originalFinishDate).toBe(before.forecast?.originalFinishDate);
    // Four times the hours a week: the plan finishes earlier than the first plan said.
    expect((after.forecast?.finishDate ?? '') < (before.forecast?.finishDate ?? '')).toBe(true);
    expect(after.forecast?.movedDays).toBeLessThan(0);
    expect((await burnup(ctx)).map((p) => p.plannedHours).slice(0, plannedBefore.length)).toEqual(plannedBefore);
  });

  it('stores nothing for a profile no plan can be made for', async () => {
    const ctx = await context();
    const profile = profileFromInput(ctx, { startingPoint: 'from-scratch', choices: { exclude: ['la-book'] } });
    await expect(saveProfile(ctx, profile, 'init')).rejects.toMatchObject({ code: 'UNREACHABLE' });
    expect(await ctx.store.getProfile(LOCAL_LEARNER)).toBeUndefined();
  });
});

describe('a restored learner', () => {
  it('keeps the plan from the profile as the baseline when a status is shown, on every later status', async () => {
    const ctx = await context();
    await saveProfile(ctx, profileFromInput(ctx, { startingPoint: 'from-scratch' }), 'init');
    await markItem(ctx, { type: 'done', item: 'cs50p/week-0' });
    const backup = await exportText(ctx, { format: 'json' });
    // Restored elsewhere three weeks later, with nothing studied since: the forecast has moved.
    const restored = await context('2026-12-18T09:00:00.000Z');
    await importBackup(restored, { backup: readBackup(backup, 'backup.json'), merge: false });
    const first = await showStatus(restored);
    const planned = (await burnup(restored)).map((p) => p.plannedHours);
    expect(first.forecast?.movedDays).not.toBe(0);
    // The next command reads everything again, as a new process does (nothing kept in memory).
    const next = { ...restored, curriculum: fixtureCurriculum() };
    const second = await showStatus(next);
    expect(second.forecast?.originalFinishDate).toBe(first.forecast?.originalFinishDate);
    expect(second.forecast?.movedDays).toBe(first.forecast?.movedDays);
    expect((await burnup(next)).map((p) => p.plannedHours)).toEqual(planned);
    // What the first status showed is where the second says the finish was before.
    expect(second.forecast?.previousFinishDate).toBe(first.forecast?.finishDate);
  });
});

describe('a tick and its planned hours', () => {
  it('logs the hours the plan gives the task, under an id tied to the tick, and undoes both by either id', async () => {
    const ctx = await context();
    await saveProfile(ctx, profileFromInput(ctx, { startingPoint: 'from-scratch' }), 'init');
    const { event, logged } = await markItem(ctx, { type: 'done', item: 'cs50p/week-0' });
    expect(logged?.id).toBe(`${event?.id}${TICK_HOURS_SUFFIX}`);
    expect(logged?.hours).toBeGreaterThanOrEqual(10);
    const result = await undo(ctx, { eventId: logged?.id });
    expect(result?.undone.map((e) => e.type)).toEqual(['done', 'hours']);
    expect(result?.events.map((e) => e.item)).toEqual(['cs50p/week-0', 'cs50p/week-0']);
    await expect(undo(ctx, { eventId: event?.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await undo(ctx)).toBeUndefined();
  });

  it('takes the hours back when the task is unticked, and puts them back when the untick is undone', async () => {
    const ctx = await context();
    await saveProfile(ctx, profileFromInput(ctx, { startingPoint: 'from-scratch' }), 'init');
    const hoursIn = async (): Promise<number> => (await progressSnapshot(ctx)).stats.totalHours;
    const { logged } = await markItem(ctx, { type: 'done', item: 'cs50p/week-0' });
    const planned = logged?.hours ?? 0;
    expect(await hoursIn()).toBe(planned);
    const untick = await markItem(ctx, { type: 'reset', item: 'cs50p/week-0', id: 'untick-1' });
    expect(untick.unlogged?.id).toBe(logged?.id);
    expect(await hoursIn()).toBe(0);
    // Sent again under its id (a lost answer): nothing new, the same answer.
    const again = await markItem(ctx, { type: 'reset', item: 'cs50p/week-0', id: 'untick-1' });
    expect(again.event?.id).toBe('untick-1');
    expect(again.unlogged?.id).toBe(logged?.id);
    // A second untick has no tick to take hours from.
    expect((await markItem(ctx, { type: 'reset', item: 'cs50p/week-0' })).unlogged).toBeUndefined();
    await undo(ctx); // the second untick
    const undone = await undo(ctx); // the first: the tick is in force again, with its hours
    expect(undone?.undone.map((e) => e.id)).toEqual(['untick-1', `untick-1${TICK_HOURS_SUFFIX}`]);
    expect(await hoursIn()).toBe(planned);
    // Hours logged by hand on the task stay when it is unticked; a tick without hours takes none back.
    await logHours(ctx, { hours: 2, item: 'cs50p/week-0' });
    await markItem(ctx, { type: 'reset', item: 'cs50p/week-0' });
    expect(await hoursIn()).toBe(2);
    await markItem(ctx, { type: 'done', item: 'cs50p/week-0', logPlannedHours: false });
    expect((await markItem(ctx, { type: 'reset', item: 'cs50p/week-0' })).unlogged).toBeUndefined();
    expect(await hoursIn()).toBe(2);
  });

  it('logs nothing for a skill, or without a profile (no plan gives it hours)', async () => {
    const ctx = await context();
    expect((await markItem(ctx, { type: 'done', item: 'cs50p/week-0' })).logged).toBeUndefined();
    expect((await markItem(ctx, { type: 'done', item: 'linear-algebra' })).logged).toBeUndefined();
  });
});

describe('a step sent again under its id', () => {
  it('answers the step recorded when it is the same, and refuses other values under the same id', async () => {
    const ctx = await context();
    const first = await logHours(ctx, { hours: 0.25, id: 'h-1' });
    // A retry the next day without a date is the same step (its date was the day it was sent).
    ctx.setNow('2026-11-28T09:00:00.000Z');
    expect((await logHours(ctx, { hours: 0.25, id: 'h-1' })).event).toEqual(first.event);
    const other = logHours(ctx, { hours: 3, id: 'h-1' });
    await expect(other).rejects.toMatchObject({ code: 'CONFLICT', reason: 'event-id-other-step' });
    const error = await other.catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'event "h-1" was already recorded with another hours; a retry sends the same step, a new step needs a new id',
    );
    await expect(markItem(ctx, { type: 'done', item: 'cs50p/week-0', id: 'm-1' })).resolves.toBeDefined();
    await expect(markItem(ctx, { type: 'done', item: 'cs50p/week-1', id: 'm-1' })).rejects.toMatchObject({
      reason: 'event-id-other-step',
    });
    await expect(markItem(ctx, { type: 'done', item: 'cs50p/week-0', id: 'm-1' })).resolves.toBeDefined();
    expect(await ctx.store.countEvents(ctx.learnerId)).toBe(2);
  });
});

describe('hours in a day', () => {
  it('refuses hours that would take a day past 24, saying how many are left; ticks and undone entries do not count', async () => {
    const ctx = await context();
    await saveProfile(ctx, profileFromInput(ctx, { startingPoint: 'from-scratch' }), 'init');
    // A tick logs its task's planned hours on its day: they count toward no day's limit.
    const { logged } = await markItem(ctx, { type: 'done', item: 'cs50p/week-0' });
    expect(logged?.hours).toBeGreaterThanOrEqual(10);
    await logHours(ctx, { hours: 20 });
    const over = logHours(ctx, { hours: 5 });
    await expect(over).rejects.toMatchObject({ code: 'INVALID_INPUT', reason: 'day-full' });
    const error = (await over.catch((e: unknown) => e)) as Error & { problems: { path: string }[] };
    expect(error.message).toBe(
      '2026-11-27 already holds 20 h; a day holds at most 24 h, so at most 4 h more can be logged for it',
    );
    expect(error.problems.map((p) => p.path)).toEqual(['hours']);
    await expect(logHours(ctx, { hours: 4 })).resolves.toBeDefined();
    // Another day has its own 24 h; an undone entry frees its hours.
    await expect(logHours(ctx, { hours: 24, date: '2026-11-26' })).resolves.toBeDefined();
    await expect(logHours(ctx, { hours: 3 })).rejects.toMatchObject({ reason: 'day-full' });
    await undo(ctx); // the 24 h of the 26th
    await undo(ctx); // the 4 h of the 27th
    await expect(logHours(ctx, { hours: 4.5 })).rejects.toMatchObject({ reason: 'day-full' });
    await expect(logHours(ctx, { hours: 4 })).resolves.toBeDefined();
  });
});

describe('undo of project changes', () => {
  it('puts links back one change at a time, and an undo of the undo puts the change back', async () => {
    const ctx = await context();
    await addProject(ctx, { template: 'chinese-chatbot' });
    await setLinks(ctx, { project: 'chinese-chatbot', links: { repository: 'https://github.com/a/b' } });
    await setLinks(ctx, { project: 'chinese-chatbot', links: { demo: 'https://demo.example.org' } });
    const first = await undo(ctx);
    expect((await ctx.store.listProjects(LOCAL_LEARNER))[0]?.links).toEqual({
      repository: 'https://github.com/a/b',
      demo: undefined,
      writeup: undefined,
    });
    await undo(ctx, { eventId: first?.events[0]?.id });
    expect((await ctx.store.listProjects(LOCAL_LEARNER))[0]?.links.demo).toBe('https://demo.example.org');
  });

  it('refuses a link that is not https, naming the link', async () => {
    const ctx = await context();
    await addProject(ctx, { template: 'chinese-chatbot' });
    const refused = await setLinks(ctx, { project: 'chinese-chatbot', links: { demo: 'ftp://x' } }).catch((e) => e);
    expect(isLearnerError(refused) && refused.reason).toBe('bad-url');
    expect(isLearnerError(refused) && refused.problems[0]?.path).toBe('demo');
  });
});

describe('exports', () => {
  it('writes the Markdown record without a profile and refuses the calendar, saying what is missing', async () => {
    const ctx = await context();
    await markItem(ctx, { type: 'done', item: 'python' });
    expect(await exportText(ctx, { format: 'md' })).toContain('- [x] Programming in Python');
    const refused = await exportText(ctx, { format: 'ics' }).catch((e) => e);
    expect(isLearnerError(refused) && refused.reason).toBe('needs-profile');
  });
});
