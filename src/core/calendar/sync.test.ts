import { describe, expect, it } from 'vitest';
import type { CalendarRecord, CurrentEvent } from './sync.js';
import { firstOccurrences, isOver, reconcile } from './sync.js';

function current(uid: string, start: string, fingerprint = `fp-${start}`): CurrentEvent {
  return {
    uid,
    subject: 'task:a',
    occurrence: Number(uid.slice(1)),
    fingerprint,
    allDay: true,
    start,
    end: start,
    timeZone: undefined,
    summary: uid,
  };
}

function record(event: CurrentEvent, sequence: number, state: CalendarRecord['state'] = 'active'): CalendarRecord {
  return { ...event, sequence, state, updatedAt: '2026-11-01T00:00:00.000Z' };
}

const AT = '2026-12-01T08:00:00.000Z';

describe('reconcile', () => {
  it('starts new events at 0, keeps unchanged ones and raises changed ones by one', () => {
    const a = current('a0', '2026-12-07');
    const b = current('a1', '2026-12-14');
    const result = reconcile(
      [record(a, 3), record(b, 1)],
      [a, { ...b, fingerprint: 'moved' }, current('a2', '2026-12-21')],
      '2026-12-01',
      AT,
    );
    expect([...result.sequence]).toEqual([
      ['a0', 3],
      ['a1', 2],
      ['a2', 0],
    ]);
    expect(result.changed.map((r) => [r.uid, r.sequence, r.state])).toEqual([
      ['a1', 2, 'active'],
      ['a2', 0, 'active'],
    ]);
    expect(result.cancelled).toEqual([]);
  });

  it('cancels an event still ahead that left the plan in every export until it is over, and lets one that is over go quietly', () => {
    const ahead = current('a3', '2026-12-28');
    const over = current('a0', '2026-11-23');
    const first = reconcile([record(ahead, 2), record(over, 0)], [], '2026-12-01', AT);
    expect(first.cancelled.map((r) => [r.uid, r.sequence, r.state])).toEqual([['a3', 3, 'cancelled']]);
    expect(first.changed.map((r) => [r.uid, r.state])).toEqual([
      ['a3', 'cancelled'],
      ['a0', 'past'],
    ]);
    // Sent again, unchanged (same SEQUENCE, nothing to write), however often the plan is exported.
    const second = reconcile(first.changed, [], '2026-12-01', AT);
    expect(second.cancelled.map((r) => [r.uid, r.sequence, r.state])).toEqual([['a3', 3, 'cancelled']]);
    expect(second.changed).toEqual([]);
    // Once its day is over it is sent no more, and its record stays cancelled.
    const after = reconcile(first.changed, [], '2026-12-29', AT);
    expect(after.cancelled).toEqual([]);
    expect(after.changed).toEqual([]);
  });

  it('brings a cancelled event back with a higher SEQUENCE', () => {
    const back = current('a3', '2026-12-28');
    const result = reconcile([record(back, 3, 'cancelled')], [back], '2026-12-01', AT);
    expect(result.sequence.get('a3')).toBe(4);
  });
});

describe('firstOccurrences and isOver', () => {
  it('counts on from the last occurrence already over, per subject', () => {
    const records = [
      record(current('a0', '2026-11-16'), 0),
      record({ ...current('a1', '2026-11-23'), end: '2026-11-30' }, 0),
      record(current('a2', '2026-12-07'), 0),
      record(current('a5', '2026-11-01'), 1, 'cancelled'),
    ];
    expect([...firstOccurrences(records, '2026-11-30')]).toEqual([['task:a', 2]]);
    expect(isOver({ allDay: false, end: '2026-11-29T21:00:00' }, '2026-11-30')).toBe(true);
    expect(isOver({ allDay: false, end: '2026-11-30T21:00:00' }, '2026-11-30')).toBe(false);
  });
});
