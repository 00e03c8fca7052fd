/**
 * @module contract/routes
 * Every HTTP route in one table: its request (path parameters, query, body) and its answer, as the
 * contract's zod schemas. The OpenAPI document's paths are generated from it (server/openapi.ts),
 * the web client's types are read from it (`ResponseOf<'GET /api/plan'>`), and a test checks that
 * every route the Hono app registers has its row here (server/openapi.test.ts).
 *
 * To add a route: register it on the app, add its row here (key `METHOD /path` with Hono's `:param`
 * syntax), and give any new schema to the contract; see docs/server.md.
 */
import { z } from 'zod';
import {
  CurriculumSchema,
  SelfCheckSchema,
  ExportQuery,
  ForecastSchema,
  ImportQuery,
  JobAnalysisSchema,
  JobLocaleQuery,
  JobsPlanSchema,
  JobTextInput,
  KeptJobSchema,
  LinksInput,
  PlanSchema,
  RoadmapCurriculumSchema,
  RoadmapPlanSchema,
  SkillDetailSchema,
  ProjectInput,
  ProjectSchema,
  ReviewCardSchema,
  ReviewQuery,
  ReviewQueueSchema,
  ReviewRatingInput,
  RubricInput,
  ServerModeSchema,
  StatusSchema,
  SyncBatchInput,
  SyncEventsPageSchema,
  SyncEventsQuery,
  SyncReceivedSchema,
  SyncStateSchema,
  TextSchema,
  StudyWarningSchema,
  TargetOutlookSchema,
  TodaySchema,
} from './api.js';
import { Backup } from './backup.js';
import {
  CohortInput,
  CohortJoinInput,
  CohortLeftSchema,
  CohortListSchema,
  CohortRoleInput,
  CohortSharingInput,
  CohortViewSchema,
} from './cohorts.js';
import { apiSchemas } from './common.js';
import { ProgressEvent, ProgressEventInput, UndoInput } from './events.js';
import {
  ProgressChangesQuery,
  ProgressChangesSchema,
  ProgressEventsPageSchema,
  ProgressEventsQuery,
  ProgressSummarySchema,
} from './progress-summary.js';
import { Profile, ProfileInput, TargetDateInput } from './profile.js';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How much of a request body a route reads (server/body-limits.ts holds the byte counts). */
export type BodyLimit = 'api' | 'jobs' | 'import' | 'sync' | 'auth';

export interface RouteContract {
  readonly summary: string;
  /** Path parameters (`:id` in the key): their descriptions. */
  readonly params?: Readonly<Record<string, string>>;
  /** The query, as a zod object of optional or defaulted strings. */
  readonly query?: z.ZodObject;
  /** The JSON body; `bodyOptional` when an empty body is taken as `{}`. */
  readonly body?: z.ZodType;
  readonly bodyOptional?: boolean;
  /** The body limit this route reads under (default `api` for routes with a body). */
  readonly bodyLimit?: BodyLimit;
  /** The 200 answer as JSON; absent for a route that answers a file (`files`). */
  readonly response?: z.ZodType;
  /** Media types of a file answer. */
  readonly files?: readonly string[];
  /** Error statuses besides 500 and 503 (the error shape is ErrorSchema). */
  readonly errors?: readonly number[];
  /** What an error status means on this route, where the general description does not say it. */
  readonly errorNotes?: Readonly<Record<number, string>>;
  /** Other answers: status → description (and a JSON schema when the answer has a body). */
  readonly other?: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
  /** Needs no learner session in server mode. */
  readonly open?: boolean;
  /** Exists on the multi-user server only (with accounts): the document lists it only there. */
  readonly serverOnly?: boolean;
  /** The group the document files it under (`tags`). */
  readonly tag?: string;
}

const regionToConfirm = z
  .string()
  .optional()
  .describe(
    "Present while the profile has no region and the curriculum suggests one for its locale (cn for zh-CN): ask the learner, and send `region` only with their answer (or 'none').",
  );

