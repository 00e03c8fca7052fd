/**
 * @module server/routes/profile
 * GET/PUT /api/profile and POST /api/plan/preview. A profile is checked in full (fields, then
 * ids against the curriculum, then that a plan can be made) before anything is stored.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { MlpathError } from '../../core/errors.js';
import type { Curriculum } from '../../core/model.js';
import type { Plan, Profile } from '../../core/plan-model.js';
import { checkProfile, chooseRoute, planFor } from '../../core/planner/index.js';
import type { AppDeps, AppEnv } from '../context.js';
import { localDate } from '../context.js';
import { profileFrom } from '../profile.js';
import { ProfileInput } from '../schemas.js';
import { parseBody } from '../validate.js';
import type { Context } from 'hono';

/** The profile a request describes, checked against the curriculum; throws a 400 naming the field. */
async function profileOfRequest(c: Context<AppEnv>, deps: AppDeps): Promise<Profile> {
  const input = await parseBody(c, ProfileInput);
  const profile = profileFrom(input, deps.curriculum, localDate(deps.clock()));
  // The planner's own checks catch what the schema cannot (e.g. weeks off before the start).
  const problems = checkProfile(deps.curriculum, profile);
  const first = problems[0];
  if (first) {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: `invalid profile: ${first.message}`,
      problems: problems.map((p) => ({ path: p.field, message: p.message })),
    });
  }
  return profile;
}

export function recommendationOf(
  curriculum: Curriculum,
  profile: Profile,
  plan: Plan,
): { route: string; reasons: Curriculum['routes'][number]['reasons'] } {
  const choice = chooseRoute(curriculum, profile);
  const route = choice.route;
  return {
    route: route?.id ?? plan.route,
    // The curriculum's reasons for the route; the planner's sentence only when it gives none.
    reasons:
      route && route.reasons.length > 0 ? [...route.reasons] : choice.explanation ? [choice.explanation.text] : [],
  };
}

export function profileRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, curriculum, clock } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/profile', async (c) => {
    const profile = await store.getProfile(c.get('learner').id);
    return c.json({ profile: profile ?? null });
  });

  routes.put('/profile', async (c) => {
    const profile = await profileOfRequest(c, deps);
    // Plan first: a profile no plan can be made for (UNREACHABLE) is not stored.
    const plan = planFor(curriculum, profile);
    const learner = c.get('learner').id;
    const at = clock().toISOString();
    await store.saveProfile(learner, profile, at);
    await store.savePlanSnapshot(learner, {
      id: randomUUID(),
      at,
      reason: 'profile',
      finishDate: plan.finishDate,
      plan,
    });
    return c.json({ profile });
  });

  routes.post('/plan/preview', async (c) => {
    const profile = await profileOfRequest(c, deps);
    const plan = planFor(curriculum, profile);
    return c.json({ plan, recommendation: recommendationOf(curriculum, profile, plan) });
  });

  return routes;
}
