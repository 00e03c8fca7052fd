/**
 * @module server/routes/cohorts
 * Cohorts (server mode only): GET and POST /api/cohorts (mine; create), POST /api/cohorts/join
 * (`{ code }`, the code or the invite link), GET /api/cohorts/:id (the cohort as the signed-in
 * member may see it), PUT /api/cohorts/:id/sharing, POST /api/cohorts/:id/leave,
 * POST /api/cohorts/:id/invite-code (renew), PUT /api/cohorts/:id/members/:member/role and
 * DELETE /api/cohorts/:id/members/:member. Thin over `src/learner/cohorts.ts`, which checks the
 * membership behind every call; a cohort one is not in answers 404 like one that does not exist.
 * Bodies are parsed and answers documented with the contract's schemas (contract/cohorts.ts), each
 * route's row in the route table (contract/routes.ts).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { CohortInput, CohortJoinInput, CohortRoleInput, CohortSharingInput } from '../../contract/index.js';
import {
  cohortStatus,
  createCohort,
  formatInviteCode,
  joinCohort,
  leaveCohort,
  listCohorts,
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
import { json } from '../answers.js';

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
  const answer = (c: Context<AppEnv>, cohort: CohortStatus) => json(c, { cohort: cohortJson(cohort, origin) });

  routes.get('/cohorts', async (c) => json(c, { cohorts: await listCohorts(ctx(c)) }));
  routes.post('/cohorts', async (c) => answer(c, await createCohort(ctx(c), await parseBody(c, CohortInput))));
  routes.post('/cohorts/join', async (c) => {
    const { code } = await parseBody(c, CohortJoinInput);
    return answer(c, await joinCohort(ctx(c), code));
  });
  routes.get('/cohorts/:id', async (c) => answer(c, await cohortStatus(ctx(c), c.req.param('id'))));
  routes.put('/cohorts/:id/sharing', async (c) => {
    const sharing = await parseBody(c, CohortSharingInput);
    return answer(c, await setSharing(ctx(c), c.req.param('id'), sharing));
  });
  routes.post('/cohorts/:id/leave', async (c) => json(c, await leaveCohort(ctx(c), c.req.param('id'))));
  routes.post('/cohorts/:id/invite-code', async (c) => answer(c, await renewInviteCode(ctx(c), c.req.param('id'))));
  routes.put('/cohorts/:id/members/:member/role', async (c) => {
    const { role } = await parseBody(c, CohortRoleInput);
    return answer(c, await setMemberRole(ctx(c), c.req.param('id'), c.req.param('member'), role));
  });
  routes.delete('/cohorts/:id/members/:member', async (c) =>
    answer(c, await removeMember(ctx(c), c.req.param('id'), c.req.param('member'))),
  );
  return routes;
}
