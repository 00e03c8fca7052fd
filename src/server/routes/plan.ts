/**
 * @module server/routes/plan
 * GET /api/plan, /api/status and /api/today: the plan re-made from progress and today, the
 * forecast, readiness and the burn-up. Without a profile each answers its empty state.
 */
import { Hono } from 'hono';
import { addDays } from '../../core/progress.js';
import { readinessFor } from '../../core/planner/index.js';
import { burnupOf } from '../burnup.js';
import type { AppDeps, AppEnv } from '../context.js';
import { localDate } from '../context.js';
import { Planning } from '../planning.js';

export function planRoutes(deps: AppDeps): Hono<AppEnv> {
  const { curriculum, clock } = deps;
  const planning = new Planning(deps.store, curriculum);
  const routes = new Hono<AppEnv>();

  routes.get('/plan', async (c) => {
    const { forecast } = await planning.stateOf(c.get('learner').id, localDate(clock()));
    return c.json({ plan: forecast?.plan ?? null, forecast: forecast ?? null });
  });

  routes.get('/status', async (c) => {
    const today = localDate(clock());
    const { profile, progress, forecast, events } = await planning.stateOf(c.get('learner').id, today);
    const start = profile ? curriculum.startingPoints.find((s) => s.id === profile.startingPoint) : undefined;
    const known = [...(start?.known ?? []), ...(profile?.known ?? [])];
    const readiness = readinessFor(curriculum, profile?.target, progress, known);
    const burnup =
      profile && forecast
        ? burnupOf({
            original: planning.originalPlan(c.get('learner').id, profile),
            forecast: forecast.plan,
            events,
            curriculum,
            today,
          })
        : [];
    return c.json({ readiness, forecast: forecast ?? null, burnup });
  });

  routes.get('/today', async (c) => {
    const today = localDate(clock());
    const { forecast } = await planning.stateOf(c.get('learner').id, today);
    const week = forecast?.plan.weeks.find((w) => w.start <= today && today < addDays(w.start, 7)) ?? null;
    return c.json({ week, today });
  });

  return routes;
}
