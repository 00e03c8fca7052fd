/**
 * @module importers/roadmap-sh
 * A roadmap.sh roadmap (its `<slug>.json` graph beside a `content/` folder of Markdown) into the
 * core model.
 *
 * - The graph is the editor's `{nodes, edges}` JSON (roadmap-sh-outline.ts) or an older roadmap
 *   drawn in Balsamiq (roadmap-sh-balsamiq.ts); anything else is refused, naming both formats.
 * - Topics, subtopics and checklist items (`todo`, `todo-checkbox`, `checklist-item`) become
 *   skills; link nodes (`resourceButton`, `link-item`) become resources of the item above them;
 *   every other node (title, label, paragraph, button, section, line, ...) is layout, counted in
 *   the summary.
 * - Identity: a skill's id is roadmap.sh's node id (lower case, `_` as `-`), which stays when a
 *   label is corrected upstream; the label's readable slug (`lstm`, `c-sharp`, `xian-xing-dai-shu`)
 *   is its alias, so either can be typed and progress follows the node.
 * - Where a subtopic belongs: an edge, then a stack, section or drawn line, and only then the
 *   nearest topic on the canvas, which is warned about (roadmap-sh-outline.ts).
 * - Order: the main path (solid edges between topics) from the topmost topic. Each topic requires
 *   the one before it; each subtopic or checklist item requires its topic (alongside). Each topic
 *   with its items is a stage, and one route takes the stages in order.
 * - `content/<slug>@<nodeId>.md` is read with a CommonMark parser (roadmap-sh-content.ts): the
 *   first paragraph is the summary and `- [@type@Title](url)` items are resources teaching the
 *   skill. A resource line that cannot be read is skipped with a warning naming file and line.
 * - A roadmap kept beside another's JSON (`backend/backend-beginner.json`) reads its content from
 *   its own folder (`backend-beginner/content/`) when there is one.
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
  idFromKey,
  importError,
  note,
  importedCurriculum,
  isDirectory,
  isFile,
  parseJson,
  readText,
  round1,
} from './common.js';
import { shownPath } from '../content/files.js';
import type { Dropped, ImportOptions, ImportResult } from './common.js';
import type { Message } from '../core/errors.js';
import { balsamiqOutline, isBalsamiq } from './roadmap-sh-balsamiq.js';
import { parseRoadmapContent } from './roadmap-sh-content.js';
import { outlineOf, readEditorGraph } from './roadmap-sh-outline.js';
import type { Outline, OutlineNode } from './roadmap-sh-outline.js';

export { parseRoadmapContent } from './roadmap-sh-content.js';

/** Hours a topic or subtopic counts, since roadmap.sh states none. */
export const ROADMAP_DEFAULT_HOURS = 3;

