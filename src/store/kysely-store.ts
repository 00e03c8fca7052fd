/**
 * @module store/kysely-store
 * The Store over Kysely: the same queries for SQLite and PostgreSQL. Writes that touch more
 * than one row run in one explicit transaction (`BEGIN IMMEDIATE` on SQLite, so a writer waits
 * for the lock up front instead of failing half-way).
 */
import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import { codedProblem, MlpathError } from '../core/errors.js';
import type { MessageParams } from '../core/errors.js';
import type { Plan, Profile } from '../core/plan-model.js';
import type { ProgressEvent, ProgressEventType } from '../core/progress-model.js';
import { faultFor, sqliteFault } from './faults.js';
import type { StoreFault } from './faults.js';
import type { Dialect } from './migrations.js';
import type { CohortsTable, Database, EventsTable, PostingsTable, ProjectsTable } from './schema.js';
import { LOCAL_LEARNER, SHOWN_FORECAST } from './store.js';
import type {
  StoredFold,
  CalendarFeed,
  Cohort,
  CohortKind,
  CohortMember,
  CohortRole,
  CohortSharing,
  EventPage,
  IdempotencyRecord,
  ImportResult,
  KeptPosting,
  Learner,
  LearnerData,
  LinkKind,
  PlanSnapshot,
  PortfolioProject,
  ProfileRecord,
  Store,
  SyncCursors,
} from './store.js';
import type { CalendarRecord } from '../core/calendar/sync.js';
import { createHash } from 'node:crypto';

type Db = Kysely<Database>;

/** A call of `exclusive` waiting for its turn. */
interface Queued {
  readonly fn: (store: Store) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}
/** One learner's queue of `exclusive` calls, and whether a transaction is working through it. */
interface Group {
  readonly waiting: Queued[];
  running: boolean;
}
/** At most this many calls share one transaction (and wait for its commit). */
export const GROUP_LIMIT = 64;

/**
 * The next call of a group: one waiting, or else one that arrives in the current turn of the event
 * loop (requests read from their sockets at the same time as the last call ran reach the queue only
 * then: better-sqlite3 runs every statement within the turn). Undefined when none came.
 */
