import { describe, expect, it } from 'vitest';
import { neededSkills, routeStages } from './needs.js';
import { fixture, miniCurriculum, profileOf } from './test-support/fixtures.js';

describe('neededSkills', () => {
  const c = miniCurriculum();
  const stages = routeStages(c, c.routes[0]?.stages);

  it("targets the role's weighted skills, the domain's skills and the block stages", () => {
    const needs = neededSkills(c, profileOf(c, 'from-scratch'), stages, new Set());
    expect(needs.role?.id).toBe('ml-engineer');
    expect(needs.targets).toEqual(expect.arrayContaining(['dl-basics', 'nlp-basics', 'portfolio', 'interviewing']));
    expect(needs.withBlocks).toBe(true);
    expect(needs.stageOf.get('nlp-basics')).toBe('domain-portfolio');
  });

  it('aims at a goal of skills instead of the role and domain, keeping the block stages', () => {
    const needs = neededSkills(c, profileOf(c, 'from-scratch'), stages, new Set(), [], ['ml-basics', 'no-such-skill']);
    expect(needs.targets).toEqual(expect.arrayContaining(['ml-basics', 'portfolio', 'interviewing']));
    expect(needs.targets).not.toContain('no-such-skill');
    expect(needs.order).toContain('python'); // a prerequisite of the goal
    expect(needs.order).toContain('dl-basics'); // the portfolio block needs it
    expect(needs.order).not.toContain('python-style'); // the role's, not the goal's
    expect(needs.order).not.toContain('nlp-basics'); // the domain's, not the goal's
    expect(needs.withBlocks).toBe(true);
    // An empty goal (the postings ask nothing the learner lacks) leaves only the blocks.
    const blocks = neededSkills(c, profileOf(c, 'from-scratch'), stages, new Set(), [], []);
    expect(blocks.order).not.toContain('nlp-basics');
    expect(blocks.targets).toEqual(expect.arrayContaining(['portfolio', 'interviewing']));
  });

  it('takes the chosen domain', () => {
    const needs = neededSkills(c, profileOf(c, 'from-scratch', { domain: 'vision' }), stages, new Set());
    expect(needs.order).not.toContain('nlp-basics');
    expect(needs.domain?.id).toBe('vision');
  });

  it('lists prerequisites before dependants', () => {
    const { order } = neededSkills(c, profileOf(c, 'from-scratch'), stages, new Set());
    expect(order.indexOf('python')).toBeLessThan(order.indexOf('ml-basics'));
    expect(order.indexOf('ml-basics')).toBeLessThan(order.indexOf('dl-basics'));
  });

  it('counts the skills of an optional stage only when another target needs them', () => {
    const opt = fixture({
      skills: { core: ['web'], web: [], react: ['web'], ml: [] },
      stages: [
        { id: 'main', skills: ['core', 'ml'] },
        { id: 'swe', skills: ['web', 'react'], optional: true },
      ],
      routes: [{ id: 'r', stages: ['main', 'swe'] }],
      roles: { 'ml-engineer': { core: 1, ml: 1, react: 1 } },
    });
    const needs = neededSkills(opt, profileOf(opt, undefined), routeStages(opt, ['main', 'swe']), new Set());
    expect(needs.order).toContain('web'); // core needs it
    expect(needs.order).not.toContain('react'); // weighted, but only the optional stage has it
  });

  it('gives a skill listed by no stage the stage of the earliest skill needing it', () => {
    const loose = fixture({
      skills: { base: [], a: ['base'], b: ['base'] },
      stages: [
        { id: 's1', skills: ['a'] },
        { id: 's2', skills: ['b'] },
      ],
      routes: [{ id: 'r', stages: ['s1', 's2'] }],
      roles: { 'ml-engineer': { a: 1, b: 1 } },
    });
    const needs = neededSkills(loose, profileOf(loose, undefined), routeStages(loose, ['s1', 's2']), new Set());
    expect(needs.stageOf.get('base')).toBe('s1');
  });
});
