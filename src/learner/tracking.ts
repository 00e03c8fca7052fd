/**
 * @module learner/tracking
 * Recording progress: mark an item (started, done, skipped, reset), log hours, write a note, undo.
 * Every change is one or more events appended to the log; nothing is changed in place.
 *
 * Rules:
 * - An item id follows the one rule of `items.ts` (trimmed, other spellings, suggestions).
 * - Skipping an item already skipped, or marking done an item already done, records nothing new
 *   (and logs no planned hours a second time).
 * - Ticking a task done (a resource or unit the plan schedules) logs its planned hours with it,
 *   unless the learner says not to (`logPlannedHours: false`); the log is recorded with the tick
 *   and an undo of the tick takes it back too. Unticking the task (a reset while the tick is the
 *   task's mark in force) takes those hours back with it, under the reset's id plus the same suffix,
 *   so that undoing the reset puts the hours back as well.
 * - Hours: more than 0 and at most 24 per entry, on a real date from 2000 on that is not in the future, and at
 *   most 24 on one day in all (the planned hours a tick logs count toward no day's limit): the rule of
 *   core/logged-hours, which a backup's import meets too.
 * - A step may carry an id made by the client (`id`); sent again with the same id (its first answer
 *   lost) it records nothing and answers what was recorded. An id used by another kind of step is
 *   a CONFLICT.
 * - Undo cancels the latest step still in force (or the event named), of any kind: a mark, hours,
 *   a note, a rubric tick, a project added, removed or re-linked. Undo events carry the item of
 *   the event they cancel.
 */
import { hoursLeftToLog } from '../core/planner/index.js';
import { cancelledIds, foldProgress, lastUndoable, orderEvents } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { MAX_HOURS_PER_ENTRY, MAX_NOTE_LENGTH, TICK_HOURS_SUFFIX } from '../core/progress-model.js';
import { dayRoom, fitsDay, handLoggedByDay, isEntryHours, isFutureDay, keptHours } from '../core/logged-hours.js';
import { isValidIsoDate } from '../core/dates.js';
import { newEvent } from '../store/events.js';
import { today } from './context.js';
import { storedFold } from './fold.js';
import type { LearnerContext } from './context.js';
import { codedProblem } from '../core/errors.js';
import { LearnerError, withinLimit } from './errors.js';
import { FIRST_START_YEAR, MAX_ID_LENGTH } from '../core/planner/profile.js';
import { requireItem } from './items.js';
import type { ResolvedItem } from './items.js';
import { applyProjectChange } from './projects.js';

export const MARK_TYPES = ['started', 'done', 'skipped', 'reset'] as const;
export type MarkType = (typeof MARK_TYPES)[number];

export { MAX_HOURS_PER_ENTRY };

export { TICK_HOURS_SUFFIX };

export interface MarkResult {
  readonly item: ResolvedItem;
  /** The mark recorded; undefined when nothing changed (skipping what is skipped, marking done what is done). */
  readonly event: ProgressEvent | undefined;
  /** The planned hours logged with a tick, when any. */
  readonly logged: ProgressEvent | undefined;
  /** For a reset that unticked a task: the planned hours its tick had logged, now taken back. */
  readonly unlogged?: ProgressEvent | undefined;
}

/**
 * The hours a tick of a task (a resource or `resource/unit` key) logs: what its estimate leaves after
 * the hours logged on it and the general study no finished work accounts for (core `hoursLeftToLog`); 0 for
 * work the plan does not hold (a skill, or no profile yet).
 */
export async function plannedHours(
  ctx: LearnerContext,
  key: string,
  events?: readonly ProgressEvent[],
): Promise<number> {
  const profile = await ctx.store.getProfile(ctx.learnerId);
  if (!profile) return 0;
  const log = events ?? (await ctx.store.listEvents(ctx.learnerId));
  return hoursLeftToLog(ctx.curriculum, profile, foldProgress(log, ctx.curriculum), key);
}

/** What a step says besides its kind: compared when a client sends an id again. */
export interface StepFields {
  readonly item?: string | undefined;
  readonly hours?: number | undefined;
  readonly date?: string | undefined;
  readonly text?: string | undefined;
}

/**
 * The step already recorded under a client's id, or undefined when the id is new (or not given).
 * `fields` are what this sending of the step says; a field it leaves out (a date not given) is not compared.
 * @throws LearnerError CONFLICT when the id belongs to another kind of step, or to the same kind of
 * step with other values (a retry sends the same step; another step needs another id).
 */
