import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from './progress-model.js';
import type { ProgressCurriculum } from './progress.js';
import { foldProgress, isoWeek, lastUndoable, progressStats, resolveItem, itemIndex, weekStart } from './progress.js';

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

  it('lists logged hours with their day and item, resolved through aliases', () => {
    const state = foldProgress(
      [ev('hours', { hours: 1.5, date: '2026-11-02', item: 'python', at: at(3) })],
      curriculum,
    );
    expect(state.logged).toEqual([{ date: '2026-11-02', hours: 1.5, item: 'python-programming' }]);
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

  it('collects rubric ticks per project and notes', () => {
    const tick = ev('project-milestone', { item: 'chatbot', text: 'front-end', at: at(2) });
    const tick2 = ev('project-milestone', { item: 'chatbot', text: 'write-up', at: at(3) });
    const stats = progressStats(
      [tick, tick2, ev('undo', { undoes: tick2.id, at: at(4) }), ev('note', { text: '读完第一章', at: at(5) })],
      curriculum,
      '2026-11-05',
    );
    expect([...(stats.projectTicks.get('chatbot') ?? [])]).toEqual(['front-end']);
    expect(stats.notes.map((note) => note.text)).toEqual(['读完第一章']);
  });
});

describe('dates', () => {
  it('numbers ISO weeks across a year boundary', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
  });

  it('resolves skills, aliases, resources and units, and nothing else', () => {
    const index = itemIndex(curriculum);
    expect(resolveItem(index, 'python')).toEqual({ kind: 'skill', key: 'python-programming' });
    expect(resolveItem(index, 'cs50x')).toEqual({ kind: 'resource', key: 'cs50x' });
    expect(resolveItem(index, 'cs50x/week-1')).toEqual({ kind: 'unit', key: 'cs50x/week-1' });
    expect(resolveItem(index, 'cs50x/week-9')).toBeUndefined();
  });
});
