/**
 * @module store/events
 * New progress events: a random UUID (so merged logs de-duplicate by id) and the current time.
 */
import { randomUUID } from 'node:crypto';
import type { ProgressEvent, ProgressEventType } from '../core/progress-model.js';

export type EventFields = Partial<Pick<ProgressEvent, 'item' | 'hours' | 'date' | 'text' | 'undoes'>>;

export function newEvent(type: ProgressEventType, fields: EventFields = {}, now: Date = new Date()): ProgressEvent {
  return {
    id: randomUUID(),
    type,
    at: now.toISOString(),
    item: fields.item,
    hours: fields.hours,
    date: fields.date,
    text: fields.text,
    undoes: fields.undoes,
  };
}
