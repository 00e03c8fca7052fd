import { wordsOf } from '../core/planner/test-support/fixtures.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { droppedText, warningsText } from './test-support/notes.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isMlpathError } from '../core/errors.js';
import { neededClosure, skillGraphFrom } from '../core/graph.js';
import type { Curriculum } from '../core/model.js';
import { planFor, profileFor } from '../core/planner/index.js';
import { normalizeSkillId } from '../core/skill-id.js';
import { curriculumYamlFiles } from '../content/write.js';
import { tryParseCurriculum } from '../content/load.js';
import { CORPORA, skipWithoutCorpus } from './test-support/corpora.js';
import { importMetacademy, metacademyTag, parseTextRecords } from './metacademy.js';

/** The plan's hours as Metacademy sums them: each needed concept's time, or its shortcut's. */
function planFigures(curriculum: Curriculum, target: string, known: string[] = []) {
  const graph = skillGraphFrom(curriculum.skills);
  const closure = neededClosure(graph, [target], known);
  const byId = new Map(curriculum.skills.map((s) => [s.id, s]));
  const hours = closure.order.reduce((sum, id) => {
    const skill = byId.get(id);
    const h = closure.level.get(id) === 'shortcut' ? skill?.shortcut?.hours : skill?.hours;
    return sum + (h ?? 0);
  }, 0);
  return { concepts: [...closure.order], hours };
}

// Metacademy's own learning plan for backpropagation (research/anchor-metacademy-ossu.md), as tags.
const BACKPROP_PLAN = [
  'vectors',
  'dot_product',
  'matrix_multiplication',
  'linear_regression',
  'basis_function_expansions',
  'feed_forward_neural_nets',
  'functions_of_several_variables',
  'partial_derivatives',
  'limits_and_continuity_in_rn',
  'linear_approximation',
  'gradient',
  'gradient_descent',
  'stochastic_gradient_descent',
  'chain_rule',
  'backpropagation',
];

