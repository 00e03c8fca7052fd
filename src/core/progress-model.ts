/**
 * @module progress-model
 * Progress is an append-only log of events; state is a fold over them. Nothing is updated in
 * place: "undo" appends an event that cancels an earlier one.
 */

/** The longest note (characters) a learner may keep: the log, the API and the backup hold the same limit. */
export const MAX_NOTE_LENGTH = 10_000;
/** The most hours one log entry may hold (a day). */
export const MAX_HOURS_PER_ENTRY = 24;
/** The most hours a day may hold, summed over the entries logged for it (a tick's planned hours aside). */
export const MAX_HOURS_PER_DAY = 24;
/**
 * The id of the hours a tick logged: the tick's id with this suffix, so an undo finds it. Such an
 * entry holds the task's planned hours, which may be more than a day's.
 */
export const TICK_HOURS_SUFFIX = ':planned-hours';
/**
 * The longest text any event holds. A `project-change` keeps a project before and after as JSON;
 * two projects at the id, title and link limits (core/planner/profile.ts), every character
 * JSON-escaped, stay well within it.
 */
export const MAX_EVENT_TEXT_LENGTH = 64_000;

export const EVENT_TYPES = [
  'started',
  'done',
  'skipped',
  'reset',
  'hours',
  'note',
  'project-milestone',
  'project-change',
  'reviewed',
  'undo',
] as const;
export type ProgressEventType = (typeof EVENT_TYPES)[number];

export interface ProgressEvent {
  /** Globally unique and stable (a UUID), so merges de-duplicate by id. */
  readonly id: string;
  readonly type: ProgressEventType;
  /** When it was recorded, an ISO instant. */
  readonly at: string;
  /**
   * The item: a skill id, a resource id, or `resourceId/unitId`; for project milestones the
   * project id; for `reviewed`, the card `skill/question`. Ids, never layout ids; an old skill id
   * follows the skill's `aliases`.
   */
  readonly item: string | undefined;
  /** Decimal hours, for `hours` events. */
  readonly hours: number | undefined;
  /** The day the hours were spent, `YYYY-MM-DD`, for `hours` events. */
  readonly date: string | undefined;
  /**
   * Free text for notes; the milestone or rubric item for project milestones; for a
   * `project-change` (a project added, removed or its links set) the project before and after, as
   * JSON `{ "before": project | null, "after": project | null }`, so an undo can put it back; for
   * `reviewed`, the rating (again, hard, good, easy).
   */
  readonly text: string | undefined;
  /** For `undo`: the id of the event it cancels. */
  readonly undoes: string | undefined;
}
