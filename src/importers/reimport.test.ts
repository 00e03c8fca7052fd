import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Curriculum, Resource, Skill } from '../core/model.js';
import { foldProgress } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { importedCurriculum } from './common.js';
import { reconcileImport } from './reimport.js';
import { importRoadmapSh } from './roadmap-sh.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/roadmap-sh/', import.meta.url));

const event = (item: string, type: ProgressEvent['type'] = 'done'): ProgressEvent => ({
  id: `e-${item}-${type}`,
  type,
  at: '2026-03-02T10:00:00.000Z',
  item,
  hours: undefined,
  date: undefined,
  text: undefined,
  undoes: undefined,
});

describe('reconcileImport over two versions of a roadmap.sh roadmap', () => {
  const v1 = importRoadmapSh(`${FIXTURES}relabel-v1`).curriculum;
  const v2 = importRoadmapSh(`${FIXTURES}relabel-v2`).curriculum;
  const { curriculum, report } = reconcileImport(v1, v2);

  it('reports the relabelled topic as renamed, nothing added or removed', () => {
    expect(report).toEqual({
      added: [],
      removed: [],
      renamed: [{ id: 'rellstm0000000000001', from: 'LSMT', to: 'LSTM' }],
      kept: 4,
    });
  });

  it('keeps the old readable alias where no new skill holds it, so any name progress was recorded under resolves', () => {
    const lstm = curriculum.skills.find((s) => s.id === 'rellstm0000000000001');
    expect(lstm?.aliases).toEqual(['lstm', 'lsmt']);
    // The two "Linear Algebra" topics swapped aliases: the new ones win, the old ones are not doubled.
    expect(curriculum.skills.filter((s) => s.title['en'] === 'Linear Algebra').map((s) => [s.id, s.aliases])).toEqual([
      ['rellinalga00000000001', ['linear-algebra']],
      ['rellinalgb00000000001', ['linear-algebra-2']],
    ]);
  });

  it('keeps every mark recorded under the node ids on the topic it was made on', () => {
    const events = [
      event('rellstm0000000000001'),
      event('rellinalga00000000001'),
      event('rellinalgb00000000001', 'started'),
    ];
    expect(foldProgress(events, v1).skills).toEqual(foldProgress(events, curriculum).skills);
    expect(foldProgress([event('lsmt')], curriculum).skills).toEqual(new Map([['rellstm0000000000001', 'done']]));
  });
});

function course(id: string, title: string, url: string): { skill: Skill; resource: Resource } {
  return {
    skill: {
      id,
      area: 'software',
      title: { en: title },
      summary: undefined,
      outcomes: [],
      requires: [],
      aliases: [],
      hours: undefined,
      shortcut: undefined,
      tags: [],
    },
    resource: {
      id: `${id}-course`,
      title,
      localTitle: undefined,
      summary: undefined,
      authors: [],
      provider: undefined,
      url,
      kind: 'course',
      cost: 'free',
      languages: ['en'],
      style: 'university',
      effort: {
        hours: 10,
        weeks: undefined,
        hoursPerWeek: undefined,
        source: 'https://example.org',
        estimate: false,
        reasoning: undefined,
      },
      units: [],
      teaches: [id],
      ambient: false,
    },
  };
}

function curriculumOf(courses: ReadonlyArray<{ skill: Skill; resource: Resource }>): Curriculum {
  return importedCurriculum({
    id: 'ossu-test',
    version: '1.0.0',
    title: 'OSSU test',
    summary: 'A test.',
    defaultSkillHours: undefined,
    skills: courses.map((c) => c.skill),
    resources: courses.map((c) => c.resource),
  });
}

describe('reconcileImport over two versions of a course list', () => {
  const before = curriculumOf([
    course('python-for-everybody', 'Python for Everybody', 'https://example.org/py4e'),
    course('old-course', 'Old Course', 'https://example.org/old'),
  ]);
  const after = curriculumOf([
    course('python-for-everyone', 'Python for Everyone', 'https://example.org/py4e'),
    course('new-course', 'New Course', 'https://example.org/new'),
  ]);
  const { curriculum, report } = reconcileImport(before, after);

  it('follows a course by its link when its title changes, keeping the old skill and resource ids', () => {
    expect(curriculum.skills[0]).toMatchObject({ id: 'python-for-everyone', aliases: ['python-for-everybody'] });
    expect(curriculum.resources[0]?.id).toBe('python-for-everybody-course');
    expect(report.renamed).toEqual([
      { id: 'python-for-everyone', from: 'Python for Everybody', to: 'Python for Everyone' },
    ]);
  });

  it('reports courses that came and went', () => {
    expect(report.added).toEqual(['new-course']);
    expect(report.removed).toEqual(['old-course']);
    expect(report.kept).toBe(1);
  });
});

describe('reconcileImport over an import made when roadmap ids were label slugs', () => {
  const now = importRoadmapSh(`${FIXTURES}relabel-v1`).curriculum;
  // The same roadmap as the importer once wrote it: each skill's id was its label's slug.
  const before: Curriculum = {
    ...now,
    skills: now.skills.map((s) => ({ ...s, id: s.aliases[0] ?? s.id, aliases: [], requires: [] })),
    resources: [],
    stages: [],
    routes: [],
  };
  const { curriculum, report } = reconcileImport(before, now);

  it('matches each skill by its slug, so marks made under the old ids follow the node', () => {
    expect(report).toEqual({ added: [], removed: [], renamed: [], kept: 4 });
    expect(foldProgress([event('lsmt'), event('linear-algebra-2')], curriculum).skills).toEqual(
      new Map([
        ['rellstm0000000000001', 'done'],
        ['rellinalga00000000001', 'done'],
      ]),
    );
  });
});
