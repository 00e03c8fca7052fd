/**
 * @module store
 * The one storage interface of mlpath. Two implementations share it (SQLite, the embedded
 * default, and PostgreSQL for the multi-user server), both through the same Kysely code.
 * Progress is append-only: events are added, never changed; undo is an event of its own.
 * Every record belongs to a learner, so accounts can be added without a schema change.
 */
import type { Plan, Profile } from '../core/plan-model.js';
import type { ProgressEvent } from '../core/progress-model.js';
import type { CalendarRecord } from '../core/calendar/sync.js';
import { COHORT_KINDS, COHORT_ROLES } from '../core/cohort-model.js';
import type { CohortKind, CohortRole } from '../core/cohort-model.js';

/** The id of the learner a local, single-user installation records everything under. */
export const LOCAL_LEARNER = 'local';

export interface Learner {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export const LINK_KINDS = ['repository', 'demo', 'writeup'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface ProjectLinks {
  readonly repository: string | undefined;
  readonly demo: string | undefined;
  readonly writeup: string | undefined;
}

/**
 * A portfolio project the learner took on, from one of the curriculum's project templates.
 * Its rubric ticks are `project-milestone` events (item = project id, text = rubric item id),
 * so they can be undone like any other step.
 */
export interface PortfolioProject {
  /** Unique per learner; by default the template id. */
  readonly id: string;
  readonly template: string;
  readonly title: string;
  readonly createdAt: string;
  readonly links: ProjectLinks;
}

/** A job posting the learner keeps among their target jobs; its analysis is made afresh when read. */
export interface KeptPosting {
  /** Unique per learner: derived from the text, so the same posting is kept once. */
  readonly id: string;
  /** The posting's first line (its job title, usually), for lists. */
  readonly title: string;
  /** The text as given (plain, Markdown or HTML), at most MAX_POSTING_LENGTH UTF-16 code units. */
  readonly text: string;
  readonly addedAt: string;
}

/**
 * The reason of a snapshot that only remembers a forecast shown (`mlpath status`), so the next one can
 * say where the finish was before. Such a snapshot is never the first plan.
 */
export const SHOWN_FORECAST = 'status';

export interface PlanSnapshot {
  readonly id: string;
  readonly at: string;
  /** What prompted the snapshot: `init`, `plan`, `onboarding`, ... or SHOWN_FORECAST. */
  readonly reason: string;
  readonly finishDate: string;
  readonly plan: Plan;
}

/** A fold of a learner's log kept next to it, so reading progress reads only the events since. */
export interface StoredFold {
  /** The cursor after the last event it covers (listEventsAfter); undefined: none. */
  readonly cursor: string | undefined;
  /** How many events it covers. */
  readonly events: number;
  /** What it was folded against; a reader with another key folds again. */
  readonly key: string;
  /** The fold as text (core/progress foldToJson). */
  readonly fold: string;
  readonly updatedAt: string;
}

/** Everything a learner has: what a backup holds and an import restores. */
export interface LearnerData {
  readonly profile: Profile | undefined;
  readonly events: readonly ProgressEvent[];
  readonly projects: readonly PortfolioProject[];
  readonly postings: readonly KeptPosting[];
}

export interface ImportResult {
  readonly eventsAdded: number;
  /** Events already present (same id), left as they were. */
  readonly eventsSkipped: number;
  readonly projectsAdded: number;
  readonly postingsAdded: number;
  readonly profileWritten: boolean;
}

/** A learner's calendar: the id in every event UID, and the subscription feed's secret. */
export interface CalendarFeed {
  /** Random, stable for the learner's life: UIDs never collide between learners or installations. */
  readonly calendarId: string;
  /** The feed's secret, or undefined until the learner first asks for the address. */
  readonly token: string | undefined;
  readonly createdAt: string;
  readonly rotatedAt: string | undefined;
}

export { COHORT_KINDS, COHORT_ROLES };
export type { CohortKind, CohortRole };

/** A cohort of the multi-user server: learners working toward one target date together. */
export interface Cohort {
  readonly id: string;
  readonly name: string;
  readonly kind: CohortKind;
  /** `YYYY-MM-DD`: when the cohort means to finish. */
  readonly targetDate: string;
  /** The secret that lets a learner join (in a code or an invite link). */
  readonly inviteCode: string;
  readonly createdAt: string;
}

/** What a member chooses to show the others; nothing until they choose. Notes are never shared. */
export interface CohortSharing {
  /** Skills and stages done, readiness. */
  readonly progress: boolean;
  /** Hours a week, pace, forecast finish. */
  readonly pace: boolean;
}

export interface CohortMember {
  readonly learnerId: string;
  /** The learner's (account's) name. */
  readonly name: string;
  readonly role: CohortRole;
  readonly sharing: CohortSharing;
  readonly joinedAt: string;
}

/** A stored profile with the time it was saved (the later of two profiles wins a sync). */
export interface ProfileRecord {
  readonly profile: Profile;
  readonly savedAt: string;
}

/** Events in the order they were recorded after a cursor, and the cursor after the last of them. */
export interface EventPage {
  readonly events: ProgressEvent[];
  /** The cursor after the last event returned (the one given when none were). */
  readonly cursor: string | undefined;
  /** Whether more events follow. */
  readonly more: boolean;
}

/** A write request's answer kept under its `Idempotency-Key`. */
export interface IdempotencyRecord {
  readonly key: string;
  /** SHA-256 (hex) of the request (method, path, query, body). */
  readonly requestHash: string;
  readonly status: number;
  readonly contentType: string;
  readonly response: string;
  readonly createdAt: string;
}

/** Where a local store's sync with one server account stands. */
export interface SyncCursors {
  /** The local cursor up to which every event was sent (undefined: none yet). */
  readonly pushed: string | undefined;
  /** The server's cursor up to which every event was received (undefined: none yet). */
  readonly pulled: string | undefined;
  readonly syncedAt: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for messages: a file path, or a URL without its password. */
  readonly location: string;

  /** The learner, created on first use. */
  ensureLearner(id?: string, name?: string, at?: string): Promise<Learner>;
  getLearner(id: string): Promise<Learner | undefined>;
  listLearners(): Promise<Learner[]>;

  getProfile(learnerId: string): Promise<Profile | undefined>;
  saveProfile(learnerId: string, profile: Profile, at: string): Promise<void>;

  /** Append events in one durable transaction; an id already recorded is a CONFLICT. */
  appendEvents(learnerId: string, events: readonly ProgressEvent[]): Promise<void>;
  /** All events of a learner in the order they were recorded. */
  listEvents(learnerId: string): Promise<ProgressEvent[]>;
  /** The events of the learner recorded under these ids (by the unique index on learner and id), in no set order. */
  findEvents(learnerId: string, ids: readonly string[]): Promise<ProgressEvent[]>;
  /** The number of the learner's events (0 for an unknown learner), kept with the log: one row read, whatever its length. */
  countEvents(learnerId: string): Promise<number>;
  /** The learner's stored progress fold, if one was kept. */
  getProgressFold(learnerId: string): Promise<StoredFold | undefined>;
  /** Keep the learner's progress fold (replacing one that covers fewer events; never one that covers more). */
  saveProgressFold(learnerId: string, fold: StoredFold): Promise<void>;

  /** The profile with the time it was saved. */
  getProfileRecord(learnerId: string): Promise<ProfileRecord | undefined>;
  /**
   * Up to `limit` events recorded after the cursor (from the start without one), in the order they
   * were recorded. A cursor is opaque text, meaningful only to the store that gave it.
   */
  listEventsAfter(learnerId: string, after: string | undefined, limit: number): Promise<EventPage>;
  /** The cursor after the newest event (undefined when there is none). */
  eventCursor(learnerId: string): Promise<string | undefined>;

  /** The answer kept under an idempotency key, if any. */
  findIdempotencyKey(learnerId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Keep an answer under its key; the learner's keys made before `forgetBefore` are dropped. */
  saveIdempotencyKey(learnerId: string, record: IdempotencyRecord, forgetBefore: string): Promise<void>;

  /** Where the sync with a server account (`remote`) stands, if it ever ran. */
  getSyncCursors(learnerId: string, remote: string): Promise<SyncCursors | undefined>;
  saveSyncCursors(learnerId: string, remote: string, cursors: SyncCursors): Promise<void>;

  savePlanSnapshot(learnerId: string, snapshot: PlanSnapshot): Promise<void>;
  /**
   * The learner's first plan, the baseline every forecast is measured against: the oldest snapshot
   * made from a profile. A snapshot of a shown forecast (SHOWN_FORECAST) never counts, so a learner
   * restored or synced without one keeps the plan from the profile as baseline, whatever was shown.
   */
  firstPlanSnapshot(learnerId: string): Promise<PlanSnapshot | undefined>;
  /** The newest snapshot of any reason. */
  latestPlanSnapshot(learnerId: string): Promise<PlanSnapshot | undefined>;
  /** The newest snapshot's finish date alone (what a status compares with), without reading its plan. */
  latestFinishDate(learnerId: string): Promise<string | undefined>;

  /** Add a project; an id already taken is a CONFLICT. */
  addProject(learnerId: string, project: PortfolioProject): Promise<void>;
  listProjects(learnerId: string): Promise<PortfolioProject[]>;
  /** Remove a project (its rubric events stay in the log); NOT_FOUND if there is no such project. */
  removeProject(learnerId: string, projectId: string): Promise<void>;
  /** Set (or, with undefined, clear) one link of a project; NOT_FOUND if there is no such project. */
  setProjectLink(learnerId: string, projectId: string, kind: LinkKind, url: string | undefined): Promise<void>;

  /** Keep a job posting; an id already kept is a CONFLICT. */
  addPosting(learnerId: string, posting: KeptPosting): Promise<void>;
  /** The kept postings, oldest first. */
  listPostings(learnerId: string): Promise<KeptPosting[]>;
  /** Forget a kept posting; NOT_FOUND if there is none with that id. */
  removePosting(learnerId: string, postingId: string): Promise<void>;
  /** The learner's calendar, if one was made. */
  getCalendar(learnerId: string): Promise<CalendarFeed | undefined>;
  /**
   * Create or replace the learner's calendar (its feed secret is stored with a SHA-256 digest
   * for lookups; a replaced secret no longer finds the learner).
   */
  saveCalendar(learnerId: string, calendar: CalendarFeed): Promise<void>;
  /** The learner whose feed secret has this SHA-256 digest (hex), with the stored secret. */
  findCalendarByTokenHash(tokenHash: string): Promise<{ learnerId: string; token: string } | undefined>;
  /** What was last exported per event UID (see core/calendar/sync). */
  listCalendarRecords(learnerId: string): Promise<CalendarRecord[]>;
  /** Insert or replace records by UID, in one transaction. */
  saveCalendarRecords(learnerId: string, records: readonly CalendarRecord[]): Promise<void>;

  /**
   * Cohorts (PostgreSQL only; SQLite refuses them with INVALID_INPUT). Every read and write names
   * the cohort; who may do what is the learner layer's (learner/cohorts.ts), which checks membership.
   */
  createCohort(cohort: Cohort, owner: string): Promise<void>;
  getCohort(cohortId: string): Promise<Cohort | undefined>;
  /**
   * Hold the cohort's row lock until the surrounding transaction ends (the learner's write
   * transaction of `exclusive`), so membership changes of one cohort run one after another.
   */
  lockCohort(cohortId: string): Promise<void>;
  findCohortByCode(inviteCode: string): Promise<Cohort | undefined>;
  /** The learner's cohorts with their role, oldest first. */
  listCohortsOf(learnerId: string): Promise<{ cohort: Cohort; role: CohortRole }[]>;
  /** The members, owner first, then by joining. */
  listCohortMembers(cohortId: string): Promise<CohortMember[]>;
  /** Add a member (sharing nothing); CONFLICT if already one. */
  addCohortMember(cohortId: string, learnerId: string, role: CohortRole, at: string): Promise<void>;
  /** Change a member's role or sharing; NOT_FOUND if not a member. */
  updateCohortMember(
    cohortId: string,
    learnerId: string,
    change: { role?: CohortRole; sharing?: CohortSharing },
  ): Promise<void>;
  /** Remove a member; NOT_FOUND if not a member. */
  removeCohortMember(cohortId: string, learnerId: string): Promise<void>;
  /** Delete a cohort with its memberships. */
  deleteCohort(cohortId: string): Promise<void>;
  setCohortInviteCode(cohortId: string, inviteCode: string): Promise<void>;

  /** Everything of a learner, read in one transaction (a consistent backup). */
  exportData(learnerId: string): Promise<LearnerData>;
  /**
   * Restore a backup in one transaction: into a learner with no data, or with `merge` into one
   * that has some (events de-duplicated by id, projects and postings by id, the stored profile kept).
   * Without `merge`, a learner with data is a CONFLICT and nothing is written.
   */
  importData(learnerId: string, data: LearnerData, options: { merge: boolean; at: string }): Promise<ImportResult>;

  /**
   * Run `fn` holding this learner's lock, with a store bound to one write transaction: every read
   * and write `fn` makes through the store it is given sees one state and commits together (or,
   * if `fn` throws, not at all). Concurrent calls for one learner run one after another, in this
   * process (an in-process lock) and across processes and servers (SQLite's write lock,
   * PostgreSQL's transaction advisory lock on the learner). Calls made through the bound store run
   * in the same transaction; calling `exclusive` on it again just runs `fn`.
   * @throws MlpathError UNAVAILABLE when the lock is not granted within the lock timeout.
   */
  exclusive<T>(learnerId: string, fn: (store: Store) => Promise<T>): Promise<T>;

  /**
   * A token that changes whenever the database may have changed (any write, by this connection or
   * another), read without touching any table, so a reader can keep what it derived while the token
   * stays; undefined where no such token is cheap (PostgreSQL): read the state itself there.
   */
  changeToken(): Promise<string | undefined>;

  /** Whether the database answers one trivial query. @throws MlpathError UNAVAILABLE or STORAGE. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
