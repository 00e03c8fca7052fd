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
import type { AppDeps, AppEnv } from '../context.js';
import { localDate } from '../context.js';
import { progressView } from '../progress-view.js';
import { ProgressEventInput, UndoInput } from '../schemas.js';
import { parseBody } from '../validate.js';

export function progressRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, curriculum, clock } = deps;
  const index = itemIndex(curriculum);
  const allIds = knownItemIds(index);
  const routes = new Hono<AppEnv>();

  routes.get('/progress', async (c) => {
    const events = await store.listEvents(c.get('learner').id);
    return c.json(progressView(events, curriculum, localDate(clock())));
  });

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
    const learner = c.get('learner').id;
    if (input.id !== undefined) {
      // Sent again (its first answer was lost): the event is already here, so nothing is added.
      const earlier = (await store.listEvents(learner)).find((e) => e.id === input.id);
      if (earlier) {
        if (earlier.type !== input.type) {
          throw new MlpathError({
            code: 'CONFLICT',
            message: `event "${input.id}" was already recorded as "${earlier.type}"; send a new id for a new event`,
            problems: [{ path: 'id', message: 'already used by another event' }],
          });
        }
        return c.json({ event: earlier });
      }
    }
    const now = clock();
    const made = newEvent(
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
    const event = input.id === undefined ? made : { ...made, id: input.id };
    try {
      await store.appendEvents(learner, [event]);
    } catch (error) {
      // Two copies of one resend crossing: the other one was recorded; answer it.
      const earlier =
        input.id !== undefined && error instanceof MlpathError && error.code === 'CONFLICT'
          ? (await store.listEvents(learner)).find((e) => e.id === input.id)
          : undefined;
      if (!earlier) throw error;
      return c.json({ event: earlier });
    }
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
