/**
 * @module server/cohort-openapi
 * The cohort routes (routes/cohorts.ts) in the OpenAPI document, added when the server runs with
 * accounts (cohorts exist in server mode only). Request bodies come from the routes' own zod
 * schemas; failures take the API's error shape.
 */
import { z } from 'zod';
import { COHORT_KINDS, COHORT_ROLES } from '../store/store.js';
import { CohortInput, JoinInput, RoleInput, SharingInput } from './routes/cohorts.js';

type Json = Record<string, unknown>;

const error = (description: string): Json => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const ok = (schema: Json): Json => ({ description: 'OK', content: { 'application/json': { schema } } });
const obj = (properties: Record<string, Json>, required = Object.keys(properties)): Json => ({
  type: 'object',
  properties,
  required,
});
const nullable = (schema: Json): Json => ({ oneOf: [schema, { type: 'null' }] });
const str = { type: 'string' };
const num = { type: 'number' };
const bodyOf = (schema: z.ZodType): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Json;
  return { required: true, content: { 'application/json': { schema: rest } } };
};
const param = (name: string, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  schema: str,
  description,
});

const summary = {
  id: str,
  name: str,
  kind: { enum: [...COHORT_KINDS] },
  targetDate: { type: 'string', format: 'date' },
  createdAt: str,
  role: { enum: [...COHORT_ROLES], description: "The signed-in learner's role" },
  members: num,
};
const member = obj({
  learnerId: str,
  name: str,
  role: { enum: [...COHORT_ROLES] },
  joinedAt: str,
  you: { type: 'boolean' },
  sharing: obj({ progress: { type: 'boolean' }, pace: { type: 'boolean' } }),
  progress: nullable(obj({ skillsDone: num, skillsTotal: num, percent: num, readiness: num })),
  pace: nullable(
    obj({
      hoursThisWeek: num,
      weeklyHours: { type: 'number', description: 'Mean hours a week over the last 4 weeks' },
      plannedHours: nullable(num),
      pace: nullable(num),
      finishDate: nullable(str),
      daysLate: nullable({ type: 'number', description: "Forecast finish minus the cohort's date, in days" }),
    }),
  ),
  behind: nullable({ type: 'boolean' }),
});
const cohort = obj({
  cohort: obj({
    ...summary,
    today: str,
    invite: nullable(obj({ code: str, link: str })),
    members: { type: 'array', items: member },
    memberCount: num,
    behind: { type: 'array', items: str, description: 'Names of the members whose shared forecast is late' },
  }),
});
const cohortId = param('id', 'A cohort id');
const memberId = param('member', "A member's learner id");
const notMember = error('No such cohort among yours (NOT_FOUND): the same answer whether it exists or not');

const PATHS: Record<string, Record<string, Json>> = {
  '/api/cohorts': {
    get: {
      summary: 'The cohorts the signed-in learner is in',
      responses: { 200: ok(obj({ cohorts: { type: 'array', items: obj(summary) } })) },
    },
    post: {
      summary: 'Create a cohort (study group, bootcamp or team) with a target date; you are its owner',
      requestBody: bodyOf(CohortInput),
      responses: { 200: ok(cohort), 400: error('Invalid input (INVALID_INPUT)') },
    },
  },
  '/api/cohorts/join': {
    post: {
      summary: 'Join with an invite code or link; you share nothing until you choose',
      requestBody: bodyOf(JoinInput),
      responses: {
        200: ok(cohort),
        404: error('No cohort has this code (NOT_FOUND)'),
        409: error('Already a member (CONFLICT)'),
      },
    },
  },
  '/api/cohorts/{id}': {
    get: {
      summary: 'A cohort: each member’s row holds only what they share (never notes)',
      parameters: [cohortId],
      responses: { 200: ok(cohort), 404: notMember },
    },
  },
  '/api/cohorts/{id}/sharing': {
    put: {
      summary: 'Choose what the others see of you: progress, pace',
      parameters: [cohortId],
      requestBody: bodyOf(SharingInput),
      responses: { 200: ok(cohort), 400: error('Invalid input (INVALID_INPUT)'), 404: notMember },
    },
  },
  '/api/cohorts/{id}/leave': {
    post: {
      summary: 'Leave; an owner hands the cohort to a mentor (else a member); the last one out deletes it',
      parameters: [cohortId],
      responses: {
        200: ok(obj({ left: str, deleted: { type: 'boolean' }, newOwner: nullable(str) })),
        404: notMember,
      },
    },
  },
  '/api/cohorts/{id}/invite-code': {
    post: {
      summary: 'Renew the invite code (owner or mentor); the old one stops working',
      parameters: [cohortId],
      responses: { 200: ok(cohort), 403: error('Members cannot (FORBIDDEN)'), 404: notMember },
    },
  },
  '/api/cohorts/{id}/members/{member}/role': {
    put: {
      summary: 'Make a member a mentor, or a mentor a member (owner only)',
      parameters: [cohortId, memberId],
      requestBody: bodyOf(RoleInput),
      responses: {
        200: ok(cohort),
        400: error('Invalid input (INVALID_INPUT)'),
        403: error('Only the owner (FORBIDDEN)'),
        404: notMember,
      },
    },
  },
  '/api/cohorts/{id}/members/{member}': {
    delete: {
      summary: 'Remove a member (owner only)',
      parameters: [cohortId, memberId],
      responses: { 200: ok(cohort), 403: error('Only the owner (FORBIDDEN)'), 404: notMember },
    },
  },
};

/** The document with the cohort routes added (server mode). */
export function withCohortRoutes(document: Json): Json {
  const paths = { ...(document['paths'] as Record<string, Record<string, Json>>) };
  for (const [path, methods] of Object.entries(PATHS)) {
    const operations: Record<string, Json> = {};
    for (const [method, operation] of Object.entries(methods)) {
      operations[method] = {
        ...operation,
        tags: ['cohorts'],
        responses: {
          ...(operation['responses'] as Json),
          500: error('Storage or internal error (STORAGE, INTERNAL)'),
          503: error('The database is unavailable or busy (UNAVAILABLE); retry after the Retry-After seconds'),
        },
      };
    }
    paths[path] = { ...paths[path], ...operations };
  }
  return { ...document, paths };
}
