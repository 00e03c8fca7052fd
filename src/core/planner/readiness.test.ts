import { describe, expect, it } from 'vitest';
import { doneSkills, readinessFor } from './readiness.js';
import type { ProgressState } from '../plan-model.js';
import { fixture, miniCurriculum } from './test-support/fixtures.js';

const c = miniCurriculum();
const none = { skills: new Map(), items: new Map(), logged: [], loggedByItem: new Map() } as const;
const states = (curriculum: typeof c, progress: ProgressState, known: readonly string[] = []) => ({
  done: doneSkills(curriculum, progress, known),
});

describe('readinessFor', () => {
  it('is 0% with nothing done and lists the heaviest gaps first', () => {
    const r = readinessFor(c, 'ml-engineer', states(c, none));
    expect(r.percent).toBe(0);
    expect(r.gaps[0]).toEqual({ skill: 'dl-basics', weight: 3 });
    expect(r.gaps.map((g) => g.skill)).toEqual(['dl-basics', 'ml-basics', 'python', 'python-style']);
  });

  it('counts skills marked done, known, or taught by a finished resource or unit', () => {
    // Weights: dl-basics 3, ml-basics 2, python 1, python-style 1 (total 7).
    const r = readinessFor(
      c,
      'ml-engineer',
      states(
        c,
        {
          skills: new Map([['python', 'done']]),
          items: new Map([['ml', 'done']]),
          logged: [],
          loggedByItem: new Map(),
        },
        ['python-style'],
      ),
    );
    expect(r.percent).toBeCloseTo((100 * 4) / 7, 1);
    expect(r.gaps).toEqual([{ skill: 'dl-basics', weight: 3 }]);
  });

  it('weighs a done skill by how well it is remembered, when review says so', () => {
    // Weights: dl-basics 3, ml-basics 2, python 1, python-style 1 (total 7); python recalled at 50%.
    const progress = {
      skills: new Map([['python', 'done' as const]]),
      items: new Map([['ml', 'done' as const]]),
      logged: [],
      loggedByItem: new Map(),
    };
    const done = states(c, progress, ['python-style']);
    const r = readinessFor(c, 'ml-engineer', done, new Map([['python', 0.5]]));
    expect(r.percent).toBeCloseTo((100 * 3.5) / 7, 1);
    expect(readinessFor(c, 'ml-engineer', done).percent).toBeCloseTo((100 * 4) / 7, 1);
  });

  it('does not count skipped skills as done', () => {
    const r = readinessFor(
      c,
      undefined,
      states(c, { skills: new Map([['dl-basics', 'skipped']]), items: new Map(), logged: [], loggedByItem: new Map() }),
    );
    expect(r.percent).toBe(0);
  });

  it('weighs every skill equally in a curriculum without roles', () => {
    const imported = fixture({ skills: { a: [], b: ['a'], c: [], d: [] } });
    const r = readinessFor(
      imported,
      undefined,
      states(imported, { skills: new Map([['a', 'done']]), items: new Map(), logged: [], loggedByItem: new Map() }),
    );
    expect(r.percent).toBe(25);
    expect(r.gaps).toHaveLength(3);
  });

  it('is 100% with every weighted skill done', () => {
    const done = new Map(['dl-basics', 'ml-basics', 'python', 'python-style'].map((s) => [s, 'done' as const]));
    expect(
      readinessFor(c, 'ml-engineer', states(c, { skills: done, items: new Map(), logged: [], loggedByItem: new Map() }))
        .percent,
    ).toBe(100);
  });

  it('measures a role by its market weights when it has them, and finds it by an old id', () => {
    const role = c.roles[0];
    if (!role) throw new Error('fixture has a role');
    const withMarket = {
      ...c,
      roles: [
        {
          ...role,
          aliases: ['old-id'],
          market: [
            { skill: 'nlp-basics', weight: 4 },
            { skill: 'python', weight: 1 },
          ],
        },
      ],
    };
    const r = readinessFor(
      withMarket,
      'old-id',
      states(withMarket, {
        skills: new Map([['python', 'done']]),
        items: new Map(),
        logged: [],
        loggedByItem: new Map(),
      }),
    );
    expect(r.percent).toBe(20);
    expect(r.gaps).toEqual([{ skill: 'nlp-basics', weight: 4 }]);
  });
});
