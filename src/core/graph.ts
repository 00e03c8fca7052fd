/**
 * @module graph
 * The skill graph: a DAG whose edges run from a prerequisite to its dependant.
 * Nodes are addressed by index internally (arrays, not maps, in the hot loops) so that
 * closure and ordering over 100,000 skills stay well under a second. Pure: no I/O, no clock.
 */

import { IndexHeap } from './heap.js';

export interface GraphNodeInput {
  readonly id: string;
  readonly requires: readonly { readonly skill: string; readonly shortcut?: boolean }[];
  /** Prerequisites of the node's shortcut (its smaller version), if it has one. */
  readonly shortcut?:
    { readonly requires: readonly { readonly skill: string; readonly shortcut?: boolean }[] } | undefined;
}

export interface SkillGraph {
  /** Node ids in authored order; an index into this array is a node's number. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /**
   * The prerequisites of node i are `prerequisite[prerequisiteStart[i] .. prerequisiteStart[i + 1])`, in
   * authored order, each once; `shortcutEdge` (same positions) is 1 where the edge asks only for the
   * shortcut. The edges of all nodes share typed arrays: no list per node (at 100,000 skills three lists
   * per node, each grown by push with room for 17, were tens of megabytes).
   */
  readonly prerequisiteStart: Int32Array;
  readonly prerequisite: Int32Array;
  readonly shortcutEdge: Uint8Array;
  /** The dependants of node i: `dependant[dependantStart[i] .. dependantStart[i + 1])`, in node order. */
  readonly dependantStart: Int32Array;
  readonly dependant: Int32Array;
  /** For nodes with a shortcut, its prerequisites and their shortcut flags (by node number); few nodes have one. */
  readonly shortcutPrerequisites: ReadonlyMap<
    number,
    { readonly nodes: readonly number[]; readonly shortcut: readonly boolean[] }
  >;
}

/**
 * Build a graph. Edges to unknown ids are ignored here: the content layer reports them
 * as errors before a graph is ever built, and importers drop them with a warning.
 */
export function skillGraphFrom(nodes: readonly GraphNodeInput[]): SkillGraph {
  const n = nodes.length;
  const ids = nodes.map((node) => node.id);
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!indexOf.has(id)) indexOf.set(id, i);
  });
  // Counted first, then filled; a repeated requirement counts once (mark[j] === i + 1: taken for i).
  const mark = new Int32Array(n);
  const prerequisiteStart = new Int32Array(n + 1);
  const dependantStart = new Int32Array(n + 1);
  let edges = 0;
  nodes.forEach((node, i) => {
    for (const req of node.requires) {
      const j = indexOf.get(req.skill);
      if (j === undefined || mark[j] === i + 1) continue;
      mark[j] = i + 1;
      edges++;
      dependantStart[j + 1] = (dependantStart[j + 1] ?? 0) + 1;
    }
    prerequisiteStart[i + 1] = edges;
  });
  for (let i = 0; i < n; i++) dependantStart[i + 1] = (dependantStart[i + 1] ?? 0) + (dependantStart[i] ?? 0);
  const prerequisite = new Int32Array(edges);
  const shortcutEdge = new Uint8Array(edges);
  const dependant = new Int32Array(edges);
  const filled = dependantStart.slice(0, n);
  const shortcutPrerequisites = new Map<number, { nodes: number[]; shortcut: boolean[] }>();
  mark.fill(0);
  let at = 0;
  nodes.forEach((node, i) => {
    for (const req of node.requires) {
      const j = indexOf.get(req.skill);
      if (j === undefined || mark[j] === i + 1) continue;
      mark[j] = i + 1;
      prerequisite[at] = j;
      shortcutEdge[at] = req.shortcut === true ? 1 : 0;
      at++;
      const d = filled[j] ?? 0;
      dependant[d] = i;
      filled[j] = d + 1;
    }
    if (node.shortcut) {
      const sc = { nodes: [] as number[], shortcut: [] as boolean[] };
      for (const req of node.shortcut.requires) {
        const j = indexOf.get(req.skill);
        if (j === undefined || sc.nodes.includes(j)) continue;
        sc.nodes.push(j);
        sc.shortcut.push(req.shortcut === true);
      }
      shortcutPrerequisites.set(i, sc);
    }
  });
  return {
    ids,
    indexOf,
    prerequisiteStart,
    prerequisite,
    shortcutEdge,
    dependantStart,
    dependant,
    shortcutPrerequisites,
  };
}

