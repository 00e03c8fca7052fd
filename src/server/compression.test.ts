import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { json, tagged } from './answers.js';
import { acceptedEncodings, compression, MIN_COMPRESSED } from './compression.js';
import { webApp } from './static.js';

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: `item-${i}`, title: '课程 course' })) };

// The same answers made two ways: by Hono (compression reads the body from the response's stream)
// and by answers.ts (compression takes the bytes the answer was made from).
const makers = {
  'made by Hono': {
    json: (c: Context, value: unknown) => c.json(value),
    tagged: (c: Context, value: unknown, tag: string) => {
      c.header('ETag', tag);
      return c.json(value);
    },
  },
  'made by answers.ts': {
    json: (c: Context, value: unknown) => json(c, value),
    tagged: (c: Context, value: unknown, tag: string) => tagged(c, JSON.stringify(value), tag),
  },
};

function app(make: (typeof makers)[keyof typeof makers]): Hono {
  const a = new Hono();
  a.use(compression());
  a.get('/tiny', (c) => make.json(c, { ok: true }));
  a.get('/big', (c) => make.json(c, big));
  a.get('/tagged', (c) => make.tagged(c, big, '"v1"'));
  return a;
}

describe.each(Object.entries(makers))('compression of answers %s', (_, make) => {
  it('never compresses a body under 1 KB, and says how long it is', async () => {
    const res = await app(make).request('/tiny', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Content-Length')).toBe(String(JSON.stringify({ ok: true }).length));
    expect(await res.json()).toEqual({ ok: true });
  });

  it('sends brotli or gzip as the client prefers, decoding to the same JSON', async () => {
    const br = await app(make).request('/big', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toContain('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('Content-Length'))).toBe(brBytes.length);
    expect(JSON.parse(brotliDecompressSync(brBytes).toString('utf8'))).toEqual(big);
    const gz = await app(make).request('/big', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8'))).toEqual(big);
    const none = await app(make).request('/big');
    expect(none.headers.get('Content-Encoding')).toBeNull();
    expect(await none.json()).toEqual(big);
    expect(JSON.stringify(big).length).toBeGreaterThan(MIN_COMPRESSED);
  });

  it('keeps the compressed bytes of a tagged response, and marks the tag weak', async () => {
    const a = app(make);
    const first = await a.request('/tagged', { headers: { 'Accept-Encoding': 'br' } });
    const second = await a.request('/tagged', { headers: { 'Accept-Encoding': 'br' } });
    expect(first.headers.get('ETag')).toBe('W/"v1"');
    expect(Buffer.from(await second.arrayBuffer())).toEqual(Buffer.from(await first.arrayBuffer()));
  });

  it('reads Accept-Encoding weights', () => {
    expect(acceptedEncodings('gzip;q=1, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('br;q=0, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});

describe('files compressed at build time', () => {
  const dist = mkdtempSync(join(tmpdir(), 'mlpath-precompressed-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const script = `console.log(${JSON.stringify('x'.repeat(3000))});`;
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), script);
  writeFileSync(join(dist, 'assets', 'app-1.js.br'), brotliCompressSync(script));
  writeFileSync(join(dist, 'assets', 'app-1.js.gz'), gzipSync(script));
  const served = new Hono();
  served.use(compression());
  served.use(webApp(dist));

  it('sends the copy the browser accepts, as it was written', async () => {
    const br = await served.request('/assets/app-1.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await br.arrayBuffer());
    expect(bytes).toEqual(brotliCompressSync(script));
    expect(Number(br.headers.get('Content-Length'))).toBe(bytes.length);
    const gz = await served.request('/assets/app-1.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(script);
    const plain = await served.request('/assets/app-1.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('leaves a small file without a copy uncompressed', async () => {
    const res = await served.request('/', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(await res.text()).toContain('id="root"');
  });

  it('keeps what it read, yet serves a page written again (a build while the server runs) as it is now', async () => {
    const page = join(dist, 'index.html');
    const before = await (await served.request('/roadmap')).text();
    expect(before).toContain('id="root"');
    writeFileSync(page, '<!doctype html><div id="root" data-build="2"></div>');
    const after = await served.request('/');
    expect(await after.text()).toBe('<!doctype html><div id="root" data-build="2"></div>');
    expect(after.headers.get('Content-Length')).toBe(
      String(Buffer.byteLength('<!doctype html><div id="root" data-build="2"></div>')),
    );
    // A client route is the same page.
    expect(await (await served.request('/plan')).text()).toContain('data-build="2"');
    // Asked twice, an asset is the same bytes, each answer whole.
    const one = Buffer.from(
      await (await served.request('/assets/app-1.js', { headers: { 'Accept-Encoding': 'br' } })).arrayBuffer(),
    );
    const two = Buffer.from(
      await (await served.request('/assets/app-1.js', { headers: { 'Accept-Encoding': 'br' } })).arrayBuffer(),
    );
    expect(two).toEqual(one);
    expect(brotliDecompressSync(two).toString('utf8')).toBe(script);
    const head = await served.request('/assets/app-1.js', { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(head.headers.get('Content-Length')).toBe(String(one.length));
    expect((await served.request('/assets/missing-2.js')).status).toBe(404);
  });
});
