/**
 * @module learner/fold
 * The fold of a learner's progress log (core/progress.ts), kept in the store next to the log and
 * extended by the events recorded since, so reading progress does not read the whole log.
 */
import { createHash } from 'node:crypto';
import { extendFold, FOLD_FORMAT, foldEvents, foldFromJson, foldToJson, itemIndex } from '../core/progress.js';
import type { ItemIndex, ProgressFold } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import type { LearnerContext } from './context.js';

/**
 * The curriculum's item index and a digest of it and of the fold's format, per curriculum object:
 * the store replaces a fold only by one of another key or with more events, so a fold of another
 * format must not share the key.
 */
const indexes = new WeakMap<object, { index: ItemIndex; key: string }>();

function indexOf(ctx: LearnerContext): { index: ItemIndex; key: string } {
  let found = indexes.get(ctx.curriculum);
  if (!found) {
    const index = itemIndex(ctx.curriculum);
    const ids = JSON.stringify([
      FOLD_FORMAT,
      [...index.skills],
      [...index.aliases],
      [...index.resources],
      [...index.units],
      [...index.teaches],
    ]);
    found = { index, key: createHash('sha256').update(ids).digest('hex').slice(0, 32) };
    indexes.set(ctx.curriculum, found);
  }
  return found;
}

/** Events applied on top of the stored fold before it is stored again (each store writes the whole fold). */
const REFOLD_AFTER = 64;

/** Every event after a cursor (from the start without one), read a page at a time, and the cursor after them. */
async function eventsAfter(
  ctx: LearnerContext,
  cursor: string | undefined,
): Promise<{ events: ProgressEvent[]; cursor: string | undefined }> {
  const events: ProgressEvent[] = [];
  for (;;) {
    const page = await ctx.store.listEventsAfter(ctx.learnerId, cursor, 10_000);
    events.push(...page.events);
    cursor = page.cursor;
    if (!page.more) return { events, cursor };
  }
}

/**
 * The fold of the learner's whole log, from the fold stored next to it and the events recorded since;
 * folded afresh (and stored) when there is none, it was made against other curriculum items, an
 * event since cannot simply be applied on top (an undo, or one dated before the latest folded), or
 * the numbers do not add up (an event committed late, with a number below the stored fold's).
 * A fold extended by fewer than REFOLD_AFTER events is not stored again: applying them costs less
 * than writing it. Storing it only saves time later, so a store that cannot write it (busy, read-only) is not an error.
 * `events`: the number of events in the log when the caller has just read it (`Store.countEvents`,
 * one row kept by the store), so it is not read twice.
 */
export async function storedFold(ctx: LearnerContext, events?: number): Promise<ProgressFold> {
  const { store, learnerId } = ctx;
  const { index, key } = indexOf(ctx);
  const [stored, count] = await Promise.all([store.getProgressFold(learnerId), events ?? store.countEvents(learnerId)]);
  const kept = stored && stored.key === key ? foldFromJson(stored.fold) : undefined;
  let fold: ProgressFold | undefined;
  let cursor: string | undefined;
  let applied = 0;
  if (stored && kept && kept.events === stored.events) {
    const since = await eventsAfter(ctx, stored.cursor);
    cursor = since.cursor;
    applied = since.events.length;
    if (kept.events + since.events.length === count)
      fold = since.events.length === 0 ? kept : extendFold(kept, since.events, index);
    if (fold === kept) return kept;
  }
  if (fold && applied < REFOLD_AFTER) return fold;
  if (!fold) {
    const all = await eventsAfter(ctx, undefined);
    cursor = all.cursor;
    fold = foldEvents(all.events, index);
  }
  await store
    .saveProgressFold(learnerId, {
      cursor,
      events: fold.events,
      key,
      fold: foldToJson(fold),
      updatedAt: ctx.clock().toISOString(),
    })
    .catch(() => undefined);
  return fold;
}
