import { describe, expect, it } from 'vitest';
import { planFor } from './plan.js';
import { fixture, profileOf, textOf } from './test-support/fixtures.js';

describe('resource choice', () => {
  it('covers what is left with the fewest hours per needed skill', () => {
    const c = fixture({
      skills: { a: [], b: [], d: [] },
      resources: {
        wide: { hours: 30, teaches: ['a', 'b', 'd'] }, // 10 h per skill
        narrow: { hours: 6, teaches: ['a'] }, // 6 h per skill
        pair: { hours: 14, teaches: ['b', 'd'] }, // 7 h per skill
      },
    });
    const plan = planFor(c, profileOf(c, undefined));
    expect([...plan.resources].sort()).toEqual(['narrow', 'pair']);
    expect(plan.totalHours).toBe(20);
  });

  it("says whether a pick's hours are the provider's figure or the curriculum's estimate", () => {
    const c = fixture({
      skills: { a: [], b: [] },
      resources: {
        stated: { hours: 6, teaches: ['a'] },
        guessed: { hours: 6, teaches: ['b'], estimate: true },
      },
    });
    const plan = planFor(c, profileOf(c, undefined), undefined, undefined, { resourceReasons: true });
    const why = (id: string): Record<string, string> => textOf(plan.explanations.find((e) => e.subject === id));
    expect(why('stated')['en']).toContain("the provider's figure");
    expect(why('stated')['en']).not.toContain('estimate');
    expect(why('guessed')['en']).toContain("the curriculum's estimate");
    expect(why('guessed')['en']).not.toContain("provider's figure");
    expect(why('guessed')['zh-CN']).toContain('课程的估计');
  });

  it('leaves out units that teach only what is known or covered', () => {
    const c = fixture({
      skills: { a: [], b: ['a'] },
      resources: {
        book: {
          hours: 10,
          teaches: ['a', 'b'],
          units: [
            ['ch1', 4, ['a']],
            ['ch2', 6, ['b']],
          ],
        },
      },
      startingPoints: [{ id: 'p', known: ['a'] }],
    });
    const plan = planFor(c, profileOf(c, 'p'), undefined, undefined, { resourceReasons: true });
    const units = plan.weeks.flatMap((w) => w.tasks.map((t) => t.unit));
    expect(units).toEqual(['ch2']);
    expect(textOf(plan.explanations.find((e) => e.subject === 'book'))['en']).toContain('Only 1 of its 2 parts');
  });

  it('lets an option stand in for a skill only another option teaches, unless that skill is the target', () => {
    const c = fixture({
      skills: { base: [], extra: ['base'] },
      resources: {
        one: { hours: 10, teaches: ['base'] },
        two: { hours: 12, teaches: ['base', 'extra'], style: 'university' },
      },
      stages: [
        {
          id: 's',
          skills: ['base', 'extra'],
          chooseOne: [
            {
              id: 'g',
              options: [
                { resources: ['one'], style: 'structured' },
                { resources: ['two'], style: 'university' },
              ],
            },
          ],
        },
      ],
      routes: [{ id: 'r', stages: ['s'] }],
      roles: { 'ml-engineer': { base: 1, extra: 1 } },
    });
    const plan = planFor(c, profileOf(c, undefined, { style: 'structured' }));
    expect(plan.resources).toEqual(['one']);
    expect(plan.explanations.some((e) => e.kind === 'skill' && e.subject === 'extra')).toBe(true);
    const targeted = planFor(c, profileOf(c, undefined, { style: 'structured', target: 'extra' }));
    expect(targeted.resources).toContain('two');
  });

  it('prefers resources in the learner language when the hours are close', () => {
    const c = fixture({
      skills: { a: [] },
      resources: { en: { hours: 10, teaches: ['a'] }, zh: { hours: 11, teaches: ['a'], languages: ['zh-CN'] } },
    });
    expect(planFor(c, profileOf(c, undefined)).resources).toEqual(['en']);
    expect(planFor(c, profileOf(c, undefined, { locale: 'zh-CN' })).resources).toEqual(['zh']);
  });

  it("does not hold a stage's course back for a later stage's skill it also touches", () => {
    const c = fixture({
      skills: { basics: [], deploy: ['ops'], ops: [] },
      resources: {
        course: {
          hours: 10,
          teaches: ['basics', 'deploy'],
          units: [
            ['u1', 5, ['basics']],
            ['u2', 5, ['deploy']],
          ],
        },
        opsbook: { hours: 8, teaches: ['ops', 'deploy'] },
      },
      stages: [
        { id: 'early', skills: ['basics'], resources: ['course'] },
        { id: 'late', skills: ['ops', 'deploy'], resources: ['opsbook'] },
      ],
      routes: [{ id: 'r', stages: ['early', 'late'] }],
      roles: { 'ml-engineer': { basics: 1, deploy: 1 } },
    });
    const plan = planFor(c, profileOf(c, undefined, { hoursPerWeek: 5 }));
    const early = plan.milestones.find((m) => m.stage === 'early')?.date ?? '';
    const late = plan.milestones.find((m) => m.stage === 'late')?.date ?? '';
    expect(early < late).toBe(true);
    expect(plan.weeks[0]?.tasks[0]?.key).toBe('course/u1');
  });
});
