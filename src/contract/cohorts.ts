/**
 * @module contract/cohorts
 * Cohorts (multi-user server only): what a client sends to create, join, share with and manage a
 * cohort, and the shapes the API answers with, in zod 4. The routes (server/routes/cohorts.ts)
 * parse with these, the route table (contract/routes.ts) names them per route, and the OpenAPI
 * document and the web client's types follow from that table.
 */
import { z } from 'zod';
import { COHORT_KINDS, COHORT_ROLES } from '../core/cohort-model.js';
import { apiSchemas, coded } from './common.js';
import { LIMITS } from './limits.js';

// ---------------------------------------------------------------- requests

export const CohortInput = z
  .strictObject({
    name: z.string().min(1).max(LIMITS.cohortName),
    kind: z.enum(COHORT_KINDS),
    targetDate: z.iso.date({ error: coded('contract.isoDate') }),
  })
  .register(apiSchemas, { id: 'CohortInput', description: 'A new cohort; its creator becomes its owner.' });

export const CohortJoinInput = z
  .strictObject({ code: z.string().min(1).max(2000) })
  .register(apiSchemas, { id: 'CohortJoinInput', description: 'An invite code, or the invite link that holds it.' });

export const CohortSharingInput = z
  .strictObject({ progress: z.boolean(), pace: z.boolean() })
  .register(apiSchemas, { id: 'CohortSharingInput' });

export const CohortRoleInput = z
  .strictObject({ role: z.enum(['mentor', 'member']) })
  .register(apiSchemas, { id: 'CohortRoleInput' });

// ---------------------------------------------------------------- responses

const CohortRoleSchema = z.enum(COHORT_ROLES);

const summaryShape = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(COHORT_KINDS),
  targetDate: z.string().describe('YYYY-MM-DD'),
  createdAt: z.string(),
  role: CohortRoleSchema.describe("The signed-in learner's role"),
};

/** One of the signed-in learner's cohorts, as GET /api/cohorts lists it. */
export const CohortSummarySchema = z
  .object({ ...summaryShape, members: z.number().describe('How many members') })
  .register(apiSchemas, { id: 'CohortSummary' });

/** GET /api/cohorts: the cohorts the signed-in learner is in. */
export const CohortListSchema = z
  .object({ cohorts: z.array(CohortSummarySchema) })
  .register(apiSchemas, { id: 'CohortList' });

/** One member as the signed-in learner may see them: only what they share (one's own row in full). */
export const CohortMemberSchema = z
  .object({
    learnerId: z.string(),
    name: z.string(),
    role: CohortRoleSchema,
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
  })
  .register(apiSchemas, { id: 'CohortMember' });

/** A cohort as the signed-in member may see it (GET /api/cohorts/{id} and the writes' answer). */
export const CohortViewSchema = z
  .object({
    cohort: z.object({
      ...summaryShape,
      today: z.string(),
      invite: z.object({ code: z.string(), link: z.string() }).nullable().describe('For the owner and mentors only'),
      members: z.array(CohortMemberSchema),
      memberCount: z.number(),
      behind: z.array(z.string()).describe('Names of the members whose shared forecast finishes after the date'),
    }),
  })
  .register(apiSchemas, { id: 'CohortView' });

/** POST /api/cohorts/{id}/leave: who left, whether the cohort went with them, and who owns it now. */
export const CohortLeftSchema = z
  .object({ left: z.string(), deleted: z.boolean(), newOwner: z.string().nullable() })
  .register(apiSchemas, { id: 'CohortLeft' });
