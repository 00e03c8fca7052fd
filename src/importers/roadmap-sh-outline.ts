/**
 * @module importers/roadmap-sh-outline
 * The outline of a roadmap.sh graph (the editor's `{nodes, edges}` JSON): its topics in the order of
 * the main path, each subtopic and checklist item under the topic it belongs to, and each link
 * button under the item it serves. Pure: the parsed JSON in, the outline out.
 *
 * Where a subtopic belongs is read from the drawing, strongest sign first:
 * 1. **edge**: an edge (dashed or solid, directly or through other subtopics, sections and line
 *    nodes) joins it to a topic. The solid edges between two topics are the main path, not this.
 * 2. **stack**: it touches, or sits inside, something that leads to a topic: subtopics stacked edge
 *    to edge (a column or a row), a `section` box around it, a drawn `vertical`/`horizontal` line
 *    whose end meets it.
 * 3. **distance**: nothing joins it to any topic; it goes under the nearest topic on the canvas, and
 *    the caller warns, naming how many.
 * Where several topics are equally near in joins, the nearest on the canvas among them wins.
 *
 * Checklist roadmaps (`todo`, `todo-checkbox`, `checklist-item` nodes with `resourceButton` or
 * `link-item` links below them) are columns: a checklist item belongs to the topic heading its
 * column, a link to the checklist item above it (or the topic, when none is).
 */
import { named, note } from './common.js';
import type { Dropped } from './common.js';

export type NodeRole = 'topic' | 'subtopic' | 'checklist' | 'link' | 'section' | 'line' | 'layout';

export interface OutlineNode {
  readonly id: string;
  /** The node type as the file spells it. */
  readonly type: string;
  readonly role: NodeRole;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** A link node's address. */
  readonly href: string | undefined;
  /** A link node's badge (`Course`, `Article`, ...). */
  readonly badge: string | undefined;
}

export interface OutlineEdge {
  readonly source: string;
  readonly target: string;
  readonly dashed: boolean;
}

export type Attachment = 'edge' | 'stack' | 'distance' | 'name';

export interface OutlineItem {
  readonly node: OutlineNode;
  /** The topic it belongs to (undefined only when the roadmap has no topic at all). */
  readonly parent: string | undefined;
  readonly by: Attachment;
}

export interface Outline {
  /** Topics in the order of the main path. */
  readonly topics: readonly OutlineNode[];
  /** Subtopics and checklist items with their topics. */
  readonly items: readonly OutlineItem[];
  /** Link nodes with the node (topic, subtopic or checklist item) they serve. */
  readonly links: ReadonlyArray<{ readonly node: OutlineNode; readonly serves: string | undefined }>;
  /** Layout nodes left out (titles, labels, paragraphs, buttons, ...), counted by type. */
  readonly layoutCounts: ReadonlyMap<string, number>;
  readonly dropped: readonly Dropped[];
}

const CHECKLIST_TYPES = new Set(['todo', 'todo-checkbox', 'checklist-item']);
const LINK_TYPES = new Set(['resourceButton', 'link-item']);
const ROLE: Record<string, NodeRole> = {
  topic: 'topic',
  subtopic: 'subtopic',
  section: 'section',
  vertical: 'line',
  horizontal: 'line',
};

/** How far (canvas units) a line's end or a box's edge may be from another to count as touching. */
const TOUCH = 12;
/** How far apart (canvas units) boxes of one stack or grid may be. */
const STACK_GAP = 24;
/** Share of the narrower box two stacked boxes must overlap by to count as one stack. */
const OVERLAP = 0.6;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function roleOf(type: string): NodeRole {
  if (CHECKLIST_TYPES.has(type)) return 'checklist';
  if (LINK_TYPES.has(type)) return 'link';
  return ROLE[type] ?? 'layout';
}

