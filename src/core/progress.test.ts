import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from './progress-model.js';
import type { ProgressCurriculum, ProgressFold } from './progress.js';
import {
  extendFold,
  FOLD_FORMAT,
  foldEvents,
  foldFromJson,
  foldToJson,
  foldProgress,
  isoWeek,
  itemIndex,
  lastUndoable,
  progressStats,
  resolveItem,
  statsOf,
} from './progress.js';

const curriculum = {
  skills: [
    { id: 'python-programming', aliases: ['python'] },
    { id: 'classical-ml', aliases: [] },
  ],
  resources: [
    { id: 'cs50x', units: [{ id: 'week-0' }, { id: 'week-1' }] },
    { id: 'ml-specialization', units: [] },
  ],
} as unknown as ProgressCurriculum;

let n = 0;
function ev(type: ProgressEvent['type'], fields: Partial<ProgressEvent> = {}): ProgressEvent {
  n++;
  return {
    id: fields.id ?? `e${n}`,
    type,
    at: fields.at ?? `2026-11-${String(10 + (n % 15)).padStart(2, '0')}T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
    item: fields.item,
    hours: fields.hours,
    date: fields.date,
    text: fields.text,
    undoes: fields.undoes,
  };
}
function at(day: number, second = 0): string {
  return `2026-11-${String(day).padStart(2, '0')}T09:00:${String(second).padStart(2, '0')}.000Z`;
}

describe('foldProgress', () => {
  it('gives the last status of each skill and item, and forgets reset ones', () => {
    const state = foldProgress(
      [
        ev('started', { item: 'python-programming', at: at(1) }),
        ev('done', { item: 'python-programming', at: at(2) }),
        ev('started', { item: 'classical-ml', at: at(3) }),
        ev('reset', { item: 'classical-ml', at: at(4) }),
        ev('skipped', { item: 'cs50x/week-0', at: at(5) }),
        ev('done', { item: 'ml-specialization', at: at(6) }),
      ],
      curriculum,
    );
    expect([...state.skills]).toEqual([['python-programming', 'done']]);
    expect(new Map(state.items)).toEqual(
      new Map([
        ['cs50x/week-0', 'skipped'],
        ['ml-specialization', 'done'],
      ]),
    );
  });

  it('follows a skill alias to the skill that replaced it', () => {
    const state = foldProgress([ev('done', { item: 'python', at: at(1) })], curriculum);
    expect(state.skills.get('python-programming')).toBe('done');
    expect(state.skills.has('python')).toBe(false);
  });

  it('applies events in time order even when they were recorded out of order', () => {
    const state = foldProgress(
      [ev('done', { item: 'classical-ml', at: at(5) }), ev('started', { item: 'classical-ml', at: at(2) })],
      curriculum,
    );
    expect(state.skills.get('classical-ml')).toBe('done');
  });

  it('cancels an undone event, and an undone undo restores it', () => {
    const done = ev('done', { item: 'classical-ml', at: at(1) });
    const undo = ev('undo', { undoes: done.id, at: at(2) });
    expect(foldProgress([done, undo], curriculum).skills.has('classical-ml')).toBe(false);
    const redo = ev('undo', { undoes: undo.id, at: at(3) });
    expect(foldProgress([done, undo, redo], curriculum).skills.get('classical-ml')).toBe('done');
  });

  it('undoing a reset brings the earlier status back', () => {
    const started = ev('started', { item: 'classical-ml', at: at(1) });
    const reset = ev('reset', { item: 'classical-ml', at: at(2) });
    const undo = ev('undo', { undoes: reset.id, at: at(3) });
    expect(foldProgress([started, reset, undo], curriculum).skills.get('classical-ml')).toBe('learning');
  });

  it('keeps statuses of ids the curriculum does not know apart from the planner state', () => {
    const stats = progressStats([ev('done', { item: 'quantum-ml', at: at(1) })], curriculum, '2026-11-20');
    expect(stats.skills.size).toBe(0);
    expect(stats.items.size).toBe(0);
    expect(stats.unknown.get('quantum-ml')).toBe('done');
  });

  it('sums logged hours by day and by item, resolved through aliases', () => {
    const state = foldProgress(
      [
        ev('hours', { hours: 1.5, date: '2026-11-02', item: 'python', at: at(3) }),
        ev('hours', { hours: 1, date: '2026-11-02', item: undefined, at: at(3, 1) }),
        ev('hours', { hours: 2, date: '2026-11-04', item: 'python-programming', at: at(4) }),
      ],
      curriculum,
    );
    expect(state.logged).toEqual([
      { date: '2026-11-02', hours: 2.5 },
      { date: '2026-11-04', hours: 2 },
    ]);
    expect([...state.loggedByItem]).toEqual([
      ['python-programming', 3.5],
      ['', 1],
    ]);
  });
});

describe('lastUndoable', () => {
  it('walks back through the log one event per undo', () => {
    const a = ev('done', { item: 'classical-ml', at: at(1) });
    const b = ev('hours', { hours: 2, at: at(2) });
    expect(lastUndoable([a, b])?.id).toBe(b.id);
    const undoB = ev('undo', { undoes: b.id, at: at(3) });
    expect(lastUndoable([a, b, undoB])?.id).toBe(a.id);
    const undoA = ev('undo', { undoes: a.id, at: at(4) });
    expect(lastUndoable([a, b, undoB, undoA])).toBeUndefined();
  });
});

describe('progressStats', () => {
  const events = [
    ev('hours', { hours: 2, date: '2026-11-16', at: at(16) }), // Monday of W47
    ev('hours', { hours: 1.25, date: '2026-11-18', at: at(18) }),
    ev('hours', { hours: 3, date: '2026-11-23', at: at(23) }), // Monday of W48
    ev('hours', { hours: 0.5, date: '2026-11-24', at: at(24) }),
    ev('done', { item: 'classical-ml', at: '2026-11-25T08:00:00.000Z' }),
  ];

  it('sums hours per ISO week and in total, leaving out undone hours', () => {
    const extra = ev('hours', { hours: 10, date: '2026-11-24', at: at(24, 30) });
    const stats = progressStats(
      [...events, extra, ev('undo', { undoes: extra.id, at: at(25, 1) })],
      curriculum,
      '2026-11-25',
    );
    expect(stats.hoursByWeek.get('2026-W47')).toBe(3.25);
    expect(stats.hoursByWeek.get('2026-W48')).toBe(3.5);
    expect(stats.totalHours).toBe(6.75);
    expect(stats.hoursThisWeek).toBe(3.5);
  });

  it('counts the streak of consecutive active days ending today', () => {
    expect(progressStats(events, curriculum, '2026-11-25').streakDays).toBe(3);
  });

  it('keeps a streak alive through today until the day is over', () => {
    expect(progressStats(events, curriculum, '2026-11-26').streakDays).toBe(3);
    expect(progressStats(events, curriculum, '2026-11-27').streakDays).toBe(0);
  });

  it('collects rubric ticks per project (a note counts as an event in force, nothing more)', () => {
    const tick = ev('project-milestone', { item: 'chatbot', text: 'front-end', at: at(2) });
    const tick2 = ev('project-milestone', { item: 'chatbot', text: 'write-up', at: at(3) });
    const stats = progressStats(
      [tick, tick2, ev('undo', { undoes: tick2.id, at: at(4) }), ev('note', { text: '读完第一章', at: at(5) })],
      curriculum,
      '2026-11-05',
    );
    expect([...(stats.projectTicks.get('chatbot') ?? [])]).toEqual(['front-end']);
    expect(stats.effectiveEvents).toBe(2);
  });
});

describe('dates', () => {
  it('numbers ISO weeks across a year boundary', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-11-29')).toBe('2026-W48');
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
  });

  it('resolves skills, aliases, resources and units, and nothing else', () => {
    const index = itemIndex(curriculum);
    expect(resolveItem(index, 'python')).toEqual({ kind: 'skill', key: 'python-programming' });
    expect(resolveItem(index, 'cs50x')).toEqual({ kind: 'resource', key: 'cs50x' });
    expect(resolveItem(index, 'cs50x/week-1')).toEqual({ kind: 'unit', key: 'cs50x/week-1' });
    expect(resolveItem(index, 'cs50x/week-9')).toBeUndefined();
  });
});

describe('fold properties', () => {
  const ids = ['python-programming', 'python', 'linear-algebra', 'cs50p', 'cs50p/week-0', 'unknown-thing'];
  const arbEvent = fc.record({
    type: fc.constantFrom('started', 'done', 'skipped', 'reset', 'hours', 'note') as fc.Arbitrary<
      ProgressEvent['type']
    >,
    item: fc.constantFrom(...ids),
    hours: fc.integer({ min: 1, max: 16 }).map((q) => q / 4),
    day: fc.integer({ min: 1, max: 28 }),
  });
  const arbLog = fc.array(arbEvent, { minLength: 1, maxLength: 40 }).map((raw) =>
    raw.map((r, i): ProgressEvent => ({
      id: `p${i}`,
      type: r.type,
      at: `2026-11-${String(r.day).padStart(2, '0')}T10:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`,
      item: r.type === 'note' ? undefined : r.item,
      hours: r.type === 'hours' ? r.hours : undefined,
      date: r.type === 'hours' ? `2026-11-${String(r.day).padStart(2, '0')}` : undefined,
      text: r.type === 'note' ? 'n' : undefined,
      undoes: undefined,
    })),
  );
  const plain = (events: readonly ProgressEvent[]) => {
    const s = progressStats(events, curriculum, '2026-11-28');
    return {
      skills: [...s.skills].sort(),
      items: [...s.items].sort(),
      unknown: [...s.unknown].sort(),
      total: s.totalHours,
      weeks: [...s.hoursByWeek].sort(),
    };
  };

  it('undoing an event gives the state of the log without it', () => {
    fc.assert(
      fc.property(arbLog, fc.nat(), (log, pick) => {
        const target = log[pick % log.length] as ProgressEvent;
        const undo: ProgressEvent = {
          ...target,
          id: 'u',
          type: 'undo',
          at: '2026-12-01T00:00:00.000Z',
          item: undefined,
          hours: undefined,
          date: undefined,
          text: undefined,
          undoes: target.id,
        };
        expect(plain([...log, undo])).toEqual(plain(log.filter((e) => e.id !== target.id)));
      }),
    );
  });

  it('the order events were recorded in does not matter, only when they happened', () => {
    fc.assert(
      fc.property(arbLog, (log) => {
        expect(plain([...log].reverse())).toEqual(plain(log));
      }),
    );
  });

  it('undo of the undo restores the state', () => {
    fc.assert(
      fc.property(arbLog, (log) => {
        const last = lastUndoable(log) as ProgressEvent;
        const undo: ProgressEvent = {
          ...last,
          id: 'u1',
          type: 'undo',
          at: '2026-12-01T00:00:00.000Z',
          item: undefined,
          hours: undefined,
          date: undefined,
          text: undefined,
          undoes: last.id,
        };
        const redo: ProgressEvent = { ...undo, id: 'u2', at: '2026-12-02T00:00:00.000Z', undoes: 'u1' };
        expect(plain([...log, undo, redo])).toEqual(plain(log));
      }),
    );
  });
});

describe('a stored fold', () => {
  const ids = ['python-programming', 'python', 'linear-algebra', 'cs50p', 'cs50p/week-0', 'unknown-thing'];
  const arbLog = fc
    .array(
      fc.record({
        type: fc.constantFrom('started', 'done', 'skipped', 'reset', 'hours', 'note', 'project-milestone', 'undo'),
        item: fc.constantFrom(...ids),
        back: fc.nat(),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((raw) =>
      raw.map((r, i): ProgressEvent => ({
        id: `e${i}`,
        type: r.type as ProgressEvent['type'],
        at: `2026-11-${String(r.day).padStart(2, '0')}T10:00:00.000Z`,
        item: r.type === 'note' || r.type === 'undo' ? undefined : r.item,
        hours: r.type === 'hours' ? 0.5 + (i % 4) : undefined,
        date: r.type === 'hours' ? `2026-11-${String(r.day).padStart(2, '0')}` : undefined,
        text: r.type === 'note' ? `n${i}` : r.type === 'project-milestone' ? 'front-end' : undefined,
        undoes: r.type === 'undo' && i > 0 ? `e${r.back % i}` : undefined,
      })),
    );
  const index = itemIndex(curriculum);

  it('extended by the events recorded since is the fold of the whole log, or refuses', () => {
    fc.assert(
      fc.property(arbLog, fc.nat(), (log, cut) => {
        const at = cut % (log.length + 1);
        const whole = foldEvents(log, index);
        const stored = foldFromJson(foldToJson(foldEvents(log.slice(0, at), index)));
        expect(stored).toBeDefined();
        const extended = extendFold(stored as ProgressFold, log.slice(at), index);
        const rest = log.slice(at);
        // It refuses exactly when it must: an undo, or an event dated before one already folded.
        const latest = log.slice(0, at).reduce((m, e) => (e.at > m ? e.at : m), '');
        const mustRefuse =
          rest.some((e) => e.type === 'undo') ||
          rest.some(
            (e, i) => e.at < [latest, ...rest.map((r) => r.at)].slice(0, i + 1).reduce((m, x) => (x > m ? x : m), ''),
          );
        expect(extended === undefined).toBe(mustRefuse);
        if (extended) {
          expect(foldToJson(extended)).toBe(foldToJson(whole));
          expect(statsOf(extended, '2026-11-28')).toEqual(progressStats(log, curriculum, '2026-11-28'));
        }
      }),
    );
  });

  it('leaves the fold it extends as it was, and reads only its own format', () => {
    const first: ProgressEvent = {
      id: 'a',
      type: 'done',
      at: '2026-11-02T10:00:00.000Z',
      item: 'python',
      hours: undefined,
      date: undefined,
      text: undefined,
      undoes: undefined,
    };
    const fold = foldEvents([first], index);
    const before = foldToJson(fold);
    const later: ProgressEvent = { ...first, id: 'b', type: 'reset', at: '2026-11-03T10:00:00.000Z' };
    expect(extendFold(fold, [later], index)?.skills.size).toBe(0);
    expect(foldToJson(fold)).toBe(before);
    // Hours on one day, and on one item, are summed; the fold extended keeps its own sums.
    const hours = (id: string, minute: number, h: number): ProgressEvent => ({
      ...first,
      id,
      type: 'hours',
      at: `2026-11-04T10:${String(minute).padStart(2, '0')}:00.000Z`,
      item: 'cs50p',
      hours: h,
      date: '2026-11-04',
    });
    const logged = foldEvents([hours('h1', 0, 1), hours('h2', 1, 0.5)], index);
    const sums = (f: ProgressFold | undefined) => f && [[...f.hoursByDay], [...f.hoursByItem]];
    expect(sums(logged)).toEqual([[['2026-11-04', 1.5]], [['cs50p', 1.5]]]);
    expect(sums(extendFold(logged, [hours('h3', 2, 2)], index))).toEqual([[['2026-11-04', 3.5]], [['cs50p', 3.5]]]);
    expect(sums(logged)).toEqual([[['2026-11-04', 1.5]], [['cs50p', 1.5]]]);
    expect(foldFromJson(before.replace(`"format":${FOLD_FORMAT}`, '"format":0'))).toBeUndefined();
    expect(foldFromJson('not json')).toBeUndefined();
  });
});
