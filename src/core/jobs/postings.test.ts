import { describe, expect, it } from 'vitest';
import { coverageByRole, coverageOf, marketWeights } from './postings.js';
import type { LabelledPosting } from './postings.js';
import { jobsCurriculum } from './test-support/jobs-fixture.js';

const posting = (
  id: string,
  role: LabelledPosting['role'],
  required: string[],
  niceToHave: string[] = [],
  notTaught: string[] = [],
): LabelledPosting => ({
  id,
  url: `https://example.org/${id}`,
  posted: null,
  role,
  seniority: 'mid',
  locale: 'en',
  required,
  niceToHave,
  notTaught,
  digest: 'a digest of the posting',
});

const set = [
  posting('a', 'ml-engineer', ['python', 'pytorch'], ['kubernetes']),
  posting('b', 'ml-engineer', ['python', 'kubernetes'], [], ['java']),
  posting('c', 'ml-engineer', ['python', 'sql'], ['pytorch']),
  posting('d', 'data-scientist', ['sql', 'statistics']),
];

describe('marketWeights', () => {
  it('weighs a skill by the share of the role postings that require it, nice-to-have at half, asked by two or more', () => {
    expect(marketWeights(set, 'ml-engineer')).toEqual([
      { skill: 'python', weight: 5 },
      { skill: 'kubernetes', weight: 2.5 },
      { skill: 'pytorch', weight: 2.5 },
    ]);
    expect(marketWeights(set, 'ml-engineer', new Set(['python']))).toEqual([{ skill: 'python', weight: 5 }]);
    expect(marketWeights(set, 'ai-engineer')).toEqual([]);
  });
});

describe('coverage', () => {
  it('is the share of what postings ask that a resource teaches, counting outside terms as not taught', () => {
    const c = jobsCurriculum();
    const [ml, ds] = coverageByRole(set, c);
    // ml-engineer asks python 3, pytorch 1.5, kubernetes 1.5, sql 1, java 1 = 8; all but java are taught.
    expect(ml).toMatchObject({ role: 'ml-engineer', postings: 3, covered: 7 / 8 });
    expect(ml?.missing).toEqual([{ id: 'term:java', demand: 1 }]);
    expect(ds).toMatchObject({ role: 'data-scientist', covered: 1 });
    expect(coverageOf(set, c).covered).toBeCloseTo(9 / 10, 6);
  });
});