/** roadmap.sh's link types (and link buttons' badges) as resource kinds; others are articles. */
const KIND: Record<string, ResourceKind> = {
  article: 'article',
  official: 'article',
  opensource: 'article',
  roadmap: 'article',
  feed: 'article',
  paper: 'article',
  guide: 'article',
  report: 'article',
  research: 'article',
  course: 'course',
  courses: 'course',
  video: 'video',
  podcast: 'podcast',
  book: 'book',
  tutorial: 'interactive',
  challenges: 'interactive',
  'tutorial + challenges': 'interactive',
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

/** How many labels a warning names before it says "and N more". */
const NAMED = 5;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The roadmap's graph file: `<folder name>.json`, else the only JSON file in the folder. */
function graphFile(folder: string, shown: string): string {
  const named = join(folder, `${basename(folder)}.json`);
  if (isFile(named)) return named;
  const candidates = readdirSync(folder).filter((f) => f.endsWith('.json') && !/mapping\.json$/.test(f));
  if (candidates.length === 1 && candidates[0]) return join(folder, candidates[0]);
  throw importError(
    shown,
    candidates.length === 0
      ? 'import.noGraph'
      : { key: 'import.severalJson', params: { files: candidates.join(', ') } },
  );
}

const quoted = (labels: readonly string[]): string | Message => {
  const list = labels
    .slice(0, NAMED)
    .map((l) => `"${l}"`)
    .join(', ');
  return labels.length > NAMED ? { key: 'plan.andMore', params: { list, count: labels.length - NAMED } } : list;
};

export function importRoadmapSh(sourcePath: string, options: ImportOptions = {}): ImportResult {
  const cwd = options.cwd ?? process.cwd();
  const show = (p: string): string => shownPath(p, cwd);
  const hours = options.defaultHours ?? ROADMAP_DEFAULT_HOURS;
  const dropped: Dropped[] = [];
  const warnings: Message[] = [];

  let folder = sourcePath;
  if (isFile(sourcePath) && sourcePath.endsWith('.json')) folder = join(sourcePath, '..');
  if (!isDirectory(folder)) {
    throw importError(show(sourcePath), 'import.noRoadmapFolder');
  }
  const jsonPath = isFile(sourcePath) ? sourcePath : graphFile(folder, show(folder));
  const slug = basename(jsonPath, '.json');
  // A roadmap whose JSON sits in another roadmap's folder keeps its content in a folder of its own.
  const ownFolder = join(folder, '..', slug);
  const contentDir =
    basename(folder) !== slug && isDirectory(join(ownFolder, 'content'))
      ? join(ownFolder, 'content')
      : join(folder, 'content');
  if (!isDirectory(contentDir)) {
    throw importError(show(contentDir), 'import.noContent', { hint: 'hint.roadmapFolder' });
  }
  const jsonShown = show(jsonPath);
  const data = asRecord(parseJson(readText(jsonPath, jsonShown), jsonShown));

  // The outline: topics in order, items under their topics, links under their items.
  let outline: Outline;
  let legacyNames: ReadonlyMap<string, string> | undefined;
  const graphDropped: Dropped[] = [];
  if (data && Array.isArray(data['nodes'])) {
    const graph = readEditorGraph(data);
    graphDropped.push(...graph.dropped);
    outline = outlineOf(graph.nodes, graph.edges);
  } else if (data && isBalsamiq(data)) {
    const mappingPath = join(folder, 'migration-mapping.json');
    const mapping = isFile(mappingPath)
      ? (asRecord(parseJson(readText(mappingPath, show(mappingPath)), show(mappingPath))) ?? {})
      : {};
    const ids = Object.fromEntries(
      Object.entries(mapping).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const legacy = balsamiqOutline(data, ids);
    outline = legacy;
    legacyNames = legacy.names;
    warnings.push(note('warn.balsamiq', { file: jsonShown }));
  } else {
    throw importError(jsonShown, 'import.notRoadmap', { line: 1, column: 1 });
  }
  for (const [type, count] of outline.layoutCounts) {
    dropped.push({ what: note('drop.nodes', { count, type }), why: note('drop.layout') });
  }
  dropped.push(...graphDropped, ...outline.dropped);
  if (outline.topics.length === 0 && outline.items.length === 0) {
    throw importError(jsonShown, 'import.noNodes', { line: 1, hint: 'import.noNodesHint' });
  }

  const orphans = outline.items.filter((i) => i.parent === undefined);
  for (const o of orphans)
    dropped.push({ what: note('drop.subtopic', { label: o.node.label }), why: note('drop.noTopic') });
  const byDistance = outline.items.filter((i) => i.by === 'distance' && i.parent !== undefined);
  if (byDistance.length > 0) {
    warnings.push(
      note('warn.placed', { count: byDistance.length, labels: quoted(byDistance.map((i) => i.node.label)) }),
    );
  }

  // Content files, found by node id (the slug part may differ from the label); legacy roadmaps
  // without an id mapping name them after the control (`tests.md`).
  const contentFiles = new Map<string, string>();
  for (const f of readdirSync(contentDir)) {
    if (!f.endsWith('.md')) continue;
    const m = /@([^@]+)\.md$/.exec(f);
    contentFiles.set(m?.[1] ?? f.replace(/\.md$/, ''), join(contentDir, f));
    if (m) contentFiles.set(`slug:${f.slice(0, f.length - m[0].length)}`, join(contentDir, f));
  }
  const contentOf = (n: OutlineNode): string | undefined => {
    const byId = contentFiles.get(n.id);
    if (byId) return byId;
    const name = legacyNames?.get(n.id);
    return name === undefined ? undefined : (contentFiles.get(name) ?? contentFiles.get(`slug:${name}`));
  };

  const area: Area = /mlops/.test(slug)
    ? 'mlops'
    : /data/.test(slug)
      ? 'data'
      : /machine-learning|ai/.test(slug)
        ? 'ml'
        : 'software';
  const topicIds = new Set(outline.topics.map((t) => t.id));
  const placed = outline.items.filter((i) => i.parent !== undefined && topicIds.has(i.parent));
  const ordered: OutlineNode[] = outline.topics.flatMap((t) => [
    t,
    ...placed
      .filter((i) => i.parent === t.id)
      .map((i) => i.node)
      .sort((a, b) => a.y - b.y || a.x - b.x),
  ]);
  const parentOf = new Map(placed.map((i) => [i.node.id, i.parent ?? '']));
  const nodeById = new Map(ordered.map((n) => [n.id, n]));

  // Identity: the node id. Aliases: the label's slug, numbered where labels repeat.
  const skillIds = new IdAllocator();
  const idOf = new Map<string, string>();
  let keyClashes = 0;
  for (const n of ordered) {
    const base = idFromKey(n.id);
    const id = skillIds.take(base);
    if (id !== base) keyClashes++;
    idOf.set(n.id, id);
  }
  if (keyClashes > 0) warnings.push(note('warn.keyClash', { count: keyClashes }));
  const aliasIds = new IdAllocator();
  for (const id of idOf.values()) aliasIds.take(id);
  const aliasOf = new Map<string, string>();
  for (const n of ordered) {
    const slug = idFrom(n.label, n.role === 'topic' ? 'topic' : 'subtopic');
    if (slug === idOf.get(n.id)) continue; // a legacy name is readable already
    aliasOf.set(n.id, aliasIds.take(slug));
  }
  const repeats = ordered.length - new Set(ordered.map((n) => n.label.toLowerCase())).size;
  if (repeats > 0) warnings.push(note('warn.repeat', { count: repeats }));

  const resources: Resource[] = [];
  const resourceByUrl = new Map<string, Resource & { teaches: string[] }>();
  const resourceIds = new IdAllocator();
  const otherTypes = new Map<string, number>();
  let missingContent = 0;
  let linksRead = 0;
  let linksSkipped = 0;
  const addLink = (link: { type: string; title: string; url: string }, skill: string, place: string): void => {
    if (!/^https?:\/\//i.test(link.url) || !URL.canParse(link.url)) {
      dropped.push({ what: note('drop.link', { title: link.title }), why: note('drop.notUrl', { place }) });
      linksSkipped++;
      return;
    }
    linksRead++;
    const existing = resourceByUrl.get(link.url);
    if (existing) {
      if (!existing.teaches.includes(skill)) existing.teaches.push(skill);
      return;
    }
    const type = link.type.toLowerCase();
    const kind = KIND[type] ?? 'article';
    if (!KIND[type]) otherTypes.set(type, (otherTypes.get(type) ?? 0) + 1);
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
          `roadmap.sh gives no times; a rough time to work through one ${type} link. The topic's own hours (the import default) are what the plan counts.`,
        ),
      },
      units: [],
      teaches: [skill],
      ambient: false,
    };
    resourceByUrl.set(link.url, resource);
    resources.push(resource);
  };

  const skills: Skill[] = [];
  ordered.forEach((n, k) => {
    options.onProgress?.(k, ordered.length);
    const id = idOf.get(n.id) ?? '';
    const file = contentOf(n);
    let summary: string | undefined;
    if (file) {
      const shown = show(file);
      const content = parseRoadmapContent(readText(file, shown));
      summary = content.summary;
      for (const link of content.links) addLink(link, id, `${shown}:${link.line}`);
      for (const s of content.skipped) {
        linksSkipped++;
        warnings.push(note('warn.skippedLine', { place: `${shown}:${s.line}`, why: note(s.why), text: s.text }));
      }
    } else if (n.role !== 'checklist') {
      missingContent++;
    }
    const requires: Requirement[] = [];
    if (n.role === 'topic') {
      const index = outline.topics.indexOf(n);
      const before = outline.topics[index - 1];
      const bid = before ? idOf.get(before.id) : undefined;
      if (before && bid)
        requires.push({
          skill: bid,
          reason: en(`Follows "${before.label}" on the roadmap's main path.`),
          corequisite: false,
          shortcut: false,
        });
    } else {
      const p = nodeById.get(parentOf.get(n.id) ?? '');
      const pid = p ? idOf.get(p.id) : undefined;
      if (p && pid)
        requires.push({
          skill: pid,
          reason: en(
            n.role === 'checklist'
              ? `A checklist item of "${p.label}" on the roadmap.`
              : `A subtopic of "${p.label}" on the roadmap.`,
          ),
          corequisite: true,
          shortcut: false,
        });
    }
    const alias = aliasOf.get(n.id);
    skills.push({
      id,
      area: guessArea(n.label, area),
      title: en(n.label),
      summary: summary ? en(summary) : undefined,
      outcomes: [],
      requires,
      aliases: alias ? [alias] : [],
      hours,
      shortcut: undefined,
      tags: ['roadmap-sh', n.role],
    });
  });
  for (const l of outline.links) {
    const skill = l.serves ? idOf.get(l.serves) : undefined;
    if (!skill || !l.node.href) {
      dropped.push({ what: note('drop.link', { title: l.node.label }), why: note('drop.noServes') });
      continue;
    }
    addLink({ type: (l.node.badge ?? 'article').trim(), title: l.node.label, url: l.node.href }, skill, jsonShown);
  }
  options.onProgress?.(ordered.length, ordered.length);
  if (otherTypes.size > 0)
    warnings.push(
      note('warn.otherTypes', {
        types: [...otherTypes.keys()].map((t) => `"${t}"`).join(', '),
        count: [...otherTypes.values()].reduce((a, b) => a + b, 0),
      }),
    );
  if (missingContent > 0) warnings.push(note('warn.noContent', { count: missingContent }));
  warnings.push(note('warn.roadmapHours', { hours }));

  const stages: Stage[] = outline.topics.map((t) => ({
    id: idOf.get(t.id) ?? idFromKey(t.id),
    title: en(t.label),
    summary: undefined,
    skills: ordered.filter((n) => n.id === t.id || parentOf.get(n.id) === t.id).map((n) => idOf.get(n.id) ?? ''),
    resources: [],
    chooseOne: [],
    alongside: undefined,
    optional: false,
    block: undefined,
  }));
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
  const count = (role: string): number => ordered.filter((n) => n.role === role).length;
  const by = (how: string): number => placed.filter((i) => i.by === how && i.node.role === 'subtopic').length;
  return {
    curriculum,
    summary: {
      imported: {
        topics: count('topic'),
        subtopics: count('subtopic'),
        ...(count('checklist') > 0 ? { 'checklist items': count('checklist') } : {}),
        skills: skills.length,
        resources: resources.length,
        'links read': linksRead,
        'links skipped': linksSkipped,
        'subtopics by edge': by('edge') + by('name'),
        'subtopics by stack': by('stack'),
        'subtopics by distance': by('distance'),
        stages: stages.length,
        prerequisites: skills.reduce((n, s) => n + s.requires.length, 0),
        hours: round1(skills.length * hours),
      },
      dropped,
      warnings,
    },
  };
}
