/**
 * @module importers/roadmap-sh
 * A roadmap.sh roadmap (its `<slug>.json` graph beside a `content/` folder of Markdown) into the
 * core model.
 *
 * - `topic` and `subtopic` nodes become skills; every other node type (title, label, paragraph,
 *   button, ...) is layout and is left out (counted in the summary).
 * - Parent and child: a subtopic belongs to the topic a dashed edge joins it to; without such an
 *   edge, to the nearest topic on the canvas (roadmap.sh groups many subtopics by position only).
 * - Order: the solid-edge chain between topics, walked from the topmost topic; topics off the chain
 *   join in vertical order. Each topic requires the one before it; each subtopic requires its topic.
 *   Each topic with its subtopics is a stage, and one route takes the stages in order.
 * - `content/<slug>@<nodeId>.md`: the first paragraph is the summary; `- [@type@Title](url)` lines
 *   are resources teaching the skill.
 * - Edges without a source (or pointing at missing nodes) are dropped; duplicate labels get
 *   distinct ids (`linear-algebra`, `linear-algebra-2`).
 * - roadmap.sh gives no times. Every skill counts a default number of hours
 *   (ROADMAP_DEFAULT_HOURS, or --default-hours), recorded as the curriculum's `defaultSkillHours`
 *   and as each skill's own hours, so resources' rough reading times never override it.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Area, Requirement, Resource, ResourceKind, Route, Skill, Stage } from '../core/model.js';
import {
  en,
  guessArea,
  IdAllocator,
  idFrom,
  importError,
  importedCurriculum,
  isDirectory,
  isFile,
  parseJson,
  readText,
  round1,
  shownPath,
} from './common.js';
import type { Dropped, ImportOptions, ImportResult } from './common.js';

/** Hours a topic or subtopic counts, since roadmap.sh states none. */
export const ROADMAP_DEFAULT_HOURS = 3;

interface RoadmapNode {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface RoadmapEdge {
  readonly source: string;
  readonly target: string;
  readonly dashed: boolean;
}

const KIND: Record<string, ResourceKind> = {
  article: 'article',
  official: 'article',
  opensource: 'article',
  roadmap: 'article',
  feed: 'article',
  course: 'course',
  video: 'video',
  podcast: 'podcast',
  book: 'book',
};

/** A rough time to work through one link of each type: only a tie-breaker, skills carry own hours. */
const LINK_HOURS: Record<ResourceKind, number> = {
  article: 0.5,
  video: 0.5,
  podcast: 1,
  course: 10,
  book: 10,
  interactive: 2,
  project: 10,
};

const RESOURCE_LINE = /^\s*[-*]\s+\[@([a-z.]+)@([^\]]+)\]\((\S+?)\)\s*$/;

/** A content file: its title, first paragraph and resource links, with malformed links as errors. */
export function parseRoadmapContent(
  text: string,
  shown: string,
): {
  title: string | undefined;
  summary: string | undefined;
  links: Array<{ type: string; title: string; url: string; line: number }>;
} {
  const lines = text.split(/\r?\n/);
  let title: string | undefined;
  const paragraph: string[] = [];
  let paragraphDone = false;
  const links: Array<{ type: string; title: string; url: string; line: number }> = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const heading = /^#\s+(.*)$/.exec(line);
    if (heading && title === undefined) {
      title = heading[1]?.trim();
      return;
    }
    if (/^[-*]\s+\[@/.test(line)) {
      const m = RESOURCE_LINE.exec(line);
      if (!m?.[1] || !m[2] || !m[3]) {
        throw importError(shown, `malformed resource link: ${JSON.stringify(line.slice(0, 80))}`, {
          line: i + 1,
          column: 1,
          hint: 'write each resource as `- [@type@Title](https://...)`',
        });
      }
      links.push({ type: m[1], title: m[2].trim(), url: m[3], line: i + 1 });
      paragraphDone = true;
      return;
    }
    if (line === '') {
      if (paragraph.length > 0) paragraphDone = true;
      return;
    }
    if (!paragraphDone && !line.startsWith('#') && !/^visit the following resources/i.test(line)) paragraph.push(line);
  });
  const summary = paragraph
    .join(' ')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
  return { title, summary: summary || undefined, links };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The roadmap's graph file: `<folder name>.json`, else the only JSON file in the folder. */
function graphFile(folder: string, shown: string): string {
  const named = join(folder, `${basename(folder)}.json`);
  if (isFile(named)) return named;
  const candidates = readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'migration-mapping.json');
  if (candidates.length === 1 && candidates[0]) return join(folder, candidates[0]);
  throw importError(
    shown,
    candidates.length === 0
      ? 'no roadmap graph: expected <slug>.json beside the content/ folder'
      : `several JSON files (${candidates.join(', ')}); expected <slug>.json named after the folder`,
  );
}

