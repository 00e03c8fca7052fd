/**
 * @module api
 * A typed client for the mlpath HTTP API (see API.md). Every failure arrives in one error shape,
 * which becomes an `ApiError` carrying the code, the message and the fields at fault. When the
 * server cannot be reached at all the code is `NETWORK` (status 0), never one of the server's.
 */
import i18next from 'i18next';
import { TIME_ZONE_HEADER } from '../../../src/contract/headers.js';
import type { BodyOf, ResponseOf } from '../../../src/contract/routes.js';
import { dropOpeningReads, takeOpeningRead } from './opening-reads.js';

/*
 * Every answer's type is the server's: `ResponseOf` reads the route table (src/contract/routes.ts),
 * whose zod schemas the server answers by and the OpenAPI document is generated from.
 */
export type Curriculum = ResponseOf<'GET /api/curriculum'>;
/** What the roadmap draws of the curriculum; a skill's details come with `SkillDetail`. */
export type RoadmapCurriculum = ResponseOf<'GET /api/curriculum/roadmap'>;
export type RoadmapSkill = RoadmapCurriculum['skills'][number];
export type SkillDetail = ResponseOf<'GET /api/curriculum/skills/:id'>;
/** The plan as the roadmap shows it: route, skills, this week's skills. */
export type RoadmapPlan = ResponseOf<'GET /api/plan/roadmap'>;
export type ProfileResponse = ResponseOf<'GET /api/profile'>;
export type Profile = ResponseOf<'PUT /api/profile'>['profile'];
/** The body of PUT /api/profile and POST /api/plan/preview: startingPoint, the rest optional. */
export type ProfileInput = BodyOf<'PUT /api/profile'>;
export type Preview = ResponseOf<'POST /api/plan/preview'>;
export type PlanResponse = ResponseOf<'GET /api/plan'>;
export type Plan = Preview['plan'];
export type PlanWeek = Plan['weeks'][number];
export type PlanTask = PlanWeek['tasks'][number];
/** The progress summary (no events: those come a page at a time). */
export type ProgressResponse = ResponseOf<'GET /api/progress'>;
export type ProgressChanges = ResponseOf<'GET /api/progress/changes'>;
export type ProgressEventsPage = ResponseOf<'GET /api/progress/events'>;
export type ProgressEvent = ProgressEventsPage['events'][number];
export type Status = ProgressResponse['skills'][string];
export type RecordResponse = ResponseOf<'POST /api/progress/events'>;
export type UndoResponse = ResponseOf<'POST /api/progress/undo'>;
export type StatusResponse = ResponseOf<'GET /api/status'>;
export type BurnupPoint = StatusResponse['burnup'][number];
export type TodayResponse = ResponseOf<'GET /api/today'>;
/** The forecast of GET /api/status, with the finish range (p10/p50/p90 null with too little history). */
export type StatusForecast = NonNullable<StatusResponse['forecast']>;
export type TargetOutlook = NonNullable<StatusResponse['target']>;
export type StudyWarning = StatusResponse['warnings'][number];
/** GET /api/today: this week of the plan, numbered from the learner's start; hours in hours. */
export type TodayWeek = NonNullable<TodayResponse['week']>;
export type Project = ResponseOf<'GET /api/projects'>['projects'][number];
export type ProjectLinks = BodyOf<'PUT /api/projects/:id/links'>;
/** A progress event to record; `id`, made by the client, makes sending it twice harmless. */
export type EventInput = BodyOf<'POST /api/progress/events'>;
export type JobAnalysis = ResponseOf<'POST /api/jobs/analyze'>['analysis'];
export type KeptJob = ResponseOf<'GET /api/jobs'>['jobs'][number];
export type JobsPlanJson = ResponseOf<'GET /api/jobs/plan'>;
/** The calendar feed's address: `GET /calendar/<secret>.ics` needs no other credentials. */
export type CalendarFeed = ResponseOf<'GET /api/calendar'>['feed'];
export type ImportResponse = ResponseOf<'POST /api/import'>;
/** The review time the week reserves: reviews expected to its end, and their minutes. */
export type WeekReview = NonNullable<TodayResponse['review']>;
export type ReviewQueueResponse = ResponseOf<'GET /api/review'>;
/** A due card of a done skill's self-check question, with its texts and memory state. */
export type ReviewItemJson = ReviewQueueResponse['due'][number];
/** A rating to record; `id`, made by the client, makes sending it twice harmless. */
export type RatingInput = BodyOf<'POST /api/review/ratings'>;
export type SelfCheck = ResponseOf<'GET /api/self-check'>;

