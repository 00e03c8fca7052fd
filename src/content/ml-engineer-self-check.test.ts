/**
 * The shipped ML-engineer curriculum's question bank: every skill has at least three self-check
 * questions, each with a model answer, in English and in Chinese.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { questionsFor } from '../core/model.js';
import { loadCurriculum } from './load.js';

const SHIPPED = fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url));
const MIN_QUESTIONS = 3;
const CJK = /[\u3400-\u9fff]/g;

describe('the shipped question bank', () => {
  const curriculum = loadCurriculum(SHIPPED);

  it(`gives every skill at least ${MIN_QUESTIONS} questions`, () => {
    const short = curriculum.skills
      .map((s) => ({ skill: s.id, count: questionsFor(curriculum, s.id).length }))
      .filter((x) => x.count < MIN_QUESTIONS);
    expect(short).toEqual([]);
  });

  it('asks and answers each question in English and in Chinese', () => {
    const problems: string[] = [];
    for (const q of curriculum.selfCheck) {
      const where = `${q.skill}/${q.id}`;
      for (const [field, text] of [
        ['question', q.question],
        ['answer', q.answer],
      ] as const) {
        const en = text['en'] ?? '';
        const zh = text['zh-CN'] ?? '';
        if (en.trim().length === 0 || zh.trim().length === 0) problems.push(`${where}: ${field} missing a locale`);
        if ((en.match(CJK) ?? []).length > 0) problems.push(`${where}: English ${field} contains Chinese`);
        // Chinese text may quote code and names, but it is written in Chinese.
        if ((zh.match(CJK) ?? []).length < 8) problems.push(`${where}: Chinese ${field} is not Chinese prose`);
      }
      if ((q.answer['en'] ?? '').length < 40) problems.push(`${where}: the model answer is too short to check against`);
      if (q.answer['en'] === q.question['en']) problems.push(`${where}: the answer repeats the question`);
    }
    expect(problems).toEqual([]);
  });

  it('asks each question once', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const q of curriculum.selfCheck) {
      const key = (q.question['en'] ?? '').toLowerCase();
      const first = seen.get(key);
      if (first) repeats.push(`${q.skill}/${q.id} repeats ${first}`);
      else seen.set(key, `${q.skill}/${q.id}`);
    }
    expect(repeats).toEqual([]);
  });
});
