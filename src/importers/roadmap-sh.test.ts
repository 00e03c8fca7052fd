import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isMlpathError } from '../core/errors.js';
import { tryParseCurriculum } from '../content/load.js';
import { curriculumYamlFiles } from '../content/write.js';
import { importRoadmapSh, parseRoadmapContent, ROADMAP_DEFAULT_HOURS } from './roadmap-sh.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/roadmap-sh/tiny-ml', import.meta.url));

describe('importRoadmapSh on a small roadmap in roadmap.sh format', () => {
  const { curriculum, summary } = importRoadmapSh(FIXTURE);
  const skill = (id: string) => curriculum.skills.find((s) => s.id === id);

  it('makes topics and subtopics skills and leaves layout nodes out', () => {
    expect(curriculum.skills.map((s) => s.id)).toEqual([
      'foundations',
      'linear-algebra',
      'vectors',
      'matrices',
      'models',
      'regression',
      'linear-algebra-2',
    ]);
    expect(summary.dropped.map((d) => d.what)).toEqual(
      expect.arrayContaining(['1 title node(s)', '1 paragraph node(s)']),
    );
  });

  it('orders topics along the solid-edge chain, each requiring the one before', () => {
    expect(curriculum.stages.map((s) => s.id)).toEqual(['foundations', 'linear-algebra', 'models', 'linear-algebra-2']);
    expect(skill('models')?.requires.map((r) => r.skill)).toEqual(['linear-algebra']);
    expect(skill('foundations')?.requires).toEqual([]);
    expect(curriculum.routes[0]?.stages).toEqual(curriculum.stages.map((s) => s.id));
  });

  it('places subtopics under their topic by dashed edges in either direction, or by position', () => {
    expect(skill('vectors')?.requires.map((r) => r.skill)).toEqual(['linear-algebra']);
    expect(skill('regression')?.requires.map((r) => r.skill)).toEqual(['models']);
    expect(skill('matrices')?.requires.map((r) => r.skill)).toEqual(['linear-algebra']); // no edge: nearest topic
    expect(curriculum.stages.find((s) => s.id === 'linear-algebra')?.skills).toEqual([
      'linear-algebra',
      'vectors',
      'matrices',
    ]);
  });

  it('tolerates an edge without a source and a repeated label', () => {
    expect(summary.dropped).toContainEqual({ what: '1 edge(s)', why: 'an edge without a source or target' });
    expect(skill('linear-algebra-2')?.title).toEqual({ en: 'Linear Algebra' });
  });

  it('reads summaries and resource links from content files, sharing a link used twice', () => {
    expect(skill('vectors')?.summary).toEqual({ en: 'A vector is a list of numbers with a direction and a length.' });
    const notebooks = curriculum.resources.find((r) => r.url === 'https://example.org/notebooks');
    expect(notebooks?.teaches).toEqual(['foundations', 'matrices']);
    expect(curriculum.resources.find((r) => r.title === 'Matrices for Everyone')?.kind).toBe('book');
    expect(summary.warnings.some((w) => w.includes('no content file'))).toBe(true);
  });

  it('gives every skill the documented default hours and records it in the curriculum', () => {
    expect(curriculum.meta.defaultSkillHours).toBe(ROADMAP_DEFAULT_HOURS);
    expect(curriculum.skills.every((s) => s.hours === ROADMAP_DEFAULT_HOURS)).toBe(true);
    const custom = importRoadmapSh(FIXTURE, { defaultHours: 5 }).curriculum;
    expect(custom.meta.defaultSkillHours).toBe(5);
    expect(custom.skills.every((s) => s.hours === 5)).toBe(true);
  });

  it('produces an English-only curriculum without roles that passes the curriculum check', () => {
    expect(curriculum.meta.locales).toEqual(['en']);
    expect(curriculum.roles).toEqual([]);
    const loaded = tryParseCurriculum(
      curriculumYamlFiles(curriculum).map((f) => ({ file: f.name, text: f.text })),
      'out',
    );
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
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

  it('reports a malformed resource line with its file and line', () => {
    const folder = copy();
    writeFileSync(
      join(folder, 'content', 'models@topModels000000000001.md'),
      '# Models\n\nText.\n\n- [@video@Broken link(https://x.example)\n',
    );
    const f = failure(folder);
    expect(f.message).toMatch(/malformed resource link/);
    expect(f.place).toMatchObject({ file: join('content', 'models@topModels000000000001.md'), line: 5 });
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
      'x.md',
    );
    expect(parsed.title).toBe('T');
    expect(parsed.summary).toBe('First linked words and more.');
    expect(parsed.links.map((l) => [l.type, l.title, l.url])).toEqual([
      ['article', 'A', 'https://a.example'],
      ['feed', 'B', 'https://b.example'],
    ]);
  });
});
