import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { droppedText, warningsText } from './test-support/notes.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isMlpathError } from '../core/errors.js';
import type { Curriculum } from '../core/model.js';
import { planFor, profileFor } from '../core/planner/index.js';
import { tryParseCurriculum } from '../content/load.js';
import { curriculumYamlFiles } from '../content/write.js';
import { importRoadmapSh, parseRoadmapContent, ROADMAP_DEFAULT_HOURS } from './roadmap-sh.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/roadmap-sh/', import.meta.url));
const FIXTURE = `${FIXTURES}tiny-ml`;

/** A fixture's curriculum with its skills found by readable alias (or id). */
function imported(name: string, options: { defaultHours?: number } = {}) {
  const result = importRoadmapSh(`${FIXTURES}${name}`, { cwd: FIXTURES, ...options });
  const skill = (alias: string) => result.curriculum.skills.find((s) => s.aliases.includes(alias) || s.id === alias);
  const parentOf = (alias: string) => {
    const parent = skill(alias)?.requires[0]?.skill;
    return result.curriculum.skills.find((s) => s.id === parent)?.aliases[0];
  };
  return { ...result, skill, parentOf };
}

/** Writing the curriculum out and loading it back finds no problem, and it plans. */
function checksAndPlans(curriculum: Curriculum): void {
  const loaded = tryParseCurriculum(
    curriculumYamlFiles(curriculum).map((f) => ({ file: f.name, text: f.text })),
    'out',
  );
  expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  if (!loaded.ok) return;
  const plan = planFor(loaded.curriculum, profileFor(loaded.curriculum, undefined, { startDate: '2026-01-05' }));
  expect(plan.weekCount).toBeGreaterThan(0);
  expect(plan.skills.length).toBe(curriculum.skills.length);
}

describe('importRoadmapSh on a small roadmap in roadmap.sh format', () => {
  const { curriculum, summary, skill } = imported('tiny-ml');

  it("makes topics and subtopics skills identified by roadmap.sh's node ids, with readable aliases", () => {
    expect(curriculum.skills.map((s) => s.id)).toEqual([
      'topfound0000000000001',
      'toplinalg000000000001',
      'subvector000000000001',
      'submatrix000000000001',
      'topmodels000000000001',
      'subregres000000000001',
      'toplinalg000000000002',
    ]);
    expect(curriculum.skills.map((s) => s.aliases)).toEqual([
      ['foundations'],
      ['linear-algebra'],
      ['vectors'],
      ['matrices'],
      ['models'],
      ['regression'],
      ['linear-algebra-2'],
    ]);
    expect(droppedText(summary).map((d) => d.what)).toEqual(
      expect.arrayContaining(['1 title node', '1 paragraph node']),
    );
  });

  it('orders topics along the solid-edge chain, each requiring the one before', () => {
    expect(curriculum.stages.map((s) => s.title['en'])).toEqual([
      'Foundations',
      'Linear Algebra',
      'Models',
      'Linear Algebra',
    ]);
    expect(skill('models')?.requires.map((r) => r.skill)).toEqual(['toplinalg000000000001']);
    expect(skill('foundations')?.requires).toEqual([]);
    expect(curriculum.routes[0]?.stages).toEqual(curriculum.stages.map((s) => s.id));
  });

  it('places subtopics under their topic by dashed edges in either direction, or by a stack', () => {
    expect(skill('vectors')?.requires.map((r) => r.skill)).toEqual(['toplinalg000000000001']);
    expect(skill('regression')?.requires.map((r) => r.skill)).toEqual(['topmodels000000000001']);
    // no edge, but stacked under "Vectors"
    expect(skill('matrices')?.requires.map((r) => r.skill)).toEqual(['toplinalg000000000001']);
    expect(summary.imported).toMatchObject({
      'subtopics by edge': 2,
      'subtopics by stack': 1,
      'subtopics by distance': 0,
    });
    expect(curriculum.stages.find((s) => s.id === 'toplinalg000000000001')?.skills).toEqual([
      'toplinalg000000000001',
      'subvector000000000001',
      'submatrix000000000001',
    ]);
  });

  it('tolerates an edge without a source and a repeated label', () => {
    expect(droppedText(summary)).toContainEqual({ what: '1 edge', why: 'an edge without a source or target' });
    expect(skill('linear-algebra-2')?.title).toEqual({ en: 'Linear Algebra' });
  });

  it('reads summaries and resource links from content files, sharing a link used twice', () => {
    expect(skill('vectors')?.summary).toEqual({ en: 'A vector is a list of numbers with a direction and a length.' });
    const notebooks = curriculum.resources.find((r) => r.url === 'https://example.org/notebooks');
    expect(notebooks?.teaches).toEqual(['topfound0000000000001', 'submatrix000000000001']);
    expect(curriculum.resources.find((r) => r.title === 'Matrices for Everyone')?.kind).toBe('book');
    expect(warningsText(summary).some((w) => w.includes('no content file'))).toBe(true);
  });

  it('gives every skill the documented default hours and records it in the curriculum', () => {
    expect(curriculum.meta.defaultSkillHours).toBe(ROADMAP_DEFAULT_HOURS);
    expect(curriculum.skills.every((s) => s.hours === ROADMAP_DEFAULT_HOURS)).toBe(true);
    const custom = importRoadmapSh(FIXTURE, { defaultHours: 5 }).curriculum;
    expect(custom.meta.defaultSkillHours).toBe(5);
    expect(custom.skills.every((s) => s.hours === 5)).toBe(true);
  });

  it('produces an English-only curriculum without roles that passes the curriculum check and plans', () => {
    expect(curriculum.meta.locales).toEqual(['en']);
    expect(curriculum.roles).toEqual([]);
    checksAndPlans(curriculum);
  });
});

