/**
 * The target-job routes over a real SQLite file and the shipped curriculum, and the parity of the
 * API with the CLI: the same posting gives the same analysis through both faces.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { main } from '../../cli/main.js';
import { memoryIo } from '../../cli/io.js';
import { SHIPPED_CURRICULUM } from '../../cli/paths.js';
import { profileFor } from '../../core/planner/index.js';
import { newEvent } from '../../store/events.js';
import { client, harness } from '../test-support/harness.js';
import type { Harness } from '../test-support/harness.js';
import { JobAnalysisSchema, JobsPlanSchema, KeptJobSchema } from '../../contract/index.js';

const curriculum = loadCurriculum(SHIPPED_CURRICULUM);

const EN = `<h1>Senior MLOps Engineer</h1>
<h2>Requirements</h2>
<ul><li>5+ years with Python, Docker &amp; Kubernetes</li><li>CI/CD pipelines and model monitoring</li></ul>
<h2>Nice to have</h2><ul><li>PyTorch; Terraform is a plus 🚀</li></ul>`;

const ZH = `大模型算法工程师
岗位职责：
1. 负责大模型微调、RAG 与 Agent 应用开发；
2. 负责模型部署与推理优化。
任职要求：
1. 精通 Python，熟悉 PyTorch；
2. 有 Kubernetes、Docker 经验者优先。`;

let h: Harness;
beforeAll(async () => {
  h = await harness({ curriculum, now: '2026-11-30T12:00:00.000Z' });
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  for (const p of await h.store.listPostings('local')) await h.store.removePosting('local', p.id);
});

describe('POST /api/jobs/analyze', () => {
  it('answers the analysis in the contract shape, spans into the text as sent', async () => {
    const api = client(h.app);
    const { status, json } = await api.post('/api/jobs/analyze', { text: EN, locale: 'en' });
    expect(status).toBe(200);
    const analysis = JobAnalysisSchema.parse((json as { analysis: unknown }).analysis);
    expect(analysis.role.id).toBe('mlops-engineer');
    expect(analysis.seniority).toBe('senior');
    for (const s of analysis.skills) for (const span of s.spans) expect(EN.slice(span.start, span.end)).toBe(span.text);
    expect(analysis.skills.find((s) => s.id === 'pytorch')?.required).toBe(false);
  });

  it('names skills in Chinese when asked', async () => {
    const { json } = await client(h.app).post('/api/jobs/analyze', { text: ZH, locale: 'zh-CN' });
    const analysis = JobAnalysisSchema.parse((json as { analysis: unknown }).analysis);
    expect(analysis.skills.find((s) => s.id === 'model-deployment')?.title).toBe('模型部署');
  });

  it('refuses unreadable text with the kind of problem on "text", storing nothing', async () => {
    const api = client(h.app);
    const cases: Array<[unknown, string]> = [
      [{ text: '   ' }, 'empty'],
      // Control characters without NUL reach the analyzer, which calls them binary.
      [{ text: `PK\u0003\u0004${'\u0001\u0002'.repeat(40)} engineer` }, 'binary'],
      [{ text: 'Machine learning engineer. '.repeat(4000) }, 'too-long'],
      [
        {
          text: 'Ingénieur en apprentissage automatique. Nous cherchons une personne pour la conception et le déploiement des modèles avec les équipes de données.',
        },
        'unsupported-language',
      ],
    ];
    for (const [body, kind] of cases) {
      for (const path of ['/api/jobs/analyze', '/api/jobs']) {
        const { status, json } = await api.post(path, body);
        expect(status, `${path} ${kind}`).toBe(400);
        expect(json).toMatchObject({ error: { code: 'INVALID_INPUT', problems: [{ path: 'text', message: kind }] } });
      }
    }
    // A NUL is refused at the door for every route (validate.ts), naming the field, before any analysis.
    for (const path of ['/api/jobs/analyze', '/api/jobs']) {
      const { status, json } = await api.post(path, { text: 'PK\u0003\u0004\u0000\u0000\u0000' });
      expect(status).toBe(400);
      expect(json).toMatchObject({ error: { code: 'INVALID_INPUT', problems: [{ path: 'text' }] } });
    }
    expect(await h.store.listPostings('local')).toEqual([]);
  });

  it('refuses a body over the limit (5 MB of text) before reading it, and a body without text', async () => {
    const api = client(h.app);
    const big = await api.post('/api/jobs', { text: 'Python and SQL. '.repeat(330_000) });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: { code: 'TOO_LARGE', problems: [{ path: 'text', message: 'too-long' }] } });
    const none = await api.post('/api/jobs', { posting: 'x' });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await h.store.listPostings('local')).toEqual([]);
  });
});

describe('/api/jobs: keep, list, plan, remove', () => {
  it('keeps a posting once, lists it, plans toward it and forgets it', async () => {
    const api = client(h.app);
    const noProfile = await api.get('/api/jobs/plan');
    expect(noProfile.status).toBe(404);
    await h.store.saveProfile(
      'local',
      profileFor(curriculum, 'developer', { startDate: '2026-11-30' }),
      '2026-11-30T12:00:00.000Z',
    );
    const kept = await api.post('/api/jobs', { text: ZH });
    expect(kept.status).toBe(200);
    const job = KeptJobSchema.parse((kept.json as { job: unknown }).job);
    expect(job).toMatchObject({ title: '大模型算法工程师', addedAt: '2026-11-30T12:00:00.000Z' });
    expect((await api.post('/api/jobs', { text: ZH })).status).toBe(409);

    const list = await api.get('/api/jobs?locale=zh-CN');
    expect((list.json as { jobs: unknown[] }).jobs.map((j) => KeptJobSchema.parse(j).id)).toEqual([job.id]);

    const plan = await api.get('/api/jobs/plan');
    expect(plan.status).toBe(200);
    const parsed = JobsPlanSchema.parse(plan.json);
    expect(parsed.postings).toBe(1);
    expect(parsed.goal.length).toBeGreaterThan(0);
    expect(parsed.plan.finishDate).toBe(parsed.finishDate.withJobs);
    for (const g of parsed.goal) expect(parsed.plan.skills, g.id).toContain(g.id);

    expect((await api.delete(`/api/jobs/${job.id}`)).json).toEqual({ removed: job.id });
    expect((await api.delete(`/api/jobs/${job.id}`)).status).toBe(404);
    expect((await api.get('/api/jobs')).json).toEqual({ jobs: [] });
  });

  it('refuses a write from another site', async () => {
    const res = await h.app.request('/api/jobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', Host: 'localhost' },
      body: JSON.stringify({ text: EN }),
    });
    expect(res.status).toBe(403);
    expect(await h.store.listPostings('local')).toEqual([]);
  });
});

describe('parity: the CLI and the API read a posting the same way', () => {
  // One learner for both faces (the CLI opens the API's database file), with some progress.
  beforeAll(async () => {
    await h.store.saveProfile(
      'local',
      profileFor(curriculum, 'developer', { startDate: '2026-11-30' }),
      '2026-11-30T12:00:00.000Z',
    );
    await h.store.appendEvents('local', [newEvent('done', { item: 'pytorch' }, new Date('2026-11-30T12:00:00.000Z'))]);
  });
  for (const [name, text] of [
    ['English HTML', EN],
    ['Chinese', ZH],
  ] as const) {
    for (const locale of ['en', 'zh-CN'] as const) {
      it(`${name}, skill names in ${locale}`, async () => {
        const file = join(h.dir, `posting-${locale}.txt`);
        writeFileSync(file, text);
        const io = memoryIo({
          env: {
            MLPATH_HOME: h.dir,
            MLPATH_NOW: '2026-11-30T12:00:00.000Z',
            MLPATH_LANG: 'en',
            TZ: 'UTC',
          },
          cwd: h.dir,
        });
        expect(await main(['job', 'analyze', file, '--json', '--locale', locale], io)).toBe(0);
        const fromCli = JSON.parse(io.stdout()) as unknown;
        const { json } = await client(h.app).post('/api/jobs/analyze', { text, locale });
        expect((json as { analysis: unknown }).analysis).toEqual(fromCli);
        expect((fromCli as { readiness: number }).readiness).toBeGreaterThan(0);
        expect(JobAnalysisSchema.parse(fromCli)).toEqual(fromCli);
      });
    }
  }
});