export const HealthSchema = z
  .object({
    ok: z.boolean(),
    version: z.string(),
    database: z.object({ kind: z.enum(['sqlite', 'postgres']), status: z.enum(['ok', 'unavailable']) }),
  })
  .register(apiSchemas, { id: 'Health' });

const FeedAddress = z
  .object({
    path: z.string().describe('/calendar/<secret>.ics'),
    url: z.string().describe('The path on the address this request reached'),
    rotatedAt: z.string().nullable().describe('When the address last changed (ISO), or null'),
  })
  .register(apiSchemas, { id: 'CalendarFeed' });

const projectId = { id: 'A project id' } as const;
const cohortId = { id: 'A cohort id' } as const;
const cohortMember = { ...cohortId, member: "A member's learner id" } as const;
/** Cohorts join learners together: the multi-user server only (the embedded store holds one learner). */
const cohortRoute = {
  serverOnly: true,
  tag: 'cohorts',
  errorNotes: {
    403: 'Not for your role in the cohort (FORBIDDEN)',
    404: 'No such cohort among yours (NOT_FOUND): the same answer whether it exists or not',
  },
} as const;

/** The routes, keyed `METHOD /path` as the Hono app registers them. */
export const API_ROUTES = {
  'GET /api/health': {
    summary: 'Liveness, version and the database: 200 when it answers, 503 when it is unavailable',
    response: HealthSchema,
    other: { 503: { description: 'The database is unavailable', schema: HealthSchema } },
    open: true,
  },
  'GET /api/mode': {
    summary: 'Local or multi-user mode; in multi-user mode, whether sign-up is open and the password lengths',
    response: ServerModeSchema,
    open: true,
  },
  'GET /api/curriculum': {
    summary: 'The normalized curriculum (with an ETag; If-None-Match answers 304)',
    response: CurriculumSchema,
    other: { 304: { description: 'Not modified' } },
    open: true,
  },
  'GET /api/curriculum/roadmap': {
    summary:
      "What the roadmap page draws of the curriculum: skills (id, area, title, required skills), stages and routes' stages (with an ETag)",
    response: RoadmapCurriculumSchema,
    other: { 304: { description: 'Not modified' } },
    open: true,
  },
  'GET /api/curriculum/skills/:id': {
    summary: 'One skill whole and the resources that teach it, for its panel (with an ETag)',
    params: {
      id: 'A skill id, an old id of it (alias) or another spelling, as the CLI reads them; the answer names the skill by its id today',
    },
    response: SkillDetailSchema,
    other: { 304: { description: 'Not modified' } },
    errors: [404],
    open: true,
  },
  'GET /api/self-check': {
    summary: "The self-check questions the web's placement check asks (with an ETag; If-None-Match answers 304)",
    response: SelfCheckSchema,
    other: { 304: { description: 'Not modified' } },
    open: true,
  },
  'GET /api/openapi.json': {
    summary: 'This document',
    response: z.record(z.string(), z.unknown()),
    open: true,
  },
  'GET /calendar/:file': {
    summary:
      'The calendar feed (`<secret>.ics`): an iCalendar file that Google, Apple and Outlook can subscribe to; its secret address is its only key',
    params: { file: 'The secret of the feed address, then `.ics`' },
    files: ['text/calendar'],
    errors: [404],
    open: true,
  },
  'GET /api/profile': {
    summary: "The learner's profile (null before onboarding)",
    response: z.object({ profile: Profile.nullable(), regionToConfirm }),
  },
  'PUT /api/profile': {
    summary: 'Store the profile (the plan is re-made)',
    body: ProfileInput,
    response: z.object({ profile: Profile, regionToConfirm }),
    errors: [400, 404, 413, 422],
  },
  'PUT /api/profile/target-date': {
    summary: 'Set or clear the target date; answers what it needs and the warnings',
    body: TargetDateInput,
    response: z.object({
      profile: Profile,
      target: TargetOutlookSchema.nullable(),
      warnings: z.array(StudyWarningSchema),
    }),
    errors: [400, 404, 413],
  },
  'POST /api/plan/preview': {
    summary: 'Plan from a profile without saving it (onboarding)',
    body: ProfileInput,
    response: z.object({
      plan: PlanSchema,
      recommendation: z.object({ route: z.string(), reasons: z.array(TextSchema) }),
      regionToConfirm,
    }),
    errors: [400, 404, 413, 422],
  },
  'GET /api/plan': {
    summary: 'The plan, re-made from progress and today (with an ETag)',
    response: z.object({ plan: PlanSchema.nullable(), forecast: ForecastSchema.nullable() }),
    other: { 304: { description: 'Not modified' } },
    errors: [422],
  },
  'GET /api/plan/roadmap': {
    summary: "The plan as the roadmap shows it: its route, its skills and this week's skills (with an ETag)",
    response: RoadmapPlanSchema,
    other: { 304: { description: 'Not modified' } },
    errors: [422],
  },
  'GET /api/progress': {
    summary:
      'Progress: statuses, statistics, the number of events and the latest cursor (with an ETag); the events: GET /api/progress/events',
    response: ProgressSummarySchema,
    other: { 304: { description: 'Not modified' } },
  },
  'GET /api/progress/changes': {
    summary: 'What changed in the progress summary since the version the client holds (or the whole summary)',
    query: ProgressChangesQuery,
    response: ProgressChangesSchema,
    errors: [400],
  },
  'GET /api/progress/events': {
    summary: 'The events after a cursor, a page at a time, in the order they were recorded',
    query: ProgressEventsQuery,
    response: ProgressEventsPageSchema,
    errors: [400],
  },
  'POST /api/progress/events': {
    summary:
      "Record a progress event (a tick also logs what the task's estimate leaves after the hours logged so far, unless logPlannedHours is false)",
    body: ProgressEventInput,
    // `event` is null when nothing was recorded (skipping what is skipped); `logged`, the planned hours a tick logged.
    response: z.object({ event: ProgressEvent.nullable(), logged: ProgressEvent.nullable() }),
    errors: [400, 404, 409, 413],
  },
  'POST /api/progress/undo': {
    summary: 'Undo a step (by default the latest) by appending undo events; a tick takes its logged hours with it',
    body: UndoInput,
    bodyOptional: true,
    response: z.object({ event: ProgressEvent, events: z.array(ProgressEvent), undone: z.array(ProgressEvent) }),
    errors: [400, 404, 409, 413],
  },
  'GET /api/review': {
    summary: 'The cards due now (self-check questions of done skills) and recall per skill',
    query: ReviewQuery,
    response: ReviewQueueSchema,
    errors: [400],
  },
  'POST /api/review/ratings': {
    summary: 'Rate one card (again, hard, good, easy); recorded as a reviewed event',
    body: ReviewRatingInput,
    response: z.object({ event: ProgressEvent, card: ReviewCardSchema }),
    errors: [400, 404, 413],
  },
  'GET /api/status': {
    summary:
      'Readiness, forecast and burn-up; the finish date shown is remembered (as `mlpath status` does) for the next status’s previousFinishDate',
    response: StatusSchema,
    errors: [422],
  },
  'GET /api/today': {
    summary: 'The current calendar week: its budget, hours logged and what remains of the plan in it',
    response: TodaySchema,
    errors: [422],
  },
  'GET /api/projects': {
    summary: 'Portfolio projects',
    response: z.object({ projects: z.array(ProjectSchema) }),
  },
  'POST /api/projects': {
    summary: 'Start a project from a template',
    body: ProjectInput,
    response: z.object({ project: ProjectSchema }),
    errors: [400, 404, 409, 413],
  },
  'DELETE /api/projects/:id': {
    summary: 'Remove a project (undo brings it back)',
    params: projectId,
    response: z.object({ removed: z.string() }),
    errors: [400, 404],
  },
  'POST /api/projects/:id/rubric': {
    summary: 'Tick or untick a rubric item',
    params: projectId,
    body: RubricInput,
    response: z.object({ project: ProjectSchema }),
    errors: [400, 404, 413],
  },
  'PUT /api/projects/:id/links': {
    summary: "Set a project's links (https URLs)",
    params: projectId,
    body: LinksInput,
    response: z.object({ project: ProjectSchema }),
    errors: [400, 404, 413],
  },
  'GET /api/export': {
    summary: 'Download the plan (ics), progress (md) or a full backup (json)',
    query: ExportQuery,
    files: ['text/calendar', 'text/markdown', 'application/json'],
    errors: [400, 404],
  },
  'POST /api/import': {
    summary: 'Restore a JSON backup (not a step of the log: undo cannot take it back)',
    query: ImportQuery,
    body: Backup,
    bodyLimit: 'import',
    response: z.object({
      imported: z.object({ events: z.number().int(), projects: z.number().int(), postings: z.number().int() }),
      undoable: z.literal(false),
      /** Ids the backup's events name that this curriculum lacks: kept, counted toward nothing. */
      unknownItems: z.array(z.string()),
    }),
    errors: [400, 409],
  },
  'POST /api/jobs/analyze': {
    summary: "Read a job posting against the learner's progress: skills with spans, role, seniority, readiness, gaps",
    body: JobTextInput,
    bodyLimit: 'jobs',
    response: z.object({ analysis: JobAnalysisSchema }),
    errors: [400, 413],
  },
  'GET /api/jobs': {
    summary: 'The kept postings ("my target jobs"), each read against today\'s progress',
    query: JobLocaleQuery,
    response: z.object({ jobs: z.array(KeptJobSchema) }),
    errors: [400],
  },
  'POST /api/jobs': {
    summary: 'Keep a posting among the target jobs (nothing is stored when the text cannot be read)',
    body: JobTextInput,
    bodyLimit: 'jobs',
    response: z.object({ job: KeptJobSchema, analysis: JobAnalysisSchema }),
    errors: [400, 409, 413],
  },
  'GET /api/jobs/plan': {
    summary: "Plan toward the union of the kept postings' gaps, and how the finish date moves",
    query: JobLocaleQuery,
    response: JobsPlanSchema,
    errors: [400, 404, 422],
  },
  'DELETE /api/jobs/:id': {
    summary: 'Forget a kept posting',
    params: { id: 'A kept posting id' },
    response: z.object({ removed: z.string() }),
    errors: [404],
  },
  'GET /api/calendar': {
    summary:
      "The learner's calendar feed address (made on first request): GET it with no other credentials for an iCalendar file that Google, Apple and Outlook can subscribe to",
    response: z.object({ feed: FeedAddress }),
  },
  'GET /api/sync/state': {
    summary: "Sync: the learner's profile with its saved-at time, projects and kept postings",
    response: SyncStateSchema,
  },
  'GET /api/sync/events': {
    summary: "Sync: the learner's events after a cursor, in the order they were recorded",
    query: SyncEventsQuery,
    response: SyncEventsPageSchema,
    errors: [400],
  },
  'POST /api/sync': {
    summary:
      'Sync: add events, projects and postings the learner lacks (by id) and keep the later profile; send an Idempotency-Key',
    body: SyncBatchInput,
    bodyLimit: 'sync',
    response: SyncReceivedSchema,
    errors: [400, 409, 413],
  },
  'POST /api/calendar/rotate': {
    summary: 'Replace the calendar feed address; the old one answers 404 from now on',
    response: z.object({ feed: FeedAddress }),
    errors: [400],
  },
  'GET /api/cohorts': {
    summary: 'The cohorts the signed-in learner is in',
    response: CohortListSchema,
    ...cohortRoute,
  },
  'POST /api/cohorts': {
    summary: 'Create a cohort (study group, bootcamp or team) with a target date; you are its owner',
    body: CohortInput,
    response: CohortViewSchema,
    errors: [400, 413],
    ...cohortRoute,
  },
  'POST /api/cohorts/join': {
    summary: 'Join with an invite code or link; you share nothing until you choose',
    body: CohortJoinInput,
    response: CohortViewSchema,
    errors: [400, 404, 409, 413],
    ...cohortRoute,
  },
  'GET /api/cohorts/:id': {
    summary: 'A cohort: each member’s row holds only what they share (never notes)',
    params: cohortId,
    response: CohortViewSchema,
    errors: [404],
    ...cohortRoute,
  },
  'PUT /api/cohorts/:id/sharing': {
    summary: 'Choose what the others see of you: progress, pace',
    params: cohortId,
    body: CohortSharingInput,
    response: CohortViewSchema,
    errors: [400, 404, 413],
    ...cohortRoute,
  },
  'POST /api/cohorts/:id/leave': {
    summary: 'Leave; an owner hands the cohort to a mentor (else a member); the last one out deletes it',
    params: cohortId,
    response: CohortLeftSchema,
    errors: [404],
    ...cohortRoute,
  },
  'POST /api/cohorts/:id/invite-code': {
    summary: 'Renew the invite code (owner or mentor); the old one stops working',
    params: cohortId,
    response: CohortViewSchema,
    errors: [403, 404],
    ...cohortRoute,
  },
  'PUT /api/cohorts/:id/members/:member/role': {
    summary: 'Make a member a mentor, or a mentor a member (owner only)',
    params: cohortMember,
    body: CohortRoleInput,
    response: CohortViewSchema,
    errors: [400, 403, 404, 413],
    ...cohortRoute,
  },
  'DELETE /api/cohorts/:id/members/:member': {
    summary: 'Remove a member (owner only)',
    params: cohortMember,
    response: CohortViewSchema,
    errors: [403, 404],
    ...cohortRoute,
  },
} as const satisfies Record<string, RouteContract>;

