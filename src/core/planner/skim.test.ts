/**
 * CS50 graduates skim the Python course's first parts (the article, seed README section 4): in a plan
 * that takes CS50 before the University of Helsinki's Python MOOC, the parts that teach only what CS50
 * already taught are planned at SKIM_SHARE of their hours, and the plan says so.
 */
import { textOf, wordsOf } from './test-support/fixtures.js';
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { planFor } from './plan.js';
import { SKIM_SHARE } from './choose.js';
import { planTaskWords } from './task-words.js';
import { FULL_TIME_HOURS, profileFor } from './profile.js';

const SHIPPED = decodeURIComponent(new URL('../../../curricula/ml-engineer', import.meta.url).pathname);
const curriculum = loadCurriculum(SHIPPED);
const START = '2027-01-04';

describe("CS50 graduates skim the Python course's first parts", () => {
  const plan = planFor(curriculum, profileFor(curriculum, 'from-scratch', { startDate: START }), undefined, undefined, {
    resourceReasons: true,
  });
  const tasks = plan.weeks.flatMap((w) => w.tasks);
  const hoursOf = (key: string): number => tasks.filter((t) => t.key === key).reduce((s, t) => s + t.hours, 0);
  const mooc = curriculum.resources.find((r) => r.id === 'python-mooc-helsinki');
  const unitHours = (id: string): number => mooc?.units.find((u) => u.id === id)?.hours ?? 0;

  it('plans parts 1-4 (Python basics CS50 taught) at a quarter of their time and part 7 on (objects, idioms CS50 did not teach) in full', () => {
    expect(plan.resources.indexOf('cs50x')).toBeLessThan(plan.resources.indexOf('python-mooc-helsinki'));
    for (const part of ['part-1', 'part-2', 'part-3', 'part-4'])
      expect(hoursOf(`python-mooc-helsinki/${part}`), part).toBeCloseTo(
        unitHours(part) * SKIM_SHARE * plan.effortFactor,
        1,
      );
    for (const part of ['part-7', 'part-8', 'part-14'])
      expect(hoursOf(`python-mooc-helsinki/${part}`), part).toBeCloseTo(unitHours(part) * plan.effortFactor, 1);
    const part1 = tasks.find((t) => t.key === 'python-mooc-helsinki/part-1');
    expect(part1?.skim).toBe(true);
    const why = wordsOf(part1 && planTaskWords(curriculum, part1).why);
    expect(why?.['en']).toContain('so skim it');
    expect(why?.['zh-CN']).toContain('快速浏览');
  });

  it('explains the skim in the pick, naming CS50', () => {
    const text = textOf(plan.explanations.find((e) => e.kind === 'resource' && e.subject === 'python-mooc-helsinki'));
    expect(text?.['en']).toMatch(/\d+ of its parts teach only what CS50.* already taught: skim them/);
    expect(text?.['zh-CN']).toContain('快速浏览');
  });

  it('skims nothing for a learner without CS50 in the plan (a developer knows the basics)', () => {
    const dev = planFor(curriculum, profileFor(curriculum, 'developer', { startDate: START }));
    const devTasks = dev.weeks.flatMap((w) => w.tasks);
    expect(devTasks.some((t) => t.skim)).toBe(false);
    expect(devTasks.some((t) => wordsOf(planTaskWords(curriculum, t).why)['en']?.startsWith('Skim'))).toBe(false);
  });

  it("full time is the from-scratch starting point's hours: the article's full-time learner", () => {
    expect(curriculum.startingPoints.find((p) => p.id === 'from-scratch')?.hoursPerWeek).toBe(FULL_TIME_HOURS);
  });
});
