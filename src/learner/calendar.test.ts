import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../core/plan-model.js';
import { profileFor } from '../core/planner/index.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { fixtureCurriculum } from '../server/test-support/fixture-curriculum.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { openSqliteStore } from '../store/sqlite.js';
import { calendarFeed, calendarFile, learnerOfFeed } from './calendar.js';
import type { LearnerContext } from './context.js';
import { parseEvents } from './test-support/ics.js';

const curriculum = fixtureCurriculum();
let dir: string;
let store: KyselyStore;
let now: Date;
let ctx: LearnerContext;

const parse = parseEvents;

function done(id: string, item: string, at: string): ProgressEvent {
  return { id, type: 'done', at, item, hours: undefined, date: undefined, text: undefined, undoes: undefined };
}

async function setUp(profile: Profile): Promise<void> {
  await store.ensureLearner('local', 'local', '2026-03-01T00:00:00.000Z');
  await store.saveProfile('local', profile, '2026-03-01T00:00:00.000Z');
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlpath-calendar-'));
  store = await openSqliteStore(join(dir, 'mlpath.db'));
  now = new Date('2026-03-04T12:00:00.000Z');
  ctx = { store, curriculum, clock: () => now, learnerId: 'local' };
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('calendarFile: a calendar that stays in sync', () => {
  it('keeps UIDs across days, raises SEQUENCE on what moved, and cancels what left the plan until it would have happened', async () => {
    await setUp(profileFor(curriculum, 'from-scratch', { startDate: '2026-03-09' }));
    const first = parse(await calendarFile(ctx));
    expect(first.length).toBeGreaterThan(10);
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
    expect(first.every((e) => e.sequence === 0 && e.status === undefined)).toBe(true);

    // Two days later, before the start: the same calendar, event for event.
    now = new Date('2026-03-06T12:00:00.000Z');
    const second = parse(await calendarFile(ctx));
    expect(second).toEqual(first);

    // A week into the plan the learner has finished the first unit: what was after it moves up.
    now = new Date('2026-03-16T12:00:00.000Z');
    await store.appendEvents('local', [done('e1', 'cs50x/week-0', '2026-03-15T18:00:00.000Z')]);
    const third = parse(await calendarFile(ctx));
    const before = new Map(first.map((e) => [e.uid, e]));
    const moved = third.filter((e) => e.status === undefined && before.has(e.uid));
    expect(moved.length).toBeGreaterThan(5);
    for (const e of moved) {
      const old = before.get(e.uid);
      if (e.start !== old?.start || e.summary !== old.summary) expect(e.sequence).toBe((old?.sequence ?? 0) + 1);
      else expect(e.sequence).toBe(old.sequence);
    }
    expect(moved.some((e) => e.start < (before.get(e.uid)?.start ?? ''))).toBe(true);
    // The unit's blocks still ahead are cancelled, with a higher SEQUENCE; the one already over is history.
    const cancelled = third.filter((e) => e.status === 'CANCELLED');
    expect(cancelled.map((e) => e.uid).sort()).toEqual(
      first
        .filter((e) => e.summary.includes('Scratch') && e.start >= '2026-03-16')
        .map((e) => e.uid)
        .sort(),
    );
    for (const e of cancelled) expect(e.sequence).toBe((before.get(e.uid)?.sequence ?? 0) + 1);
    expect(third.map((e) => e.uid)).not.toContain(first.find((e) => e.start === '2026-03-09')?.uid);

    // The next export (the feed, or a file downloaded again) sends the same cancellations again and
    // changes nothing else: whichever an app imports, the cancelled blocks leave it.
    const fourth = parse(await calendarFile(ctx, { feed: true }));
    expect(fourth).toEqual(third);
    const fifth = parse(await calendarFile(ctx));
    expect(fifth).toEqual(third);
    // Once they are over they are sent no more (the plan moved on meanwhile may cancel others).
    const lastEnd =
      cancelled
        .map((e) => e.end.slice(0, 10))
        .sort()
        .at(-1) ?? '';
    now = new Date(new Date(`${lastEnd}T12:00:00.000Z`).getTime() + 86_400_000);
    const laterCancelled = parse(await calendarFile(ctx))
      .filter((e) => e.status === 'CANCELLED')
      .map((e) => e.uid);
    expect(cancelled.length).toBeGreaterThan(0);
    for (const e of cancelled) expect(laterCancelled).not.toContain(e.uid);
  });

  it("counts today in the study days' time zone, whatever zone the export is asked from", async () => {
    const study = { days: ['mon', 'tue', 'sat'] as const, time: '19:00', timeZone: 'America/Los_Angeles' };
    await setUp(
      profileFor(curriculum, 'from-scratch', {
        startDate: '2026-03-02',
        study: { ...study, reminderMinutes: undefined },
      }),
    );
    // 20:30 UTC on Monday 2026-03-09: still Monday in Los Angeles (this evening's 19:00 session is
    // ahead), already Tuesday in Tokyo.
    now = new Date('2026-03-09T20:30:00.000Z');
    const asked = async (timeZone: string | undefined) =>
      parse(await calendarFile({ ...ctx, timeZone }, { feed: timeZone === undefined }));
    const fromTokyo = await asked('Asia/Tokyo');
    expect(fromTokyo.some((e) => e.start.startsWith('2026-03-09T19:00'))).toBe(true);
    // The feed (a calendar app names no zone) and a file asked from elsewhere give the same events
    // with the same SEQUENCE: nothing moves back and forth between them.
    expect(await asked(undefined)).toEqual(fromTokyo);
    expect(await asked('Europe/Berlin')).toEqual(fromTokyo);
    expect(fromTokyo.every((e) => e.sequence === 0)).toBe(true);
  });

  it('changes nothing between exports on two days of the same week once the plan has started', async () => {
    await setUp(profileFor(curriculum, 'from-scratch', { startDate: '2026-03-09' }));
    now = new Date('2026-03-10T12:00:00.000Z');
    const tuesday = parse(await calendarFile(ctx));
    now = new Date('2026-03-11T12:00:00.000Z');
    expect(parse(await calendarFile(ctx))).toEqual(tuesday);
  });

  it('leaves everything before a change untouched when the change is at the end of the plan', async () => {
    await setUp(profileFor(curriculum, 'from-scratch', { startDate: '2026-03-09' }));
    const first = parse(await calendarFile(ctx));
    await store.appendEvents('local', [{ ...done('s1', 'nlp-course', '2026-03-05T09:00:00.000Z'), type: 'skipped' }]);
    const second = parse(await calendarFile(ctx));
    const after = new Map(second.map((e) => [e.uid, e]));
    const nlp = first.filter((e) => e.summary.includes('Hugging Face'));
    const study = first.filter((e) => !e.summary.includes('Hugging Face') && !e.summary.startsWith('Milestone'));
    expect(nlp.length).toBeGreaterThan(0);
    for (const e of study) expect(after.get(e.uid)).toEqual(e);
    for (const e of nlp) expect(after.get(e.uid)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
  });

  it('makes UIDs that differ between learners and between curricula', async () => {
    await setUp(profileFor(curriculum, 'from-scratch', { startDate: '2026-03-09' }));
    await store.ensureLearner('other', 'other', '2026-03-01T00:00:00.000Z');
    await store.saveProfile('other', profileFor(curriculum, 'from-scratch', { startDate: '2026-03-09' }), 'x');
    const mine = parse(await calendarFile(ctx)).map((e) => e.uid);
    const theirs = parse(await calendarFile({ ...ctx, learnerId: 'other' })).map((e) => e.uid);
    expect(mine.filter((uid) => theirs.includes(uid))).toEqual([]);
    const renamed = { ...curriculum, meta: { ...curriculum.meta, id: 'another-curriculum' } };
    const elsewhere = parse(await calendarFile({ ...ctx, curriculum: renamed })).filter((e) => !e.status);
    expect(elsewhere.map((e) => e.uid).filter((uid) => mine.includes(uid))).toEqual([]);
  });

  it('needs a profile first', async () => {
    await store.ensureLearner('local', 'local', '2026-03-01T00:00:00.000Z');
    await expect(calendarFile(ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('calendarFeed: the subscription address', () => {
  it('is made once, found by its secret, and revoked by rotation', async () => {
    await store.ensureLearner('local', 'local', '2026-03-01T00:00:00.000Z');
    const feed = await calendarFeed(ctx);
    expect(feed.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await calendarFeed(ctx)).path).toBe(feed.path);
    const token = feed.path.slice('/calendar/'.length, -'.ics'.length);
    expect(await learnerOfFeed(store, token)).toBe('local');
    const rotated = await calendarFeed(ctx, { rotate: true });
    expect(rotated.path).not.toBe(feed.path);
    expect(rotated.rotatedAt).toBe(now.toISOString());
    expect(await learnerOfFeed(store, token)).toBeUndefined();
    expect(await learnerOfFeed(store, rotated.path.slice('/calendar/'.length, -'.ics'.length))).toBe('local');
    expect(await learnerOfFeed(store, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(await learnerOfFeed(store, 'short')).toBeUndefined();
  });
});
