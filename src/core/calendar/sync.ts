/**
 * @module calendar/sync
 * Keeping a learner's calendar in step with a plan that moves. Every export (a file or the feed)
 * is compared with the record of what was last exported under each UID:
 * - an event whose content is unchanged keeps its SEQUENCE; one that changed (moved, renamed,
 *   resized) goes up by one, so calendar apps replace their copy (RFC 5545 §3.8.7.4);
 * - an event that left the plan and has not yet happened is sent as cancelled, with a higher
 *   SEQUENCE, in every export until its time is over: a file downloaded and never imported, or the
 *   feed fetched before the file (they share the record), must not use up the cancellation a later
 *   import needs;
 * - an event that is over drops out quietly: it is history, not a cancellation.
 * Pure: "today" and the export instant are arguments.
 */

/** What was last exported under one UID. */
export interface CalendarRecord {
  readonly uid: string;
  /** `task:<key>` or `milestone:<stage>` (see calendar/entries). */
  readonly subject: string;
  readonly occurrence: number;
  readonly sequence: number;
  /** A digest of everything the event showed (times, title, text); a change raises SEQUENCE. */
  readonly fingerprint: string;
  /** `active`: in the last export; `cancelled`: left the plan, sent as cancelled; `past`: over, no longer sent. */
  readonly state: 'active' | 'cancelled' | 'past';
  readonly allDay: boolean;
  /** All day: `YYYY-MM-DD` (end exclusive); timed: local `YYYY-MM-DDTHH:MM:00`. */
  readonly start: string;
  readonly end: string;
  readonly timeZone: string | undefined;
  readonly summary: string;
  /** The export instant that last changed this record (ISO). */
  readonly updatedAt: string;
}

/** An event of the export being made, before its SEQUENCE is known. */
export type CurrentEvent = Omit<CalendarRecord, 'sequence' | 'state' | 'updatedAt'>;

export interface SyncResult {
  /** SEQUENCE per UID of the current events. */
  readonly sequence: ReadonlyMap<string, number>;
  /** Events to send as cancelled this time (with their new SEQUENCE). */
  readonly cancelled: readonly CalendarRecord[];
  /** Records to write (new or changed); unchanged ones are left out. */
  readonly changed: readonly CalendarRecord[];
}

/** Whether a record's event is over on `today` (`YYYY-MM-DD`). */
export function isOver(record: Pick<CalendarRecord, 'allDay' | 'end'>, today: string): boolean {
  return record.allDay ? record.end <= today : record.end.slice(0, 10) < today;
}

/**
 * Per subject, the occurrence the next export starts counting from: one past the last occurrence
 * that is already over (so pieces still ahead keep their numbers).
 */
export function firstOccurrences(records: readonly CalendarRecord[], today: string): Map<string, number> {
  const first = new Map<string, number>();
  for (const r of records) {
    if (r.state === 'cancelled' || !isOver(r, today)) continue;
    first.set(r.subject, Math.max(first.get(r.subject) ?? 0, r.occurrence + 1));
  }
  return first;
}

/** Compare the current events with the records; see the module comment for the rules. */
export function reconcile(
  records: readonly CalendarRecord[],
  current: readonly CurrentEvent[],
  today: string,
  at: string,
): SyncResult {
  const byUid = new Map(records.map((r) => [r.uid, r]));
  const sequence = new Map<string, number>();
  const changed: CalendarRecord[] = [];
  const cancelled: CalendarRecord[] = [];
  const seen = new Set<string>();
  for (const event of current) {
    seen.add(event.uid);
    const before = byUid.get(event.uid);
    const same = before !== undefined && before.state === 'active' && before.fingerprint === event.fingerprint;
    const next = before === undefined ? 0 : same ? before.sequence : before.sequence + 1;
    sequence.set(event.uid, next);
    if (!same) changed.push({ ...event, sequence: next, state: 'active', updatedAt: at });
  }
  for (const record of records) {
    if (seen.has(record.uid) || record.state === 'past') continue;
    if (record.state === 'cancelled') {
      // Sent again as it was (same SEQUENCE) while still ahead; left as it is once over, so counting
      // occurrences (firstOccurrences) never takes it for a piece done.
      if (!isOver(record, today)) cancelled.push(record);
      continue;
    }
    if (isOver(record, today)) {
      changed.push({ ...record, state: 'past', updatedAt: at });
      continue;
    }
    const gone: CalendarRecord = { ...record, sequence: record.sequence + 1, state: 'cancelled', updatedAt: at };
    cancelled.push(gone);
    changed.push(gone);
  }
  return { sequence, cancelled, changed };
}
