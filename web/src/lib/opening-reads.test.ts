import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, browserTimeZone } from './api.js';
import { prefetchRoadmap } from './data.js';
import { OPENING_READS, OPENING_READS_FRESH_MS, OPENING_READS_GLOBAL, openingReadsScript } from './opening-reads.js';

type Sent = { path: string; headers: Record<string, string> | undefined };

/** Run the head script's part for a page and locale, with a fetch that records what it is asked. */
function runHeadScript(page: string, locale: string): { sent: Sent[]; held: Record<string, unknown> } {
  const sent: Sent[] = [];
  const window: Record<string, unknown> = {};
  const fetch = (path: string, init?: { headers?: Record<string, string> }) => {
    sent.push({ path, headers: init?.headers });
    return Promise.resolve(new Response('{}'));
  };
  new Function('page', 'l', 'window', 'fetch', openingReadsScript('page', 'l'))(page, locale, window, fetch);
  return { sent, held: window[OPENING_READS_GLOBAL] as Record<string, unknown> };
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('the reads a page opens with', () => {
  it('are started by the head script for every page and for the page in the address, as the app asks for them', () => {
    const roadmap = runHeadScript('roadmap', 'zh-CN');
    expect(roadmap.sent.map((s) => s.path)).toEqual([
      ...OPENING_READS.every,
      ...(OPENING_READS.pages['roadmap'] ?? []),
    ]);
    // The same headers the app sends (api.ts): its language, and the browser's time zone, where the
    // learner's day is counted.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const { headers } of roadmap.sent)
      expect(headers).toEqual({ accept: 'application/json', 'accept-language': 'zh-CN', 'X-Time-Zone': zone });
    expect(Object.keys(roadmap.held)).toEqual(roadmap.sent.map((s) => s.path));
    // A page with no reads of its own, and a name that is no page, start only the common ones.
    expect(runHeadScript('today', 'en').sent.map((s) => s.path)).toEqual(OPENING_READS.every);
    expect(runHeadScript('constructor', 'en').sent.map((s) => s.path)).toEqual(OPENING_READS.every);
  });

  it('take the time zone from Temporal where the browser has it, as the app does', () => {
    const global = globalThis as { Temporal?: unknown };
    const before = global.Temporal;
    global.Temporal = { Now: { timeZoneId: () => 'Asia/Shanghai' } };
    try {
      expect(browserTimeZone()).toBe('Asia/Shanghai');
      for (const { headers } of runHeadScript('roadmap', 'en').sent)
        expect(headers?.['X-Time-Zone']).toBe('Asia/Shanghai');
    } finally {
      if (before === undefined) delete global.Temporal;
      else global.Temporal = before;
    }
    expect(browserTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  describe('taken by the app', () => {
    const fetched: string[] = [];
    beforeEach(() => {
      fetched.length = 0;
      // Half a second into the page's load (Node counts from the process's start).
      vi.spyOn(performance, 'now').mockReturnValue(500);
      vi.stubGlobal('document', { documentElement: { lang: 'en' } });
      vi.stubGlobal(
        'fetch',
        vi.fn((path: string) => {
          fetched.push(path);
          return Promise.resolve(json({ from: 'network', path }));
        }),
      );
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    });

    it('once each: the first read of a path takes the early answer, the next one asks the server', async () => {
      vi.stubGlobal(OPENING_READS_GLOBAL, { '/api/profile': Promise.resolve(json({ from: 'early' })) });
      expect(await api.profile()).toEqual({ from: 'early' });
      expect(fetched).toEqual([]);
      expect(await api.profile()).toEqual({ from: 'network', path: '/api/profile' });
      expect(fetched).toEqual(['/api/profile']);
    });

    it('only in the page’s first seconds', async () => {
      vi.stubGlobal(OPENING_READS_GLOBAL, { '/api/profile': Promise.resolve(json({ from: 'early' })) });
      vi.spyOn(performance, 'now').mockReturnValue(OPENING_READS_FRESH_MS + 1);
      expect(await api.profile()).toEqual({ from: 'network', path: '/api/profile' });
    });

    it('never after a write, which may make them stale', async () => {
      vi.stubGlobal(OPENING_READS_GLOBAL, { '/api/progress': Promise.resolve(json({ from: 'early' })) });
      await api.record({ type: 'started', item: 'python' });
      expect(await api.progress()).toEqual({ from: 'network', path: '/api/progress' });
      expect(fetched).toEqual(['/api/progress/events', '/api/progress']);
    });

    it('the roadmap asks for exactly the reads the head script starts for it', async () => {
      vi.stubGlobal(OPENING_READS_GLOBAL, {});
      prefetchRoadmap();
      await vi.waitFor(() => expect(fetched).toHaveLength(OPENING_READS.pages['roadmap']?.length ?? 0));
      expect([...fetched].sort()).toEqual([...(OPENING_READS.pages['roadmap'] ?? [])].sort());
    });
  });
});