export function recordedAs(
  events: readonly ProgressEvent[],
  id: string | undefined,
  type: ProgressEvent['type'],
  fields: StepFields = {},
): ProgressEvent | undefined {
  if (id === undefined) return undefined;
  const found = events.find((e) => e.id === id);
  if (found && found.type !== type) {
    throw new LearnerError({
      code: 'CONFLICT',
      reason: 'event-id-taken',
      key: 'learner.eventIdTaken',
      params: { id, type: found.type },
      details: { id, type: found.type },
      problems: [codedProblem('learner.eventIdTaken', { id, type: found.type }, { path: 'id' })],
    });
  }
  if (found) {
    const differing = (Object.keys(fields) as (keyof StepFields)[]).filter(
      (field) => (field !== 'date' || fields.date !== undefined) && (found[field] ?? undefined) !== fields[field],
    );
    if (differing.length > 0) {
      throw new LearnerError({
        code: 'CONFLICT',
        reason: 'event-id-other-step',
        key: 'learner.eventIdOtherStep',
        params: { id, fields: differing },
        details: { id, fields: differing },
        problems: [codedProblem('learner.eventIdOtherStep', { id, fields: differing }, { path: 'id' })],
      });
    }
  }
  return found;
}

/**
 * `recordedAs` by the store's index on event ids, without reading the log: the step already recorded
 * under a client's id (and the hours a tick logged with it), or undefined when the id is new or not given.
 * @throws LearnerError CONFLICT when the id belongs to another kind of step.
 */
async function recordedUnder(
  ctx: LearnerContext,
  id: string | undefined,
  type: ProgressEvent['type'],
  fields: StepFields,
): Promise<{ event: ProgressEvent; logged: ProgressEvent | undefined } | undefined> {
  if (id === undefined) return undefined;
  const found = await ctx.store.findEvents(ctx.learnerId, [id, `${id}${TICK_HOURS_SUFFIX}`]);
  const event = recordedAs(found, id, type, fields);
  return event ? { event, logged: found.find((e) => e.id === `${id}${TICK_HOURS_SUFFIX}`) } : undefined;
}

/**
 * A note (alone, or with a mark or logged hours) holds at most MAX_NOTE_LENGTH characters, in every
 * face and in the backup. @throws LearnerError INVALID_INPUT, reason `long-note`.
 */
function noteWithinLimit(text: string, path: string): void {
  if (text.length <= MAX_NOTE_LENGTH) return;
  throw new LearnerError({
    code: 'INVALID_INPUT',
    reason: 'long-note',
    key: 'learner.longNote',
    params: { length: text.length, max: MAX_NOTE_LENGTH },
    details: { length: text.length, max: MAX_NOTE_LENGTH },
    problems: [codedProblem('learner.atMost', { max: MAX_NOTE_LENGTH }, { path })],
  });
}

/** A new event, under the client's id when one is given. */
export function made(event: ProgressEvent, id: string | undefined): ProgressEvent {
  return id === undefined ? event : { ...event, id };
}

/** Mark an item. See the module's rules for skipping twice, ticking a task and client ids. */
export async function markItem(
  ctx: LearnerContext,
  input: {
    type: MarkType;
    item: string;
    note?: string | undefined;
    logPlannedHours?: boolean | undefined;
    id?: string | undefined;
  },
): Promise<MarkResult> {
  const item = requireItem(ctx.curriculum, input.item);
  noteWithinLimit(input.note?.trim() ?? '', 'note');
  // A step is one insert: the log is read only to know whether a skip or a done changes anything
  // and what a tick's planned hours are.
  const earlier = await recordedUnder(ctx, input.id, input.type, {
    item: item.key,
    text: input.note?.trim() || undefined,
  });
  if (earlier) {
    // The event under the id's suffix is the tick's hours, or (for a reset) the undo of them.
    const companion = earlier.logged;
    if (companion?.type !== 'undo') return { item, ...earlier };
    const [unlogged] = await ctx.store.findEvents(ctx.learnerId, [companion.undoes ?? '']);
    return { item, event: earlier.event, logged: undefined, unlogged };
  }
  let log: Promise<ProgressEvent[]> | undefined;
  const events = (): Promise<ProgressEvent[]> => (log ??= ctx.store.listEvents(ctx.learnerId));
  if (input.type === 'skipped' || input.type === 'done') {
    const state = foldProgress(await events(), ctx.curriculum);
    const status = item.kind === 'skill' ? state.skills.get(item.key) : state.items.get(item.key);
    if (status === input.type) return { item, event: undefined, logged: undefined };
  }
  const now = ctx.clock();
  const note = input.note?.trim();
  const event = made(newEvent(input.type, { item: item.key, ...(note ? { text: note } : {}) }, now), input.id);
  let logged: ProgressEvent | undefined;
  if (input.type === 'done' && item.kind !== 'skill' && input.logPlannedHours !== false) {
    const hours = await plannedHours(ctx, item.key, await events());
    if (hours > 0) {
      logged = {
        ...newEvent('hours', { item: item.key, hours, date: today(ctx) }, now),
        id: `${event.id}${TICK_HOURS_SUFFIX}`,
      };
    }
  }
  const unlogged = input.type === 'reset' && item.kind !== 'skill' ? tickHours(await events(), item.key) : undefined;
  const companion = logged ?? (unlogged && undoing(unlogged, event, now));
  await ctx.store.appendEvents(ctx.learnerId, companion ? [event, companion] : [event]);
  return { item, event, logged, unlogged };
}