async function nextCall(group: Group): Promise<Queued | undefined> {
  if (group.waiting.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  return group.waiting.shift();
}

/** The first key of the PostgreSQL advisory lock on a learner (the second is the hash of its id). */
export const LEARNER_LOCK_CLASS = 70_219;

export class KyselyStore implements Store {
  readonly kind: Dialect;
  readonly location: string;
  readonly #db: Db;
  readonly #onClose: () => Promise<void>;
  /** True for the store `exclusive` hands out: `#db` is one connection inside an open transaction. */
  readonly #bound: boolean;
  /** Each learner's calls of `exclusive` waiting for their group's transaction (see #commitGroup). */
  readonly #groups = new Map<string, Group>();
  /** Reads the change token (see Store.changeToken); SQLite sets it when it opens the file. */
  #changes: (() => string) | undefined;
  /** Set when the store was opened read-only (a damaged file, a read-only folder): every write is refused with it. */
  #refusal: StoreFault | undefined;
  /** A check still owed before the first write (see `checkBeforeWriting`). */
  #owed: (() => StoreFault | undefined) | undefined;

  constructor(
    db: Db,
    kind: Dialect,
    location: string,
    onClose: () => Promise<void>,
    bound = false,
    refusal?: StoreFault,
  ) {
    this.#db = db;
    this.kind = kind;
    this.location = location;
    this.#onClose = onClose;
    this.#bound = bound;
    this.#refusal = refusal;
  }

  /** Refuse every write from now on with `fault` (the store is read-only: reads still work). */
  refuseWrites(fault: StoreFault): void {
    this.#refusal = fault;
  }

  /** Why this store refuses writes, if it does. */
  get writeRefusal(): StoreFault | undefined {
    return this.#refusal;
  }

  /**
   * Run `check` before this store's first write (or when `settleChecks` is called), once: the fault
   * it returns refuses that write and every later one. SQLite opened for a command defers its
   * integrity check to here, so a command that only reads does not pay for it.
   */
  checkBeforeWriting(check: () => StoreFault | undefined): void {
    this.#owed = check;
  }

  /** Run the check owed before writing now, if one is; the fault it found, or the one the store already had. */
  settleChecks(): StoreFault | undefined {
    const check = this.#owed;
    this.#owed = undefined;
    const fault = check?.();
    if (fault) this.#refusal = fault;
    return this.#refusal;
  }

  #checkWritable(): void {
    if (this.#owed) this.settleChecks();
    if (this.#refusal) throw this.#refusal;
  }

  /** Run `fn` in one write transaction on one connection (inside `exclusive`, in its transaction). */
  async transaction<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    this.#checkWritable();
    if (this.#bound) return storageErrors(this.location, () => fn(this.#db));
    return this.#run(this.kind === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN', fn);
  }

  /** Run `fn` in one read-only transaction: every read sees the same snapshot. */
  async readTransaction<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    if (this.#bound) return storageErrors(this.location, () => fn(this.#db));
    return this.#run(this.kind === 'sqlite' ? 'BEGIN' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn);
  }

  async exclusive<T>(learnerId: string, fn: (store: Store) => Promise<T>): Promise<T> {
    if (this.#bound) return fn(this);
    this.#checkWritable();
    return new Promise<T>((resolve, reject) => {
      let group = this.#groups.get(learnerId);
      if (!group) {
        group = { waiting: [], running: false };
        this.#groups.set(learnerId, group);
      }
      group.waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!group.running) void this.#drain(learnerId, group);
    });
  }

  /** Run a learner's queued calls, a group per transaction, until none is left. */
  async #drain(learnerId: string, group: Group): Promise<void> {
    group.running = true;
    try {
      while (group.waiting.length > 0) await this.#commitGroup(learnerId, group);
    } finally {
      group.running = false;
      if (this.#groups.get(learnerId) === group) this.#groups.delete(learnerId);
    }
  }

  /**
   * Group commit: one transaction runs the queued calls in turn (a call queued while it runs, or in
   * the same turn of the event loop as its last call, joins it, up to GROUP_LIMIT), each after the writes of the one before, each but the first under a
   * savepoint of its own so that one failing call is rolled back alone; one commit makes them all
   * durable, and only then is any of them answered. A failing first call rolls back the transaction
   * (nothing else is in it yet) and the rest go on in the next one.
   */
  async #commitGroup(learnerId: string, group: Group): Promise<void> {
    const members: { call: Queued; value: unknown }[] = [];
    const failed: { call: Queued; error: unknown }[] = [];
    // The call being run, or about to be. The first is taken before the transaction begins, so
    // that a transaction that cannot begin (the lock not granted in time, a lost connection)
    // fails that call, and the calls behind it try again in a transaction of their own.
    let current: Queued | undefined = group.waiting.shift();
    if (!current) return;
    try {
      await storageErrors(this.location, () =>
        this.#db.connection().execute(async (conn) => {
          await sql.raw(this.kind === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(conn);
          try {
            if (this.kind === 'postgres') {
              await sql`SELECT pg_advisory_xact_lock(${LEARNER_LOCK_CLASS}, hashtext(${learnerId}))`.execute(conn);
            }
            const bound = new KyselyStore(conn, this.kind, this.location, async () => undefined, true, this.#refusal);
            for (let n = 0; current; n++) {
              const call: Queued = current;
              if (n === 0) {
                try {
                  members.push({ call, value: await call.fn(bound) });
                } catch (error) {
                  // Nothing else is in the transaction yet: it is rolled back whole.
                  failed.push({ call, error });
                  current = undefined;
                  await sql.raw('ROLLBACK').execute(conn);
                  return;
                }
              } else {
                const point = `mlpath_call_${n}`;
                await sql.raw(`SAVEPOINT ${point}`).execute(conn);
                try {
                  members.push({ call, value: await call.fn(bound) });
                  await sql.raw(`RELEASE ${point}`).execute(conn);
                } catch (error) {
                  if (members.at(-1)?.call === call) members.pop();
                  failed.push({ call, error });
                  current = undefined;
                  // A failure that ended the whole transaction (SQLite rolls back on a full disk
                  // or an I/O error) leaves no savepoint to go back to: the group fails with it.
                  await sql.raw(`ROLLBACK TO ${point}`).execute(conn);
                  await sql.raw(`RELEASE ${point}`).execute(conn);
                }
              }
              current = n + 1 < GROUP_LIMIT ? await nextCall(group) : undefined;
            }
            await sql.raw('COMMIT').execute(conn);
          } catch (error) {
            await sql
              .raw('ROLLBACK')
              .execute(conn)
              .catch(() => undefined);
            throw error;
          }
        }),
      );
    } catch (error) {
      // Nothing of the group was committed: every call in it fails, those that had failed on
      // their own with their own error, the others with the one that ended the transaction.
      for (const { call } of members) call.reject(error);
      if (current) current.reject(error);
      for (const { call, error: own } of failed) call.reject(storageError(this.location, own));
      return;
    }
    for (const { call, error } of failed) call.reject(storageError(this.location, error));
    for (const { call, value } of members) call.resolve(value);
  }

  /** Give the store its change token (SQLite: the file's data version and this connection's changes). */
  watchChanges(read: () => string): void {
    this.#changes = read;
  }

  async changeToken(): Promise<string | undefined> {
    if (this.#bound || !this.#changes) return undefined;
    try {
      return this.#changes();
    } catch {
      // A closed or failing connection has no token: readers fall back to reading the state.
      return undefined;
    }
  }

  async ping(): Promise<void> {
    await storageErrors(this.location, () => sql`SELECT 1`.execute(this.#db));
  }

  async #run<T>(begin: string, fn: (db: Db) => Promise<T>): Promise<T> {
    return storageErrors(this.location, () =>
      this.#db.connection().execute(async (conn) => {
        await sql.raw(begin).execute(conn);
        try {
          const result = await fn(conn);
          await sql.raw('COMMIT').execute(conn);
          return result;
        } catch (error) {
          await sql
            .raw('ROLLBACK')
            .execute(conn)
            .catch(() => undefined);
          throw error;
        }
      }),
    );
  }

  async ensureLearner(id = LOCAL_LEARNER, name = id, at = new Date().toISOString()): Promise<Learner> {
    const found = await this.getLearner(id);
    if (found) return found;
    return this.transaction(async (db) => {
      await db
        .insertInto('learners')
        .values({ id, name, created_at: at })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const row = await db.selectFrom('learners').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return { id: row.id, name: row.name, createdAt: row.created_at };
    });
  }

  async getLearner(id: string): Promise<Learner | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db.selectFrom('learners').selectAll().where('id', '=', id).executeTakeFirst(),
    );
    return row ? { id: row.id, name: row.name, createdAt: row.created_at } : undefined;
  }

  async listLearners(): Promise<Learner[]> {
    const rows = await storageErrors(this.location, () =>
      this.#db.selectFrom('learners').selectAll().orderBy('created_at').orderBy('id').execute(),
    );
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
  }

  async getProfile(learnerId: string): Promise<Profile | undefined> {
    return readProfile(this.#db, learnerId, this.location);
  }

  async saveProfile(learnerId: string, profile: Profile, at: string): Promise<void> {
    await this.transaction((db) => writeProfile(db, learnerId, profile, at));
  }

  async appendEvents(learnerId: string, events: readonly ProgressEvent[]): Promise<void> {
    if (events.length === 0) return;
    const ids = events.map((e) => e.id);
    if (new Set(ids).size !== ids.length) throw conflict('store.sameEventTwice');
    try {
      // One event is one statement, committed on its own: a single round trip and a single sync.
      this.#checkWritable();
      if (events.length === 1) await storageErrors(this.location, () => insertEvents(this.#db, learnerId, events));
      else await this.transaction((db) => insertEvents(db, learnerId, events));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('store.eventTaken', { ids: ids.slice(0, 3).join(', ') });
      throw error;
    }
  }

  async listEvents(learnerId: string): Promise<ProgressEvent[]> {
    return readEvents(this.#db, learnerId, this.location);
  }

  async findEvents(learnerId: string, ids: readonly string[]): Promise<ProgressEvent[]> {
    if (ids.length === 0) return [];
    const rows = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('events')
        .select(['id', 'type', 'at', 'item', 'hours', 'date', 'text', 'undoes'])
        .where('learner_id', '=', learnerId)
        .where('id', 'in', [...ids])
        .execute(),
    );
    return rows.map(eventFromRow);
  }

  async getProgressFold(learnerId: string): Promise<StoredFold | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db.selectFrom('progress_folds').selectAll().where('learner_id', '=', learnerId).executeTakeFirst(),
    );
    return row
      ? {
          cursor: row.cursor ?? undefined,
          events: Number(row.events),
          key: row.fold_key,
          fold: row.fold,
          updatedAt: row.updated_at,
        }
      : undefined;
  }

  async saveProgressFold(learnerId: string, fold: StoredFold): Promise<void> {
    this.#checkWritable();
    const values = {
      learner_id: learnerId,
      cursor: fold.cursor ?? null,
      events: fold.events,
      fold_key: fold.key,
      fold: fold.fold,
      updated_at: fold.updatedAt,
    };
    await storageErrors(this.location, () =>
      this.#db
        .insertInto('progress_folds')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('learner_id')
            .doUpdateSet({
              cursor: values.cursor,
              events: values.events,
              fold_key: values.fold_key,
              fold: values.fold,
              updated_at: values.updated_at,
            })
            // Another key replaces it (a new curriculum); the same key only with more events.
            .where((eb) =>
              eb.or([
                eb('progress_folds.fold_key', '<>', values.fold_key),
                eb('progress_folds.events', '<', values.events),
              ]),
            ),
        )
        .execute(),
    );
  }

  async countEvents(learnerId: string): Promise<number> {
    // Kept with the log by a trigger (migrations.ts, `eventCounts`): one row read, not the index counted.
    const row = await storageErrors(this.location, () =>
      this.#db.selectFrom('learners').select('event_count').where('id', '=', learnerId).executeTakeFirst(),
    );
    return Number(row?.event_count ?? 0);
  }

  async getProfileRecord(learnerId: string): Promise<ProfileRecord | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('profiles')
        .select(['profile', 'updated_at'])
        .where('learner_id', '=', learnerId)
        .executeTakeFirst(),
    );
    return row ? { profile: JSON.parse(row.profile) as Profile, savedAt: row.updated_at } : undefined;
  }

  async listEventsAfter(learnerId: string, after: string | undefined, limit: number): Promise<EventPage> {
    const from = after === undefined ? 0 : cursorNumber(after);
    const rows = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('events')
        .select(['seq', 'id', 'type', 'at', 'item', 'hours', 'date', 'text', 'undoes'])
        .where('learner_id', '=', learnerId)
        .where('seq', '>', from)
        .orderBy('seq')
        .limit(limit + 1)
        .execute(),
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      events: page.map(eventFromRow),
      cursor: last === undefined ? after : String(last.seq),
      more: rows.length > limit,
    };
  }

  async eventCursor(learnerId: string): Promise<string | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('learner_id', '=', learnerId)
        .executeTakeFirst(),
    );
    return row?.seq === null || row?.seq === undefined ? undefined : String(row.seq);
  }

  async findIdempotencyKey(learnerId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('learner_id', '=', learnerId)
        .where('key', '=', key)
        .executeTakeFirst(),
    );
    if (!row) return undefined;
    return {
      key: row.key,
      requestHash: row.request_hash,
      status: Number(row.status),
      contentType: row.content_type,
      response: row.response,
      createdAt: row.created_at,
    };
  }

  async saveIdempotencyKey(learnerId: string, record: IdempotencyRecord, forgetBefore: string): Promise<void> {
    await this.transaction(async (db) => {
      await db
        .deleteFrom('idempotency_keys')
        .where('learner_id', '=', learnerId)
        .where('created_at', '<', forgetBefore)
        .execute();
      await db
        .insertInto('idempotency_keys')
        .values({
          learner_id: learnerId,
          key: record.key,
          request_hash: record.requestHash,
          status: record.status,
          content_type: record.contentType,
          response: record.response,
          created_at: record.createdAt,
        })
        .execute();
    });
  }

  async getSyncCursors(learnerId: string, remote: string): Promise<SyncCursors | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('sync_state')
        .selectAll()
        .where('learner_id', '=', learnerId)
        .where('remote', '=', remote)
        .executeTakeFirst(),
    );
    if (!row) return undefined;
    return { pushed: row.pushed_cursor ?? undefined, pulled: row.pulled_cursor ?? undefined, syncedAt: row.synced_at };
  }

  async saveSyncCursors(learnerId: string, remote: string, cursors: SyncCursors): Promise<void> {
    const values = {
      pushed_cursor: cursors.pushed ?? null,
      pulled_cursor: cursors.pulled ?? null,
      synced_at: cursors.syncedAt,
    };
    await this.transaction(async (db) => {
      await db
        .insertInto('sync_state')
        .values({ learner_id: learnerId, remote, ...values })
        .onConflict((oc) => oc.columns(['learner_id', 'remote']).doUpdateSet(values))
        .execute();
    });
  }

  async savePlanSnapshot(learnerId: string, snapshot: PlanSnapshot): Promise<void> {
    await this.transaction(async (db) => {
      await db
        .insertInto('plan_snapshots')
        .values({
          id: snapshot.id,
          learner_id: learnerId,
          at: snapshot.at,
          reason: snapshot.reason,
          finish_date: snapshot.finishDate,
          plan: JSON.stringify(snapshot.plan),
        })
        .execute();
    });
  }

  async firstPlanSnapshot(learnerId: string): Promise<PlanSnapshot | undefined> {
    return this.#snapshot(learnerId, 'asc');
  }

  async latestPlanSnapshot(learnerId: string): Promise<PlanSnapshot | undefined> {
    return this.#snapshot(learnerId, 'desc');
  }

  async latestFinishDate(learnerId: string): Promise<string | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('plan_snapshots')
        .select('finish_date')
        .where('learner_id', '=', learnerId)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst(),
    );
    return row?.finish_date;
  }

  async #snapshot(learnerId: string, order: 'asc' | 'desc'): Promise<PlanSnapshot | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('plan_snapshots')
        .select(['id', 'at', 'reason', 'finish_date', 'plan'])
        .where('learner_id', '=', learnerId)
        .$if(order === 'asc', (q) => q.where('reason', '<>', SHOWN_FORECAST))
        .orderBy('seq', order)
        .limit(1)
        .executeTakeFirst(),
    );
    if (!row) return undefined;
    return {
      id: row.id,
      at: row.at,
      reason: row.reason,
      finishDate: row.finish_date,
      plan: JSON.parse(row.plan) as Plan,
    };
  }

  async addProject(learnerId: string, project: PortfolioProject): Promise<void> {
    await this.transaction(async (db) => {
      const taken = await db
        .selectFrom('projects')
        .select('id')
        .where('learner_id', '=', learnerId)
        .where('id', '=', project.id)
        .executeTakeFirst();
      if (taken) throw conflict('store.projectTaken', { id: project.id });
      await insertProjects(db, learnerId, [project]);
    });
  }

  async listProjects(learnerId: string): Promise<PortfolioProject[]> {
    return readProjects(this.#db, learnerId, this.location);
  }

  async removeProject(learnerId: string, projectId: string): Promise<void> {
    await this.transaction(async (db) => {
      const result = await db
        .deleteFrom('projects')
        .where('learner_id', '=', learnerId)
        .where('id', '=', projectId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) {
        throw new MlpathError({
          code: 'NOT_FOUND',
          key: 'store.noProject',
          params: { id: projectId },
          hintKey: 'hint.projectList',
        });
      }
    });
  }

  async setProjectLink(learnerId: string, projectId: string, kind: LinkKind, url: string | undefined): Promise<void> {
    await this.transaction(async (db) => {
      const result = await db
        .updateTable('projects')
        .set({ [kind]: url ?? null })
        .where('learner_id', '=', learnerId)
        .where('id', '=', projectId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        throw new MlpathError({
          code: 'NOT_FOUND',
          key: 'store.noProject',
          params: { id: projectId },
          hintKey: 'hint.projectList',
        });
      }
    });
  }

  async addPosting(learnerId: string, posting: KeptPosting): Promise<void> {
    await this.transaction(async (db) => {
      const taken = await db
        .selectFrom('postings')
        .select('id')
        .where('learner_id', '=', learnerId)
        .where('id', '=', posting.id)
        .executeTakeFirst();
      if (taken) throw conflict('store.postingKept', { id: posting.id });
      await insertPostings(db, learnerId, [posting]);
    });
  }

  async listPostings(learnerId: string): Promise<KeptPosting[]> {
    return readPostings(this.#db, learnerId, this.location);
  }

  async removePosting(learnerId: string, postingId: string): Promise<void> {
    await this.transaction(async (db) => {
      const result = await db
        .deleteFrom('postings')
        .where('learner_id', '=', learnerId)
        .where('id', '=', postingId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) {
        throw new MlpathError({
          code: 'NOT_FOUND',
          key: 'store.noPosting',
          params: { id: postingId },
          hintKey: 'hint.jobList',
        });
      }
    });
  }

  /** Cohorts live in the multi-user server's PostgreSQL only. */
  #cohortsHere(): void {
    if (this.kind !== 'postgres') {
      throw new MlpathError({
        code: 'INVALID_INPUT',
        key: 'cohort.multiUserOnly',
        hintKey: 'hint.deployDocs',
      });
    }
  }

  async createCohort(cohort: Cohort, owner: string): Promise<void> {
    this.#cohortsHere();
    await this.transaction(async (db) => {
      await db
        .insertInto('cohorts')
        .values({
          id: cohort.id,
          name: cohort.name,
          kind: cohort.kind,
          target_date: cohort.targetDate,
          invite_code: cohort.inviteCode,
          created_at: cohort.createdAt,
        })
        .execute();
      await db
        .insertInto('cohort_members')
        .values({
          cohort_id: cohort.id,
          learner_id: owner,
          role: 'owner',
          share_progress: false,
          share_pace: false,
          joined_at: cohort.createdAt,
        })
        .execute();
    });
  }

  async getCohort(cohortId: string): Promise<Cohort | undefined> {
    this.#cohortsHere();
    const row = await storageErrors(this.location, () =>
      this.#db.selectFrom('cohorts').selectAll().where('id', '=', cohortId).executeTakeFirst(),
    );
    return row ? cohortFromRow(row) : undefined;
  }

  async lockCohort(cohortId: string): Promise<void> {
    this.#cohortsHere();
    await this.transaction((db) =>
      db.selectFrom('cohorts').select('id').where('id', '=', cohortId).forUpdate().execute(),
    );
  }

  async findCohortByCode(inviteCode: string): Promise<Cohort | undefined> {
    this.#cohortsHere();
    const row = await storageErrors(this.location, () =>
      this.#db.selectFrom('cohorts').selectAll().where('invite_code', '=', inviteCode).executeTakeFirst(),
    );
    return row ? cohortFromRow(row) : undefined;
  }

  async listCohortsOf(learnerId: string): Promise<{ cohort: Cohort; role: CohortRole }[]> {
    this.#cohortsHere();
    const rows = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('cohort_members as m')
        .innerJoin('cohorts as c', 'c.id', 'm.cohort_id')
        .selectAll('c')
        .select('m.role')
        .where('m.learner_id', '=', learnerId)
        .orderBy('m.joined_at')
        .orderBy('c.id')
        .execute(),
    );
    return rows.map((row) => ({ cohort: cohortFromRow(row), role: row.role as CohortRole }));
  }

  async listCohortMembers(cohortId: string): Promise<CohortMember[]> {
    this.#cohortsHere();
    const rows = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('cohort_members as m')
        .innerJoin('learners as l', 'l.id', 'm.learner_id')
        .select(['m.learner_id', 'l.name', 'm.role', 'm.share_progress', 'm.share_pace', 'm.joined_at'])
        .where('m.cohort_id', '=', cohortId)
        .orderBy(sql`CASE m.role WHEN 'owner' THEN 0 ELSE 1 END`)
        .orderBy('m.joined_at')
        .orderBy('m.learner_id')
        .execute(),
    );
    return rows.map((row) => ({
      learnerId: row.learner_id,
      name: row.name,
      role: row.role as CohortRole,
      sharing: { progress: row.share_progress, pace: row.share_pace },
      joinedAt: row.joined_at,
    }));
  }

  async addCohortMember(cohortId: string, learnerId: string, role: CohortRole, at: string): Promise<void> {
    this.#cohortsHere();
    await this.transaction(async (db) => {
      const inserted = await db
        .insertInto('cohort_members')
        .values({
          cohort_id: cohortId,
          learner_id: learnerId,
          role,
          share_progress: false,
          share_pace: false,
          joined_at: at,
        })
        .onConflict((oc) => oc.columns(['cohort_id', 'learner_id']).doNothing())
        .returning('learner_id')
        .executeTakeFirst();
      if (!inserted) throw conflict('store.alreadyMember');
    });
  }

  async updateCohortMember(
    cohortId: string,
    learnerId: string,
    change: { role?: CohortRole; sharing?: CohortSharing },
  ): Promise<void> {
    this.#cohortsHere();
    await this.transaction(async (db) => {
      const result = await db
        .updateTable('cohort_members')
        .set({
          ...(change.role ? { role: change.role } : {}),
          ...(change.sharing ? { share_progress: change.sharing.progress, share_pace: change.sharing.pace } : {}),
        })
        .where('cohort_id', '=', cohortId)
        .where('learner_id', '=', learnerId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notAMember();
    });
  }

  async removeCohortMember(cohortId: string, learnerId: string): Promise<void> {
    this.#cohortsHere();
    await this.transaction(async (db) => {
      const result = await db
        .deleteFrom('cohort_members')
        .where('cohort_id', '=', cohortId)
        .where('learner_id', '=', learnerId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notAMember();
    });
  }

  async deleteCohort(cohortId: string): Promise<void> {
    this.#cohortsHere();
    await this.transaction(async (db) => {
      await db.deleteFrom('cohorts').where('id', '=', cohortId).execute();
    });
  }

  async setCohortInviteCode(cohortId: string, inviteCode: string): Promise<void> {
    this.#cohortsHere();
    await this.transaction(async (db) => {
      await db.updateTable('cohorts').set({ invite_code: inviteCode }).where('id', '=', cohortId).execute();
    });
  }

  async getCalendar(learnerId: string): Promise<CalendarFeed | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db.selectFrom('calendars').selectAll().where('learner_id', '=', learnerId).executeTakeFirst(),
    );
    if (!row) return undefined;
    return {
      calendarId: row.calendar_id,
      token: row.token ?? undefined,
      createdAt: row.created_at,
      rotatedAt: row.rotated_at ?? undefined,
    };
  }

  async saveCalendar(learnerId: string, calendar: CalendarFeed): Promise<void> {
    const values = {
      calendar_id: calendar.calendarId,
      token: calendar.token ?? null,
      token_hash: calendar.token === undefined ? null : tokenHash(calendar.token),
      created_at: calendar.createdAt,
      rotated_at: calendar.rotatedAt ?? null,
    };
    await this.transaction(async (db) => {
      await db
        .insertInto('calendars')
        .values({ learner_id: learnerId, ...values })
        .onConflict((oc) => oc.column('learner_id').doUpdateSet(values))
        .execute();
    });
  }

  async findCalendarByTokenHash(hash: string): Promise<{ learnerId: string; token: string } | undefined> {
    const row = await storageErrors(this.location, () =>
      this.#db
        .selectFrom('calendars')
        .select(['learner_id', 'token'])
        .where('token_hash', '=', hash)
        .executeTakeFirst(),
    );
    return row && row.token !== null ? { learnerId: row.learner_id, token: row.token } : undefined;
  }

  async listCalendarRecords(learnerId: string): Promise<CalendarRecord[]> {
    const rows = await storageErrors(this.location, () =>
      this.#db.selectFrom('calendar_events').selectAll().where('learner_id', '=', learnerId).orderBy('uid').execute(),
    );
    return rows.map((row) => ({
      uid: row.uid,
      subject: row.subject,
      occurrence: Number(row.occurrence),
      sequence: Number(row.sequence),
      fingerprint: row.fingerprint,
      state: row.state as CalendarRecord['state'],
      allDay: Number(row.all_day) === 1,
      start: row.start_at,
      end: row.end_at,
      timeZone: row.time_zone ?? undefined,
      summary: row.summary,
      updatedAt: row.updated_at,
    }));
  }

  async saveCalendarRecords(learnerId: string, records: readonly CalendarRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.transaction(async (db) => {
      for (let i = 0; i < records.length; i += BATCH / 10) {
        const rows = records.slice(i, i + BATCH / 10).map((r) => ({
          learner_id: learnerId,
          uid: r.uid,
          subject: r.subject,
          occurrence: r.occurrence,
          sequence: r.sequence,
          fingerprint: r.fingerprint,
          state: r.state,
          all_day: r.allDay ? 1 : 0,
          start_at: r.start,
          end_at: r.end,
          time_zone: r.timeZone ?? null,
          summary: r.summary,
          updated_at: r.updatedAt,
        }));
        await db
          .insertInto('calendar_events')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['learner_id', 'uid']).doUpdateSet((eb) => ({
              subject: eb.ref('excluded.subject'),
              occurrence: eb.ref('excluded.occurrence'),
              sequence: eb.ref('excluded.sequence'),
              fingerprint: eb.ref('excluded.fingerprint'),
              state: eb.ref('excluded.state'),
              all_day: eb.ref('excluded.all_day'),
              start_at: eb.ref('excluded.start_at'),
              end_at: eb.ref('excluded.end_at'),
              time_zone: eb.ref('excluded.time_zone'),
              summary: eb.ref('excluded.summary'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
    });
  }

  async exportData(learnerId: string): Promise<LearnerData> {
    return this.readTransaction(async (db) => ({
      profile: await readProfile(db, learnerId, this.location),
      events: await readEvents(db, learnerId, this.location),
      projects: await readProjects(db, learnerId, this.location),
      postings: await readPostings(db, learnerId, this.location),
    }));
  }

  async importData(
    learnerId: string,
    data: LearnerData,
    options: { merge: boolean; at: string },
  ): Promise<ImportResult> {
    await this.ensureLearner(learnerId, learnerId, options.at);
    return this.transaction(async (db) => {
      const profile = await readProfile(db, learnerId, this.location);
      const existingEvents = new Set(
        (await db.selectFrom('events').select('id').where('learner_id', '=', learnerId).execute()).map((r) => r.id),
      );
      const existingProjects = new Set(
        (await db.selectFrom('projects').select('id').where('learner_id', '=', learnerId).execute()).map((r) => r.id),
      );
      const existingPostings = new Set(
        (await db.selectFrom('postings').select('id').where('learner_id', '=', learnerId).execute()).map((r) => r.id),
      );
      const empty =
        profile === undefined &&
        existingEvents.size === 0 &&
        existingProjects.size === 0 &&
        existingPostings.size === 0;
      if (!empty && !options.merge) {
        throw new MlpathError({
          code: 'CONFLICT',
          key: 'store.notEmpty',
          params: { events: existingEvents.size, projects: existingProjects.size },
          hintKey: 'hint.merge',
        });
      }
      const seen = new Set<string>();
      const newEvents = data.events.filter((e) => {
        if (existingEvents.has(e.id) || seen.has(e.id)) return false;
        seen.add(e.id);
        return true;
      });
      const newProjects = data.projects.filter((p) => !existingProjects.has(p.id));
      const newPostings = data.postings.filter((p) => !existingPostings.has(p.id));
      await insertEvents(db, learnerId, newEvents);
      await insertProjects(db, learnerId, newProjects);
      await insertPostings(db, learnerId, newPostings);
      const profileWritten = profile === undefined && data.profile !== undefined;
      if (profileWritten && data.profile) await writeProfile(db, learnerId, data.profile, options.at);
      return {
        eventsAdded: newEvents.length,
        eventsSkipped: data.events.length - newEvents.length,
        projectsAdded: newProjects.length,
        postingsAdded: newPostings.length,
        profileWritten,
      };
    });
  }

  async close(): Promise<void> {
    await this.#onClose();
  }
}

/** The digest a feed secret is found by (SHA-256, hex). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A unique-key violation from either database (SQLite's constraint code, PostgreSQL's SQLSTATE 23505). */
function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof MlpathError ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

function cohortFromRow(row: Selectable<CohortsTable>): Cohort {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as CohortKind,
    targetDate: row.target_date,
    inviteCode: row.invite_code,
    createdAt: row.created_at,
  };
}

function notAMember(): MlpathError {
  return new MlpathError({ code: 'NOT_FOUND', key: 'cohort.noMember' });
}

function conflict(key: string, params: MessageParams = {}): MlpathError {
  return new MlpathError({ code: 'CONFLICT', key, params });
}

/** Rows go in batches small enough for SQLite's and PostgreSQL's parameter limits. */
const BATCH = 500;

async function insertEvents(db: Db, learnerId: string, events: readonly ProgressEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH) {
    await db
      .insertInto('events')
      .values(
        events.slice(i, i + BATCH).map((e) => ({
          id: e.id,
          learner_id: learnerId,
          type: e.type,
          at: e.at,
          item: e.item ?? null,
          hours: e.hours ?? null,
          date: e.date ?? null,
          text: e.text ?? null,
          undoes: e.undoes ?? null,
        })),
      )
      .execute();
  }
}

async function insertProjects(db: Db, learnerId: string, projects: readonly PortfolioProject[]): Promise<void> {
  if (projects.length === 0) return;
  await db
    .insertInto('projects')
    .values(
      projects.map((p) => ({
        learner_id: learnerId,
        id: p.id,
        template: p.template,
        title: p.title,
        created_at: p.createdAt,
        repository: p.links.repository ?? null,
        demo: p.links.demo ?? null,
        writeup: p.links.writeup ?? null,
      })),
    )
    .execute();
}

async function insertPostings(db: Db, learnerId: string, postings: readonly KeptPosting[]): Promise<void> {
  // One row each: a posting's text is large, and few are kept.
  for (const p of postings) {
    await db
      .insertInto('postings')
      .values({ learner_id: learnerId, id: p.id, title: p.title, text: p.text, added_at: p.addedAt })
      .execute();
  }
}

async function readPostings(db: Db, learnerId: string, location: string): Promise<KeptPosting[]> {
  const rows = await storageErrors(location, () =>
    db
      .selectFrom('postings')
      .selectAll()
      .where('learner_id', '=', learnerId)
      .orderBy('added_at')
      .orderBy('id')
      .execute(),
  );
  return rows.map((row: Selectable<PostingsTable>) => ({
    id: row.id,
    title: row.title,
    text: row.text,
    addedAt: row.added_at,
  }));
}

async function writeProfile(db: Db, learnerId: string, profile: Profile, at: string): Promise<void> {
  await db
    .insertInto('profiles')
    .values({ learner_id: learnerId, profile: JSON.stringify(profile), updated_at: at })
    .onConflict((oc) => oc.column('learner_id').doUpdateSet({ profile: JSON.stringify(profile), updated_at: at }))
    .execute();
}

async function readProfile(db: Db, learnerId: string, location: string): Promise<Profile | undefined> {
  const row = await storageErrors(location, () =>
    db.selectFrom('profiles').select('profile').where('learner_id', '=', learnerId).executeTakeFirst(),
  );
  return row ? (JSON.parse(row.profile) as Profile) : undefined;
}

async function readEvents(db: Db, learnerId: string, location: string): Promise<ProgressEvent[]> {
  const rows = await storageErrors(location, () =>
    db
      .selectFrom('events')
      .select(['id', 'type', 'at', 'item', 'hours', 'date', 'text', 'undoes'])
      .where('learner_id', '=', learnerId)
      .orderBy('seq')
      .execute(),
  );
  return rows.map(eventFromRow);
}

/** An event cursor as the store gave it (the seq of an event). @throws MlpathError INVALID_INPUT. */
function cursorNumber(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      key: 'store.badCursor',
      params: { cursor: cursor.slice(0, 40) },
      problems: [codedProblem('store.cursorExpected', { path: 'after' }, { path: 'after' })],
    });
  }
  return Number(cursor);
}