/** The editor's nodes and edges, read leniently: what cannot be used is counted in `dropped`. */
export function readEditorGraph(data: Record<string, unknown>): {
  nodes: OutlineNode[];
  edges: OutlineEdge[];
  dropped: Dropped[];
} {
  const dropped: Dropped[] = [];
  const nodes: OutlineNode[] = [];
  const rawNodes = Array.isArray(data['nodes']) ? (data['nodes'] as unknown[]) : [];
  rawNodes.forEach((raw, i) => {
    const n = asRecord(raw);
    const id = n?.['id'];
    if (!n || typeof id !== 'string' || id === '') {
      dropped.push({ what: named(`nodes[${i}]`), why: note('drop.noId') });
      return;
    }
    const type = typeof n['type'] === 'string' ? n['type'] : 'unknown';
    const d = asRecord(n['data']);
    const position = asRecord(n['position']);
    const measured = asRecord(n['measured']);
    const style = asRecord(n['style']);
    const href = typeof d?.['href'] === 'string' && d['href'].trim() !== '' ? d['href'].trim() : undefined;
    nodes.push({
      id,
      type,
      role: roleOf(type),
      label: typeof d?.['label'] === 'string' ? d['label'].replace(/\s+/g, ' ').trim() : '',
      x: num(position?.['x'], 0),
      y: num(position?.['y'], 0),
      width: num(n['width'], num(measured?.['width'], num(style?.['width'], 0))),
      height: num(n['height'], num(measured?.['height'], num(style?.['height'], 0))),
      href,
      badge: typeof d?.['badge'] === 'string' ? d['badge'] : undefined,
    });
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges: OutlineEdge[] = [];
  let endless = 0;
  let dangling = 0;
  for (const raw of Array.isArray(data['edges']) ? (data['edges'] as unknown[]) : []) {
    const e = asRecord(raw);
    const source = e?.['source'];
    const target = e?.['target'];
    if (!e || typeof source !== 'string' || source === '' || typeof target !== 'string' || target === '') {
      endless++;
      continue;
    }
    if (!ids.has(source) || !ids.has(target)) {
      dangling++;
      continue;
    }
    const edgeStyle = asRecord(e['data'])?.['edgeStyle'];
    const dash = asRecord(e['style'])?.['strokeDasharray'];
    const dashed =
      edgeStyle === 'dashed' || (edgeStyle === undefined && typeof dash === 'string' && dash !== '0' && dash !== '');
    edges.push({ source, target, dashed });
  }
  if (endless > 0) dropped.push({ what: note('drop.edges', { count: endless }), why: note('drop.edgeEnds') });
  if (dangling > 0) dropped.push({ what: note('drop.edges', { count: dangling }), why: note('drop.danglingEdge') });
  return { nodes, edges, dropped };
}

const centre = (n: OutlineNode): [number, number] => [n.x + n.width / 2, n.y + n.height / 2];
const byTop = (a: OutlineNode, b: OutlineNode): number => a.y - b.y || a.x - b.x;

function distance(a: OutlineNode, b: OutlineNode): number {
  const [ax, ay] = centre(a);
  const [bx, by] = centre(b);
  return Math.hypot(ax - bx, ay - by);
}

/** The gap between two boxes along one axis (negative when they overlap). */
function gap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(b0 - a1, a0 - b1);
}

/** How much two spans overlap, as a share of the narrower. */
function overlapShare(a0: number, a1: number, b0: number, b1: number): number {
  const narrower = Math.min(a1 - a0, b1 - b0);
  if (narrower <= 0) return 0;
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0)) / narrower;
}

/** Boxes stacked edge to edge, in a column or a row. */
function stacked(a: OutlineNode, b: OutlineNode): boolean {
  const column =
    overlapShare(a.x, a.x + a.width, b.x, b.x + b.width) >= OVERLAP &&
    gap(a.y, a.y + a.height, b.y, b.y + b.height) <= STACK_GAP;
  const row =
    overlapShare(a.y, a.y + a.height, b.y, b.y + b.height) >= OVERLAP &&
    gap(a.x, a.x + a.width, b.x, b.x + b.width) <= STACK_GAP;
  return column || row;
}

function inside(n: OutlineNode, box: OutlineNode): boolean {
  const [cx, cy] = centre(n);
  return cx >= box.x && cx <= box.x + box.width && cy >= box.y && cy <= box.y + box.height;
}

