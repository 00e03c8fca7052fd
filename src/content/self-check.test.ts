import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/errors.js';
import { questionKey, questionsFor } from '../core/model.js';
import { tryParseCurriculum } from './load.js';

const META = `curriculum:
  id: t
  version: 1.0.0
  locales: [en, zh-CN]
  title: { en: T, zh-CN: 测 }
skills:
  - { id: python, area: software, aliases: [py], title: { en: Python, zh-CN: Python } }
  - { id: sql, area: software, title: { en: SQL, zh-CN: SQL } }
`;

function load(selfCheck: string, more: Array<{ file: string; text: string }> = []) {
  return tryParseCurriculum(
    [{ file: 'c.yaml', text: META }, { file: 'self-check/s.yaml', text: selfCheck }, ...more],
    '.',
  );
}
function problems(selfCheck: string, more: Array<{ file: string; text: string }> = []): string[] {
  const r = load(selfCheck, more);
  return r.ok ? [] : r.problems.map(formatProblem);
}

const Q = (id: string): string =>
  `      - id: ${id}\n        question: { en: "Q ${id}?", zh-CN: "问题 ${id}？" }\n        answer: { en: "A ${id}.", zh-CN: "答案 ${id}。" }\n`;

describe('self-check questions in a curriculum', () => {
  it('load per skill in authored order, keyed skill/id', () => {
    const r = load(
      `selfCheck:\n  - skill: python\n    questions:\n${Q('loops')}${Q('dicts')}  - skill: sql\n    questions:\n${Q('joins')}`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.curriculum.selfCheck.map(questionKey)).toEqual(['python/loops', 'python/dicts', 'sql/joins']);
    expect(questionsFor(r.curriculum, 'python')[1]).toEqual({
      id: 'dicts',
      skill: 'python',
      question: { en: 'Q dicts?', 'zh-CN': '问题 dicts？' },
      answer: { en: 'A dicts.', 'zh-CN': '答案 dicts。' },
    });
  });

  it('are optional: a curriculum without any loads with an empty bank', () => {
    const r = tryParseCurriculum([{ file: 'c.yaml', text: META }], '.');
    expect(r.ok && r.curriculum.selfCheck).toEqual([]);
  });

  it('must name a current skill; an old id points at its replacement', () => {
    expect(problems(`selfCheck:\n  - skill: pyhton\n    questions:\n${Q('a')}`)).toEqual([
      'self-check/s.yaml:2:12: unknown skill "pyhton" as skill with self-check questions; did you mean "python"?',
    ]);
    expect(problems(`selfCheck:\n  - skill: py\n    questions:\n${Q('a')}`)).toEqual([
      'self-check/s.yaml:2:12: unknown skill "py" as skill with self-check questions ("py" is an old id of "python": use that)',
    ]);
  });

  it('need a question and an answer in every declared locale', () => {
    expect(
      problems(`selfCheck:
  - skill: sql
    questions:
      - id: a
        question: { en: "What is a join?" }
        answer: { en: "Rows matched on a key.", zh-CN: "按键匹配的行。" }
`),
    ).toEqual(['self-check/s.yaml:5:19: missing text for locale zh-CN (declared in curriculum.locales)']);
    expect(
      problems(`selfCheck:\n  - skill: sql\n    questions:\n      - id: a\n        question: { en: Q, zh-CN: 问 }\n`),
    ).toEqual([
      'self-check/s.yaml:4:9: selfCheck[0].questions[0].answer: expected text: a string, or a map of locale to text such as { en: "...", zh-CN: "..." }',
    ]);
  });

  it('have ids unique per skill, across files', () => {
    expect(
      problems(`selfCheck:\n  - skill: sql\n    questions:\n${Q('a')}`, [
        { file: 'self-check/t.yaml', text: `selfCheck:\n  - skill: sql\n    questions:\n${Q('b')}${Q('a')}` },
      ]),
    ).toEqual([
      'self-check/t.yaml:7:13: duplicate question id "a" for skill "sql" (first defined at self-check/s.yaml:4:9)',
    ]);
    // The same id on two skills is two questions.
    expect(
      problems(`selfCheck:\n  - skill: sql\n    questions:\n${Q('a')}  - skill: python\n    questions:\n${Q('a')}`),
    ).toEqual([]);
  });

  it('are a list of at least one per entry', () => {
    expect(problems(`selfCheck:\n  - skill: sql\n    questions: []\n`)).toEqual([
      'self-check/s.yaml:3:16: selfCheck[0].questions: expected at least one question',
    ]);
  });
});
