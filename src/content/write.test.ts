import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isMlpathError } from '../core/errors.js';
import type { Curriculum } from '../core/model.js';
import { fileURLToPath } from 'node:url';
import { miniCurriculum } from '../core/planner/test-support/fixtures.js';
import { importRoadmapSh } from '../importers/roadmap-sh.js';
import { loadCurriculum } from './load.js';
import { cleanInterruptedWrite, SCHEMA_URL, writeCurriculum } from './write.js';

const ROADMAP_FIXTURE = fileURLToPath(new URL('../importers/fixtures/roadmap-sh/tiny-ml', import.meta.url));

function tiny(): Curriculum {
  return {
    meta: {
      id: 'tiny',
      version: '1.0.0',
      locales: ['en', 'zh-CN'],
      title: { en: 'Tiny', 'zh-CN': '小' },
      summary: undefined,
      rubric: [{ id: 'works', title: { en: 'It works', 'zh-CN': '能用' } }],
      defaultSkillHours: 2,
      goal: { en: 'Tiny things', 'zh-CN': '小东西' },
      ready: { en: 'Ready for tiny things', 'zh-CN': '小东西就绪' },
    },
    skills: [
      {
        id: 'a',
        area: 'math',
        title: { en: 'A', 'zh-CN': '甲' },
        summary: undefined,
        outcomes: [],
        requires: [],
        aliases: ['old-a'],
        hours: 1.5,
        shortcut: undefined,
        tags: [],
      },
      {
        id: 'b',
        area: 'ml',
        title: { en: 'B', 'zh-CN': '乙' },
        summary: { en: 'About B', 'zh-CN': '关于乙' },
        outcomes: [{ en: 'Do B', 'zh-CN': '做乙' }],
        requires: [{ skill: 'a', reason: { en: 'needs A', 'zh-CN': '需要甲' }, corequisite: true, shortcut: true }],
        aliases: [],
        hours: undefined,
        shortcut: undefined,
        tags: ['x'],
      },
    ],
    resources: [
      {
        id: 'book',
        title: 'The Book',
        localTitle: undefined,
        summary: undefined,
        authors: ['Someone'],
        provider: 'Press',
        url: 'https://example.org/book',
        kind: 'book',
        cost: 'paid',
        languages: ['en'],
        style: 'reference',
        effort: {
          hours: 10,
          weeks: 5,
          hoursPerWeek: 2,
          source: 'https://example.org/book',
          estimate: false,
          reasoning: undefined,
        },
        units: [
          { id: 'part-1', title: { en: 'Part 1', 'zh-CN': '第一部分' }, hours: 4, teaches: ['b'], url: undefined },
        ],
        teaches: ['b'],
        ambient: true,
      },
      {
        id: 'course',
        title: 'The Course',
        localTitle: { en: 'The Course', 'zh-CN': '课程' },
        summary: undefined,
        authors: [],
        provider: undefined,
        url: undefined,
        kind: 'course',
        cost: 'free',
        languages: ['en'],
        style: 'structured',
        effort: {
          hours: 6,
          weeks: undefined,
          hoursPerWeek: undefined,
          source: undefined,
          estimate: true,
          reasoning: { en: 'a guess', 'zh-CN': '估计' },
        },
        units: [],
        teaches: ['b'],
        ambient: false,
      },
    ],
    stages: [
      {
        id: 's1',
        title: { en: 'S1', 'zh-CN': '阶段一' },
        summary: undefined,
        skills: ['a', 'b'],
        resources: [],
        chooseOne: [
          {
            id: 'g',
            title: { en: 'Pick', 'zh-CN': '选' },
            options: [
              { resources: ['book'], style: 'university', note: undefined },
              { resources: ['course'], style: undefined, note: { en: 'short', 'zh-CN': '短' } },
            ],
          },
        ],
        alongside: undefined,
        optional: true,
        block: { weeks: 2, hours: undefined, reason: { en: 'time', 'zh-CN': '时间' } },
      },
    ],
    routes: [
      {
        id: 'r',
        title: { en: 'R', 'zh-CN': '路' },
        summary: undefined,
        stages: ['s1'],
        reasons: [
          { text: { en: 'For everyone.', 'zh-CN': '给所有人。' }, for: [] },
          { text: { en: 'For P only.', 'zh-CN': '只给 P。' }, for: ['p'] },
        ],
        recommendedFor: ['p'],
        variantOf: undefined,
      },
    ],
    startingPoints: [
      {
        id: 'p',
        title: { en: 'P', 'zh-CN': '起点' },
        summary: undefined,
        known: ['a'],
        hoursPerWeek: 10,
        hoursNote: undefined,
        route: 'r',
        style: 'practical',
        effortFactor: 1.2,
        expected: { months: 6, milestone: 'ready', note: undefined },
      },
    ],
    roles: [
      {
        id: 'role',
        title: { en: 'Role', 'zh-CN': '角色' },
        summary: undefined,
        aliases: ['old-role'],
        weights: [{ skill: 'b', weight: 2 }],
        market: [{ skill: 'b', weight: 3.5 }],
        evidence: 'ten postings, labelled by hand',
      },
    ],
    projects: [
      {
        id: 'proj',
        domain: 'd',
        title: { en: 'Project', 'zh-CN': '项目' },
        summary: undefined,
        skills: ['b'],
        milestones: [{ en: 'Ship', 'zh-CN': '发布' }],
        rubric: [],
        resources: ['book'],
      },
    ],
    domains: [{ id: 'd', title: { en: 'D', 'zh-CN': '领域' }, summary: undefined, skills: ['b'], resources: [] }],
    vocabulary: {
      skills: { a: { en: ['alpha', 'strong alpha'], 'zh-CN': ['甲技能'] }, b: { en: ['strong alpha'] } },
      roles: { role: { en: ['role engineer'], 'zh-CN': ['角色工程师'] } },
    },
    selfCheck: [
      {
        id: 'q1',
        skill: 'a',
        question: { en: 'Why A?', 'zh-CN': '为什么是甲？' },
        answer: { en: 'Because.', 'zh-CN': '因为。' },
      },
      {
        id: 'q1',
        skill: 'b',
        question: { en: 'Why B?', 'zh-CN': '为什么是乙？' },
        answer: { en: 'It follows.', 'zh-CN': '随之而来。' },
      },
      {
        id: 'q2',
        skill: 'a',
        question: { en: 'How A?', 'zh-CN': '甲怎么做？' },
        answer: { en: 'Slowly.', 'zh-CN': '慢慢来。' },
      },
    ],
  };
}

