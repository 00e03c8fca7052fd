/**
 * @module outbox
 * Progress (and review ratings) written while the server cannot be reached, or answers that it cannot store it now
 * (503, or a proxy's 502/504 in front of it), is kept on this device (localStorage,
 * `mlpath.outbox`) and sent, in order, when the server answers again: on the browser's `online`
 * event, every 10 s while something waits, and when the tab comes back into view. Each event
 * carries an id made here, so an event sent twice (its first answer lost) is recorded once.
 */
import { useSyncExternalStore } from 'react';
import { api, ApiError, type EventInput, type RatingInput } from './api.js';
import { invalidate, PROGRESS_KEYS } from './resource.js';

/**
 * A step waiting to be sent, with its id: the body of POST /api/progress/events, or a review rating
 * (`type: 'reviewed'`, the body of POST /api/review/ratings).
 */
export type Pending =
  (EventInput & { readonly id: string }) | (RatingInput & { readonly type: 'reviewed'; readonly id: string });

/** Send one waiting step to the route it belongs to. */
function send(step: Pending): Promise<unknown> {
  if (step.type === 'reviewed') return api.rate({ id: step.id, card: step.card, rating: step.rating });
  return api.record(step);
}

const KEY = 'mlpath.outbox';
const RETRY_MS = 10_000;
const listeners = new Set<() => void>();
let cache: readonly Pending[] | undefined;
let flushing: Promise<void> | undefined;
let timer: ReturnType<typeof setInterval> | undefined;

function read(): readonly Pending[] {
  if (cache) return cache;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    cache = Array.isArray(parsed) ? (parsed as Pending[]) : [];
  } catch {
    cache = [];
  }
  return cache;
}

function write(next: readonly Pending[]): void {
  cache = next;
  try {
    if (next.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or off: the queue still lives for this page.
  }
  schedule();
  for (const listener of listeners) listener();
}

function schedule(): void {
  const waiting = read().length > 0;
  if (waiting && timer === undefined) timer = setInterval(() => void flush(), RETRY_MS);
  if (!waiting && timer !== undefined) {
    clearInterval(timer);
    timer = undefined;
  }
}

/** A random id (a UUID v4), made with `getRandomValues`, which works on plain http too. */
export function eventId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Whether a failed send is worth keeping and sending again: the server was not reached, or said
 * "not now" (503: its database is unavailable or busy; 502/504: a proxy in front got no answer).
 * Any other answer is final.
 */
export function worthRetrying(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.code === 'NETWORK' || error.status === 502 || error.status === 503 || error.status === 504;
}

/**
 * Record a progress event: sent now when the server answers, else kept and sent later. Resolves
 * how (`sent` or `kept`) and the event's id; any answer from the server other than success is
 * thrown as is.
 */
export async function record(
  event: EventInput | (RatingInput & { readonly type: 'reviewed' }),
): Promise<{ how: 'sent' | 'kept'; id: string }> {
  const pending = { ...event, id: eventId() } as Pending;
  // Behind events already waiting: they are sent first, in the order they were made.
  if (read().length > 0) {
    write([...read(), pending]);
    void flush();
    return { how: 'kept', id: pending.id };
  }
  try {
    await send(pending);
    return { how: 'sent', id: pending.id };
  } catch (error) {
    if (!worthRetrying(error)) throw error;
    write([...read(), pending]);
    return { how: 'kept', id: pending.id };
  }
}

/** Take back an event still waiting to be sent; false when it has been sent (undo it on the server). */
export function cancel(id: string): boolean {
  const waiting = read();
  if (!waiting.some((e) => e.id === id)) return false;
  write(waiting.filter((e) => e.id !== id));
  return true;
}

/** Send what waits, oldest first; stops at the first network failure. Refreshes progress after. */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      for (let next = read()[0]; next; next = read()[0]) {
        try {
          await send(next);
        } catch (error) {
          if (worthRetrying(error)) return;
          // No session (a multi-user server): kept until the person signs in again (see account.ts).
          if (error instanceof ApiError && error.status === 401) return;
          // Refused by the server (an item renamed away meanwhile): dropping it is all that can be done.
        }
        write(read().slice(1));
        sent += 1;
      }
    } finally {
      flushing = undefined;
      if (sent > 0) await invalidate(...PROGRESS_KEYS);
    }
  })();
  return flushing;
}

/** The events waiting to be sent, re-rendering when that changes. */
export function usePending(): readonly Pending[] {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
}

/** Start sending what waits from an earlier visit, and whenever the connection returns. */
export function startOutbox(): void {
  window.addEventListener('online', () => void flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flush();
  });
  // Another tab queued or sent something.
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY) return;
    cache = undefined;
    schedule();
    for (const listener of listeners) listener();
  });
  schedule();
  if (read().length > 0) void flush();
}

/** Item statuses as the server knows them, with the events still waiting laid over, in order. */
export function withPending(
  items: Readonly<Record<string, string>>,
  pending: readonly Pending[],
): Readonly<Record<string, string>> {
  const out: Record<string, string> = { ...items };
  for (const event of pending) {
    if (event.type === 'hours' || event.type === 'note' || event.type === 'reviewed') continue;
    if (event.type === 'reset') delete out[event.item];
    else out[event.item] = event.type === 'started' ? 'learning' : event.type;
  }
  return out;
}

/** Hours waiting to be sent that fall within a week (`start`..`end`, `YYYY-MM-DD`). */
export function pendingHours(pending: readonly Pending[], start: string, end: string): number {
  return pending.reduce(
    (sum, e) => (e.type === 'hours' && e.date !== undefined && e.date >= start && e.date <= end ? sum + e.hours : sum),
    0,
  );
}

/** Drop everything waiting (another person signs in at this browser: it was not theirs to send). */
export function discardAll(): void {
  write([]);
}
