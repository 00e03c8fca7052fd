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
import { invalidInput, parseBody, readJson } from '../validate.js';
import { isLearnerError } from '../../learner/errors.js';
import type { LearnerContext } from '../../learner/context.js';
import type { Problem } from '../../core/errors.js';
import { json } from '../answers.js';

/**
 * The profile a request body describes. A body with a malformed field is refused with that field's
 * problem and those the well-formed fields have against the curriculum (an unknown starting point),
 * so a client hears every problem at once.
 */
function profileFromBody(ctx: Pick<LearnerContext, 'curriculum' | 'clock'>, body: unknown): Profile {
  const parsed = ProfileInput.safeParse(body);
  if (parsed.success) return profileFromInput(ctx, parsed.data);
  const bad = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const rest =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([key]) => !bad.has(key)))
      : undefined;
  const wellFormed = rest === undefined ? undefined : ProfileInput.safeParse(rest);
  let more: readonly Problem[] = [];
  if (wellFormed?.success) {
    try {
      profileFromInput(ctx, wellFormed.data);
    } catch (error) {
      if (!isLearnerError(error) || error.reason !== 'profile') throw error;
      more = error.problems;
    }
  }
  throw invalidInput(parsed.error, 'body', more);
}

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
    return json(c, { profile: profile ?? null, ...toConfirm(profile) });
  });

  routes.put('/profile', async (c) => {
    const ctx = learnerContext(deps, c);
    const profile = profileFromBody(ctx, await readJson(c));
    // A profile no plan can be made for (UNREACHABLE) is not stored; the work done and the first plan stay.
    const saved = await saveProfile(ctx, profile, 'profile');
    return json(c, { profile: saved.profile, ...toConfirm(saved.profile) });
  });

  // The target date alone (the web's progress page and `mlpath target` make the same call); the answer
  // is what it needs and the warnings, as GET /api/status has them.
  routes.put('/profile/target-date', async (c) => {
    const ctx = learnerContext(deps, c);
    const { targetDate } = await parseBody(c, TargetDateInput);
    const profile = await setTargetDate(ctx, targetDate);
    const report = await status(ctx);
    return json(c, { profile, target: report.target, warnings: report.warnings });
  });

  routes.post('/plan/preview', async (c) => {
    const profile = profileFromBody(learnerContext(deps, c), await readJson(c));
    const plan = planFor(deps.curriculum, profile, undefined, undefined, { resourceReasons: true });
    return json(c, {
      plan: wordedPlan(plan, deps.curriculum),
      recommendation: recommendationOf(deps.curriculum, profile, plan),
      ...toConfirm(profile),
    });
  });

  return routes;
}
