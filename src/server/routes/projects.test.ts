import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorSchema, ProjectSchema } from '../../contract/index.js';
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

const projectOf = (json: unknown) => ProjectSchema.parse((json as { project: unknown }).project);

describe('projects', () => {
  it('lists none on a fresh store', async () => {
    const { status, json } = await api.get('/api/projects');
    expect(status).toBe(200);
    expect(json).toEqual({ projects: [] });
  });

  it('starts a project from a template with the common and the template rubric, all unticked', async () => {
    const { status, json } = await api.post('/api/projects', { template: 'sentiment-app' });
    expect(status).toBe(200);
    expect(projectOf(json)).toEqual({
      id: 'sentiment-app',
      template: 'sentiment-app',
      title: { en: 'A sentiment web app', 'zh-CN': '情感分析网页应用' },
      rubric: { 'front-end': false, 'write-up': false, deployed: false },
      links: {},
      createdAt: '2026-03-04T12:00:00.000Z',
    });
    const list = (await api.get('/api/projects')).json as { projects: unknown[] };
    expect(list.projects.map((p) => ProjectSchema.parse(p).id)).toEqual(['sentiment-app']);
  });

  it('refuses a second project under a taken id (as the CLI does), and takes one with an id of its own', async () => {
    await api.post('/api/projects', { template: 'sentiment-app' });
    const again = await api.post('/api/projects', { template: 'sentiment-app' });
    expect(again.status).toBe(409);
    expect(ErrorSchema.parse(again.json).error.code).toBe('CONFLICT');
    const second = await api.post('/api/projects', { template: 'sentiment-app', id: 'sentiment-app-2' });
    expect(projectOf(second.json).id).toBe('sentiment-app-2');
    const list = (await api.get('/api/projects')).json as { projects: unknown[] };
    expect(list.projects).toHaveLength(2);
  });

  it('removes a project, and undo brings it back with its links', async () => {
    await api.post('/api/projects', { template: 'sentiment-app' });
    await api.put('/api/projects/sentiment-app/links', { repo: 'https://github.com/someone/sentiment' });
    const removed = await h.app.request('/api/projects/sentiment-app', { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect((await api.get('/api/projects')).json).toEqual({ projects: [] });
    expect((await api.post('/api/progress/undo', {})).status).toBe(200);
    const list = (await api.get('/api/projects')).json as { projects: unknown[] };
    expect(list.projects.map((p) => ProjectSchema.parse(p).links)).toEqual([
      { repo: 'https://github.com/someone/sentiment' },
    ]);
    const gone = await h.app.request('/api/projects/nope', { method: 'DELETE' });
    expect(gone.status).toBe(404);
  });

  it('ticks and unticks rubric items, keeping every step in the event log', async () => {
    await api.post('/api/projects', { template: 'sentiment-app' });
    const ticked = await api.post('/api/projects/sentiment-app/rubric', { item: 'front-end', checked: true });
    expect(ticked.status).toBe(200);
    expect(projectOf(ticked.json).rubric).toEqual({ 'front-end': true, 'write-up': false, deployed: false });
    // Ticking what is ticked changes nothing.
    await api.post('/api/projects/sentiment-app/rubric', { item: 'front-end', checked: true });
    const unticked = await api.post('/api/projects/sentiment-app/rubric', { item: 'front-end', checked: false });
    expect(projectOf(unticked.json).rubric['front-end']).toBe(false);
    const types = (await h.store.listEvents('local')).map((e) => e.type);
    // The project's start is a step of its own (undo takes it back), then the tick and its untick.
    expect(types).toEqual(['project-change', 'project-milestone', 'undo']);
  });

  it('replaces the links with PUT, clearing those not given', async () => {
    await api.post('/api/projects', { template: 'sentiment-app' });
    const set = await api.put('/api/projects/sentiment-app/links', {
      repo: 'https://github.com/someone/sentiment',
      demo: 'https://sentiment.example.org',
    });
    expect(set.status).toBe(200);
    expect(projectOf(set.json).links).toEqual({
      repo: 'https://github.com/someone/sentiment',
      demo: 'https://sentiment.example.org',
    });
    const replaced = await api.put('/api/projects/sentiment-app/links', { writeup: 'https://blog.example.org/post' });
    expect(projectOf(replaced.json).links).toEqual({ writeup: 'https://blog.example.org/post' });
  });

  it('answers 404 with suggestions for an unknown template, project or rubric item', async () => {
    const template = await api.post('/api/projects', { template: 'sentiment-ap' });
    expect(template.status).toBe(404);
    expect(ErrorSchema.parse(template.json).error.message).toContain('did you mean "sentiment-app"');
    expect(ErrorSchema.parse(template.json).error.problems[0]?.path).toBe('template');

    const rubricOfNothing = await api.post('/api/projects/nope/rubric', { item: 'front-end', checked: true });
    expect(rubricOfNothing.status).toBe(404);
    const linksOfNothing = await api.put('/api/projects/nope/links', {});
    expect(linksOfNothing.status).toBe(404);

    await api.post('/api/projects', { template: 'sentiment-app' });
    const item = await api.post('/api/projects/sentiment-app/rubric', { item: 'frontend', checked: true });
    expect(item.status).toBe(404);
    expect(ErrorSchema.parse(item.json).error.problems[0]?.path).toBe('item');
    // Only the project's start was recorded: none of the refused requests wrote anything.
    expect((await h.store.listEvents('local')).map((e) => e.type)).toEqual(['project-change']);
  });

  it('words a refused link in the request language, under the API name of its field', async () => {
    await api.post('/api/projects', { template: 'sentiment-app' });
    const res = await h.app.request('/api/projects/sentiment-app/links', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' },
      body: JSON.stringify({ repo: 'http://github.com/x/y' }),
    });
    expect(res.status).toBe(400);
    const { error } = ErrorSchema.parse(await res.json());
    expect(error.message).toMatch(/^URL 必须是完整的 https:\/\/ 地址/);
    expect(error.problems).toEqual([{ path: 'repo', message: error.message }]);
  });

  it.each([
    ['/api/projects', 'post', {}, 'template'],
    ['/api/projects/sentiment-app/rubric', 'post', { item: 'front-end', checked: 'yes' }, 'checked'],
    ['/api/projects/sentiment-app/links', 'put', { repo: 'http://github.com/x/y' }, 'repo'],
    ['/api/projects/sentiment-app/links', 'put', { demo: 'not a url' }, 'demo'],
    ['/api/projects/sentiment-app/links', 'put', { website: 'https://example.org' }, 'website'],
  ] as const)('answers 400 naming the field: %s %s %j', async (path, method, body, field) => {
    await api.post('/api/projects', { template: 'sentiment-app' });
    const { status, json } = method === 'post' ? await api.post(path, body) : await api.put(path, body);
    expect(status).toBe(400);
    const { error } = ErrorSchema.parse(json);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems.map((p) => p.path)).toContain(field);
  });
});
