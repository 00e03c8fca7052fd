import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyProgressChanges,
  ErrorSchema,
  ProgressChangesSchema,
  ProgressEventSchema,
  ProgressEventsPageSchema,
  ProgressSummarySchema,
} from '../../contract/index.js';
import { join } from 'node:path';
import { openSqliteStore } from '../../store/sqlite.js';
import { client, harness } from '../test-support/harness.js';
import type { Harness } from '../test-support/harness.js';

let h: Harness;
let api: ReturnType<typeof client>;
beforeEach(async () => {
  h = await harness();
  api = client(h.app);
});
afterEach(async () => {
  await h.close();
});

describe('GET /api/progress', () => {
  it('answers an empty state on a fresh store, not an error', async () => {
    const { status, json } = await api.get('/api/progress');
    expect(status).toBe(200);
    const view = ProgressSummarySchema.parse(json);
    expect(view.skills).toEqual({});
    expect(view.events).toEqual({ count: 0, cursor: null });
    expect(view.doneOn).toEqual({});
    expect(view.stats.totalHours).toBe(0);
    expect(view.stats.doneByArea['math']).toEqual({ done: 0, total: 1, share: 0 });
    expect(view.stats.doneByStage['shallow-ml']).toEqual({ done: 0, total: 1, share: 0 });
  });

  it('folds recorded events into statuses and statistics by week', async () => {
    await api.post('/api/progress/events', { type: 'done', item: 'linear-algebra' });
    await api.post('/api/progress/events', { type: 'started', item: 'cs50x/week-0' });
    await api.post('/api/progress/events', { type: 'hours', hours: 2.5, date: '2026-03-03' });
    await api.post('/api/progress/events', { type: 'hours', hours: 1, item: 'python' });
    await api.post('/api/progress/events', { type: 'hours', hours: 4, date: '2026-02-24' });
    const view = ProgressSummarySchema.parse((await api.get('/api/progress')).json);
    // A unit begun that teaches a skill puts the skill in progress (the one progress model).
    expect(view.skills).toEqual({ 'linear-algebra': 'done', 'python-programming': 'learning' });
    expect(view.items).toEqual({ 'cs50x/week-0': 'learning' });
    expect(view.events.count).toBe(5);
    expect(view.events.cursor).toMatch(/^\d+$/);
    expect(JSON.stringify(view)).not.toContain('"type"');
    expect(view.stats.totalHours).toBe(7.5);
    // 2026-03-04 is a Wednesday: this week began on Monday 2026-03-02.
    expect(view.stats.hoursThisWeek).toBe(3.5);
    expect(view.stats.hoursByWeek).toEqual([
      { week: '2026-02-23', hours: 4 },
      { week: '2026-03-02', hours: 3.5 },
    ]);
    expect(view.stats.doneByArea['math']).toEqual({ done: 1, total: 1, share: 1 });
    expect(view.stats.doneByStage['maths']).toEqual({ done: 1, total: 1, share: 1 });
    expect(view.stats.streakDays).toBe(2);
  });
});