describe.skipIf(skipWithoutCorpus('metacademy/metacademy-content'))('importMetacademy over the real content', () => {
  const source = `${CORPORA}metacademy/metacademy-content`;
  const { curriculum, summary } = importMetacademy(source);

  it('imports all 392 concepts and leaves out the annotated format example', () => {
    expect(curriculum.skills).toHaveLength(392);
    expect(droppedText(summary).some((d) => d.what === 'concepts/ANNOTATED_EXAMPLE')).toBe(true);
  });

  it('files a concept outside Metacademy\'s three courses under "Other skills", not under the last course', () => {
    const courses = new Set(curriculum.stages.flatMap((s) => s.skills));
    expect(courses.has('k-means')).toBe(false);
    const plan = planFor(
      curriculum,
      profileFor(curriculum, undefined, { startDate: '2026-01-05', hoursPerWeek: 10, target: 'k-means' }),
    );
    const task = plan.weeks.flatMap((w) => w.tasks).find((t) => t.skills.includes('k-means'));
    expect(curriculum.stages.some((s) => s.id === task?.stage)).toBe(false);
    expect(wordsOf(plan.milestones.find((m) => m.stage === task?.stage)?.title)).toEqual({
      en: 'Other skills',
      'zh-CN': '其他技能',
    });
    expect(plan.milestones.map((m) => wordsOf(m.title)['en'])).not.toContain('Probability theory');
  });

  it('plans backpropagation from nothing with the same 15 concepts as Metacademy, about 22.4 hours', () => {
    const plan = planFigures(curriculum, 'backpropagation');
    expect(new Set(plan.concepts)).toEqual(new Set(BACKPROP_PLAN.map(normalizeSkillId)));
    expect(plan.concepts).toHaveLength(15);
    expect(plan.hours).toBeCloseTo(22.4, 1);
    // Prerequisites come first.
    expect(plan.concepts.at(-1)).toBe('backpropagation');
  });

  it('plans backpropagation knowing linear regression with 14 concepts, about 20.0 hours, keeping vectors and dot product', () => {
    const plan = planFigures(curriculum, 'backpropagation', ['linear-regression']);
    expect(plan.concepts).toHaveLength(14);
    expect(plan.concepts).not.toContain('linear-regression');
    expect(plan.concepts).toEqual(expect.arrayContaining(['vectors', 'dot-product']));
    expect(plan.hours).toBeCloseTo(20.0, 1);
  });

  it('gives the same concepts and hours in the planner as in Metacademy, knowing nothing or linear regression', () => {
    const plan = (known: string[]) =>
      planFor(
        curriculum,
        profileFor(curriculum, undefined, {
          startDate: '2026-01-05',
          hoursPerWeek: 10,
          target: 'backpropagation',
          known,
        }),
      );
    const fresh = plan([]);
    expect(new Set(fresh.skills)).toEqual(new Set(BACKPROP_PLAN.map(normalizeSkillId)));
    expect(fresh.totalHours).toBeCloseTo(22.4, 1);
    const knowing = plan(['linear-regression']);
    expect(knowing.skills).toHaveLength(14);
    // The concepts sum to 20.05 h; the planner reports hours to 0.1 h, so 20.1.
    expect(Math.abs(knowing.totalHours - 20.0)).toBeLessThanOrEqual(0.1 + 1e-9);
  });

  it('accepts the Metacademy spelling of a target once normalised', () => {
    expect(curriculum.skills.some((s) => s.id === normalizeSkillId('linear_regression'))).toBe(true);
  });

  it('resolves hyphenated dependency tags to the underscore concepts they name', () => {
    const backprop = curriculum.skills.find((s) => s.id === 'backpropagation');
    expect(backprop?.requires.map((r) => r.skill)).toEqual([
      'feed-forward-neural-nets',
      'stochastic-gradient-descent',
      'chain-rule',
    ]);
  });

  it('drops dependencies on the 17 missing concepts, each with a warning', () => {
    const missing = droppedText(summary).filter(
      (d) => /no concept ".*" exists/.test(d.why) && / requires /.test(d.what),
    );
    expect(new Set(missing.map((d) => /requires (\S+)/.exec(d.what)?.[1])).size).toBe(17);
    expect(warningsText(summary).filter((w) => /no concept/.test(w))).toHaveLength(missing.length);
  });

  it('gives each concept its own hours: estimates as authored, 1 h without one, never below 0.5 h', () => {
    const hours = curriculum.skills.map((s) => s.hours ?? 0);
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(0.5);
    expect(curriculum.skills.find((s) => s.id === 'backpropagation')?.hours).toBeCloseTo(2.21, 2);
    expect(curriculum.skills.filter((s) => s.hours === 1).length).toBeGreaterThanOrEqual(110);
  });

  it('imports the six shortcuts and marks the dependencies that ask only for them', () => {
    expect(curriculum.skills.filter((s) => s.shortcut !== undefined)).toHaveLength(6);
    expect(curriculum.skills.flatMap((s) => s.requires).filter((r) => r.shortcut).length).toBeGreaterThan(0);
  });

  it('writes a curriculum that passes the curriculum check', () => {
    const texts = curriculumYamlFiles(curriculum).map((f) => ({ file: f.name, text: f.text }));
    const loaded = tryParseCurriculum(texts, 'out');
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });
});

describe.skipIf(skipWithoutCorpus('metacademy/metacademy-application/dev_utils/graph_data.json'))(
  'importMetacademy over the database dump (graph_data.json)',
  () => {
    const { curriculum, summary } = importMetacademy(
      `${CORPORA}metacademy/metacademy-application/dev_utils/graph_data.json`,
    );

    it('imports the concepts with their learn times and goals', () => {
      expect(curriculum.skills.length).toBeGreaterThan(480);
      expect(curriculum.skills.find((s) => s.id === 'logistic-regression')?.outcomes).toHaveLength(4);
      expect(warningsText(summary).some((w) => w.includes('scoped to learning goals'))).toBe(true);
    });

    it("reproduces the dump's own ancestor counts and hours for Metacademy's targets", () => {
      // research/anchor-metacademy-ossu.md: ancestors / hours (the target's own time included).
      const expected: Record<string, [number, number]> = {
        backpropagation: [14, 21.0],
        'logistic-regression': [21, 34.7],
        'convolutional-nets': [17, 24.1],
        'deep-belief-networks': [33, 49.8],
        'gaussian-processes': [41, 71.3],
      };
      for (const [target, [ancestors, hours]] of Object.entries(expected)) {
        const plan = planFigures(curriculum, target);
        expect([target, plan.concepts.length - 1]).toEqual([target, ancestors]);
        expect(plan.hours).toBeCloseTo(hours, 1);
      }
    });

    it('writes a curriculum that passes the curriculum check', () => {
      const texts = curriculumYamlFiles(curriculum).map((f) => ({ file: f.name, text: f.text }));
      const loaded = tryParseCurriculum(texts, 'out');
      expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    });
  },
);

