/**
 * @module server/routes/profile
 * GET/PUT /api/profile and POST /api/plan/preview: validate the body, one call to the learner
 * layer (`learner/profile.ts` holds every rule: start date, spellings, trimming, bounds,
 * suggestions), answer JSON.
 */
import { wordedPlan } from '../../i18n/planner.js';
import { Hono } from 'hono';
import { planFor } from '../../core/planner/index.js';
import type { Profile } from '../../core/plan-model.js';
import {
  profileFromInput,
  recommendationOf,
  regionToConfirm,
  saveProfile,
  setTargetDate,
  storedProfile,
} from '../../learner/profile.js';
import { status } from '../../learner/progress.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContext } from '../context.js';
import { ProfileInput, TargetDateInput } from '../../contract/index.js';
import { parseBody } from '../validate.js';

export function profileRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // The region the learner's language suggests (cn for zh-CN) while they have chosen none: the client
  // asks them and sends `region` only with their answer.
  const toConfirm = (profile: Profile | undefined): { regionToConfirm?: string } => {
    const id = profile ? regionToConfirm(deps.curriculum, profile) : undefined;
    return id === undefined ? {} : { regionToConfirm: id };
  };

  routes.get('/profile', async (c) => {
    const profile = await storedProfile(learnerContext(deps, c));
    return c.json({ profile: profile ?? null, ...toConfirm(profile) });
  });

  routes.put('/profile', async (c) => {
    const ctx = learnerContext(deps, c);
    const profile = profileFromInput(ctx, await parseBody(c, ProfileInput));
    // A profile no plan can be made for (UNREACHABLE) is not stored; the work done and the first plan stay.
    const saved = await saveProfile(ctx, profile, 'profile');
    return c.json({ profile: saved.profile, ...toConfirm(saved.profile) });
  });

  // The target date alone (the web's progress page and `mlpath target` make the same call); the answer
  // is what it needs and the warnings, as GET /api/status has them.
  routes.put('/profile/target-date', async (c) => {
    const ctx = learnerContext(deps, c);
    const { targetDate } = await parseBody(c, TargetDateInput);
    const profile = await setTargetDate(ctx, targetDate);
    const report = await status(ctx);
    return c.json({ profile, target: report.target, warnings: report.warnings });
  });

  routes.post('/plan/preview', async (c) => {
    const profile = profileFromInput(learnerContext(deps, c), await parseBody(c, ProfileInput));
    const plan = planFor(deps.curriculum, profile);
    return c.json({
      plan: wordedPlan(plan),
      recommendation: recommendationOf(deps.curriculum, profile, plan),
      ...toConfirm(profile),
    });
  });

  return routes;
}
