/**
 * @module server/openapi
 * The OpenAPI 3.1 document of the API. Component schemas are generated from the same zod
 * schemas that check requests (`z.toJSONSchema` over the `apiSchemas` registry); the paths
 * object is written out by hand, one entry per route.
 */
import { z } from 'zod';
import { apiSchemas } from './schemas.js';

type Json = Record<string, unknown>;

const ref = (id: string): Json => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: Json, description = 'OK'): Json => ({
  description,
  content: { 'application/json': { schema } },
});
const obj = (properties: Record<string, Json>, required = Object.keys(properties)): Json => ({
  type: 'object',
  properties,
  required,
});
const nullable = (schema: Json): Json => ({ oneOf: [schema, { type: 'null' }] });
const REGION_TO_CONFIRM: Json = {
  type: 'string',
  description:
    "Present while the profile has no region and the curriculum suggests one for its locale (cn for zh-CN): ask the learner, and send `region` only with their answer (or 'none').",
};
const errors = (...statuses: number[]): Record<string, Json> => {
  const descriptions: Record<number, string> = {
    400: 'Invalid input (INVALID_INPUT, IMPORT_INVALID); `problems` names each field',
    404: 'Unknown id (NOT_FOUND), with suggestions in the message',
    409: 'Conflict with stored data (CONFLICT)',
    413: 'The body is over the route\'s limit (TOO_LARGE); for a posting, the problem is { path: "text", message: "too-long" }',
    422: 'The plan cannot be made (UNREACHABLE)',
    500: 'Storage or internal error (STORAGE, INTERNAL)',
    503: 'The database is unavailable or busy (UNAVAILABLE); retry after the Retry-After seconds',
  };
  return Object.fromEntries(
    [...statuses, 500, 503].map((s) => [String(s), json(ref('Error'), descriptions[s] ?? 'Error')]),
  );
};
const body = (schema: Json): Json => ({ required: true, content: { 'application/json': { schema } } });
const localeParam = {
  name: 'locale',
  in: 'query',
  required: false,
  description: "The language of skill titles (default: the profile's)",
  schema: { type: 'string', enum: ['en', 'zh-CN'] },
};
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any write accepts it: a retry with the same key and request gets the first answer again (Idempotent-Replayed: true) and changes nothing; the same key with another request is 409. Kept 24 h.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'A project id' };

const health = (ok: boolean, status: string): Json =>
  obj({
    ok: { const: ok },
    version: { type: 'string' },
    database: obj({ kind: { enum: ['sqlite', 'postgres'] }, status: { const: status } }),
  });

