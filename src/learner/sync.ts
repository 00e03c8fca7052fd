/**
 * @module learner/sync
 * Sync between a learner's local store and their account on a server, once for both faces: the
 * server answers with `syncState`, `syncEvents` and `receiveSync`; the CLI drives `syncWith`, which
 * talks to the server through a `SyncRemote` (the HTTP client is the CLI's).
 *
 * Rules:
 * - Events are never changed, so the merge of two logs is their union by event id: each side adds
 *   the other's events it lacks and skips the ones it has. Projects and kept postings are merged the
 *   same way, by id; a project both sides have gains the links only the other's copy has (a link
 *   changed on both sides keeps each side's own; a removal on one side is not carried over).
 * - The profile is not an event: of two profiles, the one saved later wins (by its saved-at time;
 *   equal times are settled by comparing the profiles' JSON, so both sides pick the same one). A
 *   profile taken from the other side keeps its saved-at time, so it does not travel back.
 * - Events travel in pages after a cursor (each side's own opaque cursor): the local store remembers
 *   up to where it sent its events and up to where it received the server's, per server account, so
 *   a sync sends and fetches only what is new, and a second sync adds nothing.
 * - Every push carries an idempotency key: a retry after a lost reply is answered, not done twice.
 */
import { SYNC_MAX_EVENTS } from '../contract/api.js';
import { randomUUID } from 'node:crypto';
import { MlpathError } from '../core/errors.js';
import { profileProblems } from './profile.js';
import { checkProfile } from '../core/planner/index.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { LINK_KINDS } from '../store/store.js';
import type { EventPage, KeptPosting, PortfolioProject, ProfileRecord, Store } from '../store/store.js';
import type { LearnerContext } from './context.js';

/** Events per page and per push. */
export const SYNC_PAGE = 500;
/** The most events one push or page may hold. */
export { SYNC_MAX_EVENTS };

/** What a side has besides its events: the profile (with its saved-at time), projects and postings. */
export interface SyncState {
  readonly profile: ProfileRecord | undefined;
  readonly projects: readonly PortfolioProject[];
  readonly postings: readonly KeptPosting[];
}

/** What one side sends the other. */
export interface SyncBatch {
  readonly events: readonly ProgressEvent[];
  readonly projects: readonly PortfolioProject[];
  readonly postings: readonly KeptPosting[];
  readonly profile: ProfileRecord | undefined;
}

export interface SyncReceived {
  readonly added: { readonly events: number; readonly projects: number; readonly postings: number };
  /** `taken`: the batch's profile replaced this side's (or filled its absence); `kept`: this side's stayed. */
  readonly profile: 'taken' | 'kept' | 'none';
  /** This side's event cursor before and after the batch was added. */
  readonly cursorBefore: string | undefined;
  readonly cursor: string | undefined;
}

/** The other side, as `syncWith` sees it. */
export interface SyncRemote {
  /** Names the server and the account, so each keeps its own cursors. */
  readonly id: string;
  state(): Promise<SyncState>;
  events(after: string | undefined, limit: number): Promise<EventPage>;
  /** Send a batch; `key` is its idempotency key (the same for every retry of one batch). */
  push(batch: SyncBatch, key: string): Promise<SyncReceived>;
}

export interface SyncResult {
  /** Events the server did not have. */
  readonly pushed: number;
  /** Events this store did not have. */
  readonly pulled: number;
  readonly projects: { readonly pushed: number; readonly pulled: number };
  readonly postings: { readonly pushed: number; readonly pulled: number };
  /** `sent`: this side's newer profile went to the server; `taken`: the server's newer one came here. */
  readonly profile: 'sent' | 'taken' | 'same';
}

/** Whether profile `a` wins over `b`: saved later, or at the same time with the larger JSON. */
export function laterProfile(a: ProfileRecord, b: ProfileRecord | undefined): boolean {
  if (b === undefined) return true;
  const ta = Date.parse(a.savedAt);
  const tb = Date.parse(b.savedAt);
  if (ta !== tb) return ta > tb;
  return JSON.stringify(a.profile) > JSON.stringify(b.profile);
}

/** The profile, projects and postings of the learner. */
export async function syncState(ctx: LearnerContext): Promise<SyncState> {
  const { store, learnerId } = ctx;
  return {
    profile: await store.getProfileRecord(learnerId),
    projects: await store.listProjects(learnerId),
    postings: await store.listPostings(learnerId),
  };
}

/** A page of the learner's events after a cursor. */
export async function syncEvents(ctx: LearnerContext, input: { after?: string | undefined; limit?: number }) {
  const limit = Math.min(Math.max(1, input.limit ?? SYNC_PAGE), SYNC_MAX_EVENTS);
  return ctx.store.listEventsAfter(ctx.learnerId, input.after, limit);
}

/**
 * Add what a batch holds that this side lacks (events, projects, postings by id) and take its
 * profile when it is the later one, in one transaction under the learner's lock.
 * @throws MlpathError INVALID_INPUT when the batch's profile cannot be planned from with this curriculum.
 */
export async function receiveSync(ctx: LearnerContext, batch: SyncBatch): Promise<SyncReceived> {
  if (batch.profile) {
    const problems = checkProfile(ctx.curriculum, batch.profile.profile);
    if (problems.length > 0) {
      throw new MlpathError({
        code: 'INVALID_INPUT',
        key: 'sync.badProfile',
        problems: profileProblems(problems, batch.profile.profile, 'profile.profile.'),
      });
    }
  }
  return ctx.store.exclusive(ctx.learnerId, (store) => receiveInto(store, ctx, batch));
}

