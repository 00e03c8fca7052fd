import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bodyOf, json, matchesTag, tagged } from './answers.js';

describe('answers made in memory', () => {
  const app = new Hono();
  let last: Response | undefined;
  app.get('/json', (c) => (last = json(c, { ok: true, title: '课程' }, 201)));
  app.get('/tagged', (c) => (last = tagged(c, '{"v":1}', '"v1"')));

  it('declares the length of a JSON answer in bytes and keeps its text', async () => {
    const res = await app.request('/json');
    const text = JSON.stringify({ ok: true, title: '课程' });
    expect(res.status).toBe(201);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('Content-Length')).toBe(String(Buffer.byteLength(text)));
    expect(await res.text()).toBe(text);
    expect(last && bodyOf(last)).toBe(text);
    expect(bodyOf(new Response('other'))).toBeUndefined();
  });

  it('answers tagged bytes, or 304 to a client that holds them', async () => {
    const res = await app.request('/tagged');
    expect(res.headers.get('ETag')).toBe('"v1"');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Content-Length')).toBe('7');
    expect(await res.json()).toEqual({ v: 1 });
    const again = await app.request('/tagged', { headers: { 'If-None-Match': 'W/"v1"' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('matches entity tags weakly', () => {
    expect(matchesTag('W/"v1"', '"v1"')).toBe(true);
    expect(matchesTag('"v0", "v1"', '"v1"')).toBe(true);
    expect(matchesTag('*', '"v1"')).toBe(true);
    expect(matchesTag('"v2"', '"v1"')).toBe(false);
    expect(matchesTag(undefined, '"v1"')).toBe(false);
  });
});
