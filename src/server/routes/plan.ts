/**
 * @module server/routes/plan
 * GET /api/plan, /api/status and /api/today: the plan re-made from progress and today, the
 * forecast, readiness and the burn-up. Without a profile each answers its empty state.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { readinessFor } from '../../core/planner/index.js';
import { addDays } from '../../core/dates.js';
import { burnupOf } from '../burnup.js';
import type { AppDeps, AppEnv } from '../context.js';
import { localDate } from '../context.js';
import { Planning } from '../planning.js';
import type { LearnerState } from '../planning.js';

export function planRoutes(deps: AppDeps): Hono<AppEnv> {
  const { curriculum, clock } = deps;
  const planning = new Planning(deps.store, curriculum);
  const routes = new Hono<AppEnv>();

  const answer = async (c: Context<AppEnv>, name: string, build: (state: LearnerState, today: string) => unknown) => {
    const today = localDate(clock());
    const body = await planning.json(c.get('learner').id, today, name, (state) => build(state, today));
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(body);
  };

  routes.get('/plan', (c) =>
    answer(c, 'plan', ({ forecast }) => ({ plan: forecast?.plan ?? null, forecast: forecast ?? null })),
  );

  routes.get('/status', (c) =>
    answer(c, 'status', (state, today) => {
      const { profile, progress, forecast, events } = state;
      const start = profile ? curriculum.startingPoints.find((s) => s.id === profile.startingPoint) : undefined;
      const known = [...(start?.known ?? []), ...(profile?.known ?? [])];
      const original = state.original();
      return {
        readiness: readinessFor(curriculum, profile?.target, progress, known),
        forecast: forecast ?? null,
        burnup: original && forecast ? burnupOf({ original, forecast: forecast.plan, events, curriculum, today }) : [],
      };
    }),
  );

  routes.get('/today', (c) =>
    answer(c, 'today', ({ forecast }, today) => ({
      week: forecast?.plan.weeks.find((w) => w.start <= today && today < addDays(w.start, 7)) ?? null,
      today,
    })),
  );

  return routes;
}
