import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorSchema, ProgressSummarySchema } from '../../contract/index.js';
import { client, harness } from '../test-support/harness.js';
import type { Harness } from '../test-support/harness.js';

const TEST_AT = '2026-03-04T10:00:00.000Z';

let h: Harness;
let api: ReturnType<typeof client>;
beforeEach(async () => {
  h = await harness();
  api = client(h.app);
});
afterEach(async () => {
  await h.close();
});

async function someProgress(target: ReturnType<typeof client>): Promise<void> {
  await target.put('/api/profile', { startingPoint: 'from-scratch', startDate: '2026-03-02', locale: 'zh-CN' });
  await target.post('/api/progress/events', { type: 'done', item: 'python-programming' });
  await target.post('/api/progress/events', { type: 'hours', hours: 2, date: '2026-03-03' });
  await target.post('/api/projects', { template: 'sentiment-app' });
  await target.post('/api/projects/sentiment-app/rubric', { item: 'write-up', checked: true });
  await target.put('/api/projects/sentiment-app/links', { repo: 'https://github.com/someone/sentiment' });
}

describe('GET /api/export', () => {
  it('downloads the plan as an iCalendar file that parses, in the profile language', async () => {
    await someProgress(api);
    const res = await h.app.request('/api/export?format=ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="mlpath-plan.ics"');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => /[\u4e00-\u9fff]/.test(`${e.summary} ${e.description}`))).toBe(true);
    // Python is done, so the plan (and the calendar) no longer holds its course.
    expect(events.some((e) => e.summary.includes('CS50'))).toBe(false);
  });

  it('downloads English text when asked for it', async () => {
    await someProgress(api);
    const res = await h.app.request('/api/export?format=md&locale=en');
    expect(res.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="mlpath-progress.md"');
    const text = await res.text();
    expect(text).toContain('- [x] Programming in Python `python-programming`');
    expect(text).toContain('- [ ] Linear algebra `linear-algebra`');
  });

  it('downloads a full JSON backup', async () => {
    await someProgress(api);
    const res = await h.app.request('/api/export?format=json');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="mlpath-backup.json"');
    const backup = (await res.json()) as { format: string; events: unknown[]; projects: { checked: string[] }[] };
    expect(backup.format).toBe('mlpath-backup');
    // done, hours, the project's start, its rubric tick, its link.
    expect(backup.events).toHaveLength(5);
    expect(backup.projects[0]?.checked).toEqual(['write-up']);
  });

  it('answers 404 for a calendar before there is a plan, and 400 naming format', async () => {
    expect((await api.get('/api/export?format=ics')).status).toBe(404);
    for (const path of ['/api/export', '/api/export?format=pdf']) {
      const { status, json } = await api.get(path);
      expect(status).toBe(400);
      expect(ErrorSchema.parse(json).error.problems.map((p) => p.path)).toEqual(['format']);
    }
    const locale = await api.get('/api/export?format=md&locale=fr');
    expect(ErrorSchema.parse(locale.json).error.problems.map((p) => p.path)).toEqual(['locale']);
  });
});

