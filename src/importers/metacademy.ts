/**
 * @module importers/metacademy
 * Metacademy's flat-file content repository (metacademy-content) into the core model.
 *
 * - Each `concepts/<tag>/` folder is a skill. Tags are normalised as Metacademy does
 *   (lower case; anything outside a-z0-9 becomes `_`), then made kebab-case ids
 *   (`linear_regression` -> `linear-regression`); `normalizeSkillId` lets users type either.
 * - `dependencies.txt` records (`tag`, `reason`, `shortcut`) become requirements; a dependency on a
 *   concept that does not exist is dropped with a warning, as Metacademy's `remove_missing_links` does.
 * - `time_estimates/concepts.txt` gives each skill its own hours. Like Metacademy's plans, a concept
 *   without an estimate counts 1 h and no concept counts less than 0.5 h.
 * - `shortcuts/<tag>/` with `time_estimates/shortcuts.txt` become the skill's shortcut; a dependency
 *   marked `shortcut: 1` asks only for it (neededClosure takes the full concept if another path needs it).
 * - `summary.txt` and `goals.txt` give the summary and outcomes; `resources.txt` (global and per
 *   concept) gives resources, each teaching the concepts it is a core resource for.
 * - `courses/<name>/` become stages.
 * - Or, given a `.json` file, the later database dump (`graph_data.json`): concepts with their
 *   learn_time, goals and dependencies. Its goal-scoped edges become plain requirements (the core
 *   model has no goal scoping), which the summary says.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findCycle, skillGraphFrom } from '../core/graph.js';
import type { Area, Requirement, Resource, ResourceKind, Skill, SkillShortcut, Stage } from '../core/model.js';
import { normalizeSkillId } from '../core/skill-id.js';
import {
  en,
  guessArea,
  IdAllocator,
  idFrom,
  importError,
  named,
  note,
  importedCurriculum,
  isDirectory,
  isFile,
  readText,
  round1,
  parseJson,
} from './common.js';
import { shownPath } from '../content/files.js';
import type { Dropped, ImportOptions, ImportResult } from './common.js';
import type { Message } from '../core/errors.js';

/** Hours a concept counts without an estimate, and the least any concept counts (Metacademy's own). */
export const METACADEMY_DEFAULT_HOURS = 1;
export const METACADEMY_MIN_HOURS = 0.5;

/** Metacademy's tag normalisation: `re.sub('[^a-z0-9]', '_', tag.lower())`. */
export function metacademyTag(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]/g, '_');
}

/** One `field: value` record of Metacademy's text database, with the line each field was on. */
export interface TextRecord {
  readonly fields: ReadonlyMap<string, readonly string[]>;
  readonly line: number;
}

/**
 * Parse Metacademy's record format: `field: value` lines, a blank line ends a record, `#` starts a
 * comment line. Fields outside `known` and lines without a colon are errors naming file and line.
 */
export function parseTextRecords(text: string, shown: string, known: ReadonlySet<string>): TextRecord[] {
  const records: TextRecord[] = [];
  let fields = new Map<string, string[]>();
  let start = 0;
  const lines = text.split(/\r?\n/);
  const flush = (): void => {
    if (fields.size > 0) records.push({ fields, line: start });
    fields = new Map();
  };
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
      return;
    }
    if (line.trimStart().startsWith('#')) return;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw importError(
        shown,
        { key: 'import.fieldValue', params: { text: JSON.stringify(line.slice(0, 60)) } },
        { line: i + 1, column: 1, hint: 'hint.recordLine' },
      );
    }
    const field = line.slice(0, colon).trim();
    if (!known.has(field)) {
      throw importError(
        shown,
        { key: 'import.unknownField', params: { field, fields: [...known].join(', ') } },
        { line: i + 1, column: 1 },
      );
    }
    if (fields.size === 0) start = i + 1;
    const list = fields.get(field) ?? [];
    list.push(line.slice(colon + 1).trim());
    fields.set(field, list);
  });
  flush();
  return records;
}

