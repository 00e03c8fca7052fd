/**
 * Calibration: with each shipped starting point's own defaults, the planner must reproduce the
 * article's durations (seed README section 5). The figures are printed so a change shows its effect.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { monthsBetween } from '../dates.js';
import type { Plan } from '../plan-model.js';
import { planFor } from './plan.js';
import { profileFor } from './profile.js';

// The shipped curriculum, found from this file (core does no I/O itself; the content layer reads it).
const SHIPPED = decodeURIComponent(new URL('../../../curricula/ml-engineer', import.meta.url).pathname);
const curriculum = loadCurriculum(SHIPPED);
const START = '2027-01-04';
const figures: string[] = [];

function monthsTo(plan: Plan, milestone: string): number {
  const m = plan.milestones.find((x) => x.stage === milestone);
  if (!m) throw new Error(`no ${milestone} milestone`);
  return monthsBetween(plan.startDate, m.date);
}

function planOf(startingPoint: string): Plan {
  return planFor(curriculum, profileFor(curriculum, startingPoint, { startDate: START }));
}

describe('calibration on the shipped curriculum', () => {
  afterAll(() => console.log(`calibrated durations:\n  ${figures.join('\n  ')}`));

  it('from scratch, full time: job-ready after about 18 months (16-20)', () => {
    const months = monthsTo(planOf('from-scratch'), 'ready');
    figures.push(`from-scratch -> ready: ${months.toFixed(1)} months`);
    expect(months).toBeGreaterThanOrEqual(16);
    expect(months).toBeLessThanOrEqual(20);
  });

  it('developer, after work: deep learning done after about 6 months (5-7.5)', () => {
    const months = monthsTo(planOf('developer'), 'deep-learning');
    figures.push(`developer -> deep-learning: ${months.toFixed(1)} months`);
    expect(months).toBeGreaterThanOrEqual(5);
    expect(months).toBeLessThanOrEqual(7.5);
  });

  it('data scientist: job-ready after a few months (2-5)', () => {
    const months = monthsTo(planOf('data-scientist'), 'ready');
    figures.push(`data-scientist -> ready: ${months.toFixed(1)} months`);
    expect(months).toBeGreaterThanOrEqual(2);
    expect(months).toBeLessThanOrEqual(5);
  });

  it('brings every starting point within 20% of its own expected duration', () => {
    for (const point of curriculum.startingPoints) {
      const expected = point.expected;
      expect(expected, `${point.id} declares an expected duration`).toBeDefined();
      if (!expected) continue;
      const months = monthsTo(planOf(point.id), expected.milestone);
      figures.push(`${point.id} -> ${expected.milestone}: ${months.toFixed(1)} months (expected ${expected.months})`);
      expect(Math.abs(months - expected.months) / expected.months).toBeLessThanOrEqual(0.2);
    }
  });

  it('keeps every learner factor within 0.8-2.0 and documents the effective hours', () => {
    for (const point of curriculum.startingPoints) {
      expect(point.effortFactor).toBeGreaterThanOrEqual(0.8);
      expect(point.effortFactor).toBeLessThanOrEqual(2);
      expect(point.hoursNote?.['en']).toBeTruthy();
      expect(point.hoursNote?.['zh-CN']).toBeTruthy();
    }
    expect(curriculum.startingPoints.find((p) => p.id === 'from-scratch')?.hoursNote?.['en']).toMatch(/effective/);
  });

  it('plans every starting point on the route the curriculum recommends for it', () => {
    const expected: Record<string, string> = {
      'from-scratch': 'software-first',
      'career-changer': 'software-first',
      developer: 'software-first',
      'data-scientist': 'data-science-first',
      'quant-student': 'data-science-first',
    };
    for (const [point, route] of Object.entries(expected)) expect(planOf(point).route).toBe(route);
  });

  it('plans each style with its own deep-learning course', () => {
    const course = (style: 'structured' | 'university' | 'practical'): readonly string[] =>
      planFor(curriculum, profileFor(curriculum, 'from-scratch', { startDate: START, style })).resources;
    expect(course('structured')).toContain('deep-learning-specialization');
    expect(course('university')).toContain('nyu-deep-learning');
    expect(course('practical')).toContain('fastai-course');
    expect(course('practical')).toContain('fastai-book');
  });

  it('plans every starting point with free-only, for every domain', () => {
    for (const point of curriculum.startingPoints) {
      for (const domain of curriculum.domains) {
        const plan = planFor(
          curriculum,
          profileFor(curriculum, point.id, { startDate: START, freeOnly: true, domain: domain.id }),
        );
        const paid = new Set(curriculum.resources.filter((r) => r.cost === 'paid').map((r) => r.id));
        expect(plan.resources.filter((r) => paid.has(r))).toEqual([]);
        expect(plan.milestones.some((m) => m.stage === 'ready')).toBe(true);
      }
    }
  });
});
