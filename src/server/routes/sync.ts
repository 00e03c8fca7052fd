/**
 * @module server/routes/sync
 * Sync with a local store (learner/sync.ts holds the rules), keyed by the request's learner:
 *
 * - `GET /api/sync/state`: the profile with its saved-at time, the projects and the kept postings.
 * - `GET /api/sync/events?after=CURSOR&limit=N`: the learner's events after a cursor, in the order
 *   they were recorded, with the cursor for the next page.
 * - `POST /api/sync`: a batch (events, projects, postings, profile) added as a union by id, the
 *   later profile kept; send an `Idempotency-Key` so a retry after a lost reply adds nothing.
 */
import { Hono } from 'hono';
import { MlpathError } from '../../core/errors.js';
import type { Profile } from '../../core/plan-model.js';
import type { ProgressEvent } from '../../core/progress-model.js';
import { receiveSync, syncEvents, syncState } from '../../learner/sync.js';
import type { KeptPosting, PortfolioProject } from '../../store/store.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContext } from '../context.js';
import { SyncBatchInput, SyncEventsQuery } from '../../contract/index.js';
import { BODY_LIMITS } from '../body-limits.js';
import { parseBody, parseQuery } from '../validate.js';
import { bodyLimit } from 'hono/body-limit';
import { json } from '../answers.js';

/** The sync batch's body limit (BODY_LIMITS.sync). */
export const SYNC_LIMIT_BYTES = BODY_LIMITS.sync;

/** A value without its undefined fields (JSON leaves them out anyway; this keeps answers tidy). */
function plain<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function syncRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/sync/state', async (c) => {
    const state = await syncState(learnerContext(deps, c));
    c.header('Cache-Control', 'no-store');
    return json(c, {
      profile: state.profile ?? null,
      projects: state.projects.map((p) => ({ ...p, links: plain({ ...p.links }) })),
      postings: state.postings,
    });
  });

  routes.get('/sync/events', async (c) => {
    const query = parseQuery(c, SyncEventsQuery);
    const page = await syncEvents(learnerContext(deps, c), { after: query.after, limit: query.limit });
    c.header('Cache-Control', 'no-store');
    return json(c, { events: page.events.map((e) => plain({ ...e })), cursor: page.cursor ?? null, more: page.more });
  });

  routes.post(
    '/sync',
    bodyLimit({
      maxSize: SYNC_LIMIT_BYTES,
      onError: () => {
        throw new MlpathError({
          code: 'TOO_LARGE',
          key: 'api.syncTooLarge',
          params: { size: SYNC_LIMIT_BYTES / 1024 / 1024 },
        });
      },
    }),
    async (c) => {
      const batch = await parseBody(c, SyncBatchInput);
      const received = await receiveSync(learnerContext(deps, c), {
        events: batch.events as ProgressEvent[],
        projects: batch.projects.map((p): PortfolioProject => ({
          id: p.id,
          template: p.template,
          title: p.title,
          createdAt: p.createdAt,
          links: { repository: p.links.repository, demo: p.links.demo, writeup: p.links.writeup },
        })),
        postings: batch.postings as KeptPosting[],
        profile: batch.profile
          ? { profile: batch.profile.profile as Profile, savedAt: batch.profile.savedAt }
          : undefined,
      });
      return json(c, {
        added: received.added,
        profile: received.profile,
        cursorBefore: received.cursorBefore ?? null,
        cursor: received.cursor ?? null,
      });
    },
  );

  return routes;
}