describe('importRoadmapSh on resource lines as real roadmaps write them', () => {
  const { curriculum, summary } = imported('tolerant');
  const titled = (url: string) => curriculum.resources.find((r) => r.url === url);

  it('reads brackets in titles, escaped or not, capital types, two-line links, a trailing dot and a missing @', () => {
    expect(titled('https://example.org/sorting-1')).toMatchObject({
      title: 'Sorting [Part 1 of 3] Explained',
      kind: 'article',
    });
    expect(titled('https://example.org/graphs')).toMatchObject({
      title: 'Graphs [Full Course] for Beginners',
      kind: 'video',
    });
    expect(titled('https://example.org/capitals')).toMatchObject({ title: 'A Type In Capitals', kind: 'video' });
    expect(titled('https://example.org/two-lines')?.title).toBe('A Title That Runs Onto a Second Line');
    expect(titled('https://example.org/manual')?.title).toBe('Reference Manual');
    expect(titled('https://example.org/missing-at')).toMatchObject({ title: 'Missing Separator', kind: 'article' });
    expect(titled('https://example.org/star')).toMatchObject({ title: 'A Star Bullet Course', kind: 'course' });
    expect(titled('https://example.org/paper')?.kind).toBe('article');
    expect(summary.imported).toMatchObject({ 'links read': 9, 'links skipped': 2 });
  });

  it('skips a line it cannot read with a warning naming file and line, and imports the rest', () => {
    expect(warningsText(summary)).toContain(
      'tolerant/content/basics@tolBasics000000000001.md:15: a resource line that cannot be read was skipped (no complete [title](url) link in it): - [@video@Broken Brackets]](https://example.org/broken)',
    );
    expect(droppedText(summary)).toContainEqual({
      what: 'link "Not a Web Link"',
      why: 'not an absolute http(s) URL (tolerant/content/basics@tolBasics000000000001.md:16)',
    });
    expect(curriculum.resources.some((r) => r.url === 'https://example.org/broken')).toBe(false);
    checksAndPlans(curriculum);
  });

  it('leaves prose bullets that are not links alone', () => {
    expect(warningsText(summary).filter((w) => w.includes('practice@'))).toEqual([]);
  });
});

