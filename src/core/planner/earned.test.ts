/**
 * The earned-hours rule (planner/earned.ts): worked examples of sure, most and vouched, and the
 * totals-only reading the burn-up uses (`earnedTotalsOver`) equal to the full one's totals, to the
 * last bit, over random task lists and marks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earnedHours, earnedTotalsOver, vouched } from './earned.js';
import type { EarningTask } from './earned.js';

const book: EarningTask = { hours: 10, skills: ['a', 'b', 'c', 'd', 'e'] };
const course: EarningTask = { hours: 6, skills: ['a'] };
const unitOne: EarningTask = { hours: 4, skills: ['f'] };
const unitTwo: EarningTask = { hours: 4, skills: ['f'] };
const tasks = [book, course, unitOne, unitTwo];

describe('earnedHours', () => {
  it('credits a done skill at the smallest share of a task teaching it, once', () => {
    const earned = earnedHours(
      tasks,
      (s) => s === 'a' || s === 'b',
      () => false,
    );
    // a: the book's share (2 h) is smaller than the course's 6 h; b: only the book teaches it.
    expect(earned.sure.hours).toEqual([4, 0, 0, 0]);
    expect([...(earned.sure.credited[0] ?? [])]).toEqual(['a', 'b']);
    expect(earned.sure.total).toBe(4);
    // The course teaches only `a`, which is done: the most counts it whole.
    expect(earned.most.hours).toEqual([2, 6, 0, 0]);
    expect(earned.most.total).toBe(8);
  });

  it('counts a marked task whole, and its skills are not credited again', () => {
    const earned = earnedHours(
      tasks,
      (s) => s === 'a',
      (_t, i) => i === 1,
    );
    expect(earned.sure.hours).toEqual([0, 6, 0, 0]);
    expect(earned.sure.total).toBe(6);
  });

  it('makes every unit of a skill whole at most once the skill is done, and the hours place it between', () => {
    const earned = earnedHours(
      tasks,
      (s) => s === 'f',
      () => false,
    );
    expect(earned.sure.total).toBe(4);
    expect(earned.most.total).toBe(8);
    expect(vouched(earned, 0)).toBe(4);
    expect(vouched(earned, 6)).toBe(6);
    expect(vouched(earned, 20)).toBe(8);
    // Hours placed on the sure work beyond its estimate vouch for nothing else.
    expect(vouched(earned, 6, 6)).toBe(4);
  });
});

describe('earnedTotalsOver', () => {
  const skill: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
  const task = fc.record({
    hours: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0.1, max: 40, noNaN: true })),
    skills: fc.uniqueArray(skill, { maxLength: 4 }),
  });

  it('gives the same sure and most totals as earnedHours, for any tasks and marks', () => {
    fc.assert(
      fc.property(
        fc.array(task, { maxLength: 12 }),
        fc.array(fc.tuple(fc.uniqueArray(skill), fc.array(fc.boolean(), { maxLength: 12 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (list, readings) => {
          // One prepared reading, used at several dates as the burn-up does.
          const totals = earnedTotalsOver(list);
          for (const [doneSkills, marks] of readings) {
            const skillDone = (s: string): boolean => doneSkills.includes(s);
            const taskDone = (_t: EarningTask, i: number): boolean => marks[i] === true;
            const full = earnedHours(list, skillDone, taskDone);
            const fast = totals(skillDone, taskDone);
            expect(Object.is(fast.sure.total, full.sure.total)).toBe(true);
            expect(Object.is(fast.most.total, full.most.total)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