/** The ends of a drawn line node: a `vertical` runs top to bottom, a `horizontal` left to right. */
function lineEnds(line: OutlineNode): Array<[number, number]> {
  if (line.type === 'vertical') {
    const x = line.x + line.width / 2;
    return [
      [x, line.y],
      [x, line.y + line.height],
    ];
  }
  const y = line.y + line.height / 2;
  return [
    [line.x, y],
    [line.x + line.width, y],
  ];
}

function pointNear([px, py]: [number, number], n: OutlineNode): boolean {
  const dx = Math.max(n.x - px, 0, px - (n.x + n.width));
  const dy = Math.max(n.y - py, 0, py - (n.y + n.height));
  return Math.hypot(dx, dy) <= TOUCH;
}

/** The topic order: the solid chain between topics from the topmost, then the next topmost left. */
function mainPath(topics: readonly OutlineNode[], edges: readonly OutlineEdge[]): OutlineNode[] {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const solid = new Map<string, string[]>();
  for (const e of edges) {
    if (e.dashed || !byId.has(e.source) || !byId.has(e.target)) continue;
    solid.set(e.source, [...(solid.get(e.source) ?? []), e.target]);
    solid.set(e.target, [...(solid.get(e.target) ?? []), e.source]);
  }
  const order: OutlineNode[] = [];
  const placed = new Set<string>();
  for (const start of [...topics].sort(byTop)) {
    let current: OutlineNode | undefined = start;
    while (current && !placed.has(current.id)) {
      placed.add(current.id);
      order.push(current);
      const next: OutlineNode[] = (solid.get(current.id) ?? [])
        .map((id) => byId.get(id))
        .filter((n): n is OutlineNode => n !== undefined && !placed.has(n.id))
        .sort(byTop);
      current = next[0];
    }
  }
  return order;
}

/** The nearest of `candidates` above `n` in its column (spans overlapping), if any. */
function aboveInColumn(n: OutlineNode, candidates: readonly OutlineNode[]): OutlineNode | undefined {
  let best: OutlineNode | undefined;
  for (const c of candidates) {
    if (c.id === n.id || c.y + c.height > n.y + TOUCH) continue;
    if (overlapShare(n.x, n.x + n.width, c.x, c.x + c.width) <= 0) continue;
    if (!best || c.y + c.height > best.y + best.height) best = c;
  }
  return best;
}

