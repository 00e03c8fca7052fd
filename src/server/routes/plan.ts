/**
 * @module server/routes/plan
 * GET /api/plan, /api/status and /api/today: the plan re-made from progress and today, the
 * forecast, readiness and the burn-up. Without a profile each answers its empty state.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { readinessFor } from '../../core/planner/index.js';
import { addDays, daysBetween } from '../../core/dates.js';
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
    answer(c, 'today', ({ forecast, progress, profile }, today) => {
      const beforeStart = profile !== undefined && today < profile.startDate;
      const found = forecast?.plan.weeks.find((w) => w.start <= today && today < addDays(w.start, 7));
      if (!forecast || !found) return { today, beforeStart, week: null };
      const end = addDays(found.start, 6);
      const logged = progress.logged
        .filter((entry) => entry.date >= found.start && entry.date <= end)
        .reduce((sum, entry) => sum + entry.hours, 0);
      const budgetHours = found.off ? 0 : forecast.plan.hoursPerWeek;
      const loggedHours = Math.round(logged * 100) / 100;
      return {
        today,
        beforeStart,
        week: {
          // Counted from the learner's own start: the re-made plan begins again at today's week.
          number: Math.floor(daysBetween(profile?.startDate ?? found.start, found.start) / 7) + 1,
          start: found.start,
          end,
          off: found.off,
          budgetHours,
          loggedHours,
          remainingHours: Math.max(0, Math.round((budgetHours - loggedHours) * 100) / 100),
          tasks: found.tasks,
        },
      };
    }),
  );

  return routes;
}