describe('importMetacademy on small hand-made content', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const concept = (root: string, tag: string, files: Record<string, string>): void => {
    mkdirSync(join(root, 'concepts', tag), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'concepts', tag, name), text);
  };

  it('uses a shortcut when only a shortcut is asked for, and the full concept when another path needs it', () => {
    dir = mkdtempSync(join(tmpdir(), 'mlpath-mc-'));
    concept(dir, 'basics', { 'title.txt': 'basics\n' });
    concept(dir, 'big_idea', { 'title.txt': 'big idea\n', 'dependencies.txt': 'tag: basics\n' });
    concept(dir, 'quick_user', { 'title.txt': 'quick user\n', 'dependencies.txt': 'tag: big-idea\nshortcut: 1\n' });
    concept(dir, 'deep_user', { 'title.txt': 'deep user\n', 'dependencies.txt': 'tag: big_idea\n' });
    mkdirSync(join(dir, 'shortcuts', 'big_idea'), { recursive: true });
    writeFileSync(join(dir, 'shortcuts', 'big_idea', 'dependencies.txt'), '');
    mkdirSync(join(dir, 'time_estimates'));
    writeFileSync(join(dir, 'time_estimates', 'concepts.txt'), 'basics 0.2\nbig_idea 4\n');
    writeFileSync(join(dir, 'time_estimates', 'shortcuts.txt'), 'big_idea 1.5\n');
    const { curriculum } = importMetacademy(dir);
    const quick = planFigures(curriculum, 'quick-user');
    expect(quick.concepts).toEqual(['big-idea', 'quick-user']);
    expect(quick.hours).toBeCloseTo(1.5 + 1, 5); // the shortcut's 1.5 h, and 1 h for the unestimated target
    const both = neededClosure(skillGraphFrom(curriculum.skills), ['quick-user', 'deep-user']);
    expect(both.level.get('big-idea')).toBe('full');
    expect(both.order).toContain('basics');
    expect(curriculum.skills.find((s) => s.id === 'basics')?.hours).toBe(0.5); // 0.2 h raised to the floor
  });

  it('rejects a dependencies file with a line that is not "field: value", naming file and line', () => {
    dir = mkdtempSync(join(tmpdir(), 'mlpath-mc-'));
    concept(dir, 'a', { 'title.txt': 'a\n' });
    concept(dir, 'b', { 'title.txt': 'b\n', 'dependencies.txt': '# comment\ntag: a\nthis line is broken\n' });
    try {
      importMetacademy(dir, { cwd: dir });
      expect.unreachable('the import should fail');
    } catch (error) {
      expect(isMlpathError(error) && error.code).toBe('IMPORT_INVALID');
      const place = isMlpathError(error) ? error.problems[0]?.place : undefined;
      expect(place).toEqual({ file: join('concepts', 'b', 'dependencies.txt'), line: 3, column: 1 });
    }
  });

  it('rejects a folder without concepts/', () => {
    dir = mkdtempSync(join(tmpdir(), 'mlpath-mc-'));
    expect(() => importMetacademy(dir ?? '')).toThrow(/missing concepts folder/);
  });
});

describe('Metacademy text records', () => {
  it('normalises tags as Metacademy does', () => {
    expect(metacademyTag('Feed-Forward-Neural-Nets')).toBe('feed_forward_neural_nets');
  });
  it('splits records at blank lines and keeps repeated fields', () => {
    const records = parseTextRecords(
      'source: a\nlocation: one\nlocation: two\n\nsource: b\n',
      'r.txt',
      new Set(['source', 'location']),
    );
    expect(records.map((r) => r.fields.get('location') ?? [])).toEqual([['one', 'two'], []]);
    expect(records.map((r) => r.line)).toEqual([1, 5]);
  });
  it('rejects unknown fields with their line', () => {
    expect(() => parseTextRecords('tag: a\ncolour: red\n', 'deps.txt', new Set(['tag']))).toThrow(
      /unknown field "colour"/,
    );
  });
});
