/**
 * @module server/routes/cohorts
 * Cohorts (server mode only): GET and POST /api/cohorts (mine; create), POST /api/cohorts/join
 * (`{ code }`, the code or the invite link), GET /api/cohorts/:id (the cohort as the signed-in
 * member may see it), PUT /api/cohorts/:id/sharing, POST /api/cohorts/:id/leave,
 * POST /api/cohorts/:id/invite-code (renew), PUT /api/cohorts/:id/members/:member/role and
 * DELETE /api/cohorts/:id/members/:member. Thin over `src/learner/cohorts.ts`, which checks the
 * membership behind every call; a cohort one is not in answers 404 like one that does not exist.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  cohortStatus,
  COHORT_KINDS,
  createCohort,
  formatInviteCode,
  joinCohort,
  leaveCohort,
  listCohorts,
  MAX_COHORT_NAME,
  removeMember,
  renewInviteCode,
  setMemberRole,
  setSharing,
} from '../../learner/cohorts.js';
import type { CohortStatus } from '../../learner/cohorts.js';
import type { LearnerContext } from '../../learner/context.js';
import { learnerContext } from '../context.js';
import type { AppDeps, AppEnv } from '../context.js';
import { parseBody } from '../validate.js';

const roleSchema = z.enum(['owner', 'mentor', 'member']);
const summaryShape = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(COHORT_KINDS),
  targetDate: z.string().describe('YYYY-MM-DD'),
  createdAt: z.string(),
  role: roleSchema.describe("The signed-in learner's role"),
};
/** GET /api/cohorts: the cohorts the signed-in learner is in. */
export const CohortListSchema = z.object({
  cohorts: z.array(z.object({ ...summaryShape, members: z.number().describe('How many members') })),
});
const memberSchema = z.object({
  learnerId: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
  you: z.boolean(),
  sharing: z.object({ progress: z.boolean(), pace: z.boolean() }),
  progress: z
    .object({ skillsDone: z.number(), skillsTotal: z.number(), percent: z.number(), readiness: z.number() })
    .nullable()
    .describe('Null unless the member shares progress (one’s own row always has it)'),
  pace: z
    .object({
      hoursThisWeek: z.number(),
      weeklyHours: z.number().describe('Mean hours a week over the last 4 weeks'),
      plannedHours: z.number().nullable(),
      pace: z.number().nullable(),
      finishDate: z.string().nullable(),
      daysLate: z.number().nullable().describe("Forecast finish minus the cohort's date, in days"),
    })
    .nullable()
    .describe('Null unless the member shares pace (one’s own row always has it)'),
  behind: z.boolean().nullable(),
});
/** A cohort as the signed-in member may see it (GET /api/cohorts/{id} and the writes' answer). */
export const CohortViewSchema = z.object({
  cohort: z.object({
    ...summaryShape,
    today: z.string(),
    invite: z.object({ code: z.string(), link: z.string() }).nullable().describe('For the owner and mentors only'),
    members: z.array(memberSchema),
    memberCount: z.number(),
    behind: z.array(z.string()).describe('Names of the members whose shared forecast finishes after the date'),
  }),
});
export const LeftSchema = z.object({ left: z.string(), deleted: z.boolean(), newOwner: z.string().nullable() });

export const CohortInput = z.strictObject({
  name: z.string().min(1).max(MAX_COHORT_NAME),
  kind: z.enum(COHORT_KINDS),
  targetDate: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }),
});
export const JoinInput = z.strictObject({ code: z.string().min(1).max(2000) });
export const SharingInput = z.strictObject({ progress: z.boolean(), pace: z.boolean() });
export const RoleInput = z.strictObject({ role: z.enum(['mentor', 'member']) });

/** The cohort as the API answers it: the invite code formatted, with its link (the web app's cohort page), for the owner and mentors. */
export function cohortJson(cohort: CohortStatus, origin: string) {
  const { inviteCode, memberList, ...rest } = cohort;
  return {
    ...rest,
    invite: inviteCode
      ? { code: formatInviteCode(inviteCode), link: `${origin}/#/cohorts?join=${formatInviteCode(inviteCode)}` }
      : null,
    members: memberList,
    memberCount: rest.members,
  };
}

export function cohortRoutes(deps: AppDeps, origin: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const ctx = (c: Context<AppEnv>): LearnerContext => learnerContext(deps, c);
  const answer = (c: Context<AppEnv>, cohort: CohortStatus) => c.json({ cohort: cohortJson(cohort, origin) });

  routes.get('/cohorts', async (c) => c.json({ cohorts: await listCohorts(ctx(c)) }));
  routes.post('/cohorts', async (c) => answer(c, await createCohort(ctx(c), await parseBody(c, CohortInput))));
  routes.post('/cohorts/join', async (c) => {
    const { code } = await parseBody(c, JoinInput);
    return answer(c, await joinCohort(ctx(c), code));
  });
  routes.get('/cohorts/:id', async (c) => answer(c, await cohortStatus(ctx(c), c.req.param('id'))));
  routes.put('/cohorts/:id/sharing', async (c) => {
    const sharing = await parseBody(c, SharingInput);
    return answer(c, await setSharing(ctx(c), c.req.param('id'), sharing));
  });
  routes.post('/cohorts/:id/leave', async (c) => c.json(await leaveCohort(ctx(c), c.req.param('id'))));
  routes.post('/cohorts/:id/invite-code', async (c) => answer(c, await renewInviteCode(ctx(c), c.req.param('id'))));
  routes.put('/cohorts/:id/members/:member/role', async (c) => {
    const { role } = await parseBody(c, RoleInput);
    return answer(c, await setMemberRole(ctx(c), c.req.param('id'), c.req.param('member'), role));
  });
  routes.delete('/cohorts/:id/members/:member', async (c) =>
    answer(c, await removeMember(ctx(c), c.req.param('id'), c.req.param('member'))),
  );
  return routes;
}
