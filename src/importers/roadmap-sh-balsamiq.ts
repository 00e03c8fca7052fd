/**
 * @module importers/roadmap-sh-balsamiq
 * roadmap.sh's older roadmaps, drawn in Balsamiq (`{"mockup": {"controls": {"control": [...]}}}`),
 * into the same outline as the editor's graphs.
 *
 * In that format the structure is in the names: each clickable group has a `controlName` such as
 * `103-docker-basics` (a topic) or `101-introduction:need-for-containers` (a subtopic of
 * `introduction`); the number orders siblings; the group's `Label` child holds the text shown. A
 * name deeper than two parts (`prompts:good-prompts:use-delimiters`) goes under its nearest named
 * ancestor. `ext_link:...` groups are links out of the roadmap and are left out.
 *
 * Identity: when the roadmap's `migration-mapping.json` maps the name (without its number) to the
 * node id roadmap.sh gave it in the editor, that id is the node's id, so a roadmap later redrawn in
 * the editor keeps the same identities; otherwise the name itself is.
 */
import { note } from './common.js';
import type { Dropped } from './common.js';
import type { Outline, OutlineItem, OutlineNode } from './roadmap-sh-outline.js';

interface NamedGroup {
  readonly path: readonly string[];
  readonly order: number;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function controlsOf(container: unknown): unknown[] {
  const control = asRecord(asRecord(container)?.['controls'])?.['control'];
  return Array.isArray(control) ? control : [];
}

const number = (value: unknown): number => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
};

/** Whether parsed JSON is a Balsamiq mockup. */
export function isBalsamiq(data: Record<string, unknown>): boolean {
  return controlsOf(asRecord(data['mockup'])).length > 0;
}

/** The text a group shows: its `Label` children's text, Balsamiq's escapes undone. */
function labelOf(group: Record<string, unknown>): string {
  const texts = controlsOf(asRecord(group['children']))
    .map(asRecord)
    .filter((c) => c?.['typeID'] === 'Label')
    .map((c) => asRecord(c?.['properties'])?.['text'])
    .filter((t): t is string => typeof t === 'string');
  return texts
    .join(' ')
    .replace(/%2C/gi, ',')
    .replace(/\\n|\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The outline of a Balsamiq roadmap. `mapping` is the roadmap's `migration-mapping.json`
 * (`"introduction:what-are-containers": "<node id>"`), when it has one.
 */
export function balsamiqOutline(
  data: Record<string, unknown>,
  mapping: Readonly<Record<string, string>>,
): Outline & { readonly names: ReadonlyMap<string, string> } {
  const groups: NamedGroup[] = [];
  const layoutCounts = new Map<string, number>();
  let external = 0;
  const walk = (controls: unknown[]): void => {
    for (const raw of controls) {
      const c = asRecord(raw);
      if (!c) continue;
      const name = asRecord(c['properties'])?.['controlName'];
      if (typeof name === 'string') {
        if (name.startsWith('ext_link:')) {
          external++;
          continue;
        }
        const m = /^(\d+)-(.+)$/.exec(name.trim());
        const path = (m?.[2] ?? name).split(':').map((p) => p.trim());
        groups.push({
          path,
          order: m?.[1] !== undefined ? Number(m[1]) : Number.MAX_SAFE_INTEGER,
          label: labelOf(c),
          x: number(c['x']),
          y: number(c['y']),
          width: number(c['w'] ?? c['measuredW']),
          height: number(c['h'] ?? c['measuredH']),
        });
        continue;
      }
      const type = typeof c['typeID'] === 'string' ? c['typeID'] : 'unknown';
      if (type === '__group__') walk(controlsOf(asRecord(c['children'])));
      else layoutCounts.set(type, (layoutCounts.get(type) ?? 0) + 1);
    }
  };
  walk(controlsOf(asRecord(data['mockup'])));

  const dropped: Dropped[] = [];
  if (external > 0) dropped.push({ what: note('drop.extLinks', { count: external }), why: note('drop.outOfRoadmap') });
  const key = (path: readonly string[]): string => path.join(':');
  const names = new Map<string, string>();
  const nodeOf = (g: NamedGroup, role: 'topic' | 'subtopic'): OutlineNode => {
    const k = key(g.path);
    const id = mapping[k] ?? k;
    names.set(id, g.path[g.path.length - 1] ?? k);
    return {
      id,
      type: `balsamiq ${role}`,
      role,
      label: g.label,
      x: g.x,
      y: g.y,
      width: g.width,
      height: g.height,
      href: undefined,
      badge: undefined,
    };
  };
  const sorted = [...groups].sort((a, b) => a.order - b.order || a.y - b.y || a.x - b.x);
  const unlabelled = sorted.filter((g) => g.label === '');
  for (const g of unlabelled)
    dropped.push({ what: note('drop.group', { name: key(g.path) }), why: note('drop.noLabel') });
  const labelled = sorted.filter((g) => g.label !== '');
  const topicGroups = labelled.filter((g) => g.path.length === 1);
  const topics = topicGroups.map((g) => nodeOf(g, 'topic'));
  const topicByName = new Map(topicGroups.map((g, i) => [key(g.path), topics[i]]));
  const items: OutlineItem[] = [];
  for (const g of labelled.filter((x) => x.path.length > 1)) {
    const node = nodeOf(g, 'subtopic');
    const parent = topicByName.get(g.path[0] ?? '');
    if (!parent) {
      dropped.push({
        what: note('drop.subtopic', { label: g.label }),
        why: note('drop.noTopicNamed', { name: g.path[0] ?? '' }),
      });
      continue;
    }
    items.push({ node, parent: parent.id, by: 'name' });
  }
  return { topics, items, links: [], layoutCounts, dropped, names };
}