describe('writeCurriculum', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const parent = (): string => {
    dir = mkdtempSync(join(tmpdir(), 'mlpath-write-'));
    return dir;
  };

  it('writes YAML that loads back as the same curriculum', () => {
    const out = join(parent(), 'out');
    writeCurriculum(tiny(), out);
    expect(loadCurriculum(out)).toEqual(tiny());
  });

  it("round-trips the planner's small test curriculum", () => {
    const mini = miniCurriculum();
    const out = join(parent(), 'mini');
    writeCurriculum(mini, out);
    expect(loadCurriculum(out)).toEqual(mini);
  });

  it('round-trips an imported roadmap', () => {
    const imported = importRoadmapSh(ROADMAP_FIXTURE).curriculum;
    const out = join(parent(), 'roadmap');
    writeCurriculum(imported, out);
    expect(loadCurriculum(out)).toEqual(imported);
  });

  it('starts every file with the schema line for editors', () => {
    const out = join(parent(), 'out');
    const files = writeCurriculum(tiny(), out);
    expect(files).toContain('curriculum.yaml');
    for (const f of files) {
      expect(readFileSync(join(out, f), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
    }
  });

  it('writes one-locale text as plain strings', () => {
    const c = tiny();
    const english: Curriculum = {
      ...c,
      meta: { ...c.meta, locales: ['en'], title: { en: 'Tiny' }, rubric: [], goal: undefined, ready: undefined },
      skills: [{ ...(c.skills[0] as Curriculum['skills'][number]), title: { en: 'A' } }],
      resources: [],
      stages: [],
      routes: [],
      startingPoints: [],
      roles: [],
      projects: [],
      domains: [],
      vocabulary: undefined,
      selfCheck: [],
    };
    const out = join(parent(), 'out');
    writeCurriculum(english, out);
    expect(readFileSync(join(out, 'skills.yaml'), 'utf8')).toContain('    title: A\n');
    expect(loadCurriculum(out)).toEqual(english);
  });

  it('refuses a folder that already holds files and leaves it as it was', () => {
    const out = join(parent(), 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    expect(() => writeCurriculum(tiny(), out)).toThrow(/already holds files/);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('replaces a folder holding a curriculum and nothing else with --force', () => {
    const out = join(parent(), 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'old.yaml'), 'curriculum:\n  id: old\n');
    writeFileSync(join(out, 'more.yml'), 'skills: []\n');
    writeCurriculum(tiny(), out, { force: true });
    expect(existsSync(join(out, 'old.yaml'))).toBe(false);
    expect(loadCurriculum(out)).toEqual(tiny());
  });

  it('refuses with --force a folder holding anything but a curriculum, and leaves it as it was', () => {
    const base = parent();
    for (const [name, make] of [
      ['git', (out: string) => mkdirSync(join(out, '.git'))],
      ['notes', (out: string) => writeFileSync(join(out, 'notes.txt'), 'mine')],
      ['plain-yaml', (out: string) => writeFileSync(join(out, 'config.yaml'), 'name: mine\n')],
    ] as const) {
      const out = join(base, name);
      mkdirSync(out);
      writeFileSync(join(out, 'curriculum.yaml'), name === 'plain-yaml' ? 'x: 1\n' : 'curriculum:\n  id: old\n');
      make(out);
      const before = readdirSync(out).sort();
      expect(() => writeCurriculum(tiny(), out, { force: true })).toThrow(
        /holds more than an mlpath curriculum .*--force replaces only a folder holding a curriculum and nothing else/,
      );
      expect(readdirSync(out).sort()).toEqual(before);
    }
    expect(readdirSync(base).sort()).toEqual(['git', 'notes', 'plain-yaml']); // no temporary folder left
  });

  it('cleans the temporary folders an interrupted write left, putting a set-aside folder back', () => {
    const base = parent();
    const out = join(base, 'out');
    // Killed after writing the new files: only the temporary folder is left beside the output.
    mkdirSync(join(base, '.out.tmp-abc123'));
    writeFileSync(join(base, '.out.tmp-abc123', 'skills.yaml'), 'skills: []\n');
    // Killed between the two renames of a replacement: the old curriculum waits aside.
    const old = join(base, 'old');
    writeCurriculum(tiny(), old);
    mkdirSync(join(base, '.old.tmp-def456'));
    renameSync(old, join(base, '.old.tmp-def456-old'));
    // Someone else's folder with a similar name is left alone.
    mkdirSync(join(base, '.out.tmp-mine'));
    writeFileSync(join(base, '.out.tmp-mine', 'notes.txt'), 'mine');

    expect(cleanInterruptedWrite(old).sort()).toEqual(['.old.tmp-def456', '.old.tmp-def456-old']);
    expect(loadCurriculum(old)).toEqual(tiny());
    writeCurriculum(tiny(), out);
    expect(readdirSync(base).sort()).toEqual(['.out.tmp-mine', 'old', 'out']);
  });

  it('writes nothing when the result would not pass the curriculum check', () => {
    const base = parent();
    const out = join(base, 'out');
    const c = tiny();
    const broken: Curriculum = {
      ...c,
      routes: [{ ...(c.routes[0] as Curriculum['routes'][number]), stages: ['nowhere'] }],
    };
    try {
      writeCurriculum(broken, out);
      expect.unreachable('the write should fail');
    } catch (error) {
      expect(isMlpathError(error) && error.code).toBe('CURRICULUM_INVALID');
      expect(isMlpathError(error) && error.problems.map((p) => p.message).join('\n')).toMatch(
        /unknown stage "nowhere"/,
      );
    }
    expect(readdirSync(base)).toEqual([]); // neither the folder nor a temporary one is left
  });
});