export type RouteKey = keyof typeof API_ROUTES;

type WithResponse = { [K in RouteKey]: (typeof API_ROUTES)[K] extends { response: z.ZodType } ? K : never }[RouteKey];
type WithBody = { [K in RouteKey]: (typeof API_ROUTES)[K] extends { body: z.ZodType } ? K : never }[RouteKey];

/** The JSON a route answers with (200). */
export type ResponseOf<K extends WithResponse> = (typeof API_ROUTES)[K] extends { response: infer S extends z.ZodType }
  ? z.output<S>
  : never;
/** The JSON body a client sends to a route. */
export type BodyOf<K extends WithBody> = (typeof API_ROUTES)[K] extends { body: infer S extends z.ZodType }
  ? z.input<S>
  : never;

/** A route key split into its method and path. */
export function splitRouteKey(key: string): { method: string; path: string } {
  const space = key.indexOf(' ');
  return { method: key.slice(0, space), path: key.slice(space + 1) };
}

/** Hono's `/api/projects/:id` as OpenAPI's `/api/projects/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

/** Each row's method and path as a pattern; rows with fewer `:param` parts first, so a literal path wins. */
const ROUTE_PATTERNS: readonly { method: string; pattern: RegExp; key: RouteKey; route: RouteContract }[] = (
  Object.entries(API_ROUTES) as [RouteKey, RouteContract][]
)
  .map(([key, route]) => {
    const { method, path } = splitRouteKey(key);
    const params = path.split(':').length - 1;
    return { method, pattern: new RegExp(`^${path.replace(/:[A-Za-z_]\w*/g, '[^/]+')}$`), key, route, params };
  })
  .sort((a, b) => a.params - b.params)
  .map(({ method, pattern, key, route }) => ({ method, pattern, key, route }));

/**
 * The row of the table a request falls under, by its method (HEAD reads as GET) and path, or
 * undefined (an account route, a path the API does not have).
 */
export function routeOf(method: string, path: string): { key: RouteKey; route: RouteContract } | undefined {
  const asked = method === 'HEAD' ? 'GET' : method;
  const row = ROUTE_PATTERNS.find((r) => r.method === asked && r.pattern.test(path));
  return row && { key: row.key, route: row.route };
}