function paths(): Json {
  const plan = obj({ plan: nullable(ref('Plan')), forecast: nullable(ref('Forecast')) });
  // `event` is null when nothing was recorded (skipping what is skipped); `logged`, the planned hours a tick logged.
  const recorded = obj({ event: nullable(ref('ProgressEvent')), logged: nullable(ref('ProgressEvent')) });
  const events = { type: 'array', items: ref('ProgressEvent') };
  const undone = obj({ event: ref('ProgressEvent'), events, undone: events });
  const project = obj({ project: ref('Project') });
  const feedAddress = obj({
    path: { type: 'string', description: '/calendar/<secret>.ics' },
    url: { type: 'string', description: 'The path on the address this request reached' },
    rotatedAt: nullable({ type: 'string', description: 'When the address last changed (ISO), or null' }),
  });
  return {
    '/api/health': {
      get: {
        summary: 'Liveness, version and the database: 200 when it answers, 503 when it is unavailable',
        responses: {
          200: json(health(true, 'ok')),
          503: json(health(false, 'unavailable'), 'The database is unavailable'),
        },
      },
    },
    '/api/mode': {
      get: {
        summary: 'Local or multi-user mode; in multi-user mode, whether sign-up is open and the password lengths',
        responses: { 200: json(ref('ServerMode')) },
      },
    },
    '/api/curriculum': {
      get: {
        summary: 'The normalized curriculum (with an ETag; If-None-Match answers 304)',
        responses: { 200: json(ref('Curriculum')), 304: { description: 'Not modified' }, ...errors() },
      },
    },
    '/api/profile': {
      get: {
        summary: "The learner's profile (null before onboarding)",
        responses: {
          200: json(obj({ profile: nullable(ref('Profile')), regionToConfirm: REGION_TO_CONFIRM }, ['profile'])),
          ...errors(),
        },
      },
      put: {
        summary: 'Store the profile (the plan is re-made)',
        requestBody: body(ref('ProfileInput')),
        responses: {
          200: json(obj({ profile: ref('Profile'), regionToConfirm: REGION_TO_CONFIRM }, ['profile'])),
          ...errors(400, 422),
        },
      },
    },
    '/api/plan/preview': {
      post: {
        summary: 'Plan from a profile without saving it (onboarding)',
        requestBody: body(ref('ProfileInput')),
        responses: {
          200: json(
            obj(
              {
                plan: ref('Plan'),
                recommendation: obj({ route: { type: 'string' }, reasons: { type: 'array', items: ref('Text') } }),
                regionToConfirm: REGION_TO_CONFIRM,
              },
              ['plan', 'recommendation'],
            ),
          ),
          ...errors(400, 422),
        },
      },
    },
    '/api/plan': {
      get: { summary: 'The plan, re-made from progress and today', responses: { 200: json(plan), ...errors(422) } },
    },
    '/api/progress': {
      get: {
        summary: 'Progress: statuses, events and statistics',
        responses: { 200: json(ref('ProgressView')), ...errors() },
      },
    },
    '/api/progress/events': {
      post: {
        summary: "Record a progress event (a tick also logs the task's planned hours unless logPlannedHours is false)",
        requestBody: body(ref('ProgressEventInput')),
        responses: { 200: json(recorded), ...errors(400, 404) },
      },
    },
    '/api/progress/undo': {
      post: {
        summary: 'Undo a step (by default the latest) by appending undo events; a tick takes its logged hours with it',
        requestBody: { required: false, content: { 'application/json': { schema: ref('UndoInput') } } },
        responses: { 200: json(undone), ...errors(400, 404, 409) },
      },
    },
    '/api/review': {
      get: {
        summary: 'The cards due now (self-check questions of done skills) and recall per skill',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1 },
            description: 'At most this many due cards',
          },
        ],
        responses: { 200: json(ref('ReviewQueue')), ...errors(400) },
      },
    },
    '/api/review/ratings': {
      post: {
        summary: 'Rate one card (again, hard, good, easy); recorded as a reviewed event',
        requestBody: body(ref('ReviewRatingInput')),
        responses: { 200: json(obj({ event: ref('ProgressEvent'), card: ref('ReviewCard') })), ...errors(400, 404) },
      },
    },
    '/api/status': {
      get: { summary: 'Readiness, forecast and burn-up', responses: { 200: json(ref('Status')), ...errors(422) } },
    },
    '/api/today': {
      get: {
        summary: 'The current calendar week: its budget, hours logged and what remains of the plan in it',
        responses: { 200: json(ref('Today')), ...errors(422) },
      },
    },
    '/api/projects': {
      get: {
        summary: 'Portfolio projects',
        responses: { 200: json(obj({ projects: { type: 'array', items: ref('Project') } })), ...errors() },
      },
      post: {
        summary: 'Start a project from a template',
        requestBody: body(ref('ProjectInput')),
        responses: { 200: json(project), ...errors(400, 404, 409) },
      },
    },
    '/api/projects/{id}': {
      delete: {
        summary: 'Remove a project (undo brings it back)',
        parameters: [idParam],
        responses: { 200: json(obj({ removed: { type: 'string' } })), ...errors(404) },
      },
    },
    '/api/projects/{id}/rubric': {
      post: {
        summary: 'Tick or untick a rubric item',
        parameters: [idParam],
        requestBody: body(ref('RubricInput')),
        responses: { 200: json(project), ...errors(400, 404) },
      },
    },
    '/api/projects/{id}/links': {
      put: {
        summary: "Set a project's links (https URLs)",
        parameters: [idParam],
        requestBody: body(ref('LinksInput')),
        responses: { 200: json(project), ...errors(400, 404) },
      },
    },
    '/api/export': {
      get: {
        summary: 'Download the plan (ics), progress (md) or a full backup (json)',
        parameters: [
          { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['ics', 'md', 'json'] } },
          {
            name: 'locale',
            in: 'query',
            required: false,
            description: "The file's language (default: the profile's)",
            schema: { type: 'string', enum: ['en', 'zh-CN'] },
          },
        ],
        responses: {
          200: {
            description: 'The file, as an attachment',
            content: {
              'text/calendar': { schema: { type: 'string' } },
              'text/markdown': { schema: { type: 'string' } },
              'application/json': { schema: { type: 'object' } },
            },
          },
          ...errors(400),
        },
      },
    },
    '/api/import': {
      post: {
        summary: 'Restore a JSON backup (not a step of the log: undo cannot take it back)',
        parameters: [
          { name: 'merge', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] } },
        ],
        requestBody: body({ type: 'object', description: 'A backup as written by GET /api/export?format=json' }),
        responses: {
          200: json(
            obj({
              imported: obj({
                events: { type: 'integer' },
                projects: { type: 'integer' },
                postings: { type: 'integer' },
              }),
              undoable: { type: 'boolean', const: false },
            }),
          ),
          ...errors(400, 409),
        },
      },
    },
    '/api/jobs/analyze': {
      post: {
        summary:
          "Read a job posting against the learner's progress: skills with spans, role, seniority, readiness, gaps",
        requestBody: body(ref('JobTextInput')),
        responses: { 200: json(obj({ analysis: ref('JobAnalysis') })), ...errors(400, 413) },
      },
    },
    '/api/jobs': {
      get: {
        summary: 'The kept postings ("my target jobs"), each read against today\'s progress',
        parameters: [localeParam],
        responses: { 200: json(obj({ jobs: { type: 'array', items: ref('KeptJob') } })), ...errors(400) },
      },
      post: {
        summary: 'Keep a posting among the target jobs (nothing is stored when the text cannot be read)',
        requestBody: body(ref('JobTextInput')),
        responses: {
          200: json(obj({ job: ref('KeptJob'), analysis: ref('JobAnalysis') })),
          ...errors(400, 409, 413),
        },
      },
    },
    '/api/jobs/plan': {
      get: {
        summary: "Plan toward the union of the kept postings' gaps, and how the finish date moves",
        parameters: [localeParam],
        responses: { 200: json(ref('JobsPlan')), ...errors(404, 422) },
      },
    },
    '/api/jobs/{id}': {
      delete: {
        summary: 'Forget a kept posting',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'A kept posting id' },
        ],
        responses: { 200: json(obj({ removed: { type: 'string' } })), ...errors(404) },
      },
    },
    '/api/calendar': {
      get: {
        summary:
          "The learner's calendar feed address (made on first request): GET it with no other credentials for an iCalendar file that Google, Apple and Outlook can subscribe to",
        responses: { 200: json(obj({ feed: feedAddress })), ...errors() },
      },
    },
    '/api/calendar/rotate': {
      post: {
        summary: 'Replace the calendar feed address; the old one answers 404 from now on',
        responses: { 200: json(obj({ feed: feedAddress })), ...errors(400) },
      },
    },
    '/api/sync/state': {
      get: {
        summary: "Sync: the learner's profile with its saved-at time, projects and kept postings",
        responses: { 200: json(ref('SyncState')), ...errors() },
      },
    },
    '/api/sync/events': {
      get: {
        summary: "Sync: the learner's events after a cursor, in the order they were recorded",
        parameters: [
          {
            name: 'after',
            in: 'query',
            required: false,
            schema: { type: 'string' },
            description: 'The cursor of the previous page (none: from the first event)',
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 1000, default: 500 },
          },
        ],
        responses: { 200: json(ref('SyncEventsPage')), ...errors(400) },
      },
    },
    '/api/sync': {
      post: {
        summary:
          'Sync: add events, projects and postings the learner lacks (by id) and keep the later profile; send an Idempotency-Key',
        parameters: [idempotencyKey],
        requestBody: body(ref('SyncBatch')),
        responses: { 200: json(ref('SyncReceived')), ...errors(400, 409, 413) },
      },
    },
    '/api/openapi.json': {
      get: { summary: 'This document', responses: { 200: json({ type: 'object' }) } },
    },
  };
}

/** Component schemas from the zod registry, without the per-schema `$schema`/`$id` keys. */
function componentSchemas(): Record<string, Json> {
  const generated = z.toJSONSchema(apiSchemas, {
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const schemas: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Json;
    schemas[id] = rest;
  }
  return schemas;
}

export function openApiDocument(version: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'mlpath API',
      version,
      description:
        'A dated, explained, trackable plan to machine-learning engineer. Every failure answers ' +
        "`{ error: { code, message, problems } }`. The learner is the session's (locally, the default learner).",
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    paths: paths(),
    components: { schemas: componentSchemas() },
  };
}
