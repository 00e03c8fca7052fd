import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestors,
  descendants,
  findCycle,
  neededClosure,
  skillGraphFrom,
  transitiveReduction,
  tryTopologicalOrder,
} from './graph.js';
import type { GraphNodeInput } from './graph.js';

/** `node('c', 'a', 'b')`: skill c requires a and b. */
const node = (id: string, ...requires: string[]): GraphNodeInput => ({
  id,
  requires: requires.map((skill) => ({ skill })),
});

describe('tryTopologicalOrder', () => {
  it('puts prerequisites first and breaks ties by authored order', () => {
    const graph = skillGraphFrom([node('d', 'b'), node('c'), node('b', 'a'), node('a')]);
    const result = tryTopologicalOrder(graph);
    expect(result).toEqual({ ok: true, order: ['c', 'a', 'b', 'd'] });
  });

  it('orders only the subset asked for', () => {
    const graph = skillGraphFrom([node('a'), node('b', 'a'), node('c', 'b')]);
    expect(tryTopologicalOrder(graph, ['c', 'a'])).toEqual({ ok: true, order: ['a', 'c'] });
  });

  it('reports the whole cycle instead of an order', () => {
    const graph = skillGraphFrom([node('x'), node('a', 'b'), node('b', 'c'), node('c', 'a')]);
    const result = tryTopologicalOrder(graph);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.cycle).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('findCycle', () => {
  it('returns undefined for a DAG', () => {
    expect(findCycle(skillGraphFrom([node('a'), node('b', 'a'), node('c', 'a', 'b')]))).toBeUndefined();
  });

  it('names a self-requirement as a cycle of one', () => {
    expect(findCycle(skillGraphFrom([node('a', 'a')]))).toEqual(['a', 'a']);
  });

  it('finds a cycle reached through a path that is not on it', () => {
    const cycle = findCycle(skillGraphFrom([node('start', 'p'), node('p', 'q'), node('q', 'r'), node('r', 'p')]));
    expect(cycle).toEqual(['p', 'q', 'r', 'p']);
  });
});

describe('ancestors and descendants', () => {
  const graph = skillGraphFrom([node('a'), node('b', 'a'), node('c', 'b'), node('d', 'a'), node('e')]);

  it('collects every prerequisite, directly or not', () => {
    expect([...ancestors(graph, ['c'])].sort()).toEqual(['a', 'b']);
  });

  it('collects every dependant, directly or not', () => {
    expect([...descendants(graph, ['a'])].sort()).toEqual(['b', 'c', 'd']);
    expect([...descendants(graph, ['e'])]).toEqual([]);
  });
});

describe('neededClosure', () => {
  // algebra <- calculus <- backprop; algebra <- linear-algebra <- backprop
  const graph = skillGraphFrom([
    node('algebra'),
    node('calculus', 'algebra'),
    node('linear-algebra', 'algebra'),
    node('backprop', 'calculus', 'linear-algebra'),
    node('unrelated'),
  ]);

  it('takes the targets and all their prerequisites in order', () => {
    expect(neededClosure(graph, ['backprop']).order).toEqual(['algebra', 'calculus', 'linear-algebra', 'backprop']);
  });

  it('drops known skills', () => {
    expect(neededClosure(graph, ['backprop'], ['linear-algebra']).order).toEqual(['algebra', 'calculus', 'backprop']);
  });

  it('drops prerequisites reachable only through known skills', () => {
    const chain = skillGraphFrom([node('a'), node('b', 'a'), node('c', 'b')]);
    expect(neededClosure(chain, ['c'], ['b']).order).toEqual(['c']);
  });

  it('keeps a prerequisite that another path still needs', () => {
    expect(neededClosure(graph, ['backprop'], ['calculus']).order).toEqual(['algebra', 'linear-algebra', 'backprop']);
  });

  it('needs nothing for a known target', () => {
    expect(neededClosure(graph, ['backprop'], ['backprop']).order).toEqual([]);
  });

  it('asks only for the shortcut of a prerequisite marked shortcut, unless another path needs it whole', () => {
    const nodes: GraphNodeInput[] = [
      { id: 'basics', requires: [] },
      { id: 'deep', requires: [] },
      { id: 'prob', requires: [{ skill: 'deep' }], shortcut: { requires: [{ skill: 'basics' }] } },
      { id: 'target', requires: [{ skill: 'prob', shortcut: true }] },
      { id: 'other', requires: [{ skill: 'prob' }] },
    ];
    const g = skillGraphFrom(nodes);
    const viaShortcut = neededClosure(g, ['target']);
    expect(viaShortcut.order).toEqual(['basics', 'prob', 'target']);
    expect(viaShortcut.level.get('prob')).toBe('shortcut');
    const both = neededClosure(g, ['target', 'other']);
    expect(both.level.get('prob')).toBe('full');
    expect(both.order).toContain('deep');
  });
});

describe('transitiveReduction', () => {
  it('drops an edge implied by a longer path', () => {
    const graph = skillGraphFrom([node('a'), node('b', 'a'), node('c', 'a', 'b')]);
    expect(transitiveReduction(graph)).toEqual([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ]);
  });
});

/** A random DAG: node i may require any node j < i. */
const randomDag = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }).map((pairs) => {
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, requires: [] as { skill: string }[] }));
    for (const [x, y] of pairs) {
      const [lo, hi] = x < y ? [x, y] : [y, x];
      if (lo !== hi) nodes[hi]?.requires.push({ skill: `s${lo}` });
    }
    // Shuffle the authored order deterministically so that ids do not hint at the order.
    return nodes.reverse();
  }),
);

describe('graph properties', () => {
  it('orders every prerequisite before its dependant, on random DAGs', () => {
    fc.assert(
      fc.property(randomDag, (nodes) => {
        const graph = skillGraphFrom(nodes);
        const result = tryTopologicalOrder(graph);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const position = new Map(result.order.map((id, i) => [id, i]));
        for (const n of nodes)
          for (const r of n.requires) expect(position.get(r.skill)).toBeLessThan(position.get(n.id) ?? -1);
      }),
    );
  });

  it('gives a closure closed under prerequisites that never contains a known skill', () => {
    fc.assert(
      fc.property(randomDag, fc.nat(), fc.nat(), (nodes, t, k) => {
        const graph = skillGraphFrom(nodes);
        const target = nodes[t % nodes.length]?.id ?? '';
        const known = nodes[k % nodes.length]?.id ?? '';
        const closure = neededClosure(graph, [target], [known]);
        const members = new Set(closure.order);
        expect(members.has(known)).toBe(false);
        for (const n of nodes) {
          if (!members.has(n.id)) continue;
          for (const r of n.requires) if (r.skill !== known) expect(members.has(r.skill)).toBe(true);
        }
      }),
    );
  });

  it('keeps reachability under transitive reduction', () => {
    fc.assert(
      fc.property(randomDag, (nodes) => {
        const graph = skillGraphFrom(nodes);
        const reduced = skillGraphFrom(
          nodes.map((n) => ({
            id: n.id,
            requires: transitiveReduction(graph)
              .filter((e) => e.to === n.id)
              .map((e) => ({ skill: e.from })),
          })),
        );
        for (const n of nodes)
          expect([...ancestors(reduced, [n.id])].sort()).toEqual([...ancestors(graph, [n.id])].sort());
      }),
      { numRuns: 50 },
    );
  });
});