describe('GET /api/progress, kept', () => {
  it('answers the same tag while nothing changes, 304 to a client that has it, a new one after an event', async () => {
    await api.post('/api/progress/events', { type: 'done', item: 'linear-algebra' });
    const first = await h.app.request('/api/progress');
    const tag = first.headers.get('ETag') ?? '';
    expect(tag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await h.app.request('/api/progress');
    expect(again.headers.get('ETag')).toBe(tag);
    expect(await again.json()).toEqual(await first.json());
    const cached = await h.app.request('/api/progress', { headers: { 'If-None-Match': tag } });
    expect(cached.status).toBe(304);
    await api.post('/api/progress/events', { type: 'started', item: 'cs50x/week-0' });
    const changed = await h.app.request('/api/progress', { headers: { 'If-None-Match': tag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(tag);
    expect(ProgressSummarySchema.parse(await changed.json()).items).toEqual({ 'cs50x/week-0': 'learning' });
  });
});

describe('POST /api/progress/events', () => {
  it('records an event with an id, the pinned time and today as the date of logged hours', async () => {
    const { status, json } = await api.post('/api/progress/events', { type: 'hours', hours: 1.5 });
    expect(status).toBe(200);
    const { event } = json as { event: unknown };
    const parsed = ProgressEventSchema.parse(event);
    expect(parsed).toMatchObject({ type: 'hours', hours: 1.5, date: '2026-03-04', at: '2026-03-04T12:00:00.000Z' });
    expect(parsed.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await h.store.listEvents('local')).toHaveLength(1);
  });

  it('records a client-made id once: the same event sent again adds nothing and answers the first', async () => {
    const id = '0b4f3c2e-8d1a-4c55-9f0e-2a7d6b1c9e31';
    const first = await api.post('/api/progress/events', { id, type: 'hours', hours: 2 });
    const again = await api.post('/api/progress/events', { id, type: 'hours', hours: 2 });
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, json: first.json });
    expect(ProgressEventSchema.parse((first.json as { event: unknown }).event).id).toBe(id);
    expect(await h.store.listEvents('local')).toHaveLength(1);
  });

  it('refuses a client id already used by an event of another type, naming the field, and records nothing', async () => {
    const id = 'abcdefgh-1234';
    await api.post('/api/progress/events', { id, type: 'hours', hours: 1 });
    const { status, json } = await api.post('/api/progress/events', { id, type: 'note', text: 'hi' });
    expect(status).toBe(409);
    expect(JSON.stringify(json)).toContain('"path":"id"');
    const bad = await api.post('/api/progress/events', { id: 'no spaces allowed', type: 'hours', hours: 1 });
    expect(bad.status).toBe(400);
    expect(await h.store.listEvents('local')).toHaveLength(1);
  });

  it('keeps an old skill id as given; the fold maps it to the skill that replaced it', async () => {
    await api.post('/api/progress/events', { type: 'done', item: 'python' });
    const view = ProgressSummarySchema.parse((await api.get('/api/progress')).json);
    expect(view.skills['python-programming']).toBe('done');
  });

  it('answers 404 with suggestions for an unknown item and records nothing', async () => {
    const { status, json } = await api.post('/api/progress/events', { type: 'done', item: 'linear-algebr' });
    expect(status).toBe(404);
    const { error } = ErrorSchema.parse(json);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('did you mean "linear-algebra"');
    expect(error.problems).toEqual([
      { path: 'item', message: 'there is no skill, resource or unit "linear-algebr" in the curriculum' },
    ]);
    expect(await h.store.listEvents('local')).toEqual([]);
  });

  it('refuses in Chinese for a Chinese request: the message, each field and the hint, with no command-line words', async () => {
    const zh = { 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' };
    const post = async (
      body: unknown,
    ): Promise<{ status: number; error: ReturnType<typeof ErrorSchema.parse>['error'] }> => {
      const res = await h.app.request('/api/progress/events', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: zh,
      });
      return { status: res.status, error: ErrorSchema.parse(await res.json()).error };
    };
    const unknown = await post({ type: 'done', item: 'linear-algebr' });
    expect(unknown.status).toBe(404);
    expect(unknown.error.message).toBe(
      '课程中没有技能、资源或单元“linear-algebr”（你是不是想输入 “linear-algebra”？）',
    );
    const none = await post({ type: 'done', item: 'qqqqqqqqqqqq' });
    expect(none.error.message).toContain('请给出课程中技能、资源或资源单元（资源/单元）的 id');
    const long = await post({ type: 'note', text: 'x'.repeat(10_001) });
    expect(long.status).toBe(400);
    const future = await post({ type: 'hours', hours: 1, date: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.error.message).toContain('在未来');
    for (const { error } of [unknown, none, long, future]) {
      for (const words of [error.message, ...error.problems.map((p) => p.message)]) {
        // Ids, values and dates stay as they are; no English words of our own.
        const prose = words.replace(/“[^”]*”|"[^"]*"|\b[\w.-]*\d[\w.-]*\b|\b(id|YYYY-MM-DD|text)\b/g, '');
        expect(prose, words).not.toMatch(/[A-Za-z]{3,}/);
        expect(words, words).not.toMatch(/`mlpath|--\w|MLPATH_/);
      }
    }
    expect(await h.store.listEvents('local')).toEqual([]);
  });

  it("refuses in the learner's saved language when the request names none", async () => {
    await api.put('/api/profile', { startingPoint: 'from-scratch', startDate: '2026-03-02', locale: 'zh-CN' });
    const res = await h.app.request('/api/progress/events', {
      method: 'POST',
      body: JSON.stringify({ type: 'done', item: 'linear-algebr' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(404);
    expect(ErrorSchema.parse(await res.json()).error.message).toBe(
      '课程中没有技能、资源或单元“linear-algebr”（你是不是想输入 “linear-algebra”？）',
    );
    const english = await h.app.request('/api/progress/events', {
      method: 'POST',
      body: JSON.stringify({ type: 'done', item: 'linear-algebr' }),
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
    });
    expect(ErrorSchema.parse(await english.json()).error.message).toContain('there is no skill, resource or unit');
  });

  it.each([
    [{ type: 'done' }, 'item'],
    [{ type: 'finished', item: 'linear-algebra' }, 'type'],
    [{ type: 'hours', hours: 0 }, 'hours'],
    [{ type: 'hours', hours: 30 }, 'hours'],
    [{ type: 'hours', hours: '2' }, 'hours'],
    [{ type: 'hours', hours: 1, date: '2026-02-30' }, 'date'],
    [{ type: 'note' }, 'text'],
    [{ type: 'done', item: 'linear-algebra', extra: 1 }, 'extra'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const { status, json } = await api.post('/api/progress/events', body);
    expect(status).toBe(400);
    const { error } = ErrorSchema.parse(json);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems.map((p) => p.path)).toContain(field);
    expect(error.message).toContain(field);
    expect(await h.store.listEvents('local')).toEqual([]);
  });

  it('says what is wrong with hours: a number is wanted, or one in range', async () => {
    const text = async (hours: unknown) =>
      ErrorSchema.parse((await api.post('/api/progress/events', { type: 'hours', hours })).json).error.message;
    expect(await text('2')).toContain('expected a number of hours');
    expect(await text(30)).toContain('expected more than 0 and at most 24 hours');
  });

  it('answers 400 for a body that is not JSON', async () => {
    const { status, json } = await api.post('/api/progress/events', '{"type": "done",');
    expect(status).toBe(400);
    expect(ErrorSchema.parse(json).error.message).toContain('not valid JSON');
  });
});

describe('GET /api/progress and /api/plan, kept while nothing is written', () => {
  it('answer what another connection to the same file (the CLI, a second server) wrote', async () => {
    await api.put('/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 20, startDate: '2026-03-04' });
    const before = ProgressSummarySchema.parse((await api.get('/api/progress')).json);
    const plan = ((await api.get('/api/plan')).json as { plan: { skills: string[] } }).plan;
    expect(plan.skills).toContain('linear-algebra');
    const other = await openSqliteStore(join(h.dir, 'mlpath.db'), { backups: false });
    try {
      await other.appendEvents('local', [
        {
          id: 'from-elsewhere',
          type: 'skipped',
          at: '2026-03-04T12:00:00.000Z',
          item: 'linear-algebra',
          hours: undefined,
          date: undefined,
          text: undefined,
          undoes: undefined,
        },
      ]);
    } finally {
      await other.close();
    }
    const after = ProgressSummarySchema.parse((await api.get('/api/progress')).json);
    expect(after.events.count).toBe(before.events.count + 1);
    expect(after.skills['linear-algebra']).toBe('skipped');
    const replanned = ((await api.get('/api/plan')).json as { plan: { skills: string[] } }).plan;
    expect(replanned.skills).not.toContain('linear-algebra');
  });
});

describe('GET /api/progress/events', () => {
  it('pages the log after a cursor, in the order recorded, and refuses a bad cursor or limit', async () => {
    for (const item of ['linear-algebra', 'python', 'classical-ml'])
      await api.post('/api/progress/events', { type: 'started', item });
    const first = ProgressEventsPageSchema.parse((await api.get('/api/progress/events?limit=2')).json);
    expect(first.events.map((e) => e.item)).toEqual(['linear-algebra', 'python-programming']);
    expect(first.more).toBe(true);
    const rest = ProgressEventsPageSchema.parse((await api.get(`/api/progress/events?after=${first.cursor}`)).json);
    expect(rest.events.map((e) => e.item)).toEqual(['classical-ml']);
    expect(rest.more).toBe(false);
    const summary = ProgressSummarySchema.parse((await api.get('/api/progress')).json);
    expect(summary.events).toEqual({ count: 3, cursor: rest.cursor });
    const after = ProgressEventsPageSchema.parse((await api.get(`/api/progress/events?after=${rest.cursor}`)).json);
    expect(after.events).toEqual([]);
    for (const query of ['after=x', 'limit=0', 'limit=1001', 'limit=two']) {
      const bad = await api.get(`/api/progress/events?${query}`);
      expect(bad.status, query).toBe(400);
      expect(ErrorSchema.parse(bad.json).error.code).toBe('INVALID_INPUT');
    }
    // Each bad limit gets the one message that fits it: a number too large to be exact is over the
    // most, not also "not a whole number".
    const messages = async (limit: string): Promise<string[]> =>
      ErrorSchema.parse((await api.get(`/api/progress/events?limit=${limit}`)).json).error.problems.map(
        (p) => p.message,
      );
    expect(await messages('99999999999999999999')).toEqual(['expected limit to be at most 1000']);
    expect(await messages('2.5')).toEqual(['expected limit to be a whole number']);
    expect(await messages('0')).toEqual(['expected limit to be at least 1']);
    // Decimal digits only, as every face reads numbers.
    for (const limit of ['0x10', '1e1', ''])
      expect(await messages(limit), limit).toEqual(['expected limit to be a number']);
  });
});

describe('GET /api/progress/changes', () => {
  it('answers what changed since a summary, which applied to it gives the summary now', async () => {
    await api.post('/api/progress/events', { type: 'done', item: 'cs50x/week-0' });
    const before = ProgressSummarySchema.parse((await api.get('/api/progress')).json);
    expect(Object.keys(before.doneOn)).toEqual(['cs50x/week-0']);
    await api.post('/api/progress/events', { type: 'done', item: 'linear-algebra' });
    await api.post('/api/progress/events', { type: 'hours', hours: 2, date: '2026-03-03' });
    const answer = ProgressChangesSchema.parse((await api.get(`/api/progress/changes?since=${before.version}`)).json);
    const now = ProgressSummarySchema.parse((await api.get('/api/progress')).json);
    if (answer.kind !== 'changes') throw new Error('expected changes');
    expect(answer.since).toBe(before.version);
    expect(answer.version).toBe(now.version);
    expect(answer.changes.skills).toEqual({ 'linear-algebra': 'done' });
    expect(answer.changes.items).toEqual({});
    expect(answer.changes.stats.totalHours).toBe(now.stats.totalHours);
    expect(applyProgressChanges(before, answer.changes, answer.version)).toEqual(now);
    // Nothing changed: an empty change.
    const none = ProgressChangesSchema.parse((await api.get(`/api/progress/changes?since=${now.version}`)).json);
    expect(none).toMatchObject({ kind: 'changes', changes: { skills: {}, items: {}, stats: { doneByArea: {} } } });
  });

  it('answers the whole summary for a version it does not hold, and refuses an empty one', async () => {
    const answer = ProgressChangesSchema.parse((await api.get('/api/progress/changes?since=unknown')).json);
    expect(answer.kind).toBe('full');
    expect((await api.get('/api/progress/changes?since=')).status).toBe(400);
    expect((await api.get('/api/progress/changes')).status).toBe(400);
  });
});

describe('POST /api/progress/undo', () => {
  it('undoes the last event by default, appending an undo event', async () => {
    const done = (await api.post('/api/progress/events', { type: 'done', item: 'linear-algebra' })).json as {
      event: { id: string };
    };
    const { status, json } = await api.post('/api/progress/undo');
    expect(status).toBe(200);
    expect((json as { event: unknown }).event).toMatchObject({ type: 'undo', undoes: done.event.id });
    const view = ProgressSummarySchema.parse((await api.get('/api/progress')).json);
    expect(view.skills).toEqual({});
    expect(view.events.count).toBe(2);
  });

  it('undoes a named event, and refuses to undo it twice', async () => {
    const first = (await api.post('/api/progress/events', { type: 'done', item: 'linear-algebra' })).json as {
      event: { id: string };
    };
    await api.post('/api/progress/events', { type: 'started', item: 'classical-ml' });
    expect((await api.post('/api/progress/undo', { eventId: first.event.id })).status).toBe(200);
    const view = ProgressSummarySchema.parse((await api.get('/api/progress')).json);
    expect(view.skills).toEqual({ 'classical-ml': 'learning' });
    const again = await api.post('/api/progress/undo', { eventId: first.event.id });
    expect(again.status).toBe(409);
    expect(ErrorSchema.parse(again.json).error.code).toBe('CONFLICT');
  });

  it('answers 404 for an unknown event id and when there is nothing to undo', async () => {
    const unknown = await api.post('/api/progress/undo', { eventId: 'no-such-event' });
    expect(unknown.status).toBe(404);
    expect(ErrorSchema.parse(unknown.json).error.problems[0]?.path).toBe('eventId');
    const nothing = await api.post('/api/progress/undo', {});
    expect(nothing.status).toBe(404);
    expect(ErrorSchema.parse(nothing.json).error.message).toContain('nothing to undo');
  });

  it('answers 400 naming eventId when it is not a string', async () => {
    const { status, json } = await api.post('/api/progress/undo', { eventId: 42 });
    expect(status).toBe(400);
    expect(ErrorSchema.parse(json).error.problems[0]?.path).toBe('eventId');
  });
});
