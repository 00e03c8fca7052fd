import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderPlan } from '../cli/commands/plan.js';
import { loadCurriculum } from '../content/load.js';
import type { Plan } from '../core/plan-model.js';
import { planFor, profileFor } from '../core/planner/index.js';
import { listOf, said, sentences } from '../core/planner/texts.js';
import { explanationIn, explanationText, sayAll, sayIn, wordedPlan } from './planner.js';

const curriculum = loadCurriculum(fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url)));

describe("the planner's words", () => {
  it('renders a record in each locale, lists as each locale writes them', () => {
    const list = listOf(['a', { en: 'b', 'zh-CN': '乙' }, said('more', { count: 2 })], 'and');
    expect(sayIn('en', list)).toBe('a, b and 2 more');
    expect(sayIn('zh-CN', list)).toBe('a、乙 和 另外 2 项');
    expect(sayIn('en', listOf(['x', 'y'], 'arrow'))).toBe('x -> y');
    expect(sayIn('zh-CN', listOf(['x', 'y', 'z'], 'semicolon'))).toBe('x；y；z');
    expect(sayIn('zh-CN', listOf(['x', 'y'], 'pair'))).toBe('x和y');
    expect(sayAll(said('resource.covers', { skills: listOf(['a'], 'and') }))).toEqual({
      en: 'Covers a.',
      'zh-CN': '涵盖 a。',
    });
  });

  it("words a task's reason as a sentence of its own, so under a face's label it reads as one label", () => {
    // The web's plan and the iCalendar export set a task's reason after their own "Why" label.
    const reasons = [
      said('task.teaches', { skills: listOf(['线性代数', '概率'], 'and') }),
      said('task.teachesMore', { skills: listOf(['a', 'b', 'c', 'd'], 'and'), more: 2 }),
      said('task.skim'),
      said('task.part'),
      said('task.month', { hours: 12 }),
    ];
    for (const reason of reasons) {
      const opening = sayIn('zh-CN', reason).split(/[，。；]/)[0] ?? '';
      expect(opening, sayIn('zh-CN', reason)).not.toMatch(/[：:]/);
    }
  });

  it('joins sentences with a space in English and none in Chinese, nesting records', () => {
    const text = sentences([
      { en: 'Authored.', 'zh-CN': '原文。' },
      said('hours.about', { hours: 12.5, origin: said('origin.provider') }),
    ]);
    expect(sayAll(text)).toEqual({
      en: "Authored. About 12.5 h (the provider's figure).",
      'zh-CN': '原文。约 12.5 小时（提供方给出的数据）。',
    });
  });

  it('uses the English plural forms', () => {
    expect(sayIn('en', said('known', { count: 1 }))).toMatch(/^1 skill you already know is left out/);
    expect(sayIn('en', said('known', { count: 3 }))).toMatch(/^3 skills you already know are left out/);
  });

  it('shows curriculum text as authored, in the nearest locale it has', () => {
    expect(sayIn('zh-CN', { en: 'Only English' })).toBe('Only English');
    expect(sayIn('en', undefined)).toBe('');
  });

  it('reads an explanation stored before explanations were records', () => {
    const old = { kind: 'route', subject: 'x', text: { en: 'Old words.', 'zh-CN': '旧的话。' } };
    expect(explanationIn('zh-CN', old)).toBe('旧的话。');
  });
});

describe('a plan as the API and --json send it', () => {
  const profile = profileFor(curriculum, 'career-changer', { startDate: '2027-01-04', region: 'cn', locale: 'zh-CN' });
  const plan = planFor(curriculum, profile);
  const wire = wordedPlan(plan, curriculum);

  it('carries every reason, title and note as text in both languages, the rest unchanged', () => {
    expect(wire.explanations.length).toBe(plan.explanations.length);
    for (const [i, e] of wire.explanations.entries()) {
      const record = plan.explanations[i];
      expect(record?.subject).toBe(e.subject);
      if (record) expect(e.text, e.subject).toEqual(explanationText(record));
      expect(e.text['en']?.length, e.subject).toBeGreaterThan(5);
      expect(e.text['zh-CN']?.length, e.subject).toBeGreaterThan(2);
    }
    const tasks = wire.weeks.flatMap((w) => w.tasks);
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(Object.keys(task.why ?? {}).sort(), task.key).toEqual(['en', 'zh-CN']);
      expect(task.title?.['en'], task.key).toBeTruthy();
    }
    expect(wire.milestones.every((m) => typeof m.title?.['en'] === 'string')).toBe(true);
    expect(wire.finishDate).toBe(plan.finishDate);
    expect(wire.skills).toEqual(plan.skills);
  });

  it('reads the same when a plan stored with text (the old form) is rendered again', () => {
    const stored = JSON.parse(JSON.stringify(wire)) as unknown as Plan;
    for (const locale of ['en', 'zh-CN']) {
      const who = { ...profile, locale };
      expect(renderPlan(curriculum, who, stored)).toBe(renderPlan(curriculum, who, plan));
    }
  });
});

describe("a resource's reason counts its parts in English as a person would", () => {
  it('says "1 of its 13 parts teaches" and "7 of its 10 parts teach"', () => {
    const plan = planFor(
      curriculum,
      profileFor(curriculum, 'developer', { startDate: '2026-11-30' }),
      undefined,
      undefined,
      {
        resourceReasons: true,
      },
    );
    const reasons = plan.explanations.filter((e) => e.kind === 'resource').map((e) => explanationIn('en', e));
    const counted = reasons.flatMap((r) => r.match(/Only \d+ of its \d+ parts \w+/g) ?? []);
    expect(counted).toContain('Only 1 of its 13 parts teaches');
    expect(counted).toContain('Only 7 of its 10 parts teach');
    expect(counted).not.toContain('Only 1 of its 13 parts teach');
  });
});
