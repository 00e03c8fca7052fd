/**
 * @module contract/progress-summary
 * GET /api/progress answers a summary of the learner's progress (statuses, statistics, the number
 * of events and the cursor of the latest), not the event log: the events come a page at a time from
 * GET /api/progress/events. A client that holds a summary asks GET /api/progress/changes?since=VERSION
 * after a change and gets only what differs (`progressChanges`), which it applies to its copy
 * (`applyProgressChanges`, in progress-changes.ts without zod, so the web app can load it alone):
 * both ends use these two functions, so a patched copy equals the summary.
 */
import { z } from 'zod';
import { DoneOfTotal } from './api.js';
import { apiSchemas, coded, limitParam } from './common.js';
import { ProgressEvent } from './events.js';
import { LIMITS } from './limits.js';

/** The most events one page of GET /api/progress/events carries, and the page a client gets without asking. */
export const PROGRESS_EVENTS_PAGE = { max: LIMITS.eventsPage, default: LIMITS.eventsPageDefault } as const;

const Status = z.enum(['learning', 'done', 'skipped']);
const Share = z.number().min(0).max(1);
const WeekHours = z.object({ week: z.string(), hours: z.number() });
/** An event cursor: opaque to clients; this server's are digits. */
const Cursor = z.string().regex(/^\d{1,15}$/, { error: coded('contract.cursor') });

const SummaryStats = z.object({
  totalHours: z.number(),
  hoursThisWeek: z.number(),
  streakDays: z.number().int(),
  hoursByWeek: z.array(WeekHours),
  skillsDone: DoneOfTotal.describe('Done of the skills in the learner’s plan.'),
  curriculumSkills: DoneOfTotal.describe('Done of every skill in the curriculum.'),
  doneByArea: z.record(z.string(), DoneOfTotal),
  doneByStage: z.record(z.string(), DoneOfTotal),
});

const EventsSummary = z.object({
  count: z.number().int().describe('Events recorded (undo events included)'),
  cursor: Cursor.nullable().describe(
    'The latest event’s cursor: GET /api/progress/events?after= it gives what comes later',
  ),
});

export const ProgressSummarySchema = z
  .object({
    version: z.string().describe('Names this summary (its ETag, unquoted): send it as `since` for the changes'),
    skills: z.record(z.string(), Status),
    partial: z.record(z.string(), Share),
    items: z.record(z.string(), Status),
    doneOn: z
      .record(z.string(), z.string())
      .describe('Items done: the day (YYYY-MM-DD, of its recording instant) of the latest `done` event of each'),
    events: EventsSummary,
    stats: SummaryStats,
  })
  .register(apiSchemas, {
    id: 'ProgressSummary',
    description:
      'Skill statuses by the one progress model (marked, known at the start, or every planned unit teaching it done); `partial` is the share of planned hours done of skills begun. The events themselves: GET /api/progress/events.',
  });
export type ProgressSummary = z.output<typeof ProgressSummarySchema>;

/** A record's changes: a key's new value, or null for a key gone. */
const changed = <T extends z.ZodType>(value: T) => z.record(z.string(), value.nullable());

const ProgressPatch = z.object({
  skills: changed(Status),
  partial: changed(Share),
  items: changed(Status),
  doneOn: changed(z.string()),
  events: EventsSummary,
  stats: z.object({
    totalHours: z.number().optional(),
    hoursThisWeek: z.number().optional(),
    streakDays: z.number().int().optional(),
    hoursByWeek: z.array(WeekHours).optional(),
    skillsDone: DoneOfTotal.optional(),
    curriculumSkills: DoneOfTotal.optional(),
    doneByArea: changed(DoneOfTotal),
    doneByStage: changed(DoneOfTotal),
  }),
});
export type ProgressPatch = z.output<typeof ProgressPatch>;

export const ProgressChangesSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('changes'), since: z.string(), version: z.string(), changes: ProgressPatch }),
    z.object({ kind: z.literal('full'), summary: ProgressSummarySchema }),
  ])
  .register(apiSchemas, {
    id: 'ProgressChanges',
    description:
      'What differs from the summary `since` names (`kind: changes`; unchanged keys are left out), or the whole summary when this server no longer holds that one (`kind: full`).',
  });
export type ProgressChanges = z.output<typeof ProgressChangesSchema>;

export const ProgressChangesQuery = z.object({
  since: z
    .string()
    .min(1, { error: coded('contract.since') })
    .max(64, { error: coded('contract.since') })
    .describe('The `version` of the summary the client holds'),
});

export const ProgressEventsQuery = z.object({
  after: Cursor.optional().describe('A cursor from a page or the summary; absent: from the first event'),
  limit: limitParam(PROGRESS_EVENTS_PAGE.max)
    .optional()
    .describe(`At most this many events (default ${PROGRESS_EVENTS_PAGE.default})`),
});

export const ProgressEventsPageSchema = z
  .object({ events: z.array(ProgressEvent), cursor: Cursor.nullable(), more: z.boolean() })
  .register(apiSchemas, {
    id: 'ProgressEventsPage',
    description: 'Events in the order they were recorded; `cursor` goes in `after` for the next page.',
  });