describe('importRoadmapSh on subtopics that the nearest topic would misplace', () => {
  const { curriculum, summary, parentOf } = imported('layout');

  it('follows a stack, a section box and a drawn line to the right topic', () => {
    expect(parentOf('stack-one')).toBe('alpha'); // by its own edge
    expect(parentOf('stack-three')).toBe('alpha'); // stacked under it, though nearer Beta
    expect(parentOf('boxed-one')).toBe('alpha'); // in a section joined to Alpha
    expect(parentOf('boxed-two')).toBe('alpha');
    expect(parentOf('hanging')).toBe('beta'); // at the end of a line from Beta, though nearer Gamma
    expect(summary.imported).toMatchObject({
      'subtopics by edge': 1,
      'subtopics by stack': 5,
      'subtopics by distance': 1,
    });
  });

  it('places what nothing joins by distance, and warns naming it', () => {
    expect(parentOf('loose-end')).toBe('gamma');
    expect(warningsText(summary)).toContain(
      '1 subtopic is joined to no topic by an edge, a stack, a section or a line and was placed under the nearest topic on the canvas: "Loose End"',
    );
    checksAndPlans(curriculum);
  });
});

describe('importRoadmapSh on a checklist roadmap', () => {
  const { curriculum, summary, parentOf, skill } = imported('checklist');

  it('makes checklist items skills under the topic heading their column', () => {
    expect(summary.imported).toMatchObject({ topics: 2, 'checklist items': 3, skills: 5 });
    expect(parentOf('linear-algebra-calculus')).toBe('maths');
    expect(parentOf('probability')).toBe('maths');
    expect(parentOf('learn-python')).toBe('code');
    expect(skill('probability')?.tags).toContain('checklist');
  });

  it('makes link buttons resources of the item above them, their badge giving the kind', () => {
    const by = (url: string) => curriculum.resources.find((r) => r.url === url);
    expect(by('https://example.org/algebra-course')).toMatchObject({
      kind: 'course',
      teaches: [skill('linear-algebra-calculus')?.id],
    });
    expect(by('https://example.org/calculus-book')).toMatchObject({
      kind: 'book',
      teaches: [skill('linear-algebra-calculus')?.id],
    });
    expect(by('https://example.org/probability')?.teaches).toEqual([skill('probability')?.id]);
    expect(by('https://example.org/python')).toMatchObject({
      kind: 'interactive',
      teaches: [skill('learn-python')?.id],
    });
    checksAndPlans(curriculum);
  });
});

describe('importRoadmapSh on an older roadmap drawn in Balsamiq', () => {
  const { curriculum, summary, parentOf, skill } = imported('legacy');

  it('reads topics and subtopics from the control names, in the order of their numbers', () => {
    expect(curriculum.stages.map((s) => s.title['en'])).toEqual(['Basics', 'Tools']);
    expect(parentOf('first-steps')).toBe('basics');
    expect(parentOf('hello-world')).toBe('basics');
    expect(skill('hello-world')?.title).toEqual({ en: 'Hello, World' });
    expect(skill('tools')?.requires.map((r) => r.skill)).toEqual([skill('basics')?.id]);
    expect(warningsText(summary)[0]).toMatch(/an older roadmap drawn in Balsamiq/);
  });

  it("keeps the editor's node id where the migration mapping gives one, and finds content by it or by name", () => {
    expect(skill('basics')?.id).toBe('lgcbasics000000000001');
    expect(skill('first-steps')?.summary).toEqual({ en: 'The first programs anyone writes.' });
    expect(skill('tools')?.summary).toEqual({ en: 'The tools of the trade.' });
    expect(curriculum.resources.map((r) => r.url)).toEqual([
      'https://example.org/starting-out',
      'https://example.org/tools-tour',
    ]);
    checksAndPlans(curriculum);
  });
});

describe('importRoadmapSh ids for labels that old ids confused', () => {
  const { curriculum, skill } = imported('names');

  it('keeps "C", "C#" and "C++" apart and gives Chinese labels readable aliases', () => {
    expect(curriculum.skills.map((s) => s.aliases[0])).toEqual([
      'c',
      'c-sharp',
      'c-plus-plus',
      'xian-xing-dai-shu',
      'ji-qi-xue-xi',
    ]);
    expect(skill('xian-xing-dai-shu')?.summary).toEqual({ en: '向量、矩阵和线性变换。' });
    checksAndPlans(curriculum);
  });
});