/** Build the outline of an editor graph. */
export function outlineOf(nodes: readonly OutlineNode[], edges: readonly OutlineEdge[]): Outline {
  const dropped: Dropped[] = [];
  const layoutCounts = new Map<string, number>();
  const usable: OutlineNode[] = [];
  for (const n of nodes) {
    if (n.role === 'layout') {
      layoutCounts.set(n.type, (layoutCounts.get(n.type) ?? 0) + 1);
      continue;
    }
    if ((n.role === 'topic' || n.role === 'subtopic' || n.role === 'checklist' || n.role === 'link') && !n.label) {
      dropped.push({ what: note('drop.node', { type: n.type, id: n.id }), why: note('drop.noLabel') });
      continue;
    }
    if (n.role === 'link' && !n.href) {
      dropped.push({ what: note('drop.nodeLabel', { type: n.type, label: n.label }), why: note('drop.noAddress') });
      continue;
    }
    usable.push(n);
  }
  const byId = new Map(usable.map((n) => [n.id, n]));
  const topics = usable.filter((n) => n.role === 'topic');
  const subtopics = usable.filter((n) => n.role === 'subtopic');
  const checklist = usable.filter((n) => n.role === 'checklist');
  const linkNodes = usable.filter((n) => n.role === 'link');
  const sections = usable.filter((n) => n.role === 'section');
  const lines = usable.filter((n) => n.role === 'line');

  // Joins: edges (other than the main path) and shapes (stacks, sections, lines).
  const edgeJoins = new Map<string, Set<string>>();
  const shapeJoins = new Map<string, Set<string>>();
  const join = (map: Map<string, Set<string>>, a: string, b: string): void => {
    if (a === b) return;
    (map.get(a) ?? map.set(a, new Set()).get(a))?.add(b);
    (map.get(b) ?? map.set(b, new Set()).get(b))?.add(a);
  };
  for (const e of edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    if (s.role === 'topic' && t.role === 'topic') continue;
    join(edgeJoins, s.id, t.id);
  }
  for (const section of sections) {
    for (const n of [...topics, ...subtopics]) if (inside(n, section)) join(shapeJoins, n.id, section.id);
  }
  for (let i = 0; i < subtopics.length; i++) {
    const a = subtopics[i];
    if (!a) continue;
    for (let j = i + 1; j < subtopics.length; j++) {
      const b = subtopics[j];
      if (b && stacked(a, b)) join(shapeJoins, a.id, b.id);
    }
  }
  const touchable = [...topics, ...subtopics, ...sections, ...lines];
  for (const line of lines) {
    const ends = lineEnds(line);
    for (const n of touchable)
      if (n.id !== line.id && ends.some((p) => pointNear(p, n))) join(shapeJoins, line.id, n.id);
  }
  const passable = (role: NodeRole | undefined): boolean =>
    role === 'subtopic' || role === 'section' || role === 'line';

  /** Topics nearest in joins from a node (breadth first, never through a topic). */
  const nearestTopics = (start: string, maps: ReadonlyArray<Map<string, Set<string>>>): OutlineNode[] => {
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length > 0) {
      const found: OutlineNode[] = [];
      const next: string[] = [];
      for (const id of frontier) {
        for (const map of maps) {
          for (const other of map.get(id) ?? []) {
            if (seen.has(other)) continue;
            seen.add(other);
            const n = byId.get(other);
            if (n?.role === 'topic') found.push(n);
            else if (passable(n?.role)) next.push(other);
          }
        }
      }
      if (found.length > 0) return found;
      frontier = next;
    }
    return [];
  };
  const nearestOnCanvas = (n: OutlineNode, candidates: readonly OutlineNode[]): OutlineNode | undefined =>
    candidates.reduce<OutlineNode | undefined>(
      (best, t) => (best === undefined || distance(n, t) < distance(n, best) ? t : best),
      undefined,
    );

  const items: OutlineItem[] = [];
  for (const s of subtopics) {
    const byEdge = nearestTopics(s.id, [edgeJoins]);
    if (byEdge.length > 0) {
      items.push({ node: s, parent: nearestOnCanvas(s, byEdge)?.id, by: 'edge' });
      continue;
    }
    const byShape = nearestTopics(s.id, [edgeJoins, shapeJoins]);
    if (byShape.length > 0) {
      items.push({ node: s, parent: nearestOnCanvas(s, byShape)?.id, by: 'stack' });
      continue;
    }
    items.push({ node: s, parent: nearestOnCanvas(s, topics)?.id, by: 'distance' });
  }
  for (const c of checklist) {
    const head = aboveInColumn(c, topics);
    if (head) items.push({ node: c, parent: head.id, by: 'stack' });
    else items.push({ node: c, parent: nearestOnCanvas(c, topics)?.id, by: 'distance' });
  }
  const parentOf = new Map(items.map((i) => [i.node.id, i.parent]));
  const links = linkNodes.map((l) => {
    const above = aboveInColumn(l, [...checklist, ...topics]);
    // A link belongs to the checklist item above it only while that item is under the same topic.
    const column = aboveInColumn(l, topics);
    if (above && (above.role === 'topic' || parentOf.get(above.id) === column?.id || column === undefined)) {
      return { node: l, serves: above.id };
    }
    return { node: l, serves: column?.id ?? nearestOnCanvas(l, [...checklist, ...subtopics, ...topics])?.id };
  });

  return { topics: mainPath(topics, edges), items, links, layoutCounts, dropped };
}

/**
 * For reports: among items joined to a topic by an edge or a stack, how many the nearest topic on
 * the canvas would have put under another topic.
 */
export function misplacedByDistance(outline: Outline): number {
  const topics = outline.topics;
  let count = 0;
  for (const item of outline.items) {
    if (item.by !== 'edge' && item.by !== 'stack') continue;
    let best: OutlineNode | undefined;
    for (const t of topics) if (!best || distance(item.node, t) < distance(item.node, best)) best = t;
    if (best && best.id !== item.parent) count++;
  }
  return count;
}
