/**
 * Idempotency keys and the sync routes on the local server (a real SQLite file): a retried write
 * under one key is done once and answered again, the key for another request is refused, a failed
 * request keeps nothing, keys are forgotten after a day; events page after a cursor.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness } from './test-support/harness.js';
import type { Harness } from './test-support/harness.js';
import { LOCAL_LEARNER } from '../store/store.js';

describe('Idempotency-Key on the local server', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  const post = (path: string, body: unknown, key?: string) =>
    h.app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(key === undefined ? {} : { 'Idempotency-Key': key }) },
      body: JSON.stringify(body),
    });

  it('does a retried write once and answers the retry with the first answer', async () => {
    const first = await post('/api/progress/events', { type: 'hours', hours: 1.5 }, 'key-1');
    expect(first.status).toBe(200);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const text = await first.text();
    const retry = await post('/api/progress/events', { type: 'hours', hours: 1.5 }, 'key-1');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.text()).toBe(text);
    expect(await h.store.countEvents(LOCAL_LEARNER)).toBe(1);
    // Without a key, the same request is a new step.
    expect((await post('/api/progress/events', { type: 'hours', hours: 1.5 })).status).toBe(200);
    expect(await h.store.countEvents(LOCAL_LEARNER)).toBe(2);
  });

  it('undoes one step when an undo is retried under its key', async () => {
    await post('/api/progress/events', { type: 'note', text: 'one' });
    await post('/api/progress/events', { type: 'note', text: 'two' });
    const a = await post('/api/progress/undo', {}, 'undo-1');
    const b = await post('/api/progress/undo', {}, 'undo-1');
    expect([a.status, b.status]).toEqual([200, 200]);
    const events = await h.store.listEvents(LOCAL_LEARNER);
    expect(events.filter((e) => e.type === 'undo')).toHaveLength(1);
  });

  it('refuses the key for another request, keeps nothing of a failed one, and forgets keys after a day', async () => {
    await post('/api/progress/events', { type: 'note', text: 'kept' }, 'key-2');
    const other = await post('/api/progress/events', { type: 'note', text: 'another' }, 'key-2');
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: { problems: { path: string }[] } }).error.problems[0]?.path).toBe(
      'Idempotency-Key',
    );
    expect(await h.store.countEvents(LOCAL_LEARNER)).toBe(1);

    // A refused request keeps nothing: its corrected retry under the same key runs.
    expect((await post('/api/progress/events', { type: 'hours', hours: 99 }, 'key-3')).status).toBe(400);
    expect((await post('/api/progress/events', { type: 'hours', hours: 2 }, 'key-3')).status).toBe(200);
    expect(await h.store.countEvents(LOCAL_LEARNER)).toBe(2);

    // A day and a bit later the key is free again.
    h.setNow('2026-03-05T13:00:00.000Z');
    const later = await post('/api/progress/events', { type: 'note', text: 'another' }, 'key-2');
    expect(later.status).toBe(200);
    expect(later.headers.get('Idempotent-Replayed')).toBeNull();
    expect(await h.store.countEvents(LOCAL_LEARNER)).toBe(3);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const res = await post('/api/progress/events', { type: 'note', text: 'x' }, 'x'.repeat(256));
    expect(res.status).toBe(400);
    expect(await h.store.countEvents(LOCAL_LEARNER)).toBe(0);
  });
});

describe('the sync routes on the local server', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('pages events after a cursor, in the order they were recorded, and refuses a bad cursor', async () => {
    const batch = {
      events: Array.from({ length: 5 }, (_, i) => ({
        id: `e${i}`,
        type: 'note',
        at: `2026-03-0${i + 1}T10:00:00.000Z`,
        text: `note ${i}`,
      })),
      projects: [],
      postings: [],
      profile: null,
    };
    const sent = await h.app.request('/api/sync', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(sent.status).toBe(200);
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await h.app.request(`/api/sync/events?limit=2${after === null ? '' : `&after=${after}`}`);
      const page = (await res.json()) as { events: { id: string }[]; cursor: string | null; more: boolean };
      ids.push(...page.events.map((e) => e.id));
      after = page.cursor;
      if (!page.more) break;
    }
    expect(ids).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    const empty = (await (await h.app.request(`/api/sync/events?after=${after}`)).json()) as { events: unknown[] };
    expect(empty.events).toEqual([]);
    expect((await h.app.request('/api/sync/events?after=abc')).status).toBe(400);
    expect((await h.app.request('/api/sync/events?limit=5000')).status).toBe(400);
  });

  it('refuses a batch with one id twice or a profile this curriculum cannot plan from, writing nothing', async () => {
    const event = { id: 'same', type: 'note', at: '2026-03-01T10:00:00.000Z', text: 'x' };
    const twice = await h.app.request('/api/sync', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: [event, event], projects: [], postings: [], profile: null }),
    });
    expect(twice.status).toBe(400);
    const state = (await (await h.app.request('/api/sync/state')).json()) as { profile: unknown };
    expect(state.profile).toBeNull();
    const badProfile = await h.app.request('/api/sync', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        events: [event],
        projects: [],
        postings: [],
        profile: {
          savedAt: '2026-03-01T10:00:00.000Z',
          profile: {
            startingPoint: 'no-such-start',
            known: [],
            hoursPerWeek: 10,
            weeksOff: [],
            startDate: '2026-03-02',
            style: 'structured',
            freeOnly: false,
            locale: 'en',
            choices: { pin: [], exclude: [], swap: [], own: [] },
          },
        },
      }),
    });
    expect(badProfile.status).toBe(400);
    expect(await badProfile.text()).toContain('startingPoint');
    expect(await h.store.countEvents(LOCAL_LEARNER)).toBe(0);
  });
});