const DEPENDENCY_FIELDS = new Set(['tag', 'reason', 'shortcut']);
const RESOURCE_FIELDS = new Set([
  'key',
  'source',
  'title',
  'resource_type',
  'description',
  'free',
  'requires_signup',
  'core',
  'edition',
  'url',
  'specific_url_base',
  'level',
  'authors',
  'dependencies',
  'year',
  'edition_years',
  'location',
  'mark',
  'extra',
  'note',
]);

function first(record: TextRecord, field: string): string | undefined {
  return record.fields.get(field)?.[0];
}

/** `tag hours` lines; later lines win, malformed ones are errors. */
function readTimes(path: string, shown: string): Map<string, number> {
  const times = new Map<string, number>();
  if (!isFile(path)) return times;
  readText(path, shown)
    .split(/\r?\n/)
    .forEach((line, i) => {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const match = /^(\S+)\s+([0-9]*\.?[0-9]+(?:[eE][-+]?\d+)?)$/.exec(trimmed);
      if (!match?.[1] || !match[2]) {
        throw importError(
          shown,
          { key: 'import.tagHours', params: { text: JSON.stringify(trimmed.slice(0, 60)) } },
          { line: i + 1, column: 1 },
        );
      }
      times.set(metacademyTag(match[1]), Number(match[2]));
    });
  return times;
}

function hoursOf(estimate: number | undefined): number {
  return Math.max(METACADEMY_MIN_HOURS, estimate ?? METACADEMY_DEFAULT_HOURS);
}

function capitalise(title: string): string {
  return title.length > 0 ? title.charAt(0).toUpperCase() + title.slice(1) : title;
}

/** Textile list items (`*`, `**`) as plain text: links `"text":tag` keep their text. */
function goalsFrom(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => /^\s*\*+\s+(.*)$/.exec(line)?.[1]?.trim() ?? '')
    .filter((goal) => goal.length > 0)
    .map((goal) => goal.replace(/"([^"]+)":[A-Za-z0-9_\-#./:]+/g, '$1'));
}

function resourceKind(type: string | undefined): ResourceKind {
  const t = (type ?? '').toLowerCase();
  if (/lecture|course|video/.test(t)) return t.includes('video') && !t.includes('lecture') ? 'video' : 'course';
  if (/book|text/.test(t)) return 'book';
  if (/paper|article|notes|tutorial|blog|wiki/.test(t)) return 'article';
  return 'article';
}

interface ConceptDraft {
  tag: string;
  id: string;
  folder: string;
  title: string;
  summary: string | undefined;
  outcomes: string[];
  deps: Array<{ tag: string; reason: string | undefined; shortcut: boolean; line: number }>;
}

