import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { droppedText, warningsText } from './test-support/notes.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isMlpathError } from '../core/errors.js';
import type { Curriculum } from '../core/model.js';
import { planFor, profileFor } from '../core/planner/index.js';
import { tryParseCurriculum } from '../content/load.js';
import { curriculumYamlFiles } from '../content/write.js';
import { CORPORA, skipWithoutCorpus } from './test-support/corpora.js';
import {
  importOssu,
  OSSU_DEFAULT_COURSE_HOURS,
  parseDuration,
  parseEffort,
  splitRow,
  WEEKS_PER_MONTH,
} from './ossu.js';

describe('OSSU cells', () => {
  it('reads durations in weeks, ranges at their midpoint, months at 4.35 weeks, any case', () => {
    expect(parseDuration('13 weeks')).toBe(13);
    expect(parseDuration('10-12 weeks')).toBe(11);
    expect(parseDuration('20 Weeks')).toBe(20);
    expect(parseDuration('6 months')).toBeCloseTo(6 * WEEKS_PER_MONTH, 5);
    expect(parseDuration('1 week')).toBe(1);
    expect(parseDuration('-')).toBeUndefined();
    expect(parseDuration('- Weeks')).toBeUndefined();
  });
  it('reads efforts per week with hyphen and en-dash ranges and minutes', () => {
    expect(parseEffort('8-10 hours/week')).toBe(9);
    expect(parseEffort('4–12 hours/week')).toBe(8);
    expect(parseEffort('12 hours/week')).toBe(12);
    expect(parseEffort('30 minutes/week')).toBe(0.5);
    expect(parseEffort('5 Hours/Week')).toBe(5);
    expect(parseEffort('-')).toBeUndefined();
    expect(parseEffort('- Hours/Week')).toBeUndefined();
  });
  it('splits rows at pipes but not inside links', () => {
    expect(splitRow('[A](x|y) | 2 weeks | - ')).toEqual(['[A](x|y)', '2 weeks', '-']);
  });
});

function hoursOf(curriculum: Curriculum, resourceIds: readonly string[]): number {
  const byId = new Map(curriculum.resources.map((r) => [r.id, r]));
  return resourceIds.reduce((sum, id) => sum + (byId.get(id)?.effort.hours ?? 0), 0);
}

/**
 * The whole curriculum's hours as a plan counts them: every stage's own courses, plus one option of
 * each choose-one group (the option with the fewest hours, which is what the planner picks when
 * the learner states no style), ranges at their midpoint.
 */
function planHours(curriculum: Curriculum): number {
  let total = 0;
  for (const stage of curriculum.stages) {
    total += hoursOf(curriculum, stage.resources);
    for (const group of stage.chooseOne) {
      total += Math.min(...group.options.map((o) => hoursOf(curriculum, o.resources)));
    }
  }
  return total;
}

