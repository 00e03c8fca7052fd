/**
 * A plan keeps a task's title and reason only where the planner alone knows them; faces word the rest
 * from the curriculum (task-words.ts). These tests hold the two ways to the same words: for every task
 * of the shipped curriculum's plans, what a face words equals what the planner would have said.
 */
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import type { Curriculum } from '../model.js';
import type { Profile } from '../plan-model.js';
import { sayAll } from '../../i18n/planner.js';
import { analyse } from './needs.js';
import { planFor, prepare } from './plan.js';
import { profileFor } from './profile.js';
import { planTaskWords, wordedTask } from './task-words.js';
import { taskWords } from './tasks.js';

const SHIPPED = decodeURIComponent(new URL('../../../curricula/ml-engineer', import.meta.url).pathname);
const curriculum = loadCurriculum(SHIPPED);
const START = '2027-01-04';

/** Each task's words as the planner makes them (from its prepared tasks), by progress key, in both languages. */
function plannerWords(c: Curriculum, profile: Profile): Map<string, { title: unknown; why: unknown }> {
  const analysis = analyse(c);
  return new Map(
    prepare(c, profile).tasks.map((task) => {
      const words = taskWords(task, analysis);
      return [task.key, { title: sayAll(words.title), why: sayAll(words.why) }];
    }),
  );
}

describe('task words made by faces', () => {
  const profiles: Profile[] = [
    ...curriculum.startingPoints.map((p) => profileFor(curriculum, p.id, { startDate: START })),
    profileFor(curriculum, 'career-changer', { startDate: START, region: 'cn', locale: 'zh-CN' }),
    profileFor(curriculum, 'developer', {
      startDate: START,
      choices: {
        pin: [],
        exclude: [],
        swap: [],
        own: [{ id: 'my-notes', title: 'My notes', url: undefined, hours: 6, teaches: ['python-programming'] }],
      },
    }),
  ];

  it('equal the planner’s own for every task of every shipped starting point, a region and an own resource', () => {
    let checked = 0;
    for (const profile of profiles) {
      const expected = plannerWords(curriculum, profile);
      for (const task of planFor(curriculum, profile).weeks.flatMap((w) => w.tasks)) {
        const words = planTaskWords(curriculum, task);
        const want = expected.get(task.key ?? '');
        expect(want, task.key).toBeDefined();
        expect({ title: sayAll(words.title), why: words.why && sayAll(words.why) }, task.key).toEqual(want);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('are kept in the plan only for tasks that are no unit of a curriculum resource', () => {
    const profile = profiles.at(-1);
    if (!profile) throw new Error('no profile');
    const tasks = planFor(curriculum, profile).weeks.flatMap((w) => w.tasks);
    const kept = tasks.filter((t) => t.title !== undefined);
    expect(kept.map((t) => t.kind)).toContain('project');
    expect(kept.map((t) => t.kind)).toContain('job-search');
    expect(kept.some((t) => t.resource === 'my-notes')).toBe(true);
    const ids = new Set(curriculum.resources.map((r) => r.id));
    for (const t of kept) expect(ids.has(t.resource), t.key).toBe(false);
    expect(tasks.filter((t) => t.title === undefined).length).toBeGreaterThan(kept.length);
  });

  it('word a task for JSON with both words and leave a worded task as it is', () => {
    const plan = planFor(curriculum, profiles[0] ?? profileFor(curriculum, 'from-scratch', { startDate: START }));
    const bare = plan.weeks.flatMap((w) => w.tasks).find((t) => t.title === undefined);
    if (!bare) throw new Error('no task to word');
    const worded = wordedTask(curriculum, bare);
    expect(worded.title).toBeDefined();
    expect(worded.why).toBeDefined();
    expect({ ...worded, title: undefined, why: undefined }).toEqual({ ...bare, title: undefined, why: undefined });
    expect(wordedTask(curriculum, worded)).toBe(worded);
  });

  it('title a time box stored without its title by its stage or project template, an unknown resource by its id', () => {
    const stage = curriculum.stages.find((s) => s.block !== undefined);
    if (!stage) throw new Error('no block stage');
    const box = {
      kind: 'job-search' as const,
      stage: stage.id,
      resource: stage.id,
      unit: undefined,
      skills: [],
      hours: 20,
    };
    expect(planTaskWords(curriculum, box).title).toEqual(stage.title);
    expect(planTaskWords(curriculum, { ...box, resource: 'gone' }).title).toEqual({ en: 'gone' });
  });
});