export function importMetacademy(sourcePath: string, options: ImportOptions = {}): ImportResult {
  const cwd = options.cwd ?? process.cwd();
  const show = (p: string): string => shownPath(p, cwd);
  const dropped: Dropped[] = [];
  const warnings: Message[] = [];

  if (isFile(sourcePath) && sourcePath.endsWith('.json')) return importMetacademyDump(sourcePath, options);
  if (!isDirectory(sourcePath)) {
    throw importError(show(sourcePath), 'import.noMetacademy');
  }
  const conceptsDir = join(sourcePath, 'concepts');
  if (!isDirectory(conceptsDir)) {
    throw importError(show(conceptsDir), 'import.noConcepts');
  }

  const folders = readdirSync(conceptsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const drafts: ConceptDraft[] = [];
  const byTag = new Map<string, ConceptDraft>();
  const ids = new Map<string, string>(); // id -> tag
  folders.forEach((name, k) => {
    options.onProgress?.(k, folders.length);
    const folder = join(conceptsDir, name);
    if (name === 'ANNOTATED_EXAMPLE') {
      dropped.push({ what: named(`concepts/${name}`), why: note('drop.example') });
      return;
    }
    const tag = metacademyTag(name);
    const titlePath = join(folder, 'title.txt');
    if (!isFile(titlePath)) {
      dropped.push({ what: named(`concepts/${name}`), why: note('drop.noTitle') });
      return;
    }
    const title = readText(titlePath, show(titlePath))
      .split(/\r?\n/)
      .find((l) => l.trim() !== '')
      ?.trim();
    if (!title) {
      dropped.push({ what: named(`concepts/${name}`), why: note('drop.emptyTitle') });
      return;
    }
    const id = normalizeSkillId(tag);
    const clash = ids.get(id);
    if (byTag.has(tag) || clash !== undefined) {
      dropped.push({
        what: named(`concepts/${name}`),
        why: note('drop.tagTakenBy', { id, other: clash ?? tag }),
      });
      return;
    }
    ids.set(id, tag);
    const depsPath = join(folder, 'dependencies.txt');
    const deps = isFile(depsPath)
      ? parseTextRecords(readText(depsPath, show(depsPath)), show(depsPath), DEPENDENCY_FIELDS).map((r) => {
          const depTag = first(r, 'tag');
          if (!depTag) throw importError(show(depsPath), 'import.noTag', { line: r.line });
          return {
            tag: metacademyTag(depTag),
            reason: first(r, 'reason'),
            shortcut: first(r, 'shortcut') === '1',
            line: r.line,
          };
        })
      : [];
    const summaryPath = join(folder, 'summary.txt');
    const summary = isFile(summaryPath) ? readText(summaryPath, show(summaryPath)).trim() : '';
    const goalsPath = join(folder, 'goals.txt');
    const outcomes = isFile(goalsPath) ? goalsFrom(readText(goalsPath, show(goalsPath))) : [];
    const draft: ConceptDraft = {
      tag,
      id,
      folder,
      title: capitalise(title),
      summary: summary || undefined,
      outcomes,
      deps,
    };
    drafts.push(draft);
    byTag.set(tag, draft);
  });
  options.onProgress?.(folders.length, folders.length);

  const times = readTimes(
    join(sourcePath, 'time_estimates', 'concepts.txt'),
    show(join(sourcePath, 'time_estimates', 'concepts.txt')),
  );
  const shortcutTimes = readTimes(
    join(sourcePath, 'time_estimates', 'shortcuts.txt'),
    show(join(sourcePath, 'time_estimates', 'shortcuts.txt')),
  );
  const withoutTime = drafts.filter((d) => !times.has(d.tag)).length;
  if (withoutTime > 0) {
    warnings.push(note('warn.noTime', { count: withoutTime, hours: METACADEMY_DEFAULT_HOURS }));
  }

  const requirementsOf = (deps: ConceptDraft['deps'], owner: string, file: string): Requirement[] => {
    const seen = new Set<string>();
    const out: Requirement[] = [];
    for (const dep of deps) {
      const target = byTag.get(dep.tag);
      if (!target) {
        dropped.push({
          what: note('drop.requires', { owner, tag: dep.tag }),
          why: note('drop.noConceptAt', { tag: dep.tag, place: `${file}:${dep.line}` }),
        });
        continue;
      }
      if (target.tag === owner) {
        dropped.push({
          what: note('drop.requiresItself', { owner }),
          why: note('drop.ownPrerequisite', { place: `${file}:${dep.line}` }),
        });
        continue;
      }
      if (seen.has(target.id)) continue;
      seen.add(target.id);
      out.push({
        skill: target.id,
        reason: dep.reason ? en(dep.reason) : undefined,
        corequisite: false,
        shortcut: dep.shortcut,
      });
    }
    return out;
  };

  // Shortcuts: a smaller version of a concept, with its own dependencies and time.
  const shortcuts = new Map<string, SkillShortcut>();
  const shortcutsDir = join(sourcePath, 'shortcuts');
  if (isDirectory(shortcutsDir)) {
    for (const entry of readdirSync(shortcutsDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const tag = metacademyTag(entry.name);
      if (!byTag.has(tag)) {
        dropped.push({ what: named(`shortcuts/${entry.name}`), why: note('drop.noShortcutOf', { tag }) });
        continue;
      }
      const depsPath = join(shortcutsDir, entry.name, 'dependencies.txt');
      const deps = isFile(depsPath)
        ? parseTextRecords(readText(depsPath, show(depsPath)), show(depsPath), DEPENDENCY_FIELDS).map((r) => ({
            tag: metacademyTag(first(r, 'tag') ?? ''),
            reason: first(r, 'reason'),
            shortcut: first(r, 'shortcut') === '1',
            line: r.line,
          }))
        : [];
      shortcuts.set(tag, {
        hours: hoursOf(shortcutTimes.get(tag)),
        requires: requirementsOf(deps, `shortcut of ${tag}`, show(depsPath)),
      });
    }
  }

  // Courses: Metacademy's three course lists become stages; their concepts are maths.
  const mathTags = new Set<string>();
  const stages: Stage[] = [];
  const coursesDir = join(sourcePath, 'courses');
  if (isDirectory(coursesDir)) {
    const stageIds = new IdAllocator();
    for (const entry of readdirSync(coursesDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory()) continue;
      const listPath = join(coursesDir, entry.name, 'concepts.txt');
      if (!isFile(listPath)) continue;
      const titlePath = join(coursesDir, entry.name, 'title.txt');
      const title = isFile(titlePath) ? readText(titlePath, show(titlePath)).trim() : entry.name.replace(/_/g, ' ');
      const skills: string[] = [];
      for (const line of readText(listPath, show(listPath)).split(/\r?\n/)) {
        const tag = metacademyTag(line.trim());
        if (line.trim() === '' || line.trim().startsWith('#')) continue;
        const concept = byTag.get(tag);
        if (!concept) {
          dropped.push({
            what: note('drop.courseLists', { name: entry.name, tag }),
            why: note('drop.noConcept', { tag }),
          });
          continue;
        }
        if (!skills.includes(concept.id)) skills.push(concept.id);
        mathTags.add(tag);
      }
      if (skills.length === 0) continue;
      stages.push({
        id: stageIds.take(idFrom(entry.name, 'course')),
        title: en(capitalise(title)),
        summary: en(`Metacademy's course list "${title}".`),
        skills,
        resources: [],
        chooseOne: [],
        alongside: undefined,
        optional: false,
        block: undefined,
      });
    }
  }

  const areaOf = (d: ConceptDraft): Area => (mathTags.has(d.tag) ? 'math' : guessArea(d.title, 'ml'));
  let skills: Skill[] = drafts.map((d) => ({
    id: d.id,
    area: areaOf(d),
    title: en(d.title),
    summary: d.summary ? en(d.summary) : undefined,
    outcomes: d.outcomes.map(en),
    requires: requirementsOf(d.deps, d.tag, show(join(d.folder, 'dependencies.txt'))),
    aliases: [],
    hours: hoursOf(times.get(d.tag)),
    shortcut: shortcuts.get(d.tag),
    tags: ['metacademy'],
  }));
  skills = breakCycles(skills, dropped);

  const resources = readResources(sourcePath, drafts, show, dropped, warnings);
  for (const d of dropped.filter(isRequirement)) warnings.push(note('warn.dropped', { what: d.what, why: d.why }));

  const curriculum = importedCurriculum({
    id: 'metacademy',
    version: '1.0.0',
    title: 'Metacademy concept graph',
    summary:
      "Metacademy's concepts, prerequisites, learning goals and time estimates, imported from its content repository (CC BY-SA 3.0).",
    defaultSkillHours: METACADEMY_DEFAULT_HOURS,
    skills,
    resources,
    stages,
  });
  const edges = skills.reduce((n, s) => n + s.requires.length, 0);
  return {
    curriculum,
    summary: {
      imported: {
        skills: skills.length,
        prerequisites: edges,
        shortcuts: shortcuts.size,
        resources: resources.length,
        stages: stages.length,
        hours: round1(skills.reduce((h, s) => h + (s.hours ?? 0), 0)),
      },
      dropped,
      warnings,
    },
  };
}

/** Drop one requirement per cycle until none is left (the content validator rejects cycles). */
/** A dropped prerequisite: warned about as well, since the plan's order loses it. */
function isRequirement(d: Dropped): boolean {
  return d.what.key === 'drop.requires' || d.what.key === 'drop.requiresItself';
}

function breakCycles(skills: Skill[], dropped: Dropped[]): Skill[] {
  let current = skills;
  for (;;) {
    const cycle = findCycle(skillGraphFrom(current));
    if (!cycle || cycle.length < 2) return current;
    const [from, to] = [cycle[cycle.length - 2] ?? '', cycle[cycle.length - 1] ?? ''];
    dropped.push({
      what: note('drop.requires', { owner: from, tag: to }),
      why: note('drop.cycle', { cycle: cycle.join(' -> ') }),
    });
    current = current.map((s) => (s.id === from ? { ...s, requires: s.requires.filter((r) => r.skill !== to) } : s));
  }
}

/**
 * Resources: the global `resources.txt` records, and each concept's `resources.txt` entries pointing
 * at them by `source:`. A resource teaches the concepts it is a core resource for. Metacademy gives
 * times per concept, not per resource, so a resource's effort is an estimate: the sum of the times of
 * the concepts it teaches (each concept's unit carries that concept's time).
 */
function readResources(
  sourcePath: string,
  drafts: readonly ConceptDraft[],
  show: (p: string) => string,
  dropped: Dropped[],
  warnings: Message[],
): Resource[] {
  const globalPath = join(sourcePath, 'resources.txt');
  const global = new Map<string, TextRecord>();
  if (isFile(globalPath)) {
    for (const r of parseTextRecords(readText(globalPath, show(globalPath)), show(globalPath), RESOURCE_FIELDS)) {
      const key = first(r, 'key');
      if (key) global.set(key, r);
    }
  } else {
    warnings.push(note('warn.noResources'));
    return [];
  }
  const teaches = new Map<string, Array<{ concept: ConceptDraft; location: string; url: string | undefined }>>();
  for (const d of drafts) {
    const path = join(d.folder, 'resources.txt');
    if (!isFile(path)) continue;
    for (const r of parseTextRecords(readText(path, show(path)), show(path), RESOURCE_FIELDS)) {
      const key = first(r, 'source');
      const core = first(r, 'core') === '1' || (r.fields.get('mark') ?? []).includes('star');
      if (!key || !core) continue;
      if (!global.has(key)) {
        dropped.push({ what: note('drop.resourceOf', { key, tag: d.tag }), why: note('drop.noRecord', { key }) });
        continue;
      }
      const locations = (r.fields.get('location') ?? []).map((l) => l.replace(/\s*\[[^\]]*\]\s*$/, ''));
      const list = teaches.get(key) ?? [];
      if (!list.some((t) => t.concept.id === d.id)) {
        list.push({ concept: d, location: locations.join('; '), url: first(r, 'url') });
        teaches.set(key, list);
      }
    }
  }
  const times = new Map<string, number>();
  for (const line of (isFile(join(sourcePath, 'time_estimates', 'concepts.txt'))
    ? readText(join(sourcePath, 'time_estimates', 'concepts.txt'), 'time_estimates/concepts.txt')
    : ''
  ).split(/\r?\n/)) {
    const [tag, hours] = line.trim().split(/\s+/);
    if (tag && hours) times.set(metacademyTag(tag), Number(hours));
  }
  const resources: Resource[] = [];
  const ids = new IdAllocator();
  for (const [key, record] of global) {
    const taught = teaches.get(key);
    if (!taught || taught.length === 0) continue;
    const url = first(record, 'url');
    const validUrl = url && /^https?:\/\//.test(url) && URL.canParse(url) ? url : undefined;
    const units = taught.map((t) => ({
      id: t.concept.id,
      title: en(t.location ? `${t.concept.title}: ${t.location}` : t.concept.title),
      hours: hoursOf(times.get(t.concept.tag)),
      teaches: [t.concept.id],
      url: undefined,
    }));
    const hours = units.reduce((h, u) => h + u.hours, 0);
    const authors = (first(record, 'authors') ?? '')
      .split(/\s+and\s+/)
      .map((a) => a.trim())
      .filter(Boolean);
    resources.push({
      id: ids.take(idFrom(key, 'resource')),
      title: first(record, 'title') ?? key,
      localTitle: undefined,
      summary: first(record, 'description') ? en(first(record, 'description') ?? '') : undefined,
      authors,
      provider: undefined,
      url: validUrl,
      kind: resourceKind(first(record, 'resource_type')),
      cost: first(record, 'free') === '1' ? 'free' : 'paid',
      languages: ['en'],
      style: 'reference',
      effort: {
        hours: Math.max(hours, METACADEMY_MIN_HOURS),
        weeks: undefined,
        hoursPerWeek: undefined,
        source: undefined,
        estimate: true,
        reasoning: en(
          'Metacademy estimates time per concept, not per resource: this is the sum of the estimated times of the concepts it is a core resource for (each at least 0.5 h, 1 h without an estimate).',
        ),
      },
      units,
      teaches: units.map((u) => u.id),
      ambient: false,
    });
  }
  return resources;
}

interface DumpRecord {
  readonly model: string;
  readonly pk: string;
  readonly fields: Record<string, unknown>;
}

/** Metacademy's database dump (Django `dumpdata` of its graph app) into the core model. */
export function importMetacademyDump(jsonPath: string, options: ImportOptions = {}): ImportResult {
  const cwd = options.cwd ?? process.cwd();
  const shown = shownPath(jsonPath, cwd);
  const data = parseJson(readText(jsonPath, shown), shown);
  if (!Array.isArray(data)) {
    throw importError(shown, 'import.notDump', { line: 1, column: 1 });
  }
  const dropped: Dropped[] = [];
  const warnings: Message[] = [];
  const records: DumpRecord[] = [];
  data.forEach((raw: unknown, i) => {
    const r = raw as Partial<DumpRecord> | null;
    if (
      !r ||
      typeof r.model !== 'string' ||
      (typeof r.pk !== 'string' && typeof r.pk !== 'number') ||
      typeof r.fields !== 'object' ||
      r.fields === null
    ) {
      throw importError(shown, { key: 'import.badRecord', params: { index: i } }, { line: 1, column: 1 });
    }
    records.push({ model: r.model, pk: String(r.pk), fields: r.fields });
  });
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const concepts = records.filter((r) => r.model === 'graph.concept');
  const idOfPk = new Map<string, string>();
  const tagOfPk = new Map<string, string>();
  const ids = new Set<string>();
  const goals = new Map<string, Array<{ text: string; ordering: number }>>();
  for (const g of records.filter((r) => r.model === 'graph.goal')) {
    const list = goals.get(str(g.fields['concept'])) ?? [];
    list.push({ text: str(g.fields['text']).trim(), ordering: Number(g.fields['ordering'] ?? 0) });
    goals.set(str(g.fields['concept']), list);
  }
  const requires = new Map<string, Array<{ source: string; reason: string; ordering: number }>>();
  let goalScoped = 0;
  for (const d of records.filter((r) => r.model === 'graph.dependency')) {
    const list = requires.get(str(d.fields['target'])) ?? [];
    list.push({
      source: str(d.fields['source']),
      reason: str(d.fields['reason']).trim(),
      ordering: Number(d.fields['ordering'] ?? 0),
    });
    requires.set(str(d.fields['target']), list);
    if (Array.isArray(d.fields['target_goals']) && d.fields['target_goals'].length > 0) goalScoped++;
  }
  const drafts: Array<{ pk: string; id: string; fields: Record<string, unknown> }> = [];
  concepts.forEach((c, k) => {
    options.onProgress?.(k, concepts.length);
    const tag = metacademyTag(str(c.fields['tag']));
    const id = normalizeSkillId(tag);
    if (id === '' || str(c.fields['title']).trim() === '') {
      dropped.push({ what: note('drop.concept', { pk: c.pk }), why: note('drop.noTagTitle') });
      return;
    }
    if (ids.has(id)) {
      dropped.push({ what: note('drop.conceptTag', { pk: c.pk, tag }), why: note('drop.tagTaken', { id }) });
      return;
    }
    if (c.fields['is_shortcut'] === true) {
      dropped.push({ what: note('drop.concept', { pk: tag }), why: note('drop.shortcutNode') });
      return;
    }
    ids.add(id);
    idOfPk.set(c.pk, id);
    tagOfPk.set(c.pk, tag);
    drafts.push({ pk: c.pk, id, fields: c.fields });
  });
  options.onProgress?.(concepts.length, concepts.length);
  let skills: Skill[] = drafts.map((d) => {
    const learn = typeof d.fields['learn_time'] === 'number' ? d.fields['learn_time'] : undefined;
    const reqs: Requirement[] = [];
    for (const r of [...(requires.get(d.pk) ?? [])].sort((a, b) => a.ordering - b.ordering)) {
      const skill = idOfPk.get(r.source);
      if (!skill) {
        dropped.push({
          what: note('drop.requires', { owner: tagOfPk.get(d.pk) ?? d.pk, tag: r.source }),
          why: note('drop.notInDump'),
        });
        continue;
      }
      if (skill === d.id || reqs.some((x) => x.skill === skill)) continue;
      reqs.push({ skill, reason: r.reason ? en(r.reason) : undefined, corequisite: false, shortcut: false });
    }
    const title = capitalise(str(d.fields['title']).trim());
    const summary = str(d.fields['summary']).trim();
    return {
      id: d.id,
      area: guessArea(title, 'ml'),
      title: en(title),
      summary: summary ? en(summary) : undefined,
      outcomes: [...(goals.get(d.pk) ?? [])]
        .filter((g) => g.text !== '')
        .sort((a, b) => a.ordering - b.ordering)
        .map((g) => en(g.text)),
      requires: reqs,
      aliases: [],
      hours: hoursOf(learn),
      shortcut: undefined,
      tags: [
        'metacademy',
        ...(Array.isArray(d.fields['tags'])
          ? d.fields['tags'].filter((t): t is string => typeof t === 'string' && t !== '')
          : []),
      ],
    };
  });
  skills = breakCycles(skills, dropped);
  if (goalScoped > 0) {
    warnings.push(note('warn.goalScoped', { count: goalScoped }));
  }
  for (const d of dropped.filter(isRequirement)) warnings.push(note('warn.dropped', { what: d.what, why: d.why }));
  const curriculum = importedCurriculum({
    id: 'metacademy',
    version: '2.0.0',
    title: 'Metacademy concept graph',
    summary:
      "Metacademy's concepts, prerequisites, learning goals and time estimates, imported from its database dump (CC BY-SA 3.0).",
    defaultSkillHours: METACADEMY_DEFAULT_HOURS,
    skills,
  });
  return {
    curriculum,
    summary: {
      imported: {
        skills: skills.length,
        prerequisites: skills.reduce((n, s) => n + s.requires.length, 0),
        outcomes: skills.reduce((n, s) => n + s.outcomes.length, 0),
        hours: round1(skills.reduce((h, s) => h + (s.hours ?? 0), 0)),
      },
      dropped,
      warnings,
    },
  };
}