async function receiveInto(store: Store, ctx: LearnerContext, batch: SyncBatch): Promise<SyncReceived> {
  const { learnerId } = ctx;
  const cursorBefore = await store.eventCursor(learnerId);
  const result = await store.importData(
    learnerId,
    { profile: undefined, events: batch.events, projects: batch.projects, postings: batch.postings },
    { merge: true, at: ctx.clock().toISOString() },
  );
  // A project both sides have gains the links only the batch's copy has (a link set on one side).
  const mine = new Map((await store.listProjects(learnerId)).map((p) => [p.id, p]));
  for (const theirs of batch.projects) {
    const own = mine.get(theirs.id);
    if (!own) continue;
    for (const kind of LINK_KINDS) {
      const link = theirs.links[kind];
      if (own.links[kind] === undefined && link !== undefined)
        await store.setProjectLink(learnerId, own.id, kind, link);
    }
  }
  let profile: SyncReceived['profile'] = 'none';
  if (batch.profile) {
    const current = await store.getProfileRecord(learnerId);
    profile = laterProfile(batch.profile, current) ? 'taken' : 'kept';
    if (profile === 'taken') await store.saveProfile(learnerId, batch.profile.profile, batch.profile.savedAt);
  }
  return {
    added: { events: result.eventsAdded, projects: result.projectsAdded, postings: result.postingsAdded },
    profile,
    cursorBefore,
    cursor: await store.eventCursor(learnerId),
  };
}

/** Roughly the bytes of a posting in a batch, to keep each push well under the server's body limit. */
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Sync the learner's local store with their account on a server: fetch what the server has that this
 * store lacks, then send what this store has that the server lacks. Stops at the first failure; what
 * was done until then is kept (and counted as done by the cursors), so running it again continues.
 */
export async function syncWith(ctx: LearnerContext, remote: SyncRemote): Promise<SyncResult> {
  const { store, learnerId } = ctx;
  const saved = await store.getSyncCursors(learnerId, remote.id);
  let pushedCursor = saved?.pushed;
  let pulledCursor = saved?.pulled;
  const save = (): Promise<void> =>
    store.saveSyncCursors(learnerId, remote.id, {
      pushed: pushedCursor,
      pulled: pulledCursor,
      syncedAt: ctx.clock().toISOString(),
    });

  // 1. Fetch: the server's profile, projects and postings, and its events after our cursor.
  const theirs = await remote.state();
  const pulledEvents: ProgressEvent[] = [];
  let after = pulledCursor;
  for (;;) {
    const page = await remote.events(after, SYNC_PAGE);
    pulledEvents.push(...page.events);
    after = page.cursor;
    if (!page.more || page.events.length === 0) break;
  }
  const before = await store.eventCursor(learnerId);
  const received = await receiveSync(ctx, {
    events: pulledEvents,
    projects: theirs.projects,
    postings: theirs.postings,
    profile: theirs.profile,
  });
  // Everything local was sent before these arrived: what arrived came from the server, nothing to send back.
  if (before === pushedCursor && received.cursorBefore === before) pushedCursor = received.cursor;
  pulledCursor = after;
  await save();

  // 2. Send: our events after our cursor, the projects and postings the server lacks, a later profile.
  const ours = await syncState(ctx);
  const theirProjects = new Map(theirs.projects.map((p) => [p.id, p]));
  const theirPostings = new Set(theirs.postings.map((p) => p.id));
  // A project the server lacks, or whose server copy lacks a link this one has.
  let projects: readonly PortfolioProject[] = ours.projects.filter((p) => {
    const copy = theirProjects.get(p.id);
    return !copy || LINK_KINDS.some((k) => p.links[k] !== undefined && copy.links[k] === undefined);
  });
  let postings = ours.postings.filter((p) => !theirPostings.has(p.id));
  let profile = ours.profile && laterProfile(ours.profile, theirs.profile) ? ours.profile : undefined;
  const result = {
    pushed: 0,
    projectsPushed: 0,
    postingsPushed: 0,
    profileSent: false,
  };
  for (;;) {
    const page = await store.listEventsAfter(learnerId, pushedCursor, SYNC_PAGE);
    const postingBatch: KeptPosting[] = [];
    let bytes = 0;
    while (
      postings.length > 0 &&
      (postingBatch.length === 0 || bytes + (postings[0]?.text.length ?? 0) * 3 < BATCH_BYTES)
    ) {
      const next = postings[0] as KeptPosting;
      bytes += next.text.length * 3;
      postingBatch.push(next);
      postings = postings.slice(1);
    }
    if (page.events.length === 0 && projects.length === 0 && postingBatch.length === 0 && !profile) break;
    const answer = await remote.push({ events: page.events, projects, postings: postingBatch, profile }, randomUUID());
    result.pushed += answer.added.events;
    result.projectsPushed += answer.added.projects;
    result.postingsPushed += answer.added.postings;
    if (profile && answer.profile === 'taken') result.profileSent = true;
    projects = [];
    profile = undefined;
    pushedCursor = page.cursor;
    // Nothing else reached the server in between: our own events need not come back to us.
    if (answer.cursorBefore === pulledCursor) pulledCursor = answer.cursor;
    await save();
    if (!page.more && postings.length === 0) break;
  }

  return {
    pushed: result.pushed,
    pulled: received.added.events,
    projects: { pushed: result.projectsPushed, pulled: received.added.projects },
    postings: { pushed: result.postingsPushed, pulled: received.added.postings },
    profile: result.profileSent ? 'sent' : received.profile === 'taken' ? 'taken' : 'same',
  };
}
