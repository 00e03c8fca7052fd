/**
 * @module server/routes/progress
 * GET /api/progress, POST /api/progress/events, POST /api/progress/undo. Events are only ever
 * appended; undo appends an `undo` event naming the one it cancels. A tick (`done`) logs its
 * planned hours unless `logPlannedHours` is false; undoing it takes both back.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { MlpathError } from '../../core/errors.js';
import { progressOverview, progressSnapshot } from '../../learner/progress.js';
import type { ProgressSnapshot } from '../../learner/progress.js';
import { matchesTag } from '../compression.js';
import { addNote, logHours, markItem, undo } from '../../learner/tracking.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContext } from '../context.js';
import { ProgressEventInput, UndoInput } from '../../contract/index.js';
import { parseBody } from '../validate.js';

export function progressRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  // The overview as JSON and its entity tag, made once per progress snapshot (which is kept while the
  // log, the profile and the date stay as they are), so a repeated read is a lookup, a 304 for a
  // client that has it, and compressed once (compression.ts keeps the bytes by the tag).
  const made = new WeakMap<ProgressSnapshot, Promise<{ json: string; tag: string }>>();
  routes.get('/progress', async (c) => {
    const ctx = learnerContext(deps, c);
    const snapshot = await progressSnapshot(ctx);
    let view = made.get(snapshot);
    if (!view) {
      view = progressOverview(ctx, snapshot).then((overview) => {
        const json = JSON.stringify(overview);
        return { json, tag: `"${createHash('sha256').update(json).digest('hex').slice(0, 32)}"` };
      });
      made.set(snapshot, view);
    }
    const { json, tag } = await view;
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', tag);
    if (matchesTag(c.req.header('If-None-Match'), tag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(json);
  });

  // Writes: validate, one call to the learner layer (learner/tracking.ts), JSON.
  routes.post('/progress/events', async (c) => {
    const input = await parseBody(c, ProgressEventInput);
    const ctx = learnerContext(deps, c);
    if (input.type === 'hours') {
      const { event } = await logHours(ctx, { hours: input.hours, date: input.date, item: input.item, id: input.id });
      return c.json({ event, logged: null });
    }
    if (input.type === 'note') return c.json({ event: (await addNote(ctx, input)).event, logged: null });
    const logPlannedHours = input.type === 'done' ? input.logPlannedHours : undefined;
    const { event, logged } = await markItem(ctx, {
      type: input.type,
      item: input.item,
      logPlannedHours,
      id: input.id,
    });
    return c.json({ event: event ?? null, logged: logged ?? null });
  });

  routes.post('/progress/undo', async (c) => {
    const input = await parseBody(c, UndoInput, { emptyAllowed: true });
    const result = await undo(learnerContext(deps, c), { eventId: input.eventId });
    if (!result) throw new MlpathError({ code: 'NOT_FOUND', message: 'there is nothing to undo yet' });
    return c.json({ event: result.events[0], events: result.events, undone: result.undone });
  });

  return routes;
}
