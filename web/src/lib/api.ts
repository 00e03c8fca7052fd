/**
 * @module api
 * A typed client for the mlpath HTTP API (see API.md). Every failure arrives in one error shape,
 * which becomes an `ApiError` carrying the code, the message and the fields at fault. When the
 * server cannot be reached at all the code is `NETWORK` (status 0), never one of the server's.
 */
import i18next from 'i18next';
import type { Curriculum, Text } from '../../../src/core/model.js';
import type { Forecast, Plan, PlanTask, Profile, Readiness } from '../../../src/core/plan-model.js';
import type { ProgressEvent } from '../../../src/core/progress-model.js';
import type { JobAnalysis, JobsPlanJson, KeptJob } from '../../../src/core/jobs/contract.js';

export type { JobAnalysis, JobsPlanJson, KeptJob };

export type Status = 'learning' | 'done' | 'skipped';

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

/** The body of PUT /api/profile and POST /api/plan/preview: startingPoint, the rest optional. */
export type ProfileInput = Partial<Profile> & { readonly startingPoint: string };

export interface Preview {
  readonly plan: Plan;
  readonly recommendation: { readonly route: string; readonly reasons: readonly Text[] };
}

export interface ProgressStats {
  readonly totalHours: number;
  readonly hoursThisWeek: number;
  readonly streakDays: number;
  readonly hoursByWeek: readonly { readonly week: string; readonly hours: number }[];
  readonly doneByArea: Readonly<Record<string, { readonly done: number; readonly total: number }>>;
  readonly doneByStage: Readonly<Record<string, { readonly done: number; readonly total: number }>>;
}

export interface ProgressResponse {
  readonly skills: Readonly<Record<string, Status>>;
  readonly items: Readonly<Record<string, Status>>;
  readonly events: readonly ProgressEvent[];
  readonly stats: ProgressStats;
}

export interface BurnupPoint {
  readonly week: string;
  readonly doneHours: number | null;
  /** Hours logged to the end of the week, cumulative (not drawn yet). */
  readonly loggedHours?: number | null;
  readonly plannedHours: number | null;
  readonly forecastHours: number | null;
}

export interface StatusResponse {
  readonly readiness: Readiness;
  readonly forecast: Forecast | null;
  readonly burnup: readonly BurnupPoint[];
}

export interface ProjectLinks {
  readonly repo?: string;
  readonly demo?: string;
  readonly writeup?: string;
}

export interface Project {
  readonly id: string;
  readonly template: string;
  readonly title: Text;
  readonly rubric: Readonly<Record<string, boolean>>;
  readonly links: ProjectLinks;
  readonly createdAt: string;
}

/** A progress event to record; `id`, made by the client, makes sending it twice harmless. */
export type EventInput = { readonly id?: string } & (
  | { readonly type: 'started' | 'done' | 'skipped' | 'reset'; readonly item: string }
  | { readonly type: 'hours'; readonly hours: number; readonly date?: string; readonly item?: string }
  | { readonly type: 'note'; readonly text: string; readonly item?: string }
);

/** GET /api/today: this week of the plan, numbered from the learner's start; hours in hours. */
export interface TodayWeek {
  readonly number: number;
  /** First and last day, `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
  readonly off: boolean;
  readonly budgetHours: number;
  readonly loggedHours: number;
  readonly remainingHours: number;
  readonly tasks: readonly PlanTask[];
}
export interface TodayResponse {
  readonly today: string;
  /** The learner's start date is still ahead. */
  readonly beforeStart: boolean;
  readonly week: TodayWeek | null;
}

/** Told of every 401 (no session): the app then asks the learner to sign in (see account.ts). */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  // Errors come back in the app's language, whatever the browser's.
  const init: RequestInit = {
    method,
    headers: { accept: 'application/json', 'accept-language': i18next.language || 'en' },
  };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(path, init);
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
  calendarFeed: () => request<{ feed: CalendarFeed }>('GET', '/api/calendar'),
  rotateCalendarFeed: () => request<{ feed: CalendarFeed }>('POST', '/api/calendar/rotate', {}),
  curriculum: () => request<Curriculum>('GET', '/api/curriculum'),
  profile: () => request<{ profile: Profile | null }>('GET', '/api/profile'),
  saveProfile: (body: ProfileInput) => request<{ profile: Profile }>('PUT', '/api/profile', body),
  preview: (body: ProfileInput) => request<Preview>('POST', '/api/plan/preview', body),
  plan: () => request<{ plan: Plan | null; forecast: Forecast | null }>('GET', '/api/plan'),
  progress: () => request<ProgressResponse>('GET', '/api/progress'),
  // `event` is null when nothing was recorded (a repeated skip); `logged`, the planned hours a tick logged.
  record: (event: EventInput) =>
    request<{ event: ProgressEvent | null; logged: ProgressEvent | null }>('POST', '/api/progress/events', event),
  /** Undo the last step, or the one `eventId` names (a tick takes the hours it logged with it). */
  undo: (eventId?: string) =>
    request<{ event: ProgressEvent; events: ProgressEvent[]; undone: ProgressEvent[] }>(
      'POST',
      '/api/progress/undo',
      eventId === undefined ? {} : { eventId },
    ),
  status: () => request<StatusResponse>('GET', '/api/status'),
  today: () => request<TodayResponse>('GET', '/api/today'),
  projects: () => request<{ projects: Project[] }>('GET', '/api/projects'),
  startProject: (template: string) => request<{ project: Project }>('POST', '/api/projects', { template }),
  tickRubric: (id: string, item: string, checked: boolean) =>
    request<{ project: Project }>('POST', `/api/projects/${encodeURIComponent(id)}/rubric`, { item, checked }),
  saveLinks: (id: string, links: ProjectLinks) =>
    request<{ project: Project }>('PUT', `/api/projects/${encodeURIComponent(id)}/links`, links),
  analyzeJob: (text: string, locale: string) =>
    request<{ analysis: JobAnalysis }>('POST', '/api/jobs/analyze', { text, locale }),
  jobs: (locale: string) => request<{ jobs: KeptJob[] }>('GET', `/api/jobs?locale=${encodeURIComponent(locale)}`),
  keepJob: (text: string, locale: string) =>
    request<{ job: KeptJob; analysis: JobAnalysis }>('POST', '/api/jobs', { text, locale }),
  removeJob: (id: string) => request<{ removed: string }>('DELETE', `/api/jobs/${encodeURIComponent(id)}`),
  jobsPlan: (locale: string) => request<JobsPlanJson>('GET', `/api/jobs/plan?locale=${encodeURIComponent(locale)}`),
  importBackup: (backup: unknown, merge: boolean) =>
    request<{ imported: { events: number; projects: number; postings: number }; undoable: false }>(
      'POST',
      `/api/import?merge=${merge}`,
      backup,
    ),
};

/** The calendar feed's address: `GET /calendar/<secret>.ics` needs no other credentials. */
export interface CalendarFeed {
  readonly path: string;
  readonly url: string;
  readonly rotatedAt: string | null;
}

/** The URL of an export download, its text in the given language. */
export function exportUrl(format: 'ics' | 'md' | 'json', locale: string): string {
  return `/api/export?${new URLSearchParams({ format, locale }).toString()}`;
}