describe.skipIf(skipWithoutCorpus('ossu/computer-science'))('importOssu over OSSU computer science', () => {
  const { curriculum, summary } = importOssu(`${CORPORA}ossu/computer-science`);
  const resource = (title: string) => curriculum.resources.find((r) => r.title === title);

  it('takes about 2 years at 20 hours a week, as OSSU says, in the planner', () => {
    // Counting: effort = weeks x hours/week with ranges at their midpoint (not calendar pace); Intro
    // and Core CS in full; one option of each choose-one group (Core security's language course,
    // one Advanced CS subject, one final-project series). Without a style to match, the planner
    // takes the option with the fewest hours, so the sum below is the same figure.
    const plan = planFor(curriculum, profileFor(curriculum, undefined, { startDate: '2026-01-05', hoursPerWeek: 20 }));
    expect(plan.totalHours).toBeCloseTo(planHours(curriculum), 0);
    expect(plan.totalHours).toBeGreaterThan(1700);
    const years = plan.weekCount / 52.18;
    expect(years).toBeGreaterThan(1.5);
    expect(years).toBeLessThan(2.5);
    // The schedule stays near its lower bound: total hours at 20 h a week.
    expect(plan.weekCount).toBeLessThanOrEqual(Math.ceil((plan.totalHours / 20) * 1.05));
  });

  it('computes effort as duration x weekly effort, at the midpoint of ranges', () => {
    expect(resource('Systematic Program Design')?.effort).toMatchObject({ hours: 117, weeks: 13, hoursPerWeek: 9 });
    expect(resource('Operating Systems: Three Easy Pieces')?.effort.hours).toBe(88); // 11 weeks x 8 h
    expect(resource('Computer Networking: a Top-Down Approach')?.effort.hours).toBe(64); // en dash: 8 x 8 h
    expect(resource('Game Design and Development with Unity 2020 (Specialization)')?.effort.hours).toBeCloseTo(
      6 * WEEKS_PER_MONTH * 5,
      0,
    );
  });

  it('estimates courses whose figures are "-" and says so', () => {
    const haskell = resource('Introduction to Haskell');
    expect(haskell?.effort.estimate).toBe(true);
    expect(haskell?.effort.weeks).toBe(14);
    expect(warningsText(summary).some((w) => w.includes('Introduction to Haskell'))).toBe(true);
  });

  it('makes the "choose one" table of Core security a choose-one group', () => {
    const security = curriculum.stages.find((s) => s.id === 'core-security');
    expect(security?.resources).toHaveLength(3);
    expect(security?.chooseOne.map((g) => g.options.length)).toEqual([2]);
  });

  it('makes the Advanced CS subjects one choose-one group and the final-project series another', () => {
    const advanced = curriculum.stages.find((s) => s.id === 'advanced-cs');
    expect(advanced?.chooseOne[0]?.options.map((o) => o.note?.['en'])).toEqual([
      'Advanced programming',
      'Advanced systems',
      'Advanced theory',
      'Advanced Information Security',
      'Advanced math',
    ]);
    const final = curriculum.stages.find((s) => s.id === 'final-project');
    expect(final?.chooseOne[0]?.options).toHaveLength(9);
  });

  it('matches free-text prerequisites to earlier course titles and reports the rest', () => {
    const requires = (id: string) => curriculum.skills.find((s) => s.id === id)?.requires.map((r) => r.skill);
    expect(requires('class-based-program-design')).toEqual(['systematic-program-design']);
    expect(requires('software-architecture')).toEqual(['object-oriented-design']); // "Object Oriented Design"
    expect(requires('algorithms-design-and-analysis-part-2')).toEqual(['algorithms-design-and-analysis-part-1']);
    expect(requires('calculus-1b-integration')).toEqual(['calculus-1a-differentiation']); // "Calculus 1A"
    expect(
      droppedText(summary).some((d) => d.what === 'prerequisite "high school math" of Calculus 1A: Differentiation'),
    ).toBe(true);
  });

  it('resolves relative links against the OSSU repository', () => {
    expect(resource('Systematic Program Design')?.url).toBe(
      'https://github.com/ossu/computer-science/blob/HEAD/coursepages/spd/README.md',
    );
  });

  it('writes a curriculum that passes the curriculum check, English only, with no roles', () => {
    const loaded = tryParseCurriculum(
      curriculumYamlFiles(curriculum).map((f) => ({ file: f.name, text: f.text })),
      'out',
    );
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    expect(curriculum.meta.locales).toEqual(['en']);
    expect(curriculum.roles).toEqual([]);
  });
});

describe.skipIf(skipWithoutCorpus('ossu'))('importOssu over the other OSSU curricula', () => {
  it('reads minutes per week in the maths curriculum', () => {
    const { curriculum } = importOssu(`${CORPORA}ossu/math/README.md`);
    expect(curriculum.resources.find((r) => r.title === 'LaTeX')?.effort.hours).toBe(0.5);
  });
  it('reads capitalised units and absolute-path links in the pre-college curriculum', () => {
    const { curriculum } = importOssu(`${CORPORA}ossu/precollege-math`);
    const arithmetic = curriculum.resources.find((r) => r.title === 'Arithmetic');
    expect(arithmetic?.effort.hours).toBe(160);
    expect(arithmetic?.url).toBe('https://github.com/ossu/precollege-math/blob/HEAD/coursepages/arithmetic/README.md');
  });
  it('imports the data-science README without tables from its links, with a warning', () => {
    const { curriculum, summary } = importOssu(`${CORPORA}ossu/data-science`, { defaultHours: 30 });
    expect(curriculum.resources.length).toBeGreaterThan(20);
    expect(curriculum.resources.every((r) => r.effort.estimate && r.effort.hours === 30)).toBe(true);
    expect(warningsText(summary).some((w) => w.includes('has no course tables'))).toBe(true);
  });
});