function eventFromRow(row: Omit<Selectable<EventsTable>, 'seq' | 'learner_id'>): ProgressEvent {
  return {
    id: row.id,
    type: row.type as ProgressEventType,
    at: row.at,
    item: row.item ?? undefined,
    hours: row.hours === null ? undefined : Number(row.hours),
    date: row.date ?? undefined,
    text: row.text ?? undefined,
    undoes: row.undoes ?? undefined,
  };
}

async function readProjects(db: Db, learnerId: string, location: string): Promise<PortfolioProject[]> {
  const rows = await storageErrors(location, () =>
    db
      .selectFrom('projects')
      .selectAll()
      .where('learner_id', '=', learnerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  );
  return rows.map(projectFromRow);
}

function projectFromRow(row: Selectable<ProjectsTable>): PortfolioProject {
  return {
    id: row.id,
    template: row.template,
    title: row.title,
    createdAt: row.created_at,
    links: { repository: row.repository ?? undefined, demo: row.demo ?? undefined, writeup: row.writeup ?? undefined },
  };
}

/**
 * PostgreSQL SQLSTATEs that say "not now" rather than "broken": the connection was lost or the
 * server is shutting down (class 08, 57P01-57P03), a statement or lock timeout (57014, 55P03), a
 * deadlock or serialization failure (40P01, 40001). SQLite's busy and locked codes, and the
 * network's own errors, say the same.
 */
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '55P03',
  '40P01',
  '40001',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_LOCKED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);
/** The pg driver's own words for a lost connection or a pool that gave none in time. */
const UNAVAILABLE_MESSAGE =
  /connection terminated|not queryable|timeout exceeded when trying to connect|connection timeout/i;

/** Whether a database failure is temporary (the database is unreachable or busy), not a broken store. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return error instanceof Error && UNAVAILABLE_MESSAGE.test(error.message);
}

/**
 * Database failures become one error naming the place: UNAVAILABLE when the database is
 * unreachable or busy (a lost connection, a timeout), STORAGE otherwise (full disk, damage).
 */
export async function storageErrors<T>(location: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw storageError(location, error);
  }
}

/** The error `storageErrors` throws for `error`: ours as it is, a database failure named by its place. */
export function storageError(location: string, error: unknown): unknown {
  if (error instanceof MlpathError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const fault = sqliteFault(error);
  if (fault) return faultFor(fault, location, message, error);
  if (isUnavailable(error)) {
    return new MlpathError({
      code: 'UNAVAILABLE',
      key: 'store.unavailable',
      params: { location, message },
      cause: error,
    });
  }
  return new MlpathError({ code: 'STORAGE', key: 'store.failed', params: { location, message }, cause: error });
}