describe('POST /api/import', () => {
  async function backupText(): Promise<string> {
    await someProgress(api);
    return (await h.app.request('/api/export?format=json')).text();
  }

  it('names the items a backup’s events hold that this curriculum lacks, and keeps their events', async () => {
    const backup = JSON.parse(await backupText()) as { events: Array<Record<string, unknown>> };
    const first = backup.events.find((e) => e['type'] === 'done') ?? {};
    backup.events.push({ ...first, id: '00000000-0000-4000-8000-0000000000aa', item: 'retired-skill' });
    const other = await harness();
    try {
      const { status, json } = await client(other.app).post('/api/import', JSON.stringify(backup));
      expect(status).toBe(200);
      expect(json).toMatchObject({ imported: { events: 6 }, unknownItems: ['retired-skill'] });
    } finally {
      await other.close();
    }
  });

  it('restores a backup into an empty store, giving the identical state', async () => {
    const text = await backupText();
    const other = await harness();
    try {
      const otherApi = client(other.app);
      const { status, json } = await otherApi.post('/api/import', text);
      expect(status).toBe(200);
      expect(json).toEqual({ imported: { events: 5, projects: 1, postings: 0 }, undoable: false, unknownItems: [] });
      for (const path of ['/api/profile', '/api/progress', '/api/projects', '/api/plan', '/api/status']) {
        expect((await otherApi.get(path)).json).toEqual((await api.get(path)).json);
      }
    } finally {
      await other.close();
    }
  });

  it('answers 409 CONFLICT into a store with data unless merge=true, which adds only what is new', async () => {
    const text = await backupText();
    const conflict = await api.post('/api/import', text);
    expect(conflict.status).toBe(409);
    expect(ErrorSchema.parse(conflict.json).error.code).toBe('CONFLICT');
    const merged = await api.post('/api/import?merge=true', text);
    expect(merged).toMatchObject({ status: 200, json: { imported: { events: 0, projects: 0 } } });
    expect(ProgressSummarySchema.parse((await api.get('/api/progress')).json).events.count).toBe(5);
  });

  it('answers 400 IMPORT_INVALID for a file that is not a backup, writing nothing', async () => {
    for (const body of ['not json at all', '{"format": "something-else"}', '[]']) {
      const { status, json } = await api.post('/api/import', body);
      expect(status).toBe(400);
      expect(ErrorSchema.parse(json).error.code).toBe('IMPORT_INVALID');
    }
    const broken = JSON.stringify({
      format: 'mlpath-backup',
      version: 1,
      exportedAt: '2026-03-04T12:00:00.000Z',
      profile: null,
      events: [{ id: 'e1', type: 'hours', at: 'yesterday' }],
      projects: [],
    });
    const { json } = await api.post('/api/import', broken);
    const paths = ErrorSchema.parse(json).error.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['events[0].at', 'events[0].hours']));
    expect(await h.store.countEvents('local')).toBe(0);
  });

  it('refuses hostile backups naming the field, the store unchanged', async () => {
    const source = await harness();
    try {
      await someProgress(client(source.app));
      const text = await (await source.app.request('/api/export?format=json')).text();
      const backup = JSON.parse(text) as { profile: Record<string, unknown>; events: Record<string, unknown>[] };
      const cases: Array<[string, (b: typeof backup) => void]> = [
        ['profile.hoursPerWeek', (b) => (b.profile['hoursPerWeek'] = 150)],
        ['profile.startDate', (b) => (b.profile['startDate'] = '9999-12-31')],
        ['profile.startingPoint', (b) => (b.profile['startingPoint'] = 'astronaut')],
        ['profile.known[0]', (b) => (b.profile['known'] = ['astrology'])],
        ['profile.locale', (b) => (b.profile['locale'] = 'xx')],
        ['events[0].text', (b) => b.events.unshift({ id: 'n1', type: 'note', at: TEST_AT, text: 'y'.repeat(10_001) })],
        ['events[0].item', (b) => b.events.unshift({ id: 'd1', type: 'done', at: TEST_AT, item: 'x'.repeat(500) })],
      ];
      for (const [path, spoil] of cases) {
        const hostile = structuredClone(backup);
        spoil(hostile);
        const { status, json } = await api.post('/api/import', JSON.stringify(hostile));
        expect(status, path).toBe(400);
        expect(
          ErrorSchema.parse(json).error.problems.map((p) => p.path),
          path,
        ).toContain(path);
      }
      expect(await h.store.exportData('local')).toEqual({ profile: undefined, events: [], projects: [], postings: [] });
      // The unspoiled backup imports.
      expect((await api.post('/api/import', text)).status).toBe(200);
    } finally {
      await source.close();
    }
  });

  it('answers 400 naming merge for a bad flag', async () => {
    const { status, json } = await api.post('/api/import?merge=yes', '{}');
    expect(status).toBe(400);
    expect(ErrorSchema.parse(json).error.problems.map((p) => p.path)).toEqual(['merge']);
  });
});

