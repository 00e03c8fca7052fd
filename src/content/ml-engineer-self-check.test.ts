/**
 * The shipped ML-engineer curriculum's question bank: every skill has at least three self-check
 * questions, each with a model answer, in English and in Chinese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { questionsFor } from '../core/model.js';
import { curriculumFiles, loadCurriculum, tryParseCurriculum } from './load.js';
import { parseYamlSource } from './yaml-source.js';

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

/**
 * The questions on the 2026 market skills wait in `self-check/2026-skills.yaml.pending` (the loader
 * reads `*.yaml` only) until those skills are in the curriculum; then the file is renamed to
 * `.yaml` and the checks above cover it. Meanwhile it must be valid but for the skills it names.
 */
describe('the pending questions on the 2026 skills', () => {
  const PENDING = join(SHIPPED, 'self-check', '2026-skills.yaml.pending');
  const pendingText = readFileSync(PENDING, 'utf8');
  const sets = (
    parseYamlSource('p', pendingText).source.data as { selfCheck: Array<{ skill: string; questions: unknown[] }> }
  ).selfCheck;
  const named = sets.map((set) => set.skill);
  const texts = [
    ...curriculumFiles(SHIPPED).map((file) => ({ file, text: readFileSync(file, 'utf8') })),
    { file: '2026-skills.yaml', text: pendingText },
  ];
  const result = tryParseCurriculum(texts, SHIPPED);
  const shipped = new Set(loadCurriculum(SHIPPED).skills.map((s) => s.id));

  it('cover fifteen skills with three questions each', () => {
    expect(new Set(named).size).toBe(15);
    expect(named).toHaveLength(15);
    expect(sets.filter((set) => set.questions.length < MIN_QUESTIONS)).toEqual([]);
  });

  it('load with the curriculum once their skills are in it, and fail for nothing else before', () => {
    const missing = named.filter((id) => !shipped.has(id));
    if (missing.length === 0) {
      expect(result.ok).toBe(true);
      return;
    }
    const problems = result.ok ? [] : result.problems.map((p) => p.message);
    expect(problems).toEqual(
      missing.map((id) =>
        expect.stringMatching(new RegExp(`^unknown skill "${id}" as skill with self-check questions`)),
      ),
    );
  });
});
