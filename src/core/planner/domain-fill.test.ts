/**
 * Fill-in picks stay within the learner's domain, on every domain, style and two starting points: a
 * course only another domain recommends is never taken for a skill the learner's own domain courses
 * teach (a computer-vision learner used to get a unit of the audio course for attention and
 * transformers, which the vision course's vision-transformers unit teaches).
 */
import { textOf } from './test-support/fixtures.js';
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { LEARNING_STYLES } from '../model.js';
import { planFor } from './plan.js';
import { profileFor } from './profile.js';

const SHIPPED = decodeURIComponent(new URL('../../../curricula/ml-engineer', import.meta.url).pathname);
const curriculum = loadCurriculum(SHIPPED);
const START = '2027-01-04';

describe("fill-in picks within the learner's domain", () => {
  it("takes another domain's course only for what the learner's own domain courses do not teach", () => {
    const staged = new Set(
      curriculum.stages.flatMap((s) => [
        ...s.resources,
        ...s.chooseOne.flatMap((g) => g.options.flatMap((o) => o.resources)),
      ]),
    );
    for (const domain of curriculum.domains) {
      const ownTeaches = new Set(
        curriculum.resources
          .filter((r) => domain.resources.includes(r.id))
          .flatMap((r) => [...r.teaches, ...r.units.flatMap((u) => u.teaches)]),
      );
      const other = new Set(
        curriculum.domains
          .flatMap((d) => d.resources)
          .filter((id) => !domain.resources.includes(id) && !staged.has(id)),
      );
      for (const style of LEARNING_STYLES) {
        for (const point of ['from-scratch', 'developer']) {
          const plan = planFor(
            curriculum,
            profileFor(curriculum, point, { startDate: START, style, domain: domain.id }),
          );
          const borrowed = plan.weeks
            .flatMap((w) => w.tasks)
            .filter((t) => other.has(t.resource))
            .flatMap((t) => t.skills.filter((s) => ownTeaches.has(s)).map((s) => `${t.key ?? t.resource}: ${s}`));
          expect(borrowed, `${domain.id} ${style} ${point}`).toEqual([]);
        }
      }
    }
  });

  for (const style of LEARNING_STYLES) {
    it(`a computer-vision learner (${style}) gets no audio or language course`, () => {
      for (const point of ['from-scratch', 'developer']) {
        const cv = planFor(
          curriculum,
          profileFor(curriculum, point, { startDate: START, style, domain: 'computer-vision' }),
        );
        expect(cv.resources, point).not.toContain('hf-audio-course');
        expect(cv.resources, point).not.toContain('hf-llm-course');
      }
    });
  }

  it("still takes another domain's course when nothing else teaches a needed skill, and says why", () => {
    // Fine-tuning language models, asked by the market, is taught only by the language domain's courses.
    const p = planFor(
      curriculum,
      profileFor(curriculum, 'developer', { startDate: START, domain: 'computer-vision', marketReady: true }),
      undefined,
      undefined,
      { resourceReasons: true },
    );
    expect(p.resources).toContain('hf-smol-course');
    expect(textOf(p.explanations.find((e) => e.subject === 'hf-smol-course'))['en']).toMatch(/Covers .*fine-tuning/i);
  });
});