export type OrderResult = { ok: true; order: string[] } | { ok: false; reason: 'cycle'; cycle: string[] };

/**
 * Topological order, prerequisites first; among skills that are ready at the same time the one
 * authored first comes first, so the order is deterministic and reads like the curriculum.
 * Optionally restricted to a subset of nodes (edges leaving the subset are ignored).
 */
export function tryTopologicalOrder(graph: SkillGraph, subset?: Iterable<string>): OrderResult {
  const n = graph.ids.length;
  const inSet = new Uint8Array(n);
  if (subset) {
    for (const id of subset) {
      const i = graph.indexOf.get(id);
      if (i !== undefined) inSet[i] = 1;
    }
  } else {
    inSet.fill(1);
  }
  const indegree = new Int32Array(n);
  let members = 0;
  for (let i = 0; i < n; i++) {
    if (!inSet[i]) continue;
    members++;
    for (let e = graph.prerequisiteStart[i] ?? 0, end = graph.prerequisiteStart[i + 1] ?? 0; e < end; e++)
      if (inSet[graph.prerequisite[e] ?? 0]) indegree[i] = (indegree[i] ?? 0) + 1;
  }
  // Smaller index = authored earlier = taken first.
  const heap = new IndexHeap();
  for (let i = 0; i < n; i++) if (inSet[i] && indegree[i] === 0) heap.push(i);
  const order: string[] = [];
  while (heap.size > 0) {
    const i = heap.pop() ?? 0;
    order.push(graph.ids[i] ?? '');
    for (let e = graph.dependantStart[i] ?? 0, end = graph.dependantStart[i + 1] ?? 0; e < end; e++) {
      const d = graph.dependant[e] ?? 0;
      if (!inSet[d]) continue;
      const left = (indegree[d] ?? 0) - 1;
      indegree[d] = left;
      if (left === 0) heap.push(d);
    }
  }
  if (order.length === members) return { ok: true, order };
  const cycle = findCycle(graph, inSet) ?? [];
  return { ok: false, reason: 'cycle', cycle };
}

/**
 * Find one prerequisite cycle, returned as a closed walk in reading order:
 * `['a', 'b', 'c', 'a']` means a requires b, b requires c, c requires a. Undefined when acyclic.
 */
export function findCycle(graph: SkillGraph, inSet?: Uint8Array): string[] | undefined {
  const n = graph.ids.length;
  // 0 = unvisited, 1 = on the current path, 2 = finished.
  const colour = new Uint8Array(n);
  const edgeCursor = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  for (let root = 0; root < n; root++) {
    if (colour[root] !== 0 || (inSet && !inSet[root])) continue;
    const stack = [root];
    colour[root] = 1;
    while (stack.length > 0) {
      const u = stack[stack.length - 1] ?? 0;
      const first = graph.prerequisiteStart[u] ?? 0;
      const k = edgeCursor[u] ?? 0;
      if (first + k >= (graph.prerequisiteStart[u + 1] ?? 0)) {
        colour[u] = 2;
        stack.pop();
        continue;
      }
      edgeCursor[u] = k + 1;
      const v = graph.prerequisite[first + k] ?? 0;
      if (inSet && !inSet[v]) continue;
      if (colour[v] === 1) {
        // Walk back from u to v along the path: v ... u, then close with v.
        const path = [v];
        const back: number[] = [];
        let w = u;
        while (w !== v && w !== -1) {
          back.push(w);
          w = parent[w] ?? -1;
        }
        path.push(...back.reverse());
        // The walk follows "requires" edges: v requires path[1], ..., and u requires v again.
        return [...path, v].map((i) => graph.ids[i] ?? '');
      }
      if (colour[v] === 0) {
        colour[v] = 1;
        parent[v] = u;
        stack.push(v);
      }
    }
  }
  return undefined;
}

