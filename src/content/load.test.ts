import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/errors.js';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { curriculumFiles, loadCurriculum, tryLoadCurriculum, tryParseCurriculum } from './load.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const cwd = fileURLToPath(new URL('../../', import.meta.url));

/** Load a fixture folder and return its problems as the CLI prints them. */
function problemsOf(name: string): string[] {
  const result = tryLoadCurriculum(`${fixtures}${name}`, cwd);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('loading a valid curriculum', () => {
  it('reads every file into the core model', () => {
    const curriculum = loadCurriculum(`${fixtures}valid`, cwd);
    expect(curriculum.meta.locales).toEqual(['en', 'zh-CN']);
    expect(curriculum.skills.map((s) => s.id)).toEqual(['algebra', 'calculus']);
    expect(curriculum.skills[1]?.requires[0]).toEqual({
      skill: 'algebra',
      reason: { en: 'Limits are algebra.', 'zh-CN': '极限离不开代数。' },
      corequisite: false,
      shortcut: false,
    });
    expect(curriculum.resources[0]?.effort).toMatchObject({ hours: 30, estimate: false });
  });
});

describe('each kind of broken curriculum gets a message with file:line:col', () => {
  it('reports broken YAML', () => {
    const [first] = problemsOf('broken-yaml');
    // At the place the parser found the unclosed flow map (the next item), not at the file's first line.
    expect(first).toMatch(/^src\/content\/fixtures\/broken-yaml\/skills\.yaml:5:3: invalid YAML: Flow map/);
  });

  it('reports an unknown key at the key', () => {
    expect(problemsOf('unknown-key')).toEqual([
      'src/content/fixtures/unknown-key/skills.yaml:5:5: skills[0]: unknown key "difficulty"',
    ]);
  });

  it('reports a wrong type with what was expected', () => {
    expect(problemsOf('wrong-type')).toEqual([
      'src/content/fixtures/wrong-type/skills.yaml:5:12: skills[0].hours: expected number, got string "many"',
    ]);
  });

  it('reports text missing in a declared locale', () => {
    expect(problemsOf('missing-locale')).toEqual([
      'src/content/fixtures/missing-locale/skills.yaml:4:12: missing text for locale zh-CN (declared in curriculum.locales)',
    ]);
  });

  it('reports a duplicate id and where the first one is', () => {
    expect(problemsOf('duplicate-id')).toEqual([
      'src/content/fixtures/duplicate-id/skills.yaml:6:9: duplicate skill id "algebra" (first defined at src/content/fixtures/duplicate-id/skills.yaml:2:5)',
    ]);
  });

  it('reports references to unknown skills and resources, with suggestions', () => {
    const problems = problemsOf('unknown-ref');
    expect(problems).toContain(
      'src/content/fixtures/unknown-ref/skills.yaml:7:16: unknown skill "algebr" as prerequisite',
    );
    expect(problems).toContain(
      'src/content/fixtures/unknown-ref/skills.yaml:11:17: unknown resource "no-such-book" as stage resource',
    );
  });

  it('refuses a route reason for an unknown starting point, at the id, with a suggestion', () => {
    expect(problemsOf('unknown-reason-for')).toEqual([
      'src/content/fixtures/unknown-reason-for/routes.yaml:7:26: unknown starting point "devloper" as starting point a route reason is for; did you mean "developer"?',
    ]);
  });

  it('names the whole prerequisite cycle', () => {
    const problems = problemsOf('cycle');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^src\/content\/fixtures\/cycle\/skills\.yaml:\d+:\d+: prerequisite cycle: a -> b -> c -> a/,
    );
  });

  it('refuses an effort figure without a source', () => {
    expect(problemsOf('effort-no-source')).toEqual([
      'src/content/fixtures/effort-no-source/resources.yaml:11:13: effort has no `source`: cite where the figure comes from, or mark it `estimate: true` with `reasoning`',
    ]);
  });

  it('refuses a malformed URL', () => {
    const [first] = problemsOf('bad-url');
    expect(first).toMatch(
      /^src\/content\/fixtures\/bad-url\/resources\.yaml:8:10: resources\[0\]\.url: expected an absolute http\(s\) URL/,
    );
  });

  it('refuses a folder without curriculum metadata', () => {
    expect(problemsOf('no-meta')[0]).toMatch(/no file declares `curriculum:`/);
  });

  it('refuses a missing folder', () => {
    expect(problemsOf('does-not-exist')[0]).toMatch(/no such curriculum folder/);
  });
});

describe('one run reports every problem', () => {
  it('lists schema and reference problems from several files together', () => {
    const problems = problemsOf('many-errors');
    expect(problems.length).toBeGreaterThanOrEqual(4);
    expect(problems.some((p) => p.includes('skills.yaml:2:9') && p.includes('kebab-case'))).toBe(true);
    expect(problems.some((p) => p.includes('skills.yaml:3:11') && p.includes('expected one of'))).toBe(true);
    expect(problems.some((p) => p.includes('stages.yaml') && p.includes('missing text for locale zh-CN'))).toBe(true);
    expect(problems.some((p) => p.includes('stages.yaml') && p.includes('unknown skill "topology"'))).toBe(true);
  });

  it('throws one error that carries all problems and loads nothing', () => {
    expect(() => loadCurriculum(`${fixtures}many-errors`, cwd)).toThrow(/problems/);
  });
});

describe('a file the schema refuses', () => {
  it('is one problem where it is wrong, not one more for every reference to the skills it declares', () => {
    const shipped = fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url));
    const texts = curriculumFiles(shipped).map((path) => ({
      file: relative(cwd, path),
      text: readFileSync(path, 'utf8'),
    }));
    const broken = texts.map((t) =>
      t.file.endsWith('skills/01-software.yaml')
        ? { ...t, text: t.text.replace('area: software', 'area: sofware') }
        : t,
    );
    expect(broken).not.toEqual(texts);
    const result = tryParseCurriculum(broken, 'ml-engineer');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems.map((p) => formatProblem(p));
    expect(problem).toContain('skills/01-software.yaml:6');
    expect(problem).toContain('skills[0].area');
    // A reference to a skill no file declares is still reported.
    const unknown = texts.map((t) =>
      t.file.endsWith('skills/01-software.yaml')
        ? { ...t, text: t.text.replace('area: software', 'area: sofware') }
        : t.file.endsWith('stages.yaml')
          ? { ...t, text: t.text.replace('python-basics, python-idiomatic', 'pyhton-basics, python-idiomatic') }
          : t,
    );
    const both = tryParseCurriculum(unknown, 'ml-engineer');
    expect(both.ok ? [] : both.problems.map((p) => formatProblem(p)).join('\n')).toContain('pyhton-basics');
  });
});
