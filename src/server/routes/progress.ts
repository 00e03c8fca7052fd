/**
 * @module server/routes/progress
 * GET /api/progress (a summary), GET /api/progress/changes (what changed since a summary),
 * GET /api/progress/events (the log, a page at a time), POST /api/progress/events,
 * POST /api/progress/undo. Events are only ever appended; undo appends an `undo` event naming the
 * one it cancels. A tick (`done`) logs its planned hours unless `logPlannedHours` is false; undoing
 * it takes both back.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { MlpathError } from '../../core/errors.js';
import { progressOverview, progressSnapshot } from '../../learner/progress.js';
import type { ProgressSnapshot } from '../../learner/progress.js';
import { addNote, logHours, markItem, undo } from '../../learner/tracking.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContext, todayOf } from '../context.js';
import {
  PROGRESS_EVENTS_PAGE,
  ProgressChangesQuery,
  ProgressEventInput,
  ProgressEventsQuery,
  progressChanges,
  UndoInput,
} from '../../contract/index.js';
import type { ProgressChanges, ProgressSummary } from '../../contract/index.js';
import { parseBody, parseQuery } from '../validate.js';
import { json, tagged } from '../answers.js';

/** Summaries kept per learner to answer changes from, the latest last; and the learners kept. */
const KEPT_VERSIONS = 8;
const KEPT_LEARNERS = 64;

interface Made {
  readonly summary: ProgressSummary;
  readonly json: Uint8Array<ArrayBuffer>;
  readonly tag: string;
}

export function progressRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  // The summary, its JSON and entity tag, made once per progress snapshot (which is kept while the
  // log, the profile and the date stay as they are), so a repeated read is a lookup, a 304 for a
  // client that has it, and compressed once (compression.ts keeps the bytes by the tag).
  const made = new WeakMap<ProgressSnapshot, Promise<Made>>();
  const versions = new Map<string, Map<string, ProgressSummary>>();

  const remember = (learner: string, summary: ProgressSummary): void => {
    let kept = versions.get(learner);
    versions.delete(learner);
    if (!kept) kept = new Map();
    versions.set(learner, kept);
    if (versions.size > KEPT_LEARNERS) versions.delete(versions.keys().next().value ?? '');
    kept.delete(summary.version);
    kept.set(summary.version, summary);
    if (kept.size > KEPT_VERSIONS) kept.delete(kept.keys().next().value ?? '');
  };

  // While the store's change token and the date stay, nothing the summary is made from can have
  // changed: the last one made is answered without a query (SQLite; PostgreSQL reads the state).
  const latest = new Map<string, { token: string; today: string; made: Made }>();

  const current = async (c: Context<AppEnv>): Promise<Made> => {
    const ctx = learnerContext(deps, c);
    const token = await ctx.store.changeToken();
    const today = todayOf(ctx);
    const last = latest.get(ctx.learnerId);
    if (token !== undefined && last?.token === token && last.today === today) return last.made;
    const snapshot = await progressSnapshot(ctx);
    let view = made.get(snapshot);
    if (!view) {
      view = Promise.all([progressOverview(ctx, snapshot), ctx.store.eventCursor(ctx.learnerId)]).then(
        ([{ events, ...overview }, cursor]) => {
          // Items done: the day of the latest `done` event of each (what "done this week" reads).
          const doneOn: Record<string, string> = {};
          for (const event of events) {
            if (event.type !== 'done' || event.item === undefined || overview.items[event.item] !== 'done') continue;
            const day = event.at.slice(0, 10);
            if ((doneOn[event.item] ?? '') < day) doneOn[event.item] = day;
          }
          const body = { ...overview, doneOn, events: { count: events.length, cursor: cursor ?? null } };
          const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
          const summary: ProgressSummary = { version, ...body };
          return { summary, json: new TextEncoder().encode(JSON.stringify(summary)), tag: `"${version}"` };
        },
      );
      made.set(snapshot, view);
      view.catch(() => {
        if (made.get(snapshot) === view) made.delete(snapshot);
      });
    }
    const result = await view;
    remember(ctx.learnerId, result.summary);
    latest.delete(ctx.learnerId);
    if (token !== undefined) latest.set(ctx.learnerId, { token, today, made: result });
    if (latest.size > KEPT_LEARNERS) latest.delete(latest.keys().next().value ?? '');
    return result;
  };

  routes.get('/progress', async (c) => {
    const { json: body, tag } = await current(c);
    return tagged(c, body, tag);
  });

  routes.get('/progress/changes', async (c) => {
    const { since } = parseQuery(c, ProgressChangesQuery);
    const { summary } = await current(c);
    const before = versions.get(c.get('learner').id)?.get(since);
    const answer: ProgressChanges = before
      ? { kind: 'changes', since, version: summary.version, changes: progressChanges(before, summary) }
      : { kind: 'full', summary };
    c.header('Cache-Control', 'no-store');
    return json(c, answer);
  });

  routes.get('/progress/events', async (c) => {
    const query = parseQuery(c, ProgressEventsQuery);
    const ctx = learnerContext(deps, c);
    const page = await ctx.store.listEventsAfter(
      ctx.learnerId,
      query.after,
      query.limit ?? PROGRESS_EVENTS_PAGE.default,
    );
    c.header('Cache-Control', 'no-store');
    return json(c, { events: page.events, cursor: page.cursor ?? null, more: page.more });
  });

  // Writes: validate, one call to the learner layer (learner/tracking.ts), JSON.
  routes.post('/progress/events', async (c) => {
    const input = await parseBody(c, ProgressEventInput);
    const ctx = learnerContext(deps, c);
    if (input.type === 'hours') {
      const { event } = await logHours(ctx, { hours: input.hours, date: input.date, item: input.item, id: input.id });
      return json(c, { event, logged: null });
    }
    if (input.type === 'note') return json(c, { event: (await addNote(ctx, input)).event, logged: null });
    const logPlannedHours = input.type === 'done' ? input.logPlannedHours : undefined;
    const { event, logged } = await markItem(ctx, {
      type: input.type,
      item: input.item,
      logPlannedHours,
      id: input.id,
    });
    return json(c, { event: event ?? null, logged: logged ?? null });
  });

  routes.post('/progress/undo', async (c) => {
    const input = await parseBody(c, UndoInput, { emptyAllowed: true });
    const result = await undo(learnerContext(deps, c), { eventId: input.eventId });
    if (!result) throw new MlpathError({ code: 'NOT_FOUND', key: 'api.nothingToUndo' });
    return json(c, { event: result.events[0], events: result.events, undone: result.undone });
  });

  return routes;
}