describe('importRoadmapSh identity across versions of a roadmap', () => {
  const v1 = imported('relabel-v1');
  const v2 = imported('relabel-v2');

  it('keeps the id of a relabelled topic and moves its readable alias to the new label', () => {
    expect(v1.skill('lsmt')?.id).toBe('rellstm0000000000001');
    expect(v2.skill('lstm')?.id).toBe('rellstm0000000000001');
  });

  it('keeps each of two topics with one label under its own id when their order changes', () => {
    expect(v1.skill('linear-algebra')?.id).toBe('rellinalgb00000000001');
    expect(v2.skill('linear-algebra')?.id).toBe('rellinalga00000000001');
    expect(warningsText(v1.summary)).toContain(
      '1 label repeats; each keeps its own node id, and their readable aliases are numbered (e.g. "-2")',
    );
  });
});

describe('importRoadmapSh on bad input', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const copy = (): string => {
    dir = join(mkdtempSync(join(tmpdir(), 'mlpath-rm-')), 'tiny-ml');
    cpSync(FIXTURE, dir, { recursive: true });
    return dir;
  };
  const failure = (source: string) => {
    try {
      importRoadmapSh(source, { cwd: source });
    } catch (error) {
      if (!isMlpathError(error)) throw error;
      return { code: error.code, message: error.message, place: error.problems[0]?.place };
    }
    throw new Error('expected the import to fail');
  };

  it('reports malformed JSON at its line and column', () => {
    const folder = copy();
    writeFileSync(join(folder, 'tiny-ml.json'), '{\n  "nodes": [\n    { "id": "a", }\n  ]\n}\n');
    const f = failure(folder);
    expect(f.code).toBe('IMPORT_INVALID');
    expect(f.message).toMatch(/malformed JSON/);
    expect(f.place).toMatchObject({ file: 'tiny-ml.json', line: 3 });
  });

  it('reports a missing content folder', () => {
    const folder = copy();
    rmSync(join(folder, 'content'), { recursive: true });
    expect(failure(folder).message).toMatch(/missing content folder/);
  });

  it('refuses a JSON file that is neither format, naming both', () => {
    const folder = copy();
    writeFileSync(join(folder, 'tiny-ml.json'), '{ "items": [] }\n');
    const f = failure(folder);
    expect(f.message).toMatch(/not a roadmap\.sh graph: .*"nodes" list .* "mockup" with controls/);
    expect(f.place).toMatchObject({ file: 'tiny-ml.json', line: 1 });
  });

  it('refuses a graph without topics, saying why', () => {
    const folder = copy();
    writeFileSync(join(folder, 'tiny-ml.json'), '{ "nodes": [{ "id": "b", "type": "button" }], "edges": [] }\n');
    expect(failure(folder).message).toMatch(/no topic, subtopic or checklist nodes/);
  });

  it('reports a folder without a graph file', () => {
    const folder = copy();
    rmSync(join(folder, 'tiny-ml.json'));
    expect(failure(folder).message).toMatch(/no roadmap graph/);
  });
});

describe('parseRoadmapContent', () => {
  it('takes the first paragraph as the summary and every typed link as a resource', () => {
    const parsed = parseRoadmapContent(
      '# T\n\nFirst [linked](https://x.example) words\nand more.\n\nVisit the following resources to learn more:\n\n- [@article@A](https://a.example)\n- [@feed@B](https://b.example)\n',
    );
    expect(parsed.title).toBe('T');
    expect(parsed.summary).toBe('First linked words and more.');
    expect(parsed.links.map((l) => [l.type, l.title, l.url, l.line])).toEqual([
      ['article', 'A', 'https://a.example', 8],
      ['feed', 'B', 'https://b.example', 9],
    ]);
    expect(parsed.skipped).toEqual([]);
  });

  it('returns a resource line it cannot read with its line instead of throwing', () => {
    const parsed = parseRoadmapContent('# T\n\nText.\n\n- [@video@Broken link(https://x.example)\n');
    expect(parsed.links).toEqual([]);
    expect(parsed.skipped).toEqual([{ line: 5, text: '- [@video@Broken link(https://x.example)', why: 'warn.noLink' }]);
  });
});