export function importRoadmapSh(sourcePath: string, options: ImportOptions = {}): ImportResult {
  const cwd = options.cwd ?? process.cwd();
  const show = (p: string): string => shownPath(p, cwd);
  const hours = options.defaultHours ?? ROADMAP_DEFAULT_HOURS;
  const dropped: Dropped[] = [];
  const warnings: string[] = [];

  let folder = sourcePath;
  if (isFile(sourcePath) && sourcePath.endsWith('.json')) folder = join(sourcePath, '..');
  if (!isDirectory(folder)) {
    throw importError(show(sourcePath), 'no such folder; pass the roadmap folder holding <slug>.json and content/');
  }
  const jsonPath = isFile(sourcePath) ? sourcePath : graphFile(folder, show(folder));
  const contentDir = join(folder, 'content');
  if (!isDirectory(contentDir)) {
    throw importError(
      show(contentDir),
      "missing content folder; a roadmap keeps its topics' text in content/*.md beside its JSON",
      {
        hint: 'pass the roadmap folder itself (src/data/roadmaps/<slug>/), which holds <slug>.json and content/',
      },
    );
  }
  const slug = basename(jsonPath, '.json');
  const jsonShown = show(jsonPath);
  const data = asRecord(parseJson(readText(jsonPath, jsonShown), jsonShown));
  if (!data || !Array.isArray(data['nodes'])) {
    throw importError(jsonShown, 'expected an object with a "nodes" list (and an "edges" list)', {
      line: 1,
      column: 1,
    });
  }

  // Nodes: topics and subtopics are skills; everything else is layout.
  const nodes: RoadmapNode[] = [];
  const layout = new Map<string, number>();
  (data['nodes'] as unknown[]).forEach((raw, i) => {
    const n = asRecord(raw);
    const d = asRecord(n?.['data']);
    const id = n?.['id'];
    const type = typeof n?.['type'] === 'string' ? (n['type'] as string) : 'unknown';
    if (!n || typeof id !== 'string') {
      dropped.push({ what: `nodes[${i}]`, why: 'a node without an id' });
      return;
    }
    if (type !== 'topic' && type !== 'subtopic') {
      layout.set(type, (layout.get(type) ?? 0) + 1);
      return;
    }
    const label = typeof d?.['label'] === 'string' ? (d['label'] as string).trim() : '';
    if (label === '') {
      dropped.push({ what: `${type} ${id}`, why: 'it has no label' });
      return;
    }
    const position = asRecord(n['position']);
    const measured = asRecord(n['measured']);
    nodes.push({
      id,
      type,
      label,
      x: num(position?.['x'], 0),
      y: num(position?.['y'], 0),
      width: num(n['width'], num(measured?.['width'], 0)),
      height: num(n['height'], num(measured?.['height'], 0)),
    });
  });
  for (const [type, count] of layout) {
    dropped.push({ what: `${count} ${type} node(s)`, why: 'layout, not a topic or subtopic' });
  }
  if (nodes.length === 0) throw importError(jsonShown, 'the roadmap has no topic or subtopic nodes', { line: 1 });
  const nodeById = new Map(nodes.map((n) => [n.id, n]));

  const edges: RoadmapEdge[] = [];
  const allIds = new Set(
    (data['nodes'] as unknown[]).flatMap((raw) => {
      const id = asRecord(raw)?.['id'];
      return typeof id === 'string' ? [id] : [];
    }),
  );
  let sourceless = 0;
  (Array.isArray(data['edges']) ? (data['edges'] as unknown[]) : []).forEach((raw) => {
    const e = asRecord(raw);
    if (!e) {
      sourceless++;
      return;
    }
    const source = e['source'];
    const target = e['target'];
    if (typeof source !== 'string' || source === '' || typeof target !== 'string' || target === '') {
      sourceless++;
      return;
    }
    if (!allIds.has(source) || !allIds.has(target)) {
      dropped.push({
        what: `edge ${String(e['id'] ?? `${source}->${target}`)}`,
        why: 'it joins a node that does not exist',
      });
      return;
    }
    const style = asRecord(e['style']);
    const edgeStyle = asRecord(e['data'])?.['edgeStyle'];
    const dash = style?.['strokeDasharray'];
    const dashed =
      edgeStyle === 'dashed' || (edgeStyle === undefined && typeof dash === 'string' && dash !== '0' && dash !== '');
    edges.push({ source, target, dashed });
  });
  if (sourceless > 0) dropped.push({ what: `${sourceless} edge(s)`, why: 'an edge without a source or target' });

  const topics = nodes.filter((n) => n.type === 'topic');
  const subtopics = nodes.filter((n) => n.type === 'subtopic');
  const centre = (n: RoadmapNode): [number, number] => [n.x + n.width / 2, n.y + n.height / 2];

  // Topic order: walk the solid chain from the topmost topic; jump to the next topmost when it ends.
  const solid = new Map<string, string[]>();
  for (const e of edges) {
    if (e.dashed || !nodeById.has(e.source) || !nodeById.has(e.target)) continue;
    if (nodeById.get(e.source)?.type !== 'topic' || nodeById.get(e.target)?.type !== 'topic') continue;
    solid.set(e.source, [...(solid.get(e.source) ?? []), e.target]);
    solid.set(e.target, [...(solid.get(e.target) ?? []), e.source]);
  }
  const byTop = [...topics].sort((a, b) => a.y - b.y || a.x - b.x);
  const order: RoadmapNode[] = [];
  const placed = new Set<string>();
  for (const start of byTop) {
    let current: RoadmapNode | undefined = start;
    while (current && !placed.has(current.id)) {
      placed.add(current.id);
      order.push(current);
      const next: RoadmapNode[] = (solid.get(current.id) ?? [])
        .map((id) => nodeById.get(id))
        .filter((n): n is RoadmapNode => n !== undefined && !placed.has(n.id))
        .sort((a, b) => a.y - b.y || a.x - b.x);
      current = next[0];
    }
  }

  // Parents: a dashed edge to a topic (or to a subtopic that has one), else the nearest topic.
  const parent = new Map<string, RoadmapNode>();
  const dashedNeighbours = new Map<string, string[]>();
  for (const e of edges.filter((x) => x.dashed)) {
    dashedNeighbours.set(e.source, [...(dashedNeighbours.get(e.source) ?? []), e.target]);
    dashedNeighbours.set(e.target, [...(dashedNeighbours.get(e.target) ?? []), e.source]);
  }
  let byPosition = 0;
  for (const s of subtopics) {
    const seen = new Set<string>([s.id]);
    const queue = [...(dashedNeighbours.get(s.id) ?? [])];
    let found: RoadmapNode | undefined;
    while (queue.length > 0 && !found) {
      const id = queue.shift() ?? '';
      if (seen.has(id)) continue;
      seen.add(id);
      const n = nodeById.get(id);
      if (n?.type === 'topic') found = n;
      else if (n?.type === 'subtopic') queue.push(...(dashedNeighbours.get(id) ?? []));
    }
    if (!found && topics.length > 0) {
      const [sx, sy] = centre(s);
      found = topics.reduce((best, t) => {
        const [tx, ty] = centre(t);
        const [bx, by] = centre(best);
        return Math.hypot(tx - sx, ty - sy) < Math.hypot(bx - sx, by - sy) ? t : best;
      });
      byPosition++;
    }
    if (found) parent.set(s.id, found);
  }
  if (byPosition > 0) {
    warnings.push(
      `${byPosition} subtopic(s) had no dashed edge to a topic and were placed under the nearest topic on the canvas`,
    );
  }

  // Content files, found by node id (the slug part may differ from the label).
  const contentFiles = new Map<string, string>();
  for (const f of readdirSync(contentDir)) {
    const m = /@([^@]+)\.md$/.exec(f);
    if (m?.[1]) contentFiles.set(m[1], join(contentDir, f));
  }

  const area: Area = /mlops/.test(slug)
    ? 'mlops'
    : /data/.test(slug)
      ? 'data'
      : /machine-learning|ai/.test(slug)
        ? 'ml'
        : 'software';
  const skillIds = new IdAllocator();
  const resourceIds = new IdAllocator();
  const idOf = new Map<string, string>();
  const ordered = order.flatMap((t) => [
    t,
    ...subtopics.filter((s) => parent.get(s.id)?.id === t.id).sort((a, b) => a.y - b.y || a.x - b.x),
  ]);
  const orphans = subtopics.filter((s) => !parent.has(s.id));
  for (const o of orphans)
    dropped.push({ what: `subtopic "${o.label}"`, why: 'the roadmap has no topic to place it under' });
  for (const n of ordered) idOf.set(n.id, skillIds.take(idFrom(n.label, n.type)));
  const duplicates = ordered.length - new Set(ordered.map((n) => n.label.toLowerCase())).size;
  if (duplicates > 0) warnings.push(`${duplicates} label(s) repeat; their skills get numbered ids (e.g. "-2")`);

  const resources: Resource[] = [];
  const resourceByUrl = new Map<string, Resource & { teaches: string[] }>();
  let missingContent = 0;
  const skills: Skill[] = [];
  ordered.forEach((n, k) => {
    options.onProgress?.(k, ordered.length);
    const id = idOf.get(n.id) ?? '';
    const file = contentFiles.get(n.id);
    let summary: string | undefined;
    if (file) {
      const content = parseRoadmapContent(readText(file, show(file)), show(file));
      summary = content.summary;
      for (const link of content.links) {
        if (!/^https?:\/\//i.test(link.url) || !URL.canParse(link.url)) {
          dropped.push({
            what: `link "${link.title}"`,
            why: `not an absolute http(s) URL (${show(file)}:${link.line})`,
          });
          continue;
        }
        const existing = resourceByUrl.get(link.url);
        if (existing) {
          if (!existing.teaches.includes(id)) existing.teaches.push(id);
          continue;
        }
        const kind = KIND[link.type] ?? 'article';
        if (!KIND[link.type])
          warnings.push(`${show(file)}:${link.line}: unknown link type "@${link.type}@", imported as an article`);
        const resource = {
          id: resourceIds.take(idFrom(link.title, 'link')),
          title: link.title,
          localTitle: undefined,
          summary: undefined,
          authors: [],
          provider: undefined,
          url: link.url,
          kind,
          cost: 'free' as const,
          languages: ['en'],
          style: 'reference' as const,
          effort: {
            hours: LINK_HOURS[kind],
            weeks: undefined,
            hoursPerWeek: undefined,
            source: undefined,
            estimate: true,
            reasoning: en(
              `roadmap.sh gives no times; a rough time to work through one ${link.type} link. The topic's own hours (the import default) are what the plan counts.`,
            ),
          },
          units: [],
          teaches: [id],
          ambient: false,
        };
        resourceByUrl.set(link.url, resource);
        resources.push(resource);
      }
    } else {
      missingContent++;
    }
    const requires: Requirement[] = [];
    if (n.type === 'subtopic') {
      const p = parent.get(n.id);
      const pid = p ? idOf.get(p.id) : undefined;
      if (p && pid)
        requires.push({
          skill: pid,
          reason: en(`A subtopic of "${p.label}" on the roadmap.`),
          corequisite: true,
          shortcut: false,
        });
    } else {
      const index = order.indexOf(n);
      const before = order[index - 1];
      const bid = before ? idOf.get(before.id) : undefined;
      if (before && bid)
        requires.push({
          skill: bid,
          reason: en(`Follows "${before.label}" on the roadmap's main path.`),
          corequisite: false,
          shortcut: false,
        });
    }
    skills.push({
      id,
      area: guessArea(n.label, area),
      title: en(n.label),
      summary: summary ? en(summary) : undefined,
      outcomes: [],
      requires,
      aliases: [],
      hours,
      shortcut: undefined,
      tags: ['roadmap-sh', n.type],
    });
  });
  options.onProgress?.(ordered.length, ordered.length);
  if (missingContent > 0)
    warnings.push(`${missingContent} topic(s) have no content file in content/; imported without a summary or links`);
  warnings.push(
    `roadmap.sh states no times: every topic and subtopic counts ${hours} h (change it with --default-hours)`,
  );

  const stageIds = new IdAllocator();
  const stages: Stage[] = order.map((t) => {
    const members = ordered
      .filter((n) => n.id === t.id || parent.get(n.id)?.id === t.id)
      .map((n) => idOf.get(n.id) ?? '');
    return {
      id: stageIds.take(idOf.get(t.id) ?? idFrom(t.label, 'topic')),
      title: en(t.label),
      summary: undefined,
      skills: members,
      resources: [],
      chooseOne: [],
      alongside: undefined,
      optional: false,
      block: undefined,
    };
  });
  const routes: Route[] =
    stages.length > 0
      ? [
          {
            id: 'roadmap-order',
            title: en('Roadmap order'),
            summary: en("The order of the roadmap's main path, top to bottom."),
            stages: stages.map((s) => s.id),
            reasons: [],
            recommendedFor: [],
            variantOf: undefined,
          },
        ]
      : [];
  const pretty = slug.replace(/-/g, ' ');
  const curriculum = importedCurriculum({
    id: idFrom(`roadmap-${slug}`, 'roadmap'),
    version: '1.0.0',
    title: `roadmap.sh ${pretty}`,
    summary: `The ${pretty} roadmap from roadmap.sh, imported with ${hours} h per topic (roadmap.sh states no times).`,
    defaultSkillHours: hours,
    skills,
    resources,
    stages,
    routes,
  });
  return {
    curriculum,
    summary: {
      imported: {
        topics: topics.length,
        subtopics: subtopics.length - orphans.length,
        skills: skills.length,
        resources: resources.length,
        stages: stages.length,
        prerequisites: skills.reduce((n, s) => n + s.requires.length, 0),
        hours: round1(skills.length * hours),
      },
      dropped,
      warnings,
    },
  };
}