describe('importOssu on bad input', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const readme = (text: string): string => {
    dir = mkdtempSync(join(tmpdir(), 'mlpath-ossu-'));
    writeFileSync(join(dir, 'README.md'), text);
    return dir;
  };
  const failure = (source: string): { message: string; line: number | undefined } => {
    try {
      importOssu(source, { cwd: source });
    } catch (error) {
      if (!isMlpathError(error)) throw error;
      return { message: error.message, line: error.problems[0]?.place?.line };
    }
    throw new Error('expected the import to fail');
  };
  const header = '# Curriculum\n\n## Basics\n\nCourses | Duration | Effort | Prerequisites\n:-- | :--: | :--: | :--:\n';

  it('rejects a row with more cells than its header, naming the line', () => {
    const f = failure(readme(`${header}[A](https://a.example) | 2 weeks | 2 hours/week | none | extra\n`));
    expect(f).toEqual({ message: expect.stringMatching(/README\.md: a table row with 5 cells/), line: 7 });
  });
  it('rejects a malformed course link, naming the line', () => {
    const f = failure(readme(`${header}[Broken(https://a.example) | 2 weeks | 2 hours/week | none\n`));
    expect(f).toEqual({ message: expect.stringMatching(/malformed link/), line: 7 });
  });
  it('rejects a README with no courses at all', () => {
    expect(failure(readme('# Curriculum\n\nNothing here yet.\n')).message).toMatch(
      /no course tables and no course links/,
    );
  });
  it('rejects a missing README', () => {
    expect(failure(join(tmpdir(), 'no-such-ossu-folder')).message).toMatch(/no such file/);
  });
});

describe('importOssu on older and unusual READMEs', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const readme = (text: string): string => {
    dir = mkdtempSync(join(tmpdir(), 'mlpath-ossu-'));
    writeFileSync(join(dir, 'README.md'), text);
    return dir;
  };

  it('reads the older numbered-list README, each topic in the order listed', () => {
    const { curriculum, summary } = importOssu(
      readme(
        '![Science](https://example.org/banner.jpg)\n\n## References\n\n- [A Reference Site](https://example.org/ref)\n\n' +
          '## Topics\n\n- [Programming](#programming)\n\n### Programming\n\n' +
          '1. [Intro to Programming](https://example.org/intro) - [⎙]()\n1. [Data Structures](https://example.org/ds) - [⎙]()\n' +
          '\t1. [Trees, Part 1](https://example.org/trees) - [⎙]()\n\n### Math\n\n1. [Discrete Math](https://example.org/discrete) - [⎙]()\n',
      ),
      { defaultHours: 20 },
    );
    expect(curriculum.resources.map((r) => r.title)).toEqual([
      'Intro to Programming',
      'Data Structures',
      'Trees, Part 1',
      'Discrete Math',
    ]);
    expect(curriculum.stages.map((s) => s.title['en'])).toEqual(['Programming', 'Math']);
    expect(curriculum.skills.find((s) => s.title['en'] === 'Data Structures')?.requires.map((r) => r.skill)).toEqual([
      'intro-to-programming',
    ]);
    expect(curriculum.resources.every((r) => r.effort.estimate && r.effort.hours === 20)).toBe(true);
    expect(warningsText(summary).some((w) => w.includes('has no course tables'))).toBe(true);
  });

  it("is named after the curriculum it links to, never after OSSU's forum", () => {
    const { curriculum } = importOssu(
      readme(
        '# Curriculum\n\nSee [the forum](https://github.com/ossu/forum), [the forum again](https://github.com/ossu/forum/issues) ' +
          'and [this curriculum](https://github.com/ossu/math).\n\n## Basics\n\n' +
          'Courses | Duration | Effort\n:-- | :--: | :--:\n[A](https://a.example) | 2 weeks | 2 hours/week\n',
      ),
    );
    expect(curriculum.meta.title).toEqual({ en: 'OSSU math' });
    expect(curriculum.meta.id).toBe('ossu-math');
  });

  it('gives a course with neither duration nor effort the stated default, said as such, not a product of medians', () => {
    const { curriculum, summary } = importOssu(
      readme(
        '# Curriculum\n\n## Basics\n\nCourses | Duration | Effort\n:-- | :--: | :--:\n' +
          '[Long](https://a.example) | 14 weeks | 9 hours/week\n[Longer](https://b.example) | 16 weeks | 10 hours/week\n' +
          '[A Short Playlist](https://c.example) | - | -\n[Not Yet Available]() | 4 weeks | 2 hours/week\n',
      ),
    );
    const playlist = curriculum.resources.find((r) => r.title === 'A Short Playlist');
    expect(playlist?.effort).toMatchObject({ hours: OSSU_DEFAULT_COURSE_HOURS, estimate: true });
    expect(playlist?.effort.reasoning?.['en']).toBe(
      `OSSU lists this course without duration or effort; it counts the default of ${OSSU_DEFAULT_COURSE_HOURS} h per course (change it with --default-hours).`,
    );
    expect(warningsText(summary)).toContain(
      `1 course has neither duration nor effort in OSSU's README and counts the default of ${OSSU_DEFAULT_COURSE_HOURS} h (change it with --default-hours): A Short Playlist`,
    );
    // A course listed without its link is kept, without a link.
    expect(curriculum.resources.find((r) => r.title === 'Not Yet Available')).toMatchObject({ url: undefined });
  });
});
