/**
 * @module server/routes/progress
 * GET /api/progress, POST /api/progress/events, POST /api/progress/undo. Events are only ever
 * appended; undo appends an `undo` event naming the one it cancels.
 */
import { Hono } from 'hono';
import { MlpathError, suggest } from '../../core/errors.js';
import { cancelledIds, itemIndex, knownItemIds, lastUndoable, resolveItem } from '../../core/progress.js';
import type { ProgressEvent } from '../../core/progress-model.js';
import { newEvent } from '../../store/events.js';
import { progressOverview } from '../../learner/progress.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContextOf, localDate } from '../context.js';
import { ProgressEventInput, UndoInput } from '../schemas.js';
import { parseBody } from '../validate.js';

export function progressRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, curriculum, clock } = deps;
  const index = itemIndex(curriculum);
  const allIds = knownItemIds(index);
  const routes = new Hono<AppEnv>();

  routes.get('/progress', async (c) => c.json(await progressOverview(learnerContextOf(deps, c))));

  routes.post('/progress/events', async (c) => {
    const input = await parseBody(c, ProgressEventInput);
    if (input.item !== undefined && resolveItem(index, input.item) === undefined) {
      const close = suggest(input.item, allIds);
      throw new MlpathError({
        code: 'NOT_FOUND',
        message:
          `no skill, resource or unit is called "${input.item}"` +
          (close.length > 0 ? `; did you mean ${close.map((s) => `"${s}"`).join(' or ')}?` : ''),
        problems: [{ path: 'item', message: `unknown item "${input.item}"` }],
      });
    }
    const now = clock();
    const event = newEvent(
      input.type,
      {
        // Recorded under today's id, not the spelling given (an alias can move between skills).
        item: input.item === undefined ? undefined : (resolveItem(index, input.item)?.key ?? input.item),
        hours: input.type === 'hours' ? input.hours : undefined,
        date: input.type === 'hours' ? (input.date ?? localDate(now)) : undefined,
        text: input.type === 'note' ? input.text : undefined,
      },
      now,
    );
    await store.appendEvents(c.get('learner').id, [event]);
    return c.json({ event });
  });

  routes.post('/progress/undo', async (c) => {
    const input = await parseBody(c, UndoInput, { emptyAllowed: true });
    const learner = c.get('learner').id;
    const events = await store.listEvents(learner);
    let target: ProgressEvent | undefined;
    if (input.eventId === undefined) {
      target = lastUndoable(events);
      if (!target) throw new MlpathError({ code: 'NOT_FOUND', message: 'there is nothing to undo yet' });
    } else {
      target = events.find((e) => e.id === input.eventId);
      if (!target) {
        throw new MlpathError({
          code: 'NOT_FOUND',
          message: `no event has the id "${input.eventId}"`,
          problems: [{ path: 'eventId', message: 'unknown event id' }],
        });
      }
      if (cancelledIds(events).has(target.id)) {
        throw new MlpathError({
          code: 'CONFLICT',
          message: `event "${target.id}" is already undone`,
          problems: [{ path: 'eventId', message: 'already undone' }],
        });
      }
    }
    const event = newEvent('undo', { item: target.item, undoes: target.id }, clock());
    await store.appendEvents(learner, [event]);
    return c.json({ event });
  });

  return routes;
}
