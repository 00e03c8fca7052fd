/**
 * @module server/routes/plan
 * GET /api/plan, /api/plan/roadmap, /api/status and /api/today: the plan re-made from progress and today (whole,
 * or what the roadmap shows of it), the
 * forecast, readiness and the burn-up. Without a profile each answers its empty state. Status and
 * today are one call each to the learner layer, the same calls `mlpath status` and `mlpath today` make.
 */
import { wordedPlan } from '../../i18n/planner.js';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { currentWeekView } from '../../core/weeks.js';
import { withResourceReasons } from '../../core/planner/plan.js';
import { burnup, currentWeek, progressSnapshot, showStatus } from '../../learner/progress.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContext, todayOf } from '../context.js';
import { Planning } from '../planning.js';
import type { ProgressSnapshot } from '../../learner/progress.js';
import { json, tagged } from '../answers.js';

export function planRoutes(deps: AppDeps): Hono<AppEnv> {
  const planning = new Planning(deps.store);
  const routes = new Hono<AppEnv>();

  const answer = async (c: Context<AppEnv>, name: string, build: (snapshot: ProgressSnapshot) => unknown) => {
    const ctx = learnerContext(deps, c);
    const { body, tag } = await planning.json(ctx, todayOf(ctx), name, build);
    return tagged(c, body, tag);
  };

  // The whole plan, with each resource's reason (the learner layer's re-plan is made without them).
  routes.get('/plan', (c) =>
    answer(c, 'plan', ({ forecast, profile, stats, planOptions }) => {
      const plan =
        forecast && profile
          ? withResourceReasons(deps.curriculum, profile, forecast.plan, stats, planOptions)
          : (forecast?.plan ?? null);
      return wordedPlan({ plan, forecast: forecast && plan ? { ...forecast, plan } : null }, deps.curriculum);
    }),
  );

  // The roadmap needs the plan's route and skills and this week's skills, not the plan's weeks.
  routes.get('/plan/roadmap', (c) =>
    answer(c, 'roadmap', ({ forecast, profile, stats, today }) => {
      const plan = forecast?.plan;
      const week = currentWeekView({ profile, plan, logged: stats.logged, today }).week;
      const weekSkills = week && !week.off ? [...new Set(week.tasks.flatMap((task) => task.skills))] : [];
      return { route: plan?.route ?? null, skills: plan?.skills ?? [], weekSkills };
    }),
  );

  routes.get('/status', async (c) => {
    const ctx = learnerContext(deps, c);
    const snapshot = await progressSnapshot(ctx);
    return json(c, { ...(await showStatus(ctx, snapshot)), burnup: await burnup(ctx, snapshot) });
  });

  routes.get('/today', async (c) => json(c, wordedPlan(await currentWeek(learnerContext(deps, c)), deps.curriculum)));

  return routes;
}