function walk(graph: SkillGraph, starts: Iterable<string>, start: Int32Array, edge: Int32Array): Set<string> {
  const seen = new Uint8Array(graph.ids.length);
  const queue: number[] = [];
  for (const id of starts) {
    const i = graph.indexOf.get(id);
    if (i !== undefined) queue.push(i);
  }
  const result = new Set<string>();
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q] ?? 0;
    for (let e = start[i] ?? 0, end = start[i + 1] ?? 0; e < end; e++) {
      const j = edge[e] ?? 0;
      if (seen[j]) continue;
      seen[j] = 1;
      result.add(graph.ids[j] ?? '');
      queue.push(j);
    }
  }
  return result;
}

/** All skills the given ones depend on, directly or not (not including the given ones unless on a cycle). */
export function ancestors(graph: SkillGraph, ids: Iterable<string>): Set<string> {
  return walk(graph, ids, graph.prerequisiteStart, graph.prerequisite);
}

/** All skills that depend on the given ones, directly or not. */
export function descendants(graph: SkillGraph, ids: Iterable<string>): Set<string> {
  return walk(graph, ids, graph.dependantStart, graph.dependant);
}

export type NeedLevel = 'full' | 'shortcut';

/** Whether a skill id is in a set of skills. */
export interface SkillSet {
  has(id: string): boolean;
}

/** A value for some skills, looked up by id. */
export interface SkillLookup<T> extends SkillSet {
  get(id: string): T | undefined;
}

/**
 * Values for the skills of a graph, kept as one slot per skill number rather than as a map keyed by
 * id (at 100,000 skills a map's table, and the tables it outgrew, are megabytes each). Values are few
 * (stage ids, levels) and are numbered in a short list. An id outside the graph goes to a map.
 */
export class SkillTable<T> implements SkillLookup<T> {
  private readonly slots: Int32Array;
  private readonly values: T[] = [];
  private readonly numbered = new Map<T, number>();
  private outside: Map<string, T> | undefined;
  constructor(private readonly graph: SkillGraph) {
    this.slots = new Int32Array(graph.ids.length).fill(-1);
  }
  get(id: string): T | undefined {
    const i = this.graph.indexOf.get(id);
    if (i === undefined) return this.outside?.get(id);
    const v = this.slots[i] ?? -1;
    return v < 0 ? undefined : this.values[v];
  }
  has(id: string): boolean {
    const i = this.graph.indexOf.get(id);
    return i === undefined ? this.outside?.has(id) === true : (this.slots[i] ?? -1) >= 0;
  }
  set(id: string, value: T): void {
    const i = this.graph.indexOf.get(id);
    if (i === undefined) {
      (this.outside ??= new Map()).set(id, value);
      return;
    }
    let v = this.numbered.get(value);
    if (v === undefined) {
      v = this.values.push(value) - 1;
      this.numbered.set(value, v);
    }
    this.slots[i] = v;
  }
}

export interface Closure {
  /** Needed skills in deterministic topological order (prerequisites first). */
  readonly order: readonly string[];
  /** For each needed skill, whether the full skill or only its shortcut is needed. */
  readonly level: SkillLookup<NeedLevel>;
}

/**
 * The skills needed to reach the targets: the targets and everything they require, minus the known
 * skills. The walk stops at a known skill, so prerequisites reachable only through known skills are
 * not needed either (a learner who knows calculus also knows the algebra under it).
 * A requirement marked `shortcut` asks only for the prerequisite's shortcut, unless another path
 * needs the full skill.
 */
