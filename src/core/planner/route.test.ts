import { describe, expect, it } from 'vitest';
import { chooseRoute, recommendedRoute } from './route.js';
import { fixture, miniCurriculum, profileOf } from './test-support/fixtures.js';

describe('route choice', () => {
  const c = miniCurriculum();

  it('recommends the route listing the starting point, with the curriculum reasons in both languages', () => {
    expect(recommendedRoute(c, 'quant')?.id).toBe('data-science-first');
    const choice = chooseRoute(c, profileOf(c, 'quant'));
    expect(choice.explanation?.text['en']).toContain('reason for data-science-first');
    expect(choice.explanation?.text['zh-CN']).toContain('中reason for data-science-first');
    expect(choice.alternatives).toEqual(['software-first']);
  });

  it("prefers a main route to its variant, and falls back to the starting point's own route", () => {
    const v = fixture({
      skills: { a: [] },
      routes: [
        { id: 'uni', stages: [], recommendedFor: ['p'], variantOf: 'main' },
        { id: 'main', stages: [], recommendedFor: ['p'] },
        { id: 'own', stages: [] },
      ],
      startingPoints: [{ id: 'p' }, { id: 'q', route: 'own' }],
    });
    expect(recommendedRoute(v, 'p')?.id).toBe('main');
    expect(recommendedRoute(v, 'q')?.id).toBe('own');
  });

  it("follows the learner's override and says what was recommended", () => {
    const choice = chooseRoute(c, profileOf(c, 'quant', { route: 'software-first' }));
    expect(choice.route?.id).toBe('software-first');
    expect(choice.explanation?.text['en']).toContain('recommendation for your starting point was');
  });
});
