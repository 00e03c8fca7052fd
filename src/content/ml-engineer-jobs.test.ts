/**
 * The shipped curriculum's job-market data: the vocabulary names every skill and role, the labelled postings
 * use known skill ids, and roles.yaml carries exactly the market weights the postings give.
 */
import { describe, expect, it } from 'vitest';
import { marketWeights, POSTING_ROLES } from '../core/jobs/postings.js';
import { findRole } from '../core/model.js';
import { loadCurriculum } from './load.js';
import { loadPostings } from './postings.js';

const curriculum = loadCurriculum(decodeURIComponent(new URL('../../curricula/ml-engineer', import.meta.url).pathname));
const postings = loadPostings();
const skillIds = new Set(curriculum.skills.map((s) => s.id));

describe('the labelled postings', () => {
  it('hold at least 30 postings for all six roles, in English and Chinese', () => {
    expect(postings.length).toBeGreaterThanOrEqual(30);
    for (const role of POSTING_ROLES)
      expect(
        postings.some((p) => p.role === role),
        role,
      ).toBe(true);
    expect(postings.filter((p) => p.locale === 'zh-CN').length).toBeGreaterThanOrEqual(10);
  });

  it('label with skill ids of the curriculum only', () => {
    for (const p of postings)
      for (const id of [...p.required, ...p.niceToHave]) expect(skillIds.has(id), `${p.id}: ${id}`).toBe(true);
  });

  it('never label a skill both required and nice-to-have', () => {
    for (const p of postings)
      expect(
        p.required.filter((id) => p.niceToHave.includes(id)),
        p.id,
      ).toEqual([]);
  });
});

describe('roles.yaml', () => {
  it('has the six roles, research-scientist answering to its old id', () => {
    for (const role of POSTING_ROLES) expect(findRole(curriculum, role)?.id).toBe(role);
    expect(findRole(curriculum, 'ml-researcher')?.id).toBe('research-scientist');
  });

  it('carries the market weights the postings give (run scripts/role-weights.ts --write after changing them)', () => {
    for (const role of POSTING_ROLES) {
      const r = findRole(curriculum, role);
      expect(r?.market, role).toEqual(marketWeights(postings, role, skillIds));
      expect(r?.evidence).toMatch(/data\/postings/);
    }
  });
});

describe('vocabulary.yaml', () => {
  it('names every skill in English and every role in both locales', () => {
    const v = curriculum.vocabulary;
    for (const s of curriculum.skills) expect(v?.skills[s.id]?.['en']?.length ?? 0, s.id).toBeGreaterThan(0);
    for (const r of curriculum.roles) {
      expect(v?.roles[r.id]?.['en']?.length ?? 0, r.id).toBeGreaterThan(0);
      expect(v?.roles[r.id]?.['zh-CN']?.length ?? 0, r.id).toBeGreaterThan(0);
    }
  });
});
