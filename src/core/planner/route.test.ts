import { describe, expect, it } from 'vitest';
import type { Curriculum, Route } from '../model.js';
import { chooseRoute, reasonsFor, recommendedRoute } from './route.js';
import { fixture, miniCurriculum, profileOf, textOf } from './test-support/fixtures.js';

describe('route choice', () => {
  const c = miniCurriculum();

  it('recommends the route listing the starting point, with the curriculum reasons in both languages', () => {
    expect(recommendedRoute(c, 'quant')?.id).toBe('data-science-first');
    const choice = chooseRoute(c, profileOf(c, 'quant'));
    expect(textOf(choice.explanation)['en']).toContain('reason for data-science-first');
    expect(textOf(choice.explanation)['zh-CN']).toContain('中reason for data-science-first');
    expect(choice.alternatives).toEqual(['software-first']);
  });

  it("names the other routes by their titles, in the learner's language, each with the id --route takes", () => {
    const choice = chooseRoute(c, profileOf(c, 'quant'));
    const title = c.routes.find((r) => r.id === 'software-first')?.title;
    expect(textOf(choice.explanation)['en']).toContain(`Other routes: ${title?.['en']} (software-first).`);
    expect(textOf(choice.explanation)['zh-CN']).toContain(`其他路线：${title?.['zh-CN']}（software-first）。`);
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
    expect(textOf(choice.explanation)['en']).toContain('recommendation for your starting point was');
  });

  describe("reasons for the learner's starting point only", () => {
    const said = (en: string) => ({ en, 'zh-CN': `中${en}` });
    const tagged: Curriculum = {
      ...c,
      routes: c.routes.map((r): Route =>
        r.id === 'software-first'
          ? {
              ...r,
              reasons: [
                { text: said('General: deployed simple models create value.'), for: [] },
                { text: said('Developers become valuable quickly.'), for: ['developer'] },
                { text: said('Career changers use their earlier field.'), for: ['career-changer'] },
                { text: said('Data scientists already have the maths.'), for: ['data-scientist', 'quant'] },
                { text: said('General: never neglect the maths.'), for: [] },
              ],
            }
          : r,
      ),
    };
    const softwareFirst = tagged.routes.find((r) => r.id === 'software-first');

    it('gives a developer the general reasons and the developer one, in curriculum order', () => {
      expect(softwareFirst && reasonsFor(softwareFirst, 'developer').map((t) => t['en'])).toEqual([
        'General: deployed simple models create value.',
        'Developers become valuable quickly.',
        'General: never neglect the maths.',
      ]);
    });

    it("keeps other starting points' reasons out of a developer's route explanation, in both languages", () => {
      const text = textOf(chooseRoute(tagged, profileOf(tagged, 'developer')).explanation);
      expect(text?.['en']).toContain('Developers become valuable quickly.');
      expect(text?.['en']).toContain('General: never neglect the maths.');
      expect(text?.['zh-CN']).toContain('中Developers become valuable quickly.');
      expect(text?.['en']).not.toContain('Career changers');
      expect(text?.['en']).not.toContain('Data scientists');
      expect(text?.['zh-CN']).not.toContain('Career changers');
    });

    it('shows a learner whose starting point no reason names the general ones only', () => {
      expect(softwareFirst && reasonsFor(softwareFirst, 'from-scratch').map((t) => t['en'])).toEqual([
        'General: deployed simple models create value.',
        'General: never neglect the maths.',
      ]);
    });

    it('shows a reason naming several starting points to each of them', () => {
      const quant = textOf(chooseRoute(tagged, profileOf(tagged, 'quant', { route: 'software-first' })).explanation);
      expect(quant?.['en']).toContain('Data scientists already have the maths.');
      expect(quant?.['en']).not.toContain('Developers become valuable');
    });
  });
});
