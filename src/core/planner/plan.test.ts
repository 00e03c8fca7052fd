import { describe, expect, it } from 'vitest';
import { MlpathError } from '../errors.js';
import type { Plan, ProgressState } from '../plan-model.js';
import { planFor, resourceReasons, withResourceReasons } from './plan.js';
import { hoursNeededFor } from './target.js';
import { fixture, miniCurriculum, profileOf, textOf } from './test-support/fixtures.js';

const c = miniCurriculum();

function keys(plan: Plan): string[] {
  return [...new Set(plan.weeks.flatMap((w) => w.tasks.map((t) => t.key ?? '')))];
}

function firstWeekOf(plan: Plan, key: string): number {
  return plan.weeks.findIndex((w) => w.tasks.some((t) => t.key === key));
}

function lastWeekOf(plan: Plan, key: string): number {
  let last = -1;
  plan.weeks.forEach((w, i) => {
    if (w.tasks.some((t) => t.key === key)) last = i;
  });
  return last;
}

const emptyProgress = (): ProgressState => ({
  skills: new Map(),
  items: new Map(),
  logged: [],
  loggedByItem: new Map(),
});

/** Each resource pick's reason too, as the faces that show a whole plan ask for it. */
const REASONS = { resourceReasons: true };

describe('planFor', () => {
  it('plans a dated week-by-week route with a milestone per stage and a ready milestone before the job search', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch'));
    expect(plan.route).toBe('software-first');
    expect(plan.startDate).toBe('2027-01-04');
    expect(plan.weeks[0]?.start).toBe('2027-01-04');
    expect(plan.weeks[1]?.start).toBe('2027-01-11');
    const stages = plan.milestones.map((m) => m.stage);
    for (const s of ['code', 'maths', 'shallow-ml', 'deep-learning', 'domain-portfolio', 'job-search', 'ready']) {
      expect(stages).toContain(s);
    }
    const date = (s: string): string => plan.milestones.find((m) => m.stage === s)?.date ?? '';
    expect(date('ready') < date('job-search')).toBe(true);
    expect(date('ready')).toBe(date('domain-portfolio'));
    expect(plan.finishDate).toBe(date('job-search'));
    expect(plan.weekCount).toBe(plan.weeks.length);
  });

  it('never puts more hours in a week than the weekly budget', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch', { hoursPerWeek: 7 }));
    for (const w of plan.weeks) {
      expect(w.hours).toBeLessThanOrEqual(7);
      expect(w.tasks.reduce((s, t) => s + t.hours, 0)).toBeLessThanOrEqual(7.0001);
    }
  });

  it('applies the learner factor to provider hours and adds the time-boxed blocks at weekly hours', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch'));
    // cs 40 + maths 30 + ml 50 + dl-structured 60 + hf-nlp 20 + py-book 6 = 206 h x 1.5 = 309;
    // portfolio 8.7 weeks x 20 h = 174; job search 4 x 20 = 80.
    expect(plan.effortFactor).toBe(1.5);
    expect(plan.totalHours).toBeCloseTo(309 + 174 + 80, 0);
  });

  it('takes the option of a choose-one group that suits the learning style, and explains the alternatives', () => {
    for (const [style, id] of [
      ['structured', 'dl-structured'],
      ['university', 'dl-university'],
      ['practical', 'dl-practical'],
    ] as const) {
      const plan = planFor(c, profileOf(c, 'from-scratch', { style }), undefined, undefined, REASONS);
      expect(plan.resources).toContain(id);
      const others = ['dl-structured', 'dl-university', 'dl-practical'].filter((x) => x !== id);
      for (const o of others) expect(plan.resources).not.toContain(o);
      const why = plan.explanations.find((e) => e.kind === 'resource' && e.subject === id);
      expect(textOf(why)['en']).toContain('learning style');
      expect(textOf(why)['en']).toContain('Alternatives');
      expect(textOf(why)['zh-CN']).toContain('学习风格');
    }
  });

  it('with free-only, leaves out paid resources but counts free-to-audit as free', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch', { style: 'practical', freeOnly: true }));
    expect(plan.resources).not.toContain('dl-practical');
    expect(plan.resources).toContain('ml'); // free-to-audit
    // No option suits the style among the free ones, so the one with the fewest hours is taken.
    expect(plan.resources).toContain('dl-structured');
  });

  it('produces no tasks for known skills, and drops prerequisites needed only through them', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch', { known: ['ml-basics'] }));
    expect(plan.skills).not.toContain('ml-basics');
    expect(plan.skills).not.toContain('linear-algebra'); // needed only for ml-basics
    expect(plan.skills).toContain('calculus'); // still needed by dl-basics
    expect(keys(plan)).not.toContain('ml');
    expect(keys(plan)).not.toContain('maths/la');
    expect(keys(plan)).toContain('maths/calc');
  });

  it('starts the developer from the starting point defaults: known code, practical style', () => {
    const plan = planFor(c, profileOf(c, 'developer'));
    expect(plan.skills).not.toContain('python');
    expect(keys(plan)).not.toContain('cs');
    expect(plan.resources).toContain('dl-practical');
    expect(plan.hoursPerWeek).toBe(10);
  });

  it('schedules prerequisites before their dependants', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch'));
    expect(lastWeekOf(plan, 'cs')).toBeLessThanOrEqual(firstWeekOf(plan, 'ml'));
    expect(lastWeekOf(plan, 'ml')).toBeLessThanOrEqual(firstWeekOf(plan, 'dl-structured'));
    expect(lastWeekOf(plan, 'dl-structured')).toBeLessThanOrEqual(firstWeekOf(plan, 'nlp-p1'));
    expect(lastWeekOf(plan, 'nlp-p2')).toBeLessThanOrEqual(firstWeekOf(plan, 'job-search'));
  });

  it('runs the alongside stage in parallel with the main track', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch'));
    const week0 = plan.weeks[0]?.tasks.map((t) => t.stage) ?? [];
    expect(week0).toContain('code');
    expect(week0).toContain('maths');
  });

  it('spreads bedside reading thinly and lets nothing wait for it', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch'));
    const ambient = plan.weeks.flatMap((w) => w.tasks.filter((t) => t.kind === 'ambient'));
    expect(ambient.length).toBeGreaterThan(3);
    for (const t of ambient) expect(t.hours).toBeLessThanOrEqual(5);
    expect(ambient.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(9, 1);
    // No milestone is set by bedside reading.
    const code = plan.milestones.find((m) => m.stage === 'code');
    expect(code?.date).toBeDefined();
  });

  it('plans portfolio projects as month-long blocks with dated milestones', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch'));
    expect(plan.projects?.map((p) => p.id)).toEqual(['nlp-p1', 'nlp-p2']);
    const p1 = plan.projects?.[0];
    expect(p1?.hours).toBeCloseTo(4.35 * 20, 1);
    expect(p1?.milestones.map((m) => m.title['en'])).toEqual(['scope', 'build', 'ship']);
    expect(p1?.milestones[2]?.date).toBe(p1?.end);
    expect((p1?.start ?? '') < (p1?.end ?? '')).toBe(true);
  });

  it('respects weeks off as zero-hour weeks and moves the finish later', () => {
    const base = planFor(c, profileOf(c, 'from-scratch'));
    const off = planFor(c, profileOf(c, 'from-scratch', { weeksOff: [{ start: '2027-01-11', end: '2027-01-24' }] }));
    expect(off.weeks[1]?.off).toBe(true);
    expect(off.weeks[1]?.hours).toBe(0);
    expect(off.weeks[2]?.off).toBe(true);
    expect(off.weeks[1]?.tasks).toEqual([]);
    expect(off.finishDate > base.finishDate).toBe(true);
  });

  it('gives the same plan for the same input', () => {
    const a = planFor(c, profileOf(c, 'from-scratch'));
    const b = planFor(c, profileOf(c, 'from-scratch'));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('honours pinned, excluded, swapped and own resources', () => {
    const pinned = planFor(
      c,
      profileOf(c, 'from-scratch', { choices: { pin: ['dl-university'], exclude: [], swap: [], own: [] } }),
      undefined,
      undefined,
      REASONS,
    );
    expect(pinned.resources).toContain('dl-university');
    expect(textOf(pinned.explanations.find((e) => e.subject === 'dl-university'))['en']).toContain('pinned');

    const excluded = planFor(
      c,
      profileOf(c, 'from-scratch', { choices: { pin: [], exclude: ['dl-structured'], swap: [], own: [] } }),
    );
    expect(excluded.resources).not.toContain('dl-structured');
    expect(excluded.skills).toContain('dl-basics');

    const swapped = planFor(
      c,
      profileOf(c, 'from-scratch', {
        choices: { pin: [], exclude: [], swap: [{ from: 'cs', to: 'py-mooc' }], own: [] },
      }),
      undefined,
      undefined,
      REASONS,
    );
    expect(swapped.resources).not.toContain('cs');
    expect(swapped.resources).toContain('py-mooc');
    expect(textOf(swapped.explanations.find((e) => e.subject === 'py-mooc'))['en']).toContain('swapped');

    const byDefault = planFor(c, profileOf(c, 'from-scratch'));
    expect(byDefault.resources).toContain('cs');
    expect(byDefault.resources).not.toContain('py-mooc');
    const coverExcluded = planFor(
      c,
      profileOf(c, 'from-scratch', { choices: { pin: [], exclude: ['cs'], swap: [], own: [] } }),
      undefined,
      undefined,
      REASONS,
    );
    expect(coverExcluded.resources).toContain('py-mooc');
    expect(textOf(coverExcluded.explanations.find((e) => e.subject === 'py-mooc'))['en']).toContain('fewest hours');

    const own = planFor(
      c,
      profileOf(c, 'from-scratch', {
        choices: {
          pin: [],
          exclude: [],
          swap: [],
          own: [{ id: 'my-notes', title: 'My notes', url: undefined, hours: 12, teaches: ['python'] }],
        },
      }),
    );
    expect(own.resources).toContain('my-notes');
    expect(own.resources).not.toContain('cs');
    const mine = own.weeks.flatMap((w) => w.tasks).filter((t) => t.resource === 'my-notes');
    expect(mine.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(12, 1); // own hours are used as they are
  });

  it('reports an unreachable target when every resource for a needed skill is excluded', () => {
    const profile = profileOf(c, 'from-scratch', {
      choices: { pin: [], exclude: ['cs', 'py-mooc'], swap: [], own: [] },
    });
    expect(() => planFor(c, profile)).toThrow(MlpathError);
    try {
      planFor(c, profile);
    } catch (e) {
      expect((e as MlpathError).code).toBe('UNREACHABLE');
      expect((e as MlpathError).message).toContain('python');
    }
  });

  it('targets a single skill without the portfolio or job search', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch', { target: 'ml-basics' }));
    expect(plan.skills).toEqual(expect.arrayContaining(['python', 'linear-algebra', 'ml-basics']));
    expect(plan.skills).not.toContain('dl-basics');
    expect(plan.milestones.map((m) => m.stage)).not.toContain('job-search');
    expect(plan.projects).toEqual([]);
    expect(plan.milestones.find((m) => m.stage === 'ready')?.date).toBe(plan.finishDate);
  });

  it('lets the learner override the recommended route, and says so', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch', { route: 'data-science-first' }));
    expect(plan.route).toBe('data-science-first');
    const why = plan.explanations.find((e) => e.kind === 'route');
    expect(textOf(why)['en']).toContain('You chose');
    expect(textOf(why)['zh-CN']).toContain('你选择了');
  });

  it('recommends the route listed for the starting point, with the curriculum reasons', () => {
    const plan = planFor(c, profileOf(c, 'quant'));
    expect(plan.route).toBe('data-science-first');
    expect(textOf(plan.explanations.find((e) => e.kind === 'route'))['en']).toContain('reason for data-science-first');
  });

  it('makes resource reasons only when asked, the same whether asked of planFor or added to a plan later', () => {
    const profile = profileOf(c, 'from-scratch', {
      choices: { pin: ['dl-university'], exclude: [], swap: [{ from: 'cs', to: 'py-mooc' }], own: [] },
    });
    const progress: ProgressState = { ...emptyProgress(), skills: new Map([['python', 'done']]) };
    const plain = planFor(c, profile, progress, '2027-02-01');
    expect(plain.explanations.some((e) => e.kind === 'resource')).toBe(false);
    expect(plain.explanations.length).toBeGreaterThan(0);
    const asked = planFor(c, profile, progress, '2027-02-01', REASONS);
    const reasoned = asked.explanations.filter((e) => e.kind === 'resource').map((e) => e.subject);
    expect(reasoned.sort()).toEqual([...asked.resources].sort());
    expect({ ...asked, explanations: [] }).toEqual({ ...plain, explanations: [] });
    expect(withResourceReasons(c, profile, plain, progress)).toEqual(asked);
    expect(resourceReasons(c, profile, progress)).toEqual(asked.explanations.filter((e) => e.kind === 'resource'));
  });

  it('explains every resource it takes in English and Chinese, when asked to', () => {
    const plan = planFor(c, profileOf(c, 'from-scratch'), undefined, undefined, REASONS);
    expect(plan.resources.length).toBeGreaterThan(2);
    for (const r of plan.resources) {
      const e = plan.explanations.find((x) => x.kind === 'resource' && x.subject === r);
      expect(textOf(e)['en']?.length).toBeGreaterThan(10);
      expect(textOf(e)['zh-CN']?.length).toBeGreaterThan(5);
    }
  });

  it('plans an imported curriculum (no roles, stages or starting points) from its skill hours with factor 1', () => {
    const imported = fixture({
      skills: { a: [], b: ['a'], c: ['b'], d: ['a'] },
      skillHours: { a: 2, b: 3, c: 4, d: 1.5 },
    });
    const plan = planFor(imported, profileOf(imported, undefined, { hoursPerWeek: 5 }));
    expect(plan.effortFactor).toBe(1);
    expect(plan.totalHours).toBeCloseTo(10.5, 5);
    expect(plan.skills).toEqual(['a', 'b', 'c', 'd']);
    expect(plan.weekCount).toBe(3);
    const withFactor = planFor(imported, profileOf(imported, undefined, { hoursPerWeek: 5, effortFactor: 2 }));
    expect(withFactor.totalHours).toBeCloseTo(21, 5);
  });

  it('takes one option of each choose-one group in a curriculum without roles', () => {
    const imported = fixture({
      skills: { a: [], b: ['a'], c: ['a'] },
      resources: {
        ra: { hours: 5, teaches: ['a'] },
        rb: { hours: 5, teaches: ['b'] },
        rc: { hours: 9, teaches: ['c'] },
      },
      stages: [
        {
          id: 's',
          skills: ['a', 'b', 'c'],
          resources: ['ra'],
          chooseOne: [{ id: 'g', options: [{ resources: ['rb'] }, { resources: ['rc'] }] }],
        },
      ],
    });
    const plan = planFor(imported, profileOf(imported, undefined));
    expect(plan.resources).toContain('rb');
    expect(plan.resources).not.toContain('rc');
    expect(plan.skills).not.toContain('c');
  });

  it('uses the default skill hours of a curriculum for skills no resource teaches', () => {
    const imported = fixture({ skills: { a: [], b: ['a'] }, defaultSkillHours: 2 });
    const plan = planFor(imported, profileOf(imported, undefined, { hoursPerWeek: 10 }));
    expect(plan.totalHours).toBe(4);
  });

  it('plans the remaining work from today, leaving out what progress settled', () => {
    const progress: ProgressState = {
      skills: new Map([['python', 'done']]),
      items: new Map([['maths/la', 'done']]),
      logged: [],
      loggedByItem: new Map(),
    };
    const plan = planFor(c, profileOf(c, 'from-scratch'), progress, '2027-02-01');
    expect(plan.startDate).toBe('2027-02-01');
    expect(keys(plan)).not.toContain('cs');
    expect(keys(plan)).not.toContain('maths/la');
    expect(keys(plan)).toContain('maths/calc');
    const untouched = planFor(c, profileOf(c, 'from-scratch'), emptyProgress(), '2026-12-01');
    expect(untouched.startDate).toBe('2027-01-04');
  });
});

