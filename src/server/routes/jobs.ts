/**
 * @module server/routes/jobs
 * The learner's target jobs: POST /api/jobs/analyze (read a posting), GET and POST /api/jobs (list,
 * keep), DELETE /api/jobs/:id (forget) and GET /api/jobs/plan (plan toward the kept postings). Thin
 * over `src/learner/jobs.ts`; bodies are JSON, checked by zod, and at most BODY_LIMITS.jobs (body-limits.ts).
 */
import { wordedPlan } from '../../i18n/planner.js';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { LearnerContext } from '../../learner/context.js';
import { analyzeJob, jobsPlanJson, keepJob, listJobs, planTowardJobs, removeJob } from '../../learner/jobs.js';
import { learnerContext } from '../context.js';
import type { AppDeps, AppEnv } from '../context.js';
import { JobLocaleQuery, JobTextInput } from '../../contract/index.js';
import { parseBody, parseQuery } from '../validate.js';
import { json } from '../answers.js';

export function jobRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const ctx = (c: Context<AppEnv>): LearnerContext => learnerContext(deps, c);

  routes.post('/jobs/analyze', async (c) => {
    const input = await parseBody(c, JobTextInput);
    return json(c, { analysis: await analyzeJob(ctx(c), input.text, input.locale) });
  });

  routes.get('/jobs', async (c) => {
    const { locale } = parseQuery(c, JobLocaleQuery);
    return json(c, { jobs: await listJobs(ctx(c), locale) });
  });

  routes.post('/jobs', async (c) => {
    const input = await parseBody(c, JobTextInput);
    const { posting, analysis } = await keepJob(ctx(c), input.text, input.locale);
    return json(c, { job: posting, analysis });
  });

  routes.get('/jobs/plan', async (c) => {
    const { locale } = parseQuery(c, JobLocaleQuery);
    return json(c, wordedPlan(jobsPlanJson(await planTowardJobs(ctx(c), locale)), deps.curriculum));
  });

  routes.delete('/jobs/:id', async (c) => {
    const id = c.req.param('id');
    await removeJob(ctx(c), id);
    return json(c, { removed: id });
  });

  return routes;
}
