/**
 * @module store/schema
 * The tables as Kysely sees them. One shape for SQLite and PostgreSQL: times and dates are ISO
 * text, JSON documents are text, every learner-owned row carries `learner_id`.
 */
import type { Generated } from 'kysely';

export interface MetaTable {
  key: string;
  value: string;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface LearnersTable {
  id: string;
  name: string;
  created_at: string;
  /** The learner's number of events, kept by a trigger on `events` (migration 8); never written by the code. */
  event_count: Generated<number>;
}

export interface ProfilesTable {
  learner_id: string;
  /** The Profile as JSON. */
  profile: string;
  updated_at: string;
}

export interface EventsTable {
  /** Insertion order; the fold sorts by `at` and breaks ties by it. */
  seq: Generated<number>;
  id: string;
  learner_id: string;
  type: string;
  at: string;
  item: string | null;
  hours: number | null;
  date: string | null;
  text: string | null;
  undoes: string | null;
}

export interface PlanSnapshotsTable {
  seq: Generated<number>;
  id: string;
  learner_id: string;
  at: string;
  /** What prompted it: `init`, `plan`, `status`, ... */
  reason: string;
  finish_date: string;
  /** The Plan as JSON. */
  plan: string;
}

export interface ProjectsTable {
  id: string;
  learner_id: string;
  template: string;
  title: string;
  created_at: string;
  repository: string | null;
  demo: string | null;
  writeup: string | null;
}

export interface PostingsTable {
  learner_id: string;
  id: string;
  title: string;
  /** The posting's text as given. */
  text: string;
  added_at: string;
}

export interface CalendarsTable {
  learner_id: string;
  /** Random and stable: part of every event UID, so UIDs never collide between learners or installs. */
  calendar_id: string;
  /** The feed's secret (null until the learner asks for the address). */
  token: string | null;
  /** SHA-256 of the token, hex: how a feed request finds its learner. */
  token_hash: string | null;
  created_at: string;
  rotated_at: string | null;
}

export interface CalendarEventsTable {
  learner_id: string;
  uid: string;
  subject: string;
  occurrence: number;
  sequence: number;
  fingerprint: string;
  /** active, cancelled or past. */
  state: string;
  /** 1 for all day, 0 for timed. */
  all_day: number;
  start_at: string;
  end_at: string;
  time_zone: string | null;
  summary: string;
  updated_at: string;
}

/** A learner's stored progress fold (core/progress foldToJson), kept next to the event log. */
export interface ProgressFoldsTable {
  learner_id: string;
  /** The store's cursor after the last event the fold covers. */
  cursor: string | null;
  /** How many events the fold covers. */
  events: number;
  /** What the fold was made against (the curriculum's items); another key means folding again. */
  fold_key: string;
  fold: string;
  updated_at: string;
}

export interface CohortsTable {
  id: string;
  name: string;
  /** study-group, bootcamp or team. */
  kind: string;
  target_date: string;
  invite_code: string;
  created_at: string;
}

export interface CohortMembersTable {
  cohort_id: string;
  learner_id: string;
  /** owner, mentor or member. */
  role: string;
  share_progress: boolean;
  share_pace: boolean;
  joined_at: string;
}

export interface IdempotencyKeysTable {
  learner_id: string;
  /** The client's `Idempotency-Key`. */
  key: string;
  /** SHA-256 (hex) of the method, path, query and body: the same key for another request is refused. */
  request_hash: string;
  status: number;
  content_type: string;
  /** The answer's body as sent. */
  response: string;
  created_at: string;
}

export interface SyncStateTable {
  learner_id: string;
  /** The server and account (`URL userId`). */
  remote: string;
  /** The local event cursor up to which every event was sent. */
  pushed_cursor: string | null;
  /** The server's event cursor up to which every event was received. */
  pulled_cursor: string | null;
  synced_at: string;
}

export interface Database {
  mlpath_meta: MetaTable;
  schema_migrations: MigrationsTable;
  learners: LearnersTable;
  profiles: ProfilesTable;
  events: EventsTable;
  plan_snapshots: PlanSnapshotsTable;
  projects: ProjectsTable;
  postings: PostingsTable;
  calendars: CalendarsTable;
  calendar_events: CalendarEventsTable;
  progress_folds: ProgressFoldsTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  idempotency_keys: IdempotencyKeysTable;
  sync_state: SyncStateTable;
}
