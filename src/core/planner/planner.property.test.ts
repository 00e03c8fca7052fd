import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../plan-model.js';
import { LEARNING_STYLES } from '../model.js';
import { planFor } from './plan.js';
import { profileOf } from './test-support/fixtures.js';
import { randomCurriculum } from './test-support/random-curriculum.js';

const options = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  skills: fc.integer({ min: 1, max: 60 }),
  density: fc.double({ min: 0, max: 0.6, noNaN: true }),
  stages: fc.integer({ min: 0, max: 4 }),
  withAlongside: fc.boolean(),
  corequisites: fc.boolean(),
});
const learner = fc.record({
  hours: fc.integer({ min: 2, max: 400 }).map((x) => x / 4),
  knownShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
  style: fc.constantFrom(...LEARNING_STYLES),
});

/** (week, index in week) of every appearance of a skill in the plan's tasks. */
function positions(plan: Plan): Map<string, Array<[number, number]>> {
  const at = new Map<string, Array<[number, number]>>();
  plan.weeks.forEach((w, wi) =>
    w.tasks.forEach((t, ti) => {
      for (const s of t.skills) {
        const list = at.get(s) ?? [];
        list.push([wi, ti]);
        at.set(s, list);
      }
    }),
  );
  return at;
}

const before = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

let worstRatio = 1;
let ratioCases = 0;

describe('planner properties on random acyclic curricula', () => {
  afterAll(() => {
    console.log(`plan length / lower bound: worst ratio ${worstRatio.toFixed(6)} over ${ratioCases} random plans`);
  });

  it('never plans a week over the budget', () => {
    fc.assert(
      fc.property(options, learner, (o, l) => {
        const c = randomCurriculum(o);
        const plan = planFor(c, profileOf(c, 'p', { hoursPerWeek: l.hours, style: l.style }));
        for (const w of plan.weeks) {
          expect(w.hours).toBeLessThanOrEqual(l.hours);
          expect(w.tasks.reduce((s, t) => s + t.hours, 0)).toBeLessThanOrEqual(l.hours + 1e-9 * w.tasks.length + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('also stays within budget in weeks partly or wholly off, and puts nothing in a week off', () => {
    fc.assert(
      fc.property(
        options,
        learner,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (o, l, from, len) => {
          const c = randomCurriculum(o);
          const start = '2027-01-04';
          const range = {
            start: new Date(Date.UTC(2027, 0, 4 + from)).toISOString().slice(0, 10),
            end: new Date(Date.UTC(2027, 0, 4 + from + len)).toISOString().slice(0, 10),
          };
          const plan = planFor(c, profileOf(c, 'p', { hoursPerWeek: l.hours, startDate: start, weeksOff: [range] }));
          for (const w of plan.weeks) {
            expect(w.hours).toBeLessThanOrEqual(l.hours);
            if (w.off) expect(w.tasks).toEqual([]);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('schedules every prerequisite before its dependant, and a corequisite no later than its dependant starts', () => {
    fc.assert(
      fc.property(options, learner, (o, l) => {
        const c = randomCurriculum(o);
        const plan = planFor(c, profileOf(c, 'p', { hoursPerWeek: l.hours, style: l.style }));
        const at = positions(plan);
        for (const skill of c.skills) {
          const mine = at.get(skill.id);
          if (!mine || mine.length === 0) continue;
          const first = mine[0] ?? [0, 0];
          for (const r of skill.requires) {
            const theirs = at.get(r.skill);
            if (!theirs || theirs.length === 0) continue;
            if (r.corequisite) expect(before(theirs[0] ?? [0, 0], first)).toBe(true);
            else expect(before(theirs[theirs.length - 1] ?? [0, 0], first)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('plans no task for a known skill, nor for a skill needed only through known ones', () => {
    fc.assert(
      fc.property(options, learner, (o, l) => {
        const c = randomCurriculum(o);
        const known = c.skills.filter((_, i) => (i * 7919 + o.seed) % 1000 < l.knownShare * 1000).map((s) => s.id);
        const plan = planFor(c, profileOf(c, 'p', { hoursPerWeek: l.hours, known }));
        const planned = new Set(plan.weeks.flatMap((w) => w.tasks.flatMap((t) => t.skills)));
        for (const k of known) expect(planned.has(k)).toBe(false);
        for (const t of plan.weeks.flatMap((w) => w.tasks)) expect(t.skills.length).toBeGreaterThan(0);
        // Every planned skill is needed by some skill that is not known (or is a target itself).
        expect(plan.skills.every((s) => !known.includes(s))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same plan for the same input', () => {
    fc.assert(
      fc.property(options, learner, (o, l) => {
        const a = planFor(
          randomCurriculum(o),
          profileOf(randomCurriculum(o), 'p', { hoursPerWeek: l.hours, style: l.style }),
        );
        const b = planFor(
          randomCurriculum(o),
          profileOf(randomCurriculum(o), 'p', { hoursPerWeek: l.hours, style: l.style }),
        );
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 60 },
    );
  });

  it('finishes within 5% of the lower bound max(total / weekly hours, critical path)', () => {
    fc.assert(
      fc.property(options, learner, (o, l) => {
        const c = randomCurriculum(o);
        const plan = planFor(c, profileOf(c, 'p', { hoursPerWeek: l.hours, style: l.style }));
        const weeks = plan.weeks;
        if (weeks.length === 0) return;
        const total = weeks.reduce((s, w) => s + w.hours, 0);
        // Finish in hours: every earlier week is full, plus the hours of the last week.
        const finish = (weeks.length - 1) * l.hours + (weeks[weeks.length - 1]?.hours ?? 0);
        // Critical path in hours, over the skills' own hours and their prerequisites.
        const hoursOf = new Map<string, number>();
        for (const t of weeks.flatMap((w) => w.tasks))
          for (const s of t.skills) hoursOf.set(s, (hoursOf.get(s) ?? 0) + t.hours);
        const cp = new Map<string, number>();
        for (const s of c.skills) {
          const pre = s.requires.filter((r) => !r.corequisite).map((r) => cp.get(r.skill) ?? 0);
          cp.set(s.id, (hoursOf.get(s.id) ?? 0) + Math.max(0, ...pre));
        }
        const critical = Math.max(0, ...cp.values());
        const bound = Math.max(total, critical);
        const ratio = finish / bound;
        ratioCases++;
        worstRatio = Math.max(worstRatio, ratio);
        expect(ratio).toBeGreaterThanOrEqual(1 - 1e-6);
        expect(ratio).toBeLessThanOrEqual(1.05);
      }),
      { numRuns: 300 },
    );
  });
});
