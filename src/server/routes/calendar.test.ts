import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, harness } from '../test-support/harness.js';
import type { Harness } from '../test-support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

function uids(ics: string): string[] {
  return new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((e) => String(e.getFirstPropertyValue('uid')));
}

interface FeedBody {
  feed: { path: string; url: string; rotatedAt: string | null };
}

describe('the calendar feed', () => {
  it('serves the plan at the secret address with no other credentials, with the same UIDs as the export', async () => {
    const api = client(h.app);
    expect((await api.put('/api/profile', { startingPoint: 'from-scratch', startDate: '2026-03-09' })).status).toBe(
      200,
    );
    const { status, json } = await api.get('/api/calendar');
    expect(status).toBe(200);
    const { feed } = json as FeedBody;
    expect(feed.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.url).toBe(`http://localhost${feed.path}`);
    expect(feed.rotatedAt).toBeNull();

    const res = await h.app.request(feed.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const fromFeed = uids(text);
    expect(fromFeed.length).toBeGreaterThan(10);

    const exported = await (await h.app.request('/api/export?format=ics')).text();
    expect(uids(exported)).toEqual(fromFeed);
  });

  it('answers 404 for an unknown or malformed secret', async () => {
    await client(h.app).put('/api/profile', { startingPoint: 'from-scratch' });
    for (const path of ['/calendar/nope.ics', `/calendar/${'A'.repeat(43)}.ics`, '/calendar/x']) {
      const res = await h.app.request(path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it('rotates: the old address stops working at once and the new one serves the same calendar', async () => {
    const api = client(h.app);
    await api.put('/api/profile', { startingPoint: 'from-scratch', startDate: '2026-03-09' });
    const old = ((await api.get('/api/calendar')).json as FeedBody).feed;
    const before = uids(await (await h.app.request(old.path)).text());
    const { status, json } = await api.post('/api/calendar/rotate');
    expect(status).toBe(200);
    const fresh = (json as FeedBody).feed;
    expect(fresh.path).not.toBe(old.path);
    expect(fresh.rotatedAt).toBe('2026-03-04T12:00:00.000Z');
    expect((await h.app.request(old.path)).status).toBe(404);
    const res = await h.app.request(fresh.path);
    expect(res.status).toBe(200);
    expect(uids(await res.text())).toEqual(before);
    expect(((await api.get('/api/calendar')).json as FeedBody).feed.path).toBe(fresh.path);
  });

  it('refuses a rotation another web site asks for, keeping the address', async () => {
    const api = client(h.app);
    const before = ((await api.get('/api/calendar')).json as FeedBody).feed.path;
    const res = await h.app.request('http://127.0.0.1:4321/api/calendar/rotate', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json', Host: '127.0.0.1:4321' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(((await api.get('/api/calendar')).json as FeedBody).feed.path).toBe(before);
  });

  it('a feed for a learner without a profile says what is missing', async () => {
    const { feed } = (await client(h.app).get('/api/calendar')).json as FeedBody;
    const res = await h.app.request(feed.path);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/profile/);
  });
});
