import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../content/load.js';
import { currentPlan } from './replan.js';
import type { Area, SelfCheckQuestion } from '../core/model.js';
import type { PlacementAnswer } from '../core/placement.js';
import { foldProgress } from '../core/progress.js';
import { runPlacement } from './placement.js';
import type { PlacementPrompter } from './placement.js';
import { profileFromFlags } from './profile-flags.js';

const curriculum = loadCurriculum(fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url)));

/** A learner who answers from a script and records what they were asked. */
function scripted(script: {
  offer?: boolean;
  areas: Partial<Record<Area, 'check' | 'skip' | 'stop'>>;
  answers: ReadonlyArray<PlacementAnswer | 'skip-area' | 'stop'>;
  confirm?: boolean;
}): PlacementPrompter & { asked: string[]; confirmed: string[] } {
  const answers = [...script.answers];
  const asked: string[] = [];
  const confirmed: string[] = [];
  return {
    asked,
    confirmed,
    offer: async () => script.offer ?? true,
    area: async (area) => script.areas[area] ?? 'skip',
    question: async (q: SelfCheckQuestion) => {
      asked.push(q.skill);
      return answers.shift() ?? 'stop';
    },
    confirm: async (skills) => {
      confirmed.push(...skills);
      return script.confirm ?? true;
    },
  };
}

describe('the placement check in mlpath init', () => {
  const software = curriculum.skills.filter((s) => s.area === 'software').map((s) => s.id);
  const maths = curriculum.skills.filter((s) => s.area === 'math').map((s) => s.id);

  it('asks area by area, skips what the learner skips, and returns the skills confirmed as known', async () => {
    const learner = scripted({
      areas: { software: 'check', data: 'skip', math: 'check' },
      answers: ['knew', 'knew', 'partly', 'no', 'skip-area', 'knew', 'stop'],
    });
    const placed = await runPlacement(curriculum, [], learner);
    expect(learner.asked).toEqual([...software.slice(0, 5), ...maths.slice(0, 2)]);
    expect(placed).toEqual([software[0], software[1], maths[0]]);
    expect(learner.confirmed).toEqual(placed);
  });

  it('does not ask about skills the starting point already knows', async () => {
    const learner = scripted({ areas: { software: 'check' }, answers: ['no', 'stop'] });
    await runPlacement(curriculum, [software[0] ?? ''], learner);
    expect(learner.asked).toEqual([software[1], software[2]]);
  });

  it('changes nothing when declined, unconfirmed, or nothing was known', async () => {
    expect(await runPlacement(curriculum, [], scripted({ offer: false, areas: {}, answers: [] }))).toEqual([]);
    const unconfirmed = scripted({ areas: { software: 'check' }, answers: ['knew', 'stop'], confirm: false });
    expect(await runPlacement(curriculum, [], unconfirmed)).toEqual([]);
    expect(unconfirmed.confirmed).toEqual([software[0]]);
    expect(
      await runPlacement(curriculum, [], scripted({ areas: { software: 'check' }, answers: ['no', 'stop'] })),
    ).toEqual([]);
  });

  it('prunes the skills placed from the plan: fewer hours', async () => {
    const today = '2026-12-01';
    const plan = (known?: string) =>
      currentPlan(
        curriculum,
        profileFromFlags(curriculum, { startPoint: 'from-scratch', ...(known ? { known } : {}) }, { today }),
        foldProgress([], curriculum),
        today,
      ).plan;
    const placed = await runPlacement(
      curriculum,
      [],
      scripted({ areas: { software: 'check' }, answers: ['knew', 'knew', 'knew', 'stop'] }),
    );
    const before = plan();
    const after = plan(placed.join(','));
    const hours = (p: typeof before) => p.weeks.reduce((sum, w) => sum + w.hours, 0);
    expect(hours(after)).toBeLessThan(hours(before));
  });
});
