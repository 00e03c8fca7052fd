import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/errors.js';
import { findRole } from '../core/model.js';
import { tryParseCurriculum } from './load.js';

const META = `curriculum:
  id: t
  version: 1.0.0
  locales: [en, zh-CN]
  title: { en: T, zh-CN: 测 }
skills:
  - { id: python, area: software, title: { en: Python, zh-CN: Python } }
  - { id: sql, area: software, title: { en: SQL, zh-CN: SQL } }
`;

function load(extra: string) {
  return tryParseCurriculum([{ file: 'c.yaml', text: META + extra }], '.');
}
function problems(extra: string): string[] {
  const r = load(extra);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('the vocabulary in a curriculum file', () => {
  it('loads phrases per skill and role and locale', () => {
    const r = load(`roles:
  - { id: ds, title: { en: DS, zh-CN: 数据 }, weights: { sql: 3 } }
vocabulary:
  skills:
    python: { en: [Python, strong Python], zh-CN: [精通 Python] }
    sql: { en: [SQL, strong Python] }
  roles:
    ds: { en: [data scientist] }
`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.curriculum.vocabulary?.skills['python']).toEqual({
      en: ['Python', 'strong Python'],
      'zh-CN': ['精通 Python'],
    });
    expect(r.curriculum.vocabulary?.roles['ds']).toEqual({ en: ['data scientist'] });
  });

  it('names the place of an unknown skill, an undeclared locale and a duplicate phrase', () => {
    expect(
      problems(`vocabulary:
  skills:
    pyton: { en: [Python] }
    python: { fr: [Python], en: [Python, python] }
`),
    ).toEqual([
      'c.yaml:12:19: phrases for undeclared locale fr; declare it in curriculum.locales or remove them',
      'c.yaml:12:42: duplicate phrase "python" for skill "python"',
      'c.yaml:11:12: unknown skill "pyton" as skill named by phrases; did you mean "python"?',
    ]);
  });
});

describe('roles with aliases and market weights', () => {
  it('finds a role by an old id', () => {
    const r = load(`roles:
  - { id: research-scientist, aliases: [ml-researcher], title: { en: R, zh-CN: 研 }, weights: { python: 1 } }
`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(findRole(r.curriculum, 'ml-researcher')?.id).toBe('research-scientist');
  });

  it('refuses market weights without evidence, an alias claimed twice and an alias that is a role id', () => {
    expect(
      problems(`roles:
  - { id: a, aliases: [old], title: { en: A, zh-CN: 甲 }, weights: { python: 1 }, market: { sql: 2 } }
  - { id: b, aliases: [old, a], title: { en: B, zh-CN: 乙 }, weights: { python: 1 } }
`),
    ).toEqual([
      'c.yaml:10:5: market weights need `evidence`: cite the postings and the script they were derived from',
      'c.yaml:11:24: alias "old" is already claimed by role "a"',
      'c.yaml:10:11: role id "a" is also listed as an alias of "b"; an alias names an old id that no longer exists',
    ]);
  });
});
