/**
 * @module contract/events
 * Progress events: `ProgressEvent` as stored, carried by the backup and answered by the API, and
 * the events a client records. Every bound is one of the core's, so whatever a face records, a
 * backup carries back in.
 */
import { z } from 'zod';
import { MAX_ID_LENGTH } from '../core/planner/profile.js';
import {
  EVENT_TYPES,
  MAX_EVENT_TEXT_LENGTH,
  MAX_HOURS_PER_ENTRY,
  MAX_NOTE_LENGTH,
  TICK_HOURS_SUFFIX,
} from '../core/progress-model.js';
import { isReviewRating, REVIEW_RATINGS } from '../core/review-model.js';
import { apiSchemas, Day, Id, Instant, IsoDate, optional, StoredId, coded } from './common.js';

/** Event types that name an item. */
const ITEM_EVENTS: readonly string[] = [
  'started',
  'done',
  'skipped',
  'reset',
  'project-milestone',
  'project-change',
  'reviewed',
];

/** Event types whose text is a note the learner wrote (alone, or with a mark or logged hours). */
const NOTE_EVENTS: readonly string[] = ['note', 'started', 'done', 'skipped', 'reset', 'hours'];

/**
 * An event as stored. Hours are those of one log entry (or of a tick's planned hours); a note's text (alone or with a mark or hours) is at most MAX_NOTE_LENGTH,
 * a rubric item an id; other texts (a project before and after a change) MAX_EVENT_TEXT_LENGTH.
 */
export const ProgressEvent = z
  .strictObject({
    id: StoredId,
    type: z.enum(EVENT_TYPES),
    at: Instant,
    // An item is an id, or `resource/unit` or `skill/question`: two ids.
    item: z
      .string()
      .min(1)
      .max(2 * MAX_ID_LENGTH + 1)
      .optional(),
    hours: z.number().positive().finite().optional(),
    date: Day.optional(),
    text: z.string().max(MAX_EVENT_TEXT_LENGTH).optional(),
    undoes: StoredId.optional(),
  })
  .superRefine((event, ctx) => {
    // A log entry holds at most a day; the planned hours a tick logged, what the plan gave the task.
    if (event.hours !== undefined && event.hours > MAX_HOURS_PER_ENTRY && !event.id.endsWith(TICK_HOURS_SUFFIX)) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum: MAX_HOURS_PER_ENTRY,
        inclusive: true,
        input: event.hours,
        message: `Too big: expected number to be <=${MAX_HOURS_PER_ENTRY}`,
        path: ['hours'],
      });
    }
    if (event.type === 'hours' && event.hours === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'an hours event needs "hours"',
        path: ['hours'],
        params: { key: 'backup.needsHours' },
      });
    if (event.type === 'undo' && event.undoes === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'an undo event needs "undoes"',
        path: ['undoes'],
        params: { key: 'backup.needsUndoes' },
      });
    if (ITEM_EVENTS.includes(event.type) && event.item === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `a ${event.type} event needs "item"`,
        path: ['item'],
        params: { key: 'backup.needsItem', type: event.type },
      });
    }
    if (NOTE_EVENTS.includes(event.type) && event.text !== undefined && event.text.length > MAX_NOTE_LENGTH) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'string',
        maximum: MAX_NOTE_LENGTH,
        inclusive: true,
        input: event.text,
        message: `Too big: expected string to have <=${MAX_NOTE_LENGTH} characters`,
        path: ['text'],
      });
    }
    if (event.type === 'project-milestone' && event.text !== undefined && event.text.length > MAX_ID_LENGTH) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'string',
        maximum: MAX_ID_LENGTH,
        inclusive: true,
        input: event.text,
        message: `Too big: expected string to have <=${MAX_ID_LENGTH} characters`,
        path: ['text'],
      });
    }
    if (event.type === 'reviewed' && !isReviewRating(event.text ?? '')) {
      ctx.addIssue({
        code: 'custom',
        message: `a reviewed event needs "text" to be its rating: ${REVIEW_RATINGS.join(', ')}`,
        params: { key: 'backup.needsRating' },
        path: ['text'],
      });
    }
  })
  .register(apiSchemas, { id: 'ProgressEvent' });
export type ProgressEventJson = z.output<typeof ProgressEvent>;

// ---------------------------------------------------------------- what a client records

const ITEM = coded('contract.item', { max: 2 * MAX_ID_LENGTH + 1 });
// An empty or blank id names nothing: refused in the learner layer's words (learner/items.ts), so
// "" and "  " read alike through every face.
const item = z
  .string({ error: coded('contract.itemId') })
  .max(2 * MAX_ID_LENGTH + 1, { error: ITEM })
  .refine((id) => id.trim() !== '', { error: coded('learner.noItem') });
// The range is the learner layer's (more than 0, at most MAX_HOURS_PER_ENTRY), the same for every face.
const HOURS = coded('contract.hours', { max: MAX_HOURS_PER_ENTRY });
const hours = z
  .number({ error: coded('contract.hoursNumber') })
  .positive({ error: HOURS })
  .max(MAX_HOURS_PER_ENTRY, { error: HOURS });

/**
 * A client-made event id (letters, digits, `-` and `_`, 8 to 64 characters, as a UUID): an event
 * sent again with the same id after a lost answer is recorded once.
 */
export const clientEventId = z
  .string({ error: coded('contract.eventId') })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: coded('contract.eventId') })
  .optional();

export const PROGRESS_INPUT_TYPES = ['started', 'done', 'skipped', 'reset', 'hours', 'note'] as const;

const NOTE = coded('contract.note', { max: MAX_NOTE_LENGTH });

export const ProgressEventInput = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({ id: clientEventId, type: z.literal('started'), item }),
      z.strictObject({
        id: clientEventId,
        type: z.literal('done'),
        item,
        /** Log the task's planned hours with the tick (default true), as `mlpath done` does. */
        logPlannedHours: optional(z.boolean({ error: coded('contract.boolean') })),
      }),
      z.strictObject({ id: clientEventId, type: z.literal('skipped'), item }),
      z.strictObject({ id: clientEventId, type: z.literal('reset'), item }),
      z.strictObject({
        id: clientEventId,
        type: z.literal('hours'),
        hours,
        item: item.optional(),
        date: IsoDate.optional(),
      }),
      z.strictObject({
        id: clientEventId,
        type: z.literal('note'),
        text: z
          .string({ error: coded('contract.noteText') })
          .min(1, { error: coded('contract.noteText') })
          .max(MAX_NOTE_LENGTH, { error: NOTE }),
        item: item.optional(),
      }),
    ],
    { error: coded('contract.typeOneOf', { values: PROGRESS_INPUT_TYPES.join(', ') }) },
  )
  .register(apiSchemas, { id: 'ProgressEventInput' });
export type ProgressEventInput = z.output<typeof ProgressEventInput>;
export type ProgressEventInputBody = z.input<typeof ProgressEventInput>;

export const UndoInput = z
  .strictObject({ eventId: optional(Id) })
  .register(apiSchemas, { id: 'UndoInput', description: 'Without eventId, the last event is undone.' });