describe('the review time a week reserves', () => {
  const profile = profileOf(c, 'from-scratch', { hoursPerWeek: 10 });
  const today = '2027-01-06';

  it('with nothing to review, the plan is the same as with no reservation at all', () => {
    const plain = planFor(c, profile, emptyProgress(), today);
    expect(planFor(c, profile, emptyProgress(), today, { reviewMinutes: {} })).toEqual(plain);
    expect(planFor(c, profile, emptyProgress(), today, { reviewMinutes: { '2027-01-04': 0 } })).toEqual(plain);
    expect(plain.weeks.some((w) => w.reviewMinutes !== undefined)).toBe(false);
  });

  it('takes the expected review minutes off each week, finishing on the same day or later', () => {
    const plain = planFor(c, profile, emptyProgress(), today);
    const reviewMinutes = { '2027-01-04': 90, '2027-01-11': 60, '2027-01-18': 30 };
    const plan = planFor(c, profile, emptyProgress(), today, { reviewMinutes });
    const week = (p: Plan, start: string) => p.weeks.find((w) => w.start === start);
    // The first week has Wednesday to Sunday of its 10 h: 5 of 7 days, about 7.14 h, less 1.5 h.
    expect(week(plan, '2027-01-04')?.reviewMinutes).toBe(90);
    expect(week(plan, '2027-01-04')?.hours).toBeCloseTo((week(plain, '2027-01-04')?.hours ?? 0) - 1.5, 1);
    expect(week(plan, '2027-01-11')?.reviewMinutes).toBe(60);
    expect(week(plan, '2027-01-11')?.hours).toBeCloseTo(9, 2);
    expect(week(plan, '2027-01-18')?.hours).toBeCloseTo(9.5, 2);
    expect(week(plan, '2027-01-25')?.reviewMinutes).toBeUndefined();
    expect(week(plan, '2027-01-25')?.hours).toBeCloseTo(10, 2);
    expect(plan.finishDate >= plain.finishDate).toBe(true);
    // The same work, only later.
    expect(plan.totalHours).toBe(plain.totalHours);
  });

  it('reserves no more than the week has, and a long backlog of reviews pushes the finish later', () => {
    const plain = planFor(c, profile, emptyProgress(), today);
    const reviewMinutes = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [plain.weeks[i]?.start ?? '', 60 * 60]),
    );
    const plan = planFor(c, profile, emptyProgress(), today, { reviewMinutes });
    expect(plan.weeks[1]?.reviewMinutes).toBe(600);
    expect(plan.weeks[1]?.hours).toBe(0);
    expect(plan.finishDate > plain.finishDate).toBe(true);
  });

  it('finds the hours needed for a target date with the review time taken out', () => {
    const plain = hoursNeededFor(c, profile, emptyProgress(), today, '2028-06-30');
    const reviewMinutes = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [planFor(c, profile).weeks[i]?.start ?? '', 180]),
    );
    const withReview = hoursNeededFor(c, profile, emptyProgress(), today, '2028-06-30', undefined, { reviewMinutes });
    expect(plain).not.toBeNull();
    expect(withReview).not.toBeNull();
    expect(withReview ?? 0).toBeGreaterThan(plain ?? 0);
  });
});

describe('hours logged in the current week', () => {
  it('come off its budget, except those on items the curriculum does not know (another curriculum’s)', () => {
    const profile = profileOf(c, 'from-scratch');
    const today = '2027-01-06';
    const base = { skills: new Map(), items: new Map(), loggedByItem: new Map([['other-course', 3]]) };
    const none: ProgressState = { ...base, logged: [] };
    const own: ProgressState = { ...base, logged: [{ date: '2027-01-05', hours: 3 }] };
    const foreign: ProgressState = { ...own, loggedForeign: new Map([['2027-01-05', 3]]) };
    const firstWeek = (progress: ProgressState): number => planFor(c, profile, progress, today).weeks[0]?.hours ?? 0;
    expect(firstWeek(own)).toBeCloseTo(firstWeek(none) - 3, 5);
    expect(firstWeek(foreign)).toBeCloseTo(firstWeek(none), 5);
  });
});