/**
 * The planned hours a task's tick logged, when that tick is the task's mark in force and its hours
 * are too; undefined otherwise (never ticked, ticked without hours, already unticked).
 */
function tickHours(events: readonly ProgressEvent[], item: string): ProgressEvent | undefined {
  const cancelled = cancelledIds(events);
  const marks = new Set<string>(MARK_TYPES);
  const ordered = orderEvents(events);
  for (let i = ordered.length - 1; i >= 0; i--) {
    const event = ordered[i];
    if (!event || event.item !== item || !marks.has(event.type) || cancelled.has(event.id)) continue;
    if (event.type !== 'done') return undefined;
    const hours = events.find((e) => e.id === `${event.id}${TICK_HOURS_SUFFIX}`);
    return hours && !cancelled.has(hours.id) ? hours : undefined;
  }
  return undefined;
}

/** The undo of a tick's `hours`, recorded with the `reset` that unticks it (under the reset's id and the suffix). */
function undoing(hours: ProgressEvent, reset: ProgressEvent, now: Date): ProgressEvent {
  return { ...newEvent('undo', { item: hours.item, undoes: hours.id }, now), id: `${reset.id}${TICK_HOURS_SUFFIX}` };
}

/** Log hours. @throws LearnerError INVALID_INPUT for hours out of (0, 24], a bad or future date or one before 2000. */
export async function logHours(
  ctx: LearnerContext,
  input: {
    hours: number;
    date?: string | undefined;
    item?: string | undefined;
    note?: string | undefined;
    id?: string | undefined;
  },
): Promise<{ event: ProgressEvent; item: ResolvedItem | undefined }> {
  const hours = keptHours(input.hours);
  if (!isEntryHours(input.hours)) {
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'bad-hours',
      key: 'learner.badHours',
      params: { value: String(input.hours), max: MAX_HOURS_PER_ENTRY },
      details: { value: String(input.hours), max: MAX_HOURS_PER_ENTRY },
      problems: [
        codedProblem('learner.badHours', { value: String(input.hours), max: MAX_HOURS_PER_ENTRY }, { path: 'hours' }),
      ],
    });
  }
  const day = today(ctx);
  const date = input.date?.trim() || day;
  if (!isValidIsoDate(date)) {
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'bad-date',
      key: 'learner.badDate',
      params: { value: date },
      details: { value: date },
      problems: [codedProblem('learner.badDate', { value: date }, { path: 'date' })],
    });
  }
  // The years a plan may start in are the years hours may be logged in: 1900-01-01 is a typo,
  // and counted it would swell every total and the plan's first week.
  const first = `${FIRST_START_YEAR}-01-01`;
  if (date < first) {
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'bad-date',
      key: 'learner.earlyDate',
      params: { value: date, first },
      details: { value: date, first },
      problems: [codedProblem('learner.earlyDate', { value: date, first }, { path: 'date' })],
    });
  }
  if (isFutureDay(date, day)) {
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'future-date',
      key: 'learner.futureDate',
      params: { value: date, today: day },
      details: { value: date, today: day },
      problems: [codedProblem('learner.futureDate', { value: date, today: day }, { path: 'date' })],
    });
  }
  const item = input.item === undefined ? undefined : requireItem(ctx.curriculum, input.item);
  const earlier = await recordedUnder(ctx, input.id, 'hours', {
    item: item?.key,
    hours,
    date: input.date?.trim() || undefined,
    text: input.note?.trim() || undefined,
  });
  if (earlier) return { event: earlier.event, item };
  const note = input.note?.trim();
  noteWithinLimit(note ?? '', 'note');
  const already = await loggedOn(ctx, date, hours);
  if (!fitsDay(already, hours)) {
    const params = dayRoom(date, already);
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'day-full',
      key: 'learner.dayFull',
      params,
      details: params,
      problems: [codedProblem('learner.dayFull', params, { path: 'hours' })],
    });
  }
  const fresh = newEvent(
    'hours',
    {
      hours,
      date,
      ...(item ? { item: item.key } : {}),
      ...(note ? { text: note } : {}),
    },
    ctx.clock(),
  );
  const event = made(fresh, input.id);
  await ctx.store.appendEvents(ctx.learnerId, [event]);
  return { event, item };
}