describe('POST /api/import in the learner language', () => {
  it('words a refused import in Chinese for a Chinese request, with no English and no command-line hint', async () => {
    const zh = { 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' };
    const notJson = await h.app.request('/api/import', { method: 'POST', body: '{"format": ', headers: zh });
    const notJsonBody = ErrorSchema.parse(await notJson.json()).error;
    expect(notJson.status).toBe(400);
    expect(notJsonBody.message).toMatch(/不是有效的 JSON/);
    const broken = JSON.stringify({
      format: 'mlpath-backup',
      version: 1,
      exportedAt: '2026-03-04T12:00:00.000Z',
      profile: null,
      events: [{ id: 'e1', type: 'hours', at: 'yesterday', extra: 1 }],
      projects: [],
    });
    const res = await h.app.request('/api/import', { method: 'POST', body: broken, headers: zh });
    const error = ErrorSchema.parse(await res.json()).error;
    expect(error.message).toMatch(/不是有效的 mlpath 备份（\d+ 个问题）/);
    expect(error.problems.length).toBeGreaterThan(1);
    for (const words of [notJsonBody.message, error.message, ...error.problems.map((p) => p.message)]) {
      // Ids, paths, file names and literal values may stay; no English words of our own.
      const prose = words.replace(
        /"[^"]*"|“[^”]*”|[\w.[\]-]*\[\d+\][\w.[\]-]*|\b(JSON|mlpath|ISO|http\(s\)|hours|events|at|extra)\b/g,
        '',
      );
      expect(prose, words).not.toMatch(/[A-Za-z]{3,}/);
      expect(words, words).not.toMatch(/--\w|MLPATH_/);
    }
    const text = await (async () => {
      await someProgress(api);
      return (await h.app.request('/api/export?format=json')).text();
    })();
    const conflict = await h.app.request('/api/import', { method: 'POST', body: text, headers: zh });
    const refused = ErrorSchema.parse(await conflict.json()).error;
    expect(conflict.status).toBe(409);
    expect(refused.message).toContain('与现有数据合并');
    expect(refused.message).not.toMatch(/--merge|MLPATH_HOME/);
  });

  it('words a backup whose profile cannot be planned from in Chinese, naming each field', async () => {
    const source = await harness();
    try {
      await someProgress(client(source.app));
      const text = await (await source.app.request('/api/export?format=json')).text();
      const backup = JSON.parse(text) as { profile: Record<string, unknown> };
      backup.profile['known'] = ['astrology'];
      backup.profile['startingPoint'] = 'quant-studnt';
      const zh = { 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' };
      const res = await h.app.request('/api/import', { method: 'POST', body: JSON.stringify(backup), headers: zh });
      expect(res.status).toBe(400);
      const error = ErrorSchema.parse(await res.json()).error;
      expect(error.code).toBe('IMPORT_INVALID');
      expect(error.problems.map((p) => p.path).sort()).toEqual(['profile.known[0]', 'profile.startingPoint']);
      expect(error.message).toContain('备份中的学习档案无法用本课程制定计划；未导入任何内容');
      expect(error.problems.find((p) => p.path === 'profile.startingPoint')?.message).toContain(
        '你是不是想输入 “quant-student”？',
      );
      for (const words of [error.message, ...error.problems.map((p) => p.message)]) {
        // Field paths, ids (and the list of valid ids) and values stay as they are; no English words of our own.
        const prose = words.replace(/“[^”]*”|"[^"]*"|\bprofile\.[\w.[\]]+|\bmlpath\b|（可选：[^）]*）/g, '');
        expect(prose, words).not.toMatch(/[A-Za-z]{3,}/);
        expect(words, words).not.toMatch(/`mlpath|--\w|MLPATH_/);
      }
      expect(await h.store.countEvents('local')).toBe(0);
      expect(await h.store.getProfile('local')).toBeUndefined();
    } finally {
      await source.close();
    }
  });

  it('names the field of every problem of an invalid backup, an unknown starting point among them (Chinese)', async () => {
    const res = await h.app.request('/api/import', {
      method: 'POST',
      body: '{"format":"mlpath-backup","version":2,"profile":{"startingPoint":"nope"},"events":[]}',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' },
    });
    const { problems } = ErrorSchema.parse(await res.json()).error;
    const said = (path: string) => problems.find((p) => p.path === path)?.message;
    expect(said('exportedAt')).toMatch(/^exportedAt：应为 ISO 时刻/);
    expect(said('profile.startDate')).toMatch(/^profile\.startDate：应为日历日期/);
    expect(said('profile.startingPoint')).toMatch(/未知的起点“nope”/);
  });

  it('keeps English for an English request', async () => {
    const res = await h.app.request('/api/import', {
      method: 'POST',
      body: '{"format": ',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en-GB,en;q=0.9' },
    });
    expect(ErrorSchema.parse(await res.json()).error.message).toMatch(
      /is not valid JSON \(expected a value, found the end of the file\)/,
    );
  });
});
