/**
 * Local mode through the real app on a real loopback socket: the Host check (421) that defeats
 * DNS rebinding, Sec-Fetch-Site and Origin on writes, the security headers on every response and
 * the per-route body limits. The browser half (a rebinding page in Chromium, the built web app
 * under its CSP) is in local-mode.browser.test.ts.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMITS } from './body-limits.js';
import { createApp } from './app.js';
import { listen } from './server.js';
import type { Listening } from './server.js';
import { harness } from './test-support/harness.js';
import type { Harness } from './test-support/harness.js';

let h: Harness;
let server: Listening;

beforeAll(async () => {
  h = await harness();
  server = await listen(createApp({ store: h.store, curriculum: h.curriculum, clock: () => new Date() }), {
    port: 0,
    host: '127.0.0.1',
  });
});
afterAll(async () => {
  await server.close();
  await h.close();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly these headers (fetch would not let a test set Host). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const own = (): string => `127.0.0.1:${server.port}`;
const json = { 'Content-Type': 'application/json' };

describe('the Host check', () => {
  it('answers at 127.0.0.1, localhost and [::1] with its own port', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST']) {
      const res = await raw('GET', '/api/health', { Host: `${name}:${server.port}` });
      expect(res.status, name).toBe(200);
    }
  });

  it('refuses (421) another name, another port or no port, reading and writing nothing', async () => {
    const before = await h.store.countEvents('local');
    for (const host of [
      `rebind.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      '127.0.0.1',
      `127.0.0.1.nip.io:${server.port}`,
      `localhost.evil.example:${server.port}`,
    ]) {
      const read = await raw('GET', '/api/export?format=json', { Host: host });
      expect(`${host}: ${read.status}`).toBe(`${host}: 421`);
      expect(JSON.parse(read.body)).toMatchObject({ error: { code: 'MISDIRECTED' } });
      expect(read.body).not.toContain('"events"');
      const write = await raw(
        'POST',
        '/api/progress/events',
        { Host: host, ...json },
        JSON.stringify({ type: 'note', text: 'from a rebound page' }),
      );
      expect(write.status, host).toBe(421);
      const page = await raw('GET', '/', { Host: host });
      expect(page.status).toBe(421);
    }
    expect(await h.store.countEvents('local')).toBe(before);
  });
});

describe('writes from other pages', () => {
  it('refuses a write a browser marks cross-site or same-site, and takes same-origin and user-made ones', async () => {
    const post = (site: string) =>
      raw(
        'POST',
        '/api/progress/events',
        { Host: own(), 'Sec-Fetch-Site': site, ...json },
        JSON.stringify({ type: 'hours', hours: 1 }),
      );
    const before = await h.store.countEvents('local');
    expect((await post('cross-site')).status).toBe(403);
    expect((await post('same-site')).status).toBe(403);
    expect(await h.store.countEvents('local')).toBe(before);
    expect((await post('same-origin')).status).toBe(200);
    expect((await post('none')).status).toBe(200);
    const foreignOrigin = await raw(
      'POST',
      '/api/progress/events',
      { Host: own(), Origin: 'http://localhost:1', ...json },
      JSON.stringify({ type: 'hours', hours: 1 }),
    );
    expect(foreignOrigin.status).toBe(403);
    expect(await h.store.countEvents('local')).toBe(before + 2);
  });
});

describe('security headers', () => {
  it('are on every response: API, errors, 404, 421, pages', async () => {
    const responses = [
      await raw('GET', '/api/health', { Host: own() }),
      await raw('GET', '/api/profile', { Host: own() }),
      await raw('GET', '/api/no-such-route', { Host: own() }),
      await raw('POST', '/api/progress/events', { Host: own(), ...json }, '{"type":'),
      await raw('GET', '/api/health', { Host: 'evil.example' }),
      await raw('GET', '/', { Host: own() }),
      await raw('GET', '/plan', { Host: own() }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 400, 421, 200, 200]);
    for (const res of responses) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });
});

describe('body limits', () => {
  it('refuses a body over the route limit with 413, writing nothing', async () => {
    const before = await h.store.countEvents('local');
    const big = JSON.stringify({ type: 'note', text: 'x'.repeat(BODY_LIMITS.api) });
    const res = await raw('POST', '/api/progress/events', { Host: own(), ...json }, big);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'TOO_LARGE' } });
    expect(await h.store.countEvents('local')).toBe(before);
  });

  it('reads a body under the limit whether its length is declared or it comes in chunks', async () => {
    const before = await h.store.countEvents('local');
    const body = JSON.stringify({ type: 'note', text: 'a note within the limit' });
    // Node's client sends a body written without a length in chunks (Transfer-Encoding: chunked).
    const chunked = await raw('POST', '/api/progress/events', { Host: own(), ...json }, body);
    expect(chunked.status).toBe(200);
    const declared = await raw(
      'POST',
      '/api/progress/events',
      { Host: own(), ...json, 'Content-Length': String(Buffer.byteLength(body)) },
      body,
    );
    expect(declared.status).toBe(200);
    expect(await h.store.countEvents('local')).toBe(before + 2);
  });

  it('refuses a declared 600 MB body at once, before reading it, as too large: a profile and a backup alike', async () => {
    const declared = (method: string, path: string): Promise<Raw> =>
      new Promise<Raw>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            method,
            path,
            headers: { Host: own(), ...json, 'Content-Length': String(600 * 1024 * 1024) },
          },
          (r) => {
            let text = '';
            r.setEncoding('utf8');
            r.on('data', (c: string) => (text += c));
            r.on('end', () => {
              resolve({ status: r.statusCode ?? 0, headers: r.headers, body: text });
              req.destroy();
            });
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
        });
        req.write('{"startingPoint":"');
      });
    const profile = await declared('PUT', '/api/profile');
    expect(profile.status).toBe(413);
    expect(JSON.parse(profile.body)).toMatchObject({ error: { code: 'TOO_LARGE' } });
    const backup = await declared('POST', '/api/import');
    expect(backup.status).toBe(413);
    expect(JSON.parse(backup.body)).toMatchObject({
      error: { code: 'TOO_LARGE', message: 'the backup is larger than 50 MiB; nothing was imported' },
    });
  });
});
