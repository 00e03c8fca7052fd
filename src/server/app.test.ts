import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHIPPED_CURRICULUM } from '../cli/paths.js';
import { main } from '../cli/main.js';
import { memoryIo } from '../cli/io.js';
import { loadCurriculum } from '../content/load.js';
import { MlpathError } from '../core/errors.js';
import { createApp } from './app.js';
import { CurriculumSchema, ErrorSchema, RoadmapCurriculumSchema, SkillDetailSchema } from '../contract/index.js';
import { client, harness } from './test-support/harness.js';
import type { Harness } from './test-support/harness.js';

let h: Harness;
let api: ReturnType<typeof client>;
beforeEach(async () => {
  h = await harness();
  api = client(h.app);
});
afterEach(async () => {
  await h.close();
});

describe('GET /api/health', () => {
  it('says the server is up, which version it runs and that its database answers', async () => {
    const { status, json } = await api.get('/api/health');
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, version: '9.9.9-test', database: { kind: 'sqlite', status: 'ok' } });
  });
});

describe('GET /api/mode', () => {
  it('says the server runs in local mode, with no accounts', async () => {
    const { status, json } = await api.get('/api/mode');
    expect(status).toBe(200);
    expect(json).toEqual({ mode: 'local' });
  });
});

describe('GET /api/curriculum', () => {
  it('answers the normalized curriculum', async () => {
    const { status, json } = await api.get('/api/curriculum');
    expect(status).toBe(200);
    const curriculum = CurriculumSchema.parse(json);
    expect(curriculum.meta.id).toBe('api-fixture');
    expect(curriculum.skills.map((s) => s.id)).toContain('classical-ml');
    expect(curriculum.projects.map((p) => p.id)).toEqual(['sentiment-app']);
  });

  it('answers the shipped curriculum exactly as `mlpath curriculum show --json` prints it', async () => {
    const shipped = await harness({ curriculum: loadCurriculum(SHIPPED_CURRICULUM) });
    try {
      const io = memoryIo();
      expect(await main(['curriculum', 'show', '--json'], io)).toBe(0);
      const { json } = await client(shipped.app).get('/api/curriculum');
      expect(json).toEqual(JSON.parse(io.stdout()));
    } finally {
      await shipped.close();
    }
  });

  it('answers the roadmap its compact view, and a skill whole with the resources that teach it', async () => {
    const roadmap = RoadmapCurriculumSchema.parse((await api.get('/api/curriculum/roadmap')).json);
    const full = CurriculumSchema.parse((await api.get('/api/curriculum')).json);
    expect(roadmap.skills.map((s) => s.id)).toEqual(full.skills.map((s) => s.id));
    const ml = roadmap.skills.find((s) => s.id === 'classical-ml');
    const whole = full.skills.find((s) => s.id === 'classical-ml');
    expect(ml).toEqual({
      id: 'classical-ml',
      area: whole?.area,
      title: whole?.title,
      requires: whole?.requires.map((r) => r.skill),
    });
    const detail = SkillDetailSchema.parse((await api.get('/api/curriculum/skills/classical-ml')).json);
    expect(detail.skill).toEqual(whole);
    expect(detail.resources.map((r) => r.id)).toEqual(
      full.resources
        .filter((r) => r.teaches.includes('classical-ml') || r.units.some((u) => u.teaches.includes('classical-ml')))
        .map((r) => r.id),
    );
    expect(detail.resources.length).toBeGreaterThan(0);
    const missing = await api.get('/api/curriculum/skills/no-such-skill');
    expect(missing.status).toBe(404);
    expect(ErrorSchema.parse(missing.json).error.code).toBe('NOT_FOUND');
    const tag = (await h.app.request('/api/curriculum/skills/classical-ml')).headers.get('ETag') ?? '';
    const again = await h.app.request('/api/curriculum/skills/classical-ml', { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
  });

  it('answers an unknown skill id with the nearest ids, as the CLI suggests them, in the request language', async () => {
    const typo = await api.get('/api/curriculum/skills/clasical-ml');
    expect(typo.status).toBe(404);
    expect(ErrorSchema.parse(typo.json).error).toEqual({
      code: 'NOT_FOUND',
      message: 'the curriculum has no skill "clasical-ml" (did you mean "classical-ml"?)',
      problems: [{ path: 'id', message: 'the curriculum has no skill "clasical-ml"' }],
    });
    // A word of an id finds it too.
    const word = await api.get('/api/curriculum/skills/clasical');
    expect(ErrorSchema.parse(word.json).error.message).toContain('did you mean "classical-ml"');
    const zh = await h.app.request('/api/curriculum/skills/clasical-ml', { headers: { 'Accept-Language': 'zh-CN' } });
    expect(ErrorSchema.parse(await zh.json()).error.message).toBe(
      '课程中没有技能“clasical-ml”（你是不是想输入 “classical-ml”？）',
    );
    // Nothing near: no suggestion.
    const far = await api.get('/api/curriculum/skills/zzzzzzzzzzzz');
    expect(ErrorSchema.parse(far.json).error.message).toBe('the curriculum has no skill "zzzzzzzzzzzz"');
  });

  it('answers a skill by an old id (alias) or another spelling as the CLI reads it, under its id today', async () => {
    const today = await api.get('/api/curriculum/skills/python-programming');
    expect(today.status).toBe(200);
    for (const id of ['python', 'classical_ml', 'Python Programming']) {
      const { status, json } = await api.get(`/api/curriculum/skills/${encodeURIComponent(id)}`);
      expect(status, id).toBe(200);
      const wanted = id === 'classical_ml' ? 'classical-ml' : 'python-programming';
      expect(SkillDetailSchema.parse(json).skill.id, id).toBe(wanted);
    }
    expect((await api.get('/api/curriculum/skills/python')).json).toEqual(today.json);
    // One copy per skill: the old id's answer carries the same tag, so a browser's copy serves both.
    const tag = (await h.app.request('/api/curriculum/skills/python-programming')).headers.get('ETag') ?? '';
    const byAlias = await h.app.request('/api/curriculum/skills/python', { headers: { 'If-None-Match': tag } });
    expect(byAlias.status).toBe(304);
    // A resource or a unit is no skill, though `mlpath done` takes them.
    for (const id of ['cs50x', 'cs50x/week-0']) {
      const { status, json } = await api.get(`/api/curriculum/skills/${encodeURIComponent(id)}`);
      expect(status, id).toBe(404);
      expect(ErrorSchema.parse(json).error.message, id).toBe(`the curriculum has no skill "${id}"`);
    }
  });

  it('suggests old ids (aliases) for a misspelt id, the ones `mlpath done` suggests', async () => {
    const typo = await api.get('/api/curriculum/skills/pyhton');
    expect(typo.status).toBe(404);
    expect(ErrorSchema.parse(typo.json).error.message).toBe(
      'the curriculum has no skill "pyhton" (did you mean "python"?)',
    );
    const cli = await h.app.request('/api/progress/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'done', item: 'pyhton' }),
    });
    expect(ErrorSchema.parse(await cli.json()).error.message).toContain('(did you mean "python"?)');
    // The shipped curriculum renamed classical-ml: its old id is suggested for a typo of it.
    const shipped = await harness({ curriculum: loadCurriculum(SHIPPED_CURRICULUM) });
    try {
      const shippedApi = client(shipped.app);
      const renamed = await shippedApi.get('/api/curriculum/skills/classical-ml');
      expect(renamed.status).toBe(200);
      expect(SkillDetailSchema.parse(renamed.json).skill.id).toBe('ml-foundations');
      const { json } = await shippedApi.get('/api/curriculum/skills/clasical-ml');
      expect(ErrorSchema.parse(json).error.message).toBe(
        'the curriculum has no skill "clasical-ml" (did you mean "classical-ml"?)',
      );
    } finally {
      await shipped.close();
    }
  });

  it('answers 304 to a client whose copy is current', async () => {
    const first = await h.app.request('/api/curriculum');
    const tag = first.headers.get('ETag');
    expect(tag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await h.app.request('/api/curriculum', { headers: { 'If-None-Match': tag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await h.app.request('/api/curriculum', { headers: { 'If-None-Match': '"old"' } });
    expect(stale.status).toBe(200);
  });

  it('sends it gzipped to a client that accepts gzip', async () => {
    const res = await h.app.request('/api/curriculum', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as {
      meta: { id: string };
    };
    expect(body.meta.id).toBe('api-fixture');
  });
});

describe('errors', () => {
  it('answers an unknown API route with the error shape and 404', async () => {
    const { status, json } = await api.get('/api/nothing-here');
    expect(status).toBe(404);
    expect(ErrorSchema.parse(json).error).toEqual({
      code: 'NOT_FOUND',
      message: 'no such API route: GET /api/nothing-here',
      problems: [],
    });
  });

  it('answers a known path asked with a method it does not serve with 405, its Allow header and a worded error', async () => {
    const { status, json, res } = await api.delete('/api/plan');
    expect(status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(ErrorSchema.parse(json).error).toEqual({
      code: 'METHOD_NOT_ALLOWED',
      message: '/api/plan does not accept DELETE; it accepts GET, HEAD',
      problems: [],
    });
    const withParam = await api.put('/api/projects/some-project');
    expect(withParam.status).toBe(405);
    expect(withParam.res.headers.get('Allow')).toContain('DELETE');
    const zh = await h.app.request('/api/plan', { method: 'DELETE', headers: { 'Accept-Language': 'zh-CN' } });
    expect(zh.status).toBe(405);
    expect(((await zh.json()) as { error: { message: string } }).error.message).toBe(
      '/api/plan 不接受 DELETE，只接受 GET、HEAD',
    );
  });

  it('words a bad query of the events page in the request language, every part of it', async () => {
    const zh = { headers: { 'Accept-Language': 'zh-CN' } };
    const after = (await (await h.app.request('/api/progress/events?after=garbage', zh)).json()) as {
      error: { message: string; problems: { message: string }[] };
    };
    // The field is named, as every other refused field is (`issue.*`).
    expect(after.error.message).toBe('查询参数 after 无效：应为上一页给出的游标');
    const limit = (await (await h.app.request('/api/progress/events?limit=100000', zh)).json()) as {
      error: { message: string; problems: { message: string }[] };
    };
    expect(limit.error.message).toBe('查询参数无效：limit 最多为 1000');
    for (const body of [after, limit]) expect(JSON.stringify(body)).not.toMatch(/expected|cursor/);
  });

  it('answers a foreign failure as a plain INTERNAL error without its details', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = createApp({
      store: h.store,
      curriculum: h.curriculum,
      clock: () => new Date(),
      resolveLearner: () => Promise.reject(new Error('secret detail at /some/path')),
    });
    const res = await app.request('/api/progress');
    expect(res.status).toBe(500);
    const body = ErrorSchema.parse(await res.json());
    expect(body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });

  it('maps each error code to its status in one table', async () => {
    const cases = [
      ['INVALID_INPUT', 400],
      ['IMPORT_INVALID', 400],
      ['NOT_FOUND', 404],
      ['CONFLICT', 409],
      ['UNREACHABLE', 422],
    ] as const;
    for (const [code, status] of cases) {
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const app = createApp({
        store: h.store,
        curriculum: h.curriculum,
        clock: () => new Date(),
        resolveLearner: () => Promise.reject(new MlpathError({ code, message: `a ${code} failure` })),
      });
      const res = await app.request('/api/progress');
      quiet.mockRestore();
      expect(res.status).toBe(status);
      expect(ErrorSchema.parse(await res.json()).error).toMatchObject({ code, message: `a ${code} failure` });
    }
  });

  it('answers a database failure without its details (a path, a URL): 500 STORAGE, 503 UNAVAILABLE', async () => {
    const failures = [
      ['STORAGE', 500, 'the database at /home/ada/.local/share/mlpath/mlpath.db failed: disk I/O error'],
      ['UNAVAILABLE', 503, 'the database at postgres://mlpath@db.internal:5432/mlpath is unavailable: timeout'],
    ] as const;
    for (const [code, status, message] of failures) {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const app = createApp({
        store: h.store,
        curriculum: h.curriculum,
        clock: () => new Date(),
        resolveLearner: () => Promise.reject(new MlpathError({ code, message })),
      });
      const res = await app.request('/api/progress');
      expect(res.status).toBe(status);
      const text = await res.text();
      expect(ErrorSchema.parse(JSON.parse(text)).error.code).toBe(code);
      expect(text).not.toMatch(/\/home|postgres:|db\.internal|disk I\/O/);
      // The server's own log keeps the details.
      expect(String(logged.mock.calls[0]?.[1])).toContain(message);
      logged.mockRestore();
    }
  });
});

describe('the learner', () => {
  it('is resolved in one place: a resolver with accounts changes whose data every route sees', async () => {
    await h.store.ensureLearner('ada', 'Ada');
    const app = createApp({
      store: h.store,
      curriculum: h.curriculum,
      clock: () => new Date('2026-03-04T12:00:00Z'),
      resolveLearner: (c) => Promise.resolve({ id: c.req.header('x-learner') ?? 'local' }),
    });
    await app.request('/api/progress/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-learner': 'ada' },
      body: JSON.stringify({ type: 'done', item: 'linear-algebra' }),
    });
    expect(await h.store.listEvents('ada')).toHaveLength(1);
    const local = (await (await h.app.request('/api/progress')).json()) as { events: { count: number } };
    expect(local.events.count).toBe(0);
  });

  it('is created on first use locally', async () => {
    expect(await h.store.listLearners()).toEqual([]);
    await api.get('/api/progress');
    expect((await h.store.listLearners()).map((l) => l.id)).toEqual(['local']);
  });
});

describe('the web app', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'mlpath-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>mlpath</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
    writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{margin:0}');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('serves built files with their content types, hashed assets cached for good', async () => {
    const built = await harness({ webDist: dist });
    try {
      const js = await built.app.request('/assets/index-abc123.js');
      expect(js.status).toBe(200);
      expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
      expect(js.headers.get('Cache-Control')).toContain('immutable');
      expect((await built.app.request('/assets/index-abc123.css')).headers.get('Content-Type')).toBe(
        'text/css; charset=utf-8',
      );
      expect((await built.app.request('/favicon.svg')).headers.get('Content-Type')).toBe('image/svg+xml');
      const index = await built.app.request('/');
      expect(index.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(index.headers.get('Cache-Control')).toBe('no-cache');
      expect(await index.text()).toContain('<div id="root">');
    } finally {
      await built.close();
    }
  });

  it('answers client routes with index.html, but a missing asset or API route with 404', async () => {
    const built = await harness({ webDist: dist });
    try {
      const route = await built.app.request('/roadmap/classical-ml');
      expect(route.status).toBe(200);
      expect(await route.text()).toContain('<div id="root">');
      expect((await built.app.request('/assets/missing-123.js')).status).toBe(404);
      expect((await built.app.request('/api/missing')).status).toBe(404);
    } finally {
      await built.close();
    }
  });

  it('never serves a file outside its folder', async () => {
    const built = await harness({ webDist: dist });
    try {
      for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fetc%2fpasswd.js']) {
        const res = await built.app.request(path);
        const text = await res.text();
        expect(text).not.toContain('root:');
        expect(text).not.toContain('"name"');
      }
    } finally {
      await built.close();
    }
  });

  it('gzips a large asset for a client that accepts gzip', async () => {
    const built = await harness({ webDist: dist });
    try {
      const res = await built.app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.headers.get('Content-Encoding')).toBe('gzip');
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toContain('console.log');
    } finally {
      await built.close();
    }
  });

  it('serves the app once it is built, without a restart', async () => {
    const later = mkdtempSync(join(tmpdir(), 'mlpath-dist-'));
    const app = createApp({ store: h.store, curriculum: h.curriculum, clock: () => new Date(), webDist: later });
    try {
      expect(await (await app.request('/')).text()).toContain('npm run build:web');
      writeFileSync(join(later, 'index.html'), '<!doctype html><div id="root"></div>');
      expect(await (await app.request('/')).text()).toContain('<div id="root">');
    } finally {
      rmSync(later, { recursive: true, force: true });
    }
  });

  it('answers pages with a note on how to build the app when it is not built', async () => {
    const res = await h.app.request('/');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('npm run build:web');
    expect(text).toContain('网页应用尚未构建');
    expect((await h.app.request('/assets/index.js')).status).toBe(404);
  });
});

describe('writes from other sites', () => {
  it('refuses a write whose Origin is another site, and one whose body is not sent as JSON', async () => {
    const crossSite = await h.app.request('http://127.0.0.1:4321/api/progress/events', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json', Host: '127.0.0.1:4321' },
      body: JSON.stringify({ type: 'hours', hours: 1 }),
    });
    expect(crossSite.status).toBe(403);
    expect(ErrorSchema.parse(await crossSite.json()).error.message).toContain('another site');

    const plainText = await h.app.request('/api/progress/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ type: 'hours', hours: 1 }),
    });
    expect(plainText.status).toBe(400);
    expect(ErrorSchema.parse(await plainText.json()).error.message).toContain('Content-Type: application/json');
    expect(await h.store.countEvents('local')).toBe(0);
  });

  it('accepts a write from its own origin', async () => {
    const res = await h.app.request('http://127.0.0.1:4321/api/progress/events', {
      method: 'POST',
      headers: { Origin: 'http://127.0.0.1:4321', 'Content-Type': 'application/json', Host: '127.0.0.1:4321' },
      body: JSON.stringify({ type: 'hours', hours: 1 }),
    });
    expect(res.status).toBe(200);
  });
});
