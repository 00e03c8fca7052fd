/**
 * @module server/cohort-openapi
 * The cohort routes (routes/cohorts.ts) in the OpenAPI document, added when the server runs with
 * accounts (cohorts exist in server mode only). Bodies and answers come from the routes' own zod
 * schemas; failures take the API's error shape.
 */
import { z } from 'zod';
import {
  CohortInput,
  CohortListSchema,
  CohortViewSchema,
  JoinInput,
  LeftSchema,
  RoleInput,
  SharingInput,
} from './routes/cohorts.js';

type Json = Record<string, unknown>;

const error = (description: string): Json => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const jsonOf = (schema: z.ZodType): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Json;
  return rest;
};
const ok = (schema: z.ZodType): Json => ({
  description: 'OK',
  content: { 'application/json': { schema: jsonOf(schema) } },
});
const bodyOf = (schema: z.ZodType): Json => ({
  required: true,
  content: { 'application/json': { schema: jsonOf(schema) } },
});
const param = (name: string, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
const cohort = CohortViewSchema;
const cohortId = param('id', 'A cohort id');
const memberId = param('member', "A member's learner id");
const notMember = error('No such cohort among yours (NOT_FOUND): the same answer whether it exists or not');

const PATHS: Record<string, Record<string, Json>> = {
  '/api/cohorts': {
    get: {
      summary: 'The cohorts the signed-in learner is in',
      responses: { 200: ok(CohortListSchema) },
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
        200: ok(LeftSchema),
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