/**
 * The hours logged by hand for `date` (entries in force, a tick's planned hours left out), exact
 * whenever `adding` more could pass the day's limit. The stored fold's total for the day (which
 * counts ticks' hours too) settles most cases without reading the log: under the limit with
 * `adding`, the exact figure is too.
 */
async function loggedOn(ctx: LearnerContext, date: string, adding: number): Promise<number> {
  const total = (await storedFold(ctx)).hoursByDay.get(date) ?? 0;
  if (fitsDay(total, adding)) return total;
  return handLoggedByDay(await ctx.store.listEvents(ctx.learnerId)).get(date) ?? 0;
}

/** Write a note, on an item or on the whole journey. @throws LearnerError INVALID_INPUT for empty text. */
export async function addNote(
  ctx: LearnerContext,
  input: { text: string; item?: string | undefined; id?: string | undefined },
): Promise<{ event: ProgressEvent; item: ResolvedItem | undefined }> {
  const text = input.text.trim();
  if (text === '') {
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'empty-note',
      key: 'learner.emptyNote',
      problems: [codedProblem('learner.emptyNote', {}, { path: 'text' })],
    });
  }
  noteWithinLimit(text, 'text');
  const item = input.item === undefined ? undefined : requireItem(ctx.curriculum, input.item);
  const earlier = await recordedUnder(ctx, input.id, 'note', { item: item?.key, text });
  if (earlier) return { event: earlier.event, item };
  const event = made(newEvent('note', { text, ...(item ? { item: item.key } : {}) }, ctx.clock()), input.id);
  await ctx.store.appendEvents(ctx.learnerId, [event]);
  return { event, item };
}

export interface UndoResult {
  /** The events cancelled: the step, and the hours a tick logged with it. */
  readonly undone: readonly ProgressEvent[];
  /** The undo events appended, one per event cancelled. */
  readonly events: readonly ProgressEvent[];
}

/**
 * Undo the latest step still in force, or the event `eventId` names. Undefined when there is
 * nothing to undo. Undoing an undo (by its id) puts the step back.
 * @throws LearnerError NOT_FOUND for an unknown id, CONFLICT for an event already undone.
 */
export async function undo(
  ctx: LearnerContext,
  input: { eventId?: string | undefined } = {},
): Promise<UndoResult | undefined> {
  const events = await ctx.store.listEvents(ctx.learnerId);
  const cancelled = cancelledIds(events);
  let target: ProgressEvent | undefined;
  if (input.eventId === undefined) {
    target = lastUndoable(events);
    if (!target) return undefined;
  } else {
    const id = withinLimit(input.eventId.trim(), MAX_ID_LENGTH, 'eventId');
    target = events.find((e) => e.id === id);
    if (!target) {
      throw new LearnerError({
        code: 'NOT_FOUND',
        reason: 'unknown-event',
        key: 'learner.unknownEvent',
        params: { id },
        details: { id },
        problems: [codedProblem('learner.unknownEvent', { id }, { path: 'eventId' })],
      });
    }
    if (cancelled.has(target.id)) {
      throw new LearnerError({
        code: 'CONFLICT',
        reason: 'already-undone',
        key: 'learner.alreadyUndone',
        params: { id: target.id },
        details: { id: target.id },
        problems: [codedProblem('learner.alreadyUndone', { id: target.id }, { path: 'eventId' })],
      });
    }
  }
  // The hours a tick logged go with the tick, whichever of the two is named.
  const byId = new Map(events.map((e) => [e.id, e]));
  if (target.id.endsWith(TICK_HOURS_SUFFIX)) {
    const tick = byId.get(target.id.slice(0, -TICK_HOURS_SUFFIX.length));
    if (tick && !cancelled.has(tick.id)) target = tick;
  }
  const companion = byId.get(`${target.id}${TICK_HOURS_SUFFIX}`);
  const undone = companion && !cancelled.has(companion.id) ? [target, companion] : [target];
  await applyProjectChange(ctx, target, events, 'undo');
  const now = ctx.clock();
  const appended = undone.map((e) => newEvent('undo', { item: e.item, undoes: e.id }, now));
  await ctx.store.appendEvents(ctx.learnerId, appended);
  return { undone, events: appended };
}

/** The events in force, in the order they apply (for a face that lists recent steps). */
export function eventsInForce(events: readonly ProgressEvent[]): ProgressEvent[] {
  const cancelled = cancelledIds(events);
  return orderEvents(events).filter((e) => e.type !== 'undo' && !cancelled.has(e.id));
}
