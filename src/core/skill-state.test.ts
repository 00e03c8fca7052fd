import { describe, expect, it } from 'vitest';
import type { ProgressState } from './plan-model.js';
import { planFor } from './planner/plan.js';
import { fixture, profileOf } from './planner/test-support/fixtures.js';
import { countsByArea, countsByStage, deriveSkillStates, skillTotals } from './skill-state.js';

// `py` is taught by three units of one course (4 + 2 + 2 h), `stats` by the course's last unit and a book.
const curriculum = fixture({
  skills: { py: [], stats: ['py'], ml: ['stats'] },
  areas: { py: 'software', stats: 'math', ml: 'ml' },
  resources: {
    course: {
      hours: 10,
      teaches: ['py', 'stats'],
      units: [
        ['u1', 4, ['py']],
        ['u2', 2, ['py']],
        ['u3', 2, ['py', 'stats']],
      ],
    },
    book: { hours: 6, teaches: ['stats'] },
    mlc: { hours: 8, teaches: ['ml'] },
  },
  stages: [
    { id: 'code', skills: ['py'], resources: ['course'] },
    { id: 'maths', skills: ['stats'], resources: ['book'] },
    { id: 'models', skills: ['ml'], resources: ['mlc'] },
  ],
  startingPoints: [{ id: 'scratch', effortFactor: 1 }],
});
const profile = profileOf(curriculum, 'scratch', { hoursPerWeek: 5 });
const plan = planFor(curriculum, profile);

const progress = (items: Record<string, 'done' | 'learning' | 'skipped'>, skills = {}): ProgressState => ({
  skills: new Map(Object.entries(skills)),
  items: new Map(Object.entries(items)),
  logged: [],
  loggedByItem: new Map(),
});
const derive = (p: ProgressState, known: string[] = []) => deriveSkillStates({ curriculum, progress: p, known, plan });

describe('deriveSkillStates', () => {
  it('plans the units the test relies on', () => {
    const keys = new Set(plan.weeks.flatMap((w) => w.tasks.map((t) => t.key)));
    expect(keys).toEqual(new Set(['course/u1', 'course/u2', 'course/u3', 'book', 'mlc']));
  });

  it('is done when every planned unit that teaches the skill is done, with no mark by hand', () => {
    const states = derive(progress({ 'course/u1': 'done', 'course/u2': 'done', 'course/u3': 'done' }));
    expect(states.bySkill.get('py')).toEqual({ status: 'done', source: 'work', share: 1 });
    expect(states.done.has('py')).toBe(true);
    // stats is also taught by the book, not done yet: a third of its planned hours (2 of 8).
    expect(states.bySkill.get('stats')?.status).toBe('learning');
    expect(states.bySkill.get('stats')?.share).toBeCloseTo(2 / 8, 5);
  });

  it('counts partly done work as the share of its planned hours', () => {
    const states = derive(progress({ 'course/u1': 'done' }));
    expect(states.bySkill.get('py')).toEqual({ status: 'learning', source: 'work', share: 0.5 });
    expect(states.statuses.get('ml')).toBeUndefined();
  });

  it('treats a whole resource marked done as all its units done', () => {
    expect(derive(progress({ course: 'done', book: 'done' })).done).toEqual(new Set(['py', 'stats']));
  });

  it('drops skipped units from what is needed, but a skill with only skipped work is not done', () => {
    expect(derive(progress({ 'course/u1': 'done', 'course/u2': 'done', 'course/u3': 'skipped' })).done.has('py')).toBe(
      true,
    );
    expect(derive(progress({ course: 'skipped' })).done.has('py')).toBe(false);
  });

  it('lets a mark win: done or skipped by hand, then known, then the work', () => {
    const states = derive(progress({ 'course/u1': 'done' }, { py: 'skipped', ml: 'done' }), ['stats']);
    expect(states.bySkill.get('py')).toMatchObject({ status: 'skipped', source: 'marked' });
    expect(states.bySkill.get('ml')).toEqual({ status: 'done', source: 'marked', share: 1 });
    expect(states.bySkill.get('stats')).toEqual({ status: 'done', source: 'known', share: 1 });
  });

  it('without a plan, counts the resource furthest along', () => {
    const states = deriveSkillStates({
      curriculum,
      progress: progress({ book: 'done', 'course/u1': 'done' }),
      known: [],
      plan: undefined,
    });
    expect(states.bySkill.get('stats')).toEqual({ status: 'done', source: 'work', share: 1 });
    expect(states.bySkill.get('py')?.share).toBeCloseTo(0.5, 5);
  });

  it('counts stages and areas from the same states', () => {
    const states = derive(progress({ 'course/u1': 'done', 'course/u2': 'done', 'course/u3': 'done' }));
    expect(countsByStage(curriculum, states)).toEqual({
      code: { done: 1, total: 1, share: 1 },
      maths: { done: 0, total: 1, share: 0.25 },
      models: { done: 0, total: 1, share: 0 },
    });
    expect(countsByArea(curriculum, states)['software']).toEqual({ done: 1, total: 1, share: 1 });
  });
});

describe('skillTotals', () => {
  it('counts the plan’s skills, by stage and in all, beside the curriculum’s', () => {
    // Known at the start: `py` leaves the plan (and with it the code stage), but is done in the curriculum.
    const known = planFor(curriculum, { ...profile, known: ['py'] });
    expect(known.skills).toEqual(['stats', 'ml']);
    const states = derive(progress({}, { stats: 'done' }), ['py']);
    const totals = skillTotals(curriculum, ['code', 'maths', 'models'], known.skills, states);
    expect(totals.plan).toMatchObject({ done: 1, total: 2 });
    expect(totals.curriculum).toMatchObject({ done: 2, total: 3 });
    expect(totals.byStage.map(({ id, done, total }) => [id, done, total])).toEqual([
      ['maths', 1, 1],
      ['models', 0, 1],
    ]);
    // Without a plan: the curriculum's skills.
    expect(skillTotals(curriculum, undefined, undefined, states).plan).toEqual(totals.curriculum);
  });
});