export interface ApiProblem {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: readonly ApiProblem[] = [],
    /** From Retry-After on a refusal (RATE_LIMITED): seconds to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Told of every 401 (no session): the app then asks the learner to sign in (see account.ts). */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type TemporalNow = { Temporal?: { Now?: { timeZoneId?: () => string } } };

/**
 * The browser's IANA time zone, from Temporal where the browser has it (the same zone, emulated ones
 * included): asking an Intl date formatter makes one first, and a page's first costs 30-100 ms in
 * Chromium under load (it loads the locale's calendar data) before the page's first reads. The head
 * script asks the same way (opening-reads.ts).
 */
export function browserTimeZone(): string | undefined {
  const now = (globalThis as TemporalNow).Temporal?.Now;
  return now?.timeZoneId ? now.timeZoneId() : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The browser's time zone as the API's time zone header, none where the browser does not say. */
function timeZoneHeader(): Record<string, string> {
  const zone = browserTimeZone();
  return zone ? { [TIME_ZONE_HEADER]: zone } : {};
}

/** A body that is already JSON text (a file as the learner chose it), sent as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  // Errors come back in the app's language, whatever the browser's.
  const init: RequestInit = {
    method,
    headers: {
      accept: 'application/json',
      'accept-language': i18next.language || document.documentElement.lang || 'en',
      // The learner's day is the browser's: the server counts "today" in this zone.
      ...timeZoneHeader(),
    },
  };
  if (body !== undefined) {
    init.body = body instanceof JsonText ? body.text : JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  // A read the page's head script started already (the same request) is taken instead of sent
  // again; a write first drops those not taken, which it may make stale.
  const early = method === 'GET' ? takeOpeningRead(path) : (dropOpeningReads(), undefined);
  let response: Response;
  try {
    response = await (early ?? fetch(path, init));
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; problems?: ApiProblem[] } } | undefined)?.error;
    if (response.status === 401) for (const listener of unauthenticatedListeners) listener();
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new ApiError(
      response.status,
      error?.code ?? 'INTERNAL',
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.problems ?? [],
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
  }
  return data as T;
}

export const api = {
  calendarFeed: () => request<ResponseOf<'GET /api/calendar'>>('GET', '/api/calendar'),
  rotateCalendarFeed: () => request<ResponseOf<'POST /api/calendar/rotate'>>('POST', '/api/calendar/rotate', {}),
  curriculum: () => request<Curriculum>('GET', '/api/curriculum'),
  roadmapCurriculum: () => request<RoadmapCurriculum>('GET', '/api/curriculum/roadmap'),
  skillDetail: (id: string) => request<SkillDetail>('GET', `/api/curriculum/skills/${encodeURIComponent(id)}`),
  profile: () => request<ProfileResponse>('GET', '/api/profile'),
  saveProfile: (body: ProfileInput) => request<ResponseOf<'PUT /api/profile'>>('PUT', '/api/profile', body),
  preview: (body: ProfileInput) => request<Preview>('POST', '/api/plan/preview', body),
  plan: () => request<PlanResponse>('GET', '/api/plan'),
  roadmapPlan: () => request<RoadmapPlan>('GET', '/api/plan/roadmap'),
  progress: () => request<ProgressResponse>('GET', '/api/progress'),
  /** What changed since the summary `version` names (or the whole summary when the server no longer holds it). */
  progressChanges: (version: string) =>
    request<ProgressChanges>('GET', `/api/progress/changes?${new URLSearchParams({ since: version }).toString()}`),
  /** The events after a cursor, a page at a time. */
  progressEvents: (after?: string, limit?: number) =>
    request<ProgressEventsPage>(
      'GET',
      `/api/progress/events?${new URLSearchParams({
        ...(after === undefined ? {} : { after }),
        ...(limit === undefined ? {} : { limit: String(limit) }),
      }).toString()}`,
    ),
  // `event` is null when nothing was recorded (a repeated skip); `logged`, the planned hours a tick logged.
  record: (event: EventInput) => request<RecordResponse>('POST', '/api/progress/events', event),
  /** Undo the last step, or the one `eventId` names (a tick takes the hours it logged with it). */
  undo: (eventId?: string) =>
    request<UndoResponse>('POST', '/api/progress/undo', eventId === undefined ? {} : { eventId }),
  status: () => request<StatusResponse>('GET', '/api/status'),
  /** Set (YYYY-MM-DD) or clear (null) the target date. */
  setTargetDate: (targetDate: string | null) =>
    request<ResponseOf<'PUT /api/profile/target-date'>>('PUT', '/api/profile/target-date', { targetDate }),
  today: () => request<TodayResponse>('GET', '/api/today'),
  review: () => request<ReviewQueueResponse>('GET', '/api/review'),
  rate: (rating: RatingInput) => request<ResponseOf<'POST /api/review/ratings'>>('POST', '/api/review/ratings', rating),
  selfCheck: () => request<SelfCheck>('GET', '/api/self-check'),
  projects: () => request<ResponseOf<'GET /api/projects'>>('GET', '/api/projects'),
  startProject: (template: string) =>
    request<ResponseOf<'POST /api/projects'>>('POST', '/api/projects', {
      template,
    } satisfies BodyOf<'POST /api/projects'>),
  tickRubric: (id: string, item: string, checked: boolean) =>
    request<ResponseOf<'POST /api/projects/:id/rubric'>>('POST', `/api/projects/${encodeURIComponent(id)}/rubric`, {
      item,
      checked,
    } satisfies BodyOf<'POST /api/projects/:id/rubric'>),
  saveLinks: (id: string, links: ProjectLinks) =>
    request<ResponseOf<'PUT /api/projects/:id/links'>>('PUT', `/api/projects/${encodeURIComponent(id)}/links`, links),
  analyzeJob: (text: string, locale: string) =>
    request<ResponseOf<'POST /api/jobs/analyze'>>('POST', '/api/jobs/analyze', { text, locale }),
  jobs: (locale: string) =>
    request<ResponseOf<'GET /api/jobs'>>('GET', `/api/jobs?locale=${encodeURIComponent(locale)}`),
  keepJob: (text: string, locale: string) =>
    request<ResponseOf<'POST /api/jobs'>>('POST', '/api/jobs', { text, locale }),
  removeJob: (id: string) =>
    request<ResponseOf<'DELETE /api/jobs/:id'>>('DELETE', `/api/jobs/${encodeURIComponent(id)}`),
  jobsPlan: (locale: string) => request<JobsPlanJson>('GET', `/api/jobs/plan?locale=${encodeURIComponent(locale)}`),
  /**
   * The backup file's text as it is: the server reads it, so a file that is not JSON is refused with
   * the line and column where it goes wrong, in the words the command line uses too.
   */
  importBackup: (text: string, merge: boolean) =>
    request<ImportResponse>('POST', `/api/import?merge=${merge}`, new JsonText(text)),
};

/*
 * Cohorts (server mode only): the answers' types are the route table's too.
 */
export type CohortList = ResponseOf<'GET /api/cohorts'>;
/** GET /api/cohorts: one of the signed-in learner's cohorts. */
export type CohortSummary = CohortList['cohorts'][number];
/** GET /api/cohorts/{id} and the cohort writes' answer. */
export type CohortResponse = ResponseOf<'GET /api/cohorts/:id'>;
export type CohortView = CohortResponse['cohort'];
/** One member as the signed-in learner may see them: only what they share (one's own row in full). */
export type CohortMember = CohortView['members'][number];
export type CohortInput = BodyOf<'POST /api/cohorts'>;
export type CohortKind = CohortInput['kind'];
export type CohortRole = CohortView['role'];
export type CohortSharing = BodyOf<'PUT /api/cohorts/:id/sharing'>;
export type CohortLeft = ResponseOf<'POST /api/cohorts/:id/leave'>;

const cohortPath = (id: string): string => `/api/cohorts/${encodeURIComponent(id)}`;

export const cohortsApi = {
  list: () => request<CohortList>('GET', '/api/cohorts'),
  get: (id: string) => request<CohortResponse>('GET', cohortPath(id)),
  create: (body: CohortInput) => request<ResponseOf<'POST /api/cohorts'>>('POST', '/api/cohorts', body),
  join: (code: string) =>
    request<ResponseOf<'POST /api/cohorts/join'>>('POST', '/api/cohorts/join', {
      code,
    } satisfies BodyOf<'POST /api/cohorts/join'>),
  share: (id: string, sharing: CohortSharing) =>
    request<ResponseOf<'PUT /api/cohorts/:id/sharing'>>('PUT', `${cohortPath(id)}/sharing`, sharing),
  leave: (id: string) => request<CohortLeft>('POST', `${cohortPath(id)}/leave`, {}),
  renewInvite: (id: string) =>
    request<ResponseOf<'POST /api/cohorts/:id/invite-code'>>('POST', `${cohortPath(id)}/invite-code`, {}),
  setRole: (id: string, member: string, role: BodyOf<'PUT /api/cohorts/:id/members/:member/role'>['role']) =>
    request<ResponseOf<'PUT /api/cohorts/:id/members/:member/role'>>(
      'PUT',
      `${cohortPath(id)}/members/${encodeURIComponent(member)}/role`,
      { role } satisfies BodyOf<'PUT /api/cohorts/:id/members/:member/role'>,
    ),
  remove: (id: string, member: string) =>
    request<ResponseOf<'DELETE /api/cohorts/:id/members/:member'>>(
      'DELETE',
      `${cohortPath(id)}/members/${encodeURIComponent(member)}`,
    ),
};

/** The URL of an export download, its text in the given language. */
export function exportUrl(format: 'ics' | 'md' | 'json', locale: string): string {
  return `/api/export?${new URLSearchParams({ format, locale }).toString()}`;
}