export function neededClosure(graph: SkillGraph, targets: Iterable<string>, known: Iterable<string> = []): Closure {
  const n = graph.ids.length;
  const isKnown = new Uint8Array(n);
  for (const id of known) {
    const i = graph.indexOf.get(id);
    if (i !== undefined) isKnown[i] = 1;
  }
  // 0 = not needed, 1 = shortcut, 2 = full.
  const need = new Uint8Array(n);
  // Each entry is a node and the level asked of it, as one number (node * 4 + level): no pair per push.
  const stack: number[] = [];
  for (const id of targets) {
    const i = graph.indexOf.get(id);
    if (i !== undefined) stack.push(i * 4 + 2);
  }
  while (stack.length > 0) {
    const top = stack.pop() ?? 2;
    const i = top >> 2;
    const lvl = top & 3;
    if (isKnown[i] || (need[i] ?? 0) >= lvl) continue;
    need[i] = lvl;
    const sc = lvl === 1 ? graph.shortcutPrerequisites.get(i) : undefined;
    if (sc !== undefined) {
      for (let k = sc.nodes.length - 1; k >= 0; k--) {
        const j = sc.nodes[k] ?? 0;
        const wantsShortcut = sc.shortcut[k] === true && graph.shortcutPrerequisites.has(j);
        stack.push(j * 4 + (wantsShortcut ? 1 : 2));
      }
      continue;
    }
    for (let e = (graph.prerequisiteStart[i + 1] ?? 0) - 1, first = graph.prerequisiteStart[i] ?? 0; e >= first; e--) {
      const j = graph.prerequisite[e] ?? 0;
      const wantsShortcut = graph.shortcutEdge[e] === 1 && graph.shortcutPrerequisites.has(j);
      stack.push(j * 4 + (wantsShortcut ? 1 : 2));
    }
  }
  const members: string[] = [];
  const level = new SkillTable<NeedLevel>(graph);
  for (let i = 0; i < n; i++) {
    if (need[i]) {
      const id = graph.ids[i] ?? '';
      members.push(id);
      level.set(id, need[i] === 2 ? 'full' : 'shortcut');
    }
  }
  const sorted = tryTopologicalOrder(graph, members);
  // Content is validated acyclic before a graph is built; fall back to authored order if not.
  return { order: sorted.ok ? sorted.order : members, level };
}

/**
 * The edges left after transitive reduction (for drawing): an edge p -> s is dropped when s
 * already reaches p through another prerequisite. Uses a bitset per node: O(V^2 / 32) memory,
 * meant for display-sized graphs (thousands of skills, not hundreds of thousands).
 */
export function transitiveReduction(graph: SkillGraph): Array<{ from: string; to: string }> {
  const sorted = tryTopologicalOrder(graph);
  if (!sorted.ok) return [];
  const n = graph.ids.length;
  const words = Math.ceil(n / 32);
  const reach: Uint32Array[] = new Array<Uint32Array>(n);
  const edges: Array<{ from: string; to: string }> = [];
  for (const id of sorted.order) {
    const i = graph.indexOf.get(id) ?? 0;
    const mine = new Uint32Array(words);
    const pre = graph.prerequisite.subarray(graph.prerequisiteStart[i] ?? 0, graph.prerequisiteStart[i + 1] ?? 0);
    for (const p of pre) {
      const theirs = reach[p];
      if (theirs) for (let w = 0; w < words; w++) mine[w] = (mine[w] ?? 0) | (theirs[w] ?? 0);
    }
    // A direct prerequisite already reached through another one is redundant.
    for (const p of pre) {
      const redundant = ((mine[p >> 5] ?? 0) >>> (p & 31)) & 1;
      if (!redundant) edges.push({ from: graph.ids[p] ?? '', to: id });
    }
    for (const p of pre) mine[p >> 5] = (mine[p >> 5] ?? 0) | (1 << (p & 31));
    reach[i] = mine;
  }
  return edges;
}
