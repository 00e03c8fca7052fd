import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorSchema } from '../contract/index.js';
import { client, harness } from './test-support/harness.js';
import type { Harness } from './test-support/harness.js';

let h: Harness;
let api: ReturnType<typeof client>;
beforeEach(async () => {
  h = await harness();
  api = client(h.app);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await h.close();
});

const errorOf = (json: unknown) => ErrorSchema.parse(json).error;
const zh = { headers: { 'Accept-Language': 'zh-CN' } };

describe('query parameters', () => {
  it('refuses one a route does not take, naming it and saying the route takes none, in both languages', async () => {
    const { status, json } = await api.get('/api/plan?locale=xx');
    expect(status).toBe(400);
    expect(errorOf(json)).toEqual({
      code: 'INVALID_INPUT',
      message: 'GET /api/plan takes no query parameters (got "locale")',
      problems: [{ path: 'locale', message: 'unknown query parameter "locale"' }],
    });
    const res = await h.app.request('/api/plan?locale=xx', zh);
    expect(res.status).toBe(400);
    expect(errorOf(await res.json())).toEqual({
      code: 'INVALID_INPUT',
      message: 'GET /api/plan 不接受任何查询参数（收到“locale”）',
      problems: [{ path: 'locale', message: '未知的查询参数“locale”' }],
    });
  });

  it('refuses one a route does not take, naming what it takes and the nearest, every unknown one a problem', async () => {
    const typo = await api.get('/api/jobs?local=en');
    expect(typo.status).toBe(400);
    expect(errorOf(typo.json).message).toBe(
      'GET /api/jobs takes no query parameter "local"; it takes locale (did you mean "locale"?)',
    );
    const two = await api.get('/api/progress/events?limit=5&page=2&sort=at');
    expect(two.status).toBe(400);
    expect(errorOf(two.json)).toEqual({
      code: 'INVALID_INPUT',
      message: 'GET /api/progress/events takes no query parameter "page"; it takes after, limit',
      problems: [
        { path: 'page', message: 'unknown query parameter "page"' },
        { path: 'sort', message: 'unknown query parameter "sort"' },
      ],
    });
    const res = await h.app.request('/api/jobs?local=en', zh);
    expect(errorOf(await res.json()).message).toBe(
      'GET /api/jobs 不接受查询参数“local”，只接受 locale（你是不是想输入 “locale”？）',
    );
  });

  it('refuses a bad value of one a route takes, as the CLI refuses a bad --locale or --limit', async () => {
    const locale = await api.get('/api/jobs?locale=xx');
    expect(locale.status).toBe(400);
    expect(errorOf(locale.json)).toMatchObject({
      code: 'INVALID_INPUT',
      problems: [{ path: 'locale', message: 'expected locale to be en or zh-CN' }],
    });
    for (const path of ['/api/jobs/plan?locale=fr', '/api/export?format=md&locale=EN']) {
      const { status, json } = await api.get(path);
      expect(status, path).toBe(400);
      expect(errorOf(json).problems, path).toEqual([{ path: 'locale', message: 'expected locale to be en or zh-CN' }]);
    }
    for (const bad of ['0', 'abc', '2.5', '']) {
      const { status, json } = await api.get(`/api/review?limit=${bad}`);
      expect(status, bad).toBe(400);
      expect(
        errorOf(json).problems.map((p) => p.path),
        bad,
      ).toEqual(['limit']);
    }
    expect((await api.get('/api/review?limit=2')).status).toBe(200);
  });

  it('is checked on the routes that need no learner too, and HEAD as GET', async () => {
    for (const path of ['/api/curriculum?v=1', '/api/health?x', '/api/curriculum/skills/classical-ml?lang=zh-CN']) {
      const { status, json } = await api.get(path);
      expect(status, path).toBe(400);
      expect(errorOf(json).code, path).toBe('INVALID_INPUT');
    }
    expect((await h.app.request('/api/plan?x=1', { method: 'HEAD' })).status).toBe(400);
  });

  it('changes nothing when it refuses a write', async () => {
    const event = { type: 'done', item: 'python' };
    expect((await api.post('/api/progress/events?dryRun=true', event)).status).toBe(400);
    expect(await h.store.listEvents('local')).toEqual([]);
    expect((await api.post('/api/progress/events', event)).status).toBe(200);
    expect(await h.store.listEvents('local')).toHaveLength(1);
  });

  it('leaves a path the API does not have, or a server-only route without accounts, to answer 404', async () => {
    expect((await api.get('/api/nothing-here?x=1')).status).toBe(404);
    expect((await api.get('/api/cohorts?x=1')).status).toBe(404);
  });

  it("accepts every query the web app sends, through the web app's own client", async () => {
    // The web client, run as the page runs it, its fetch answered by this app.
    const web = (await import(`${'../../web/src/lib/api.js'}`)) as {
      api: {
        progress(): Promise<{ version: string; cursor: string | null }>;
        progressChanges(version: string): Promise<unknown>;
        progressEvents(after?: string, limit?: number): Promise<{ cursor: string | null }>;
        jobs(locale: string): Promise<unknown>;
        jobsPlan(locale: string): Promise<unknown>;
        importBackup(text: string, merge: boolean): Promise<unknown>;
        record(event: unknown): Promise<unknown>;
      };
      exportUrl(format: 'ics' | 'md' | 'json', locale: string): string;
    };
    const sent: { path: string; status: number }[] = [];
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
      const res = await h.app.request(path, init);
      sent.push({ path, status: res.status });
      return res;
    });
    await api.put('/api/profile', { startingPoint: 'from-scratch', startDate: '2026-03-02', hoursPerWeek: 10 });
    await web.api.record({ type: 'done', item: 'python' });
    const summary = await web.api.progress();
    await web.api.progressChanges(summary.version);
    const page = await web.api.progressEvents();
    await web.api.progressEvents(page.cursor ?? undefined, 1);
    await web.api.progressEvents(undefined, 1000);
    for (const locale of ['en', 'zh-CN']) {
      await web.api.jobs(locale);
      // No kept posting yet: 404, not a refused query.
      await web.api.jobsPlan(locale).catch(() => undefined);
    }
    let backup = '';
    for (const format of ['ics', 'md', 'json'] as const) {
      for (const locale of ['en', 'zh-CN']) {
        const res = await fetch(web.exportUrl(format, locale), { method: 'GET' });
        if (format === 'json') backup = await res.text();
      }
    }
    await web.api.importBackup(backup, true);
    expect(sent.filter((s) => s.path.includes('?')).map((s) => s.path.replace(/=[^&]*/g, '=…'))).toEqual([
      '/api/progress/changes?since=…',
      '/api/progress/events?',
      '/api/progress/events?after=…&limit=…',
      '/api/progress/events?limit=…',
      '/api/jobs?locale=…',
      '/api/jobs/plan?locale=…',
      '/api/jobs?locale=…',
      '/api/jobs/plan?locale=…',
      ...Array.from({ length: 6 }, () => '/api/export?format=…&locale=…'),
      '/api/import?merge=…',
    ]);
    for (const { path, status } of sent) expect([200, 404], path).toContain(status);
    expect(sent.find((s) => s.path.startsWith('/api/jobs/plan'))?.status).toBe(404);
  });
});

describe('an empty item', () => {
  it('is refused in the same words whether empty or blank, naming the field, and records nothing', async () => {
    const refusals = [];
    for (const item of ['', '  '])
      for (const type of ['done', 'started'] as const) {
        const { status, json } = await api.post('/api/progress/events', { type, item });
        expect(status, JSON.stringify(item)).toBe(400);
        refusals.push(errorOf(json));
      }
    expect(refusals[0]?.problems).toEqual([
      { path: 'item', message: 'no item given; name a skill, a resource or a unit' },
    ]);
    for (const refusal of refusals) expect(refusal).toEqual(refusals[0]);
    expect((await api.get('/api/progress')).json).toMatchObject({ events: { count: 0 } });
  });
});
