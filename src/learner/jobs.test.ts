/**
 * The job actions over a real SQLite file and the shipped curriculum.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../content/load.js';
import { profileFor } from '../core/planner/index.js';
import { newEvent } from '../store/events.js';
import { openSqliteStore } from '../store/sqlite.js';
import { LOCAL_LEARNER } from '../store/store.js';
import { tempDir } from '../store/test-support/databases.js';
import type { LearnerContext } from './context.js';
import {
  analyzeJob,
  keepJob,
  listJobs,
  MAX_POSTING_LENGTH,
  planTowardJobs,
  postingId,
  postingProblemKind,
  postingTitle,
  removeJob,
} from './jobs.js';

const curriculum = loadCurriculum(decodeURIComponent(new URL('../../curricula/ml-engineer', import.meta.url).pathname));
const NOW = new Date('2026-11-30T12:00:00.000Z');

export const MLE_POSTING = `# Machine Learning Engineer

## Requirements
- Strong Python and SQL
- Train and deploy models with PyTorch; serve them with Docker and Kubernetes
- Experience with CI/CD and monitoring models in production

## Nice to have
- Experience with LLM fine-tuning and vector databases
- Rust is a plus
`;

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function context(): Promise<LearnerContext> {
  const dir = tempDir('mlpath-jobs-');
  const store = await openSqliteStore(join(dir, 'mlpath.db'));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => store.close());
  await store.ensureLearner(LOCAL_LEARNER, LOCAL_LEARNER, NOW.toISOString());
  return { store, curriculum, clock: () => NOW, learnerId: LOCAL_LEARNER };
}

describe('analyzeJob', () => {
  it('gives the contract shape, with spans into the text and the gaps shrinking as progress grows', async () => {
    const ctx = await context();
    const before = await analyzeJob(ctx, MLE_POSTING, 'en');
    expect(Object.keys(before)).toEqual(['role', 'seniority', 'skills', 'readiness', 'gaps']);
    expect(before.role.id).toBe('ml-engineer');
    for (const s of before.skills) {
      expect(Object.keys(s)).toEqual(['id', 'title', 'taught', 'required', 'spans']);
      for (const span of s.spans) expect(MLE_POSTING.slice(span.start, span.end)).toBe(span.text);
    }
    const pytorch = before.skills.find((s) => s.id === 'pytorch');
    expect(pytorch).toMatchObject({ taught: true, required: true });
    expect(before.skills.find((s) => s.id === 'rust')).toMatchObject({ taught: false, required: false });
    expect(before.readiness).toBe(0);
    expect(before.gaps[0]?.weight).toBe(2);

    await ctx.store.appendEvents(LOCAL_LEARNER, [newEvent('done', { item: 'pytorch' }, NOW)]);
    const after = await analyzeJob(ctx, MLE_POSTING, 'en');
    expect(after.readiness).toBeGreaterThan(0);
    expect(after.gaps.map((g) => g.id)).not.toContain('pytorch');
  });

  it('names skills in the language asked for', async () => {
    const ctx = await context();
    const zh = await analyzeJob(ctx, MLE_POSTING, 'zh-CN');
    const en = await analyzeJob(ctx, MLE_POSTING, 'en');
    const title = (a: typeof zh) => a.skills.find((s) => s.id === 'model-deployment')?.title;
    expect(title(en)).toBe('Model deployment');
    expect(title(zh)).toBe('模型部署');
  });

  it('refuses bad input with the problem kind on the text field', async () => {
    const ctx = await context();
    const kinds = async (text: string) => {
      try {
        await keepJob(ctx, text);
        return 'accepted';
      } catch (error) {
        return postingProblemKind(error);
      }
    };
    expect(await kinds('  \n ')).toBe('empty');
    expect(await kinds('PK\u0003\u0004\u0000\u0000binary')).toBe('binary');
    expect(await kinds('ML engineer. '.repeat(Math.ceil(MAX_POSTING_LENGTH / 13) + 1))).toBe('too-long');
    expect(
      await kinds(
        'Ingénieur en apprentissage automatique. Nous cherchons une personne pour la conception et le déploiement des modèles avec les équipes de données et de produit.',
      ),
    ).toBe('unsupported-language');
    expect(await ctx.store.listPostings(LOCAL_LEARNER)).toEqual([]);
  });
});

describe('keeping postings', () => {
  it('keeps, lists, refuses the same posting twice and removes it', async () => {
    const ctx = await context();
    const { posting } = await keepJob(ctx, MLE_POSTING, 'en');
    expect(posting).toMatchObject({
      id: postingId(MLE_POSTING),
      title: 'Machine Learning Engineer',
      role: 'ml-engineer',
      addedAt: NOW.toISOString(),
    });
    await expect(keepJob(ctx, MLE_POSTING.replace(/\n/g, '\r\n'))).rejects.toMatchObject({ code: 'CONFLICT' });
    const listed = await listJobs(ctx, 'en');
    expect(listed).toEqual([posting]);
    await removeJob(ctx, posting.id);
    expect(await listJobs(ctx)).toEqual([]);
    await expect(removeJob(ctx, posting.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('titles a posting by its first line without markup', () => {
    expect(postingTitle('<h1>AI &amp; ML Engineer</h1><p>Build agents</p>')).toBe('AI & ML Engineer');
    expect(postingTitle('\n\n  - 机器学习工程师\n岗位职责')).toBe('机器学习工程师');
  });
});

describe('planTowardJobs', () => {
  it('needs a profile and a kept posting', async () => {
    const ctx = await context();
    await expect(planTowardJobs(ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await ctx.store.saveProfile(
      LOCAL_LEARNER,
      profileFor(curriculum, 'developer', { startDate: '2026-11-30' }),
      NOW.toISOString(),
    );
    await expect(planTowardJobs(ctx)).rejects.toMatchObject({ code: 'NOT_FOUND', message: /no target jobs/ });
  });

  it('plans toward what the kept postings ask and says how the finish date moves', async () => {
    const ctx = await context();
    await ctx.store.saveProfile(
      LOCAL_LEARNER,
      profileFor(curriculum, 'developer', { startDate: '2026-11-30' }),
      NOW.toISOString(),
    );
    await keepJob(ctx, MLE_POSTING);
    const result = await planTowardJobs(ctx, 'en');
    expect(result.postings).toBe(1);
    const goal = result.goal.map((g) => g.id);
    expect(goal).toContain('pytorch');
    expect(goal).toContain('model-deployment');
    expect(result.notTaught.map((t) => t.id)).toContain('rust');
    // Every goal skill not yet known is in the plan toward the jobs.
    const planned = new Set(result.withJobs.plan.skills);
    const known = new Set(curriculum.startingPoints.find((p) => p.id === 'developer')?.known ?? []);
    for (const id of goal) if (!known.has(id)) expect(planned.has(id), id).toBe(true);
    expect(result.movedDays).toBe(
      Math.round((Date.parse(result.withJobs.finishDate) - Date.parse(result.current.finishDate)) / (24 * 3600 * 1000)),
    );
    expect(result.withJobs.finishDate).not.toBe(result.current.finishDate);
  });
});
