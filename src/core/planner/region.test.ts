/**
 * Region `cn` (mainland China) on the shipped curriculum: a plan for a learner there schedules no
 * resource whose only hosts are on the curriculum's list of unreachable hosts, for every learning
 * style and starting point; the same check finds such resources in the plans made without the region
 * (so it can fail), and the plan says what it swapped, why, and which resources are English-only.
 */
import { textOf } from './test-support/fixtures.js';
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { LEARNING_STYLES } from '../model.js';
import type { Curriculum } from '../model.js';
import type { Plan } from '../plan-model.js';
import { reachIn, regionOf } from '../regions.js';
import { planFor } from './plan.js';
import { profileFor } from './profile.js';

const SHIPPED = decodeURIComponent(new URL('../../../curricula/ml-engineer', import.meta.url).pathname);
const curriculum = loadCurriculum(SHIPPED);
const START = '2027-01-04';

/** Scheduled resources a learner in region `cn` cannot reach (their only hosts are on the list). */
function unreachableIn(c: Curriculum, plan: Plan): string[] {
  const region = regionOf(c, 'cn');
  if (!region) throw new Error('the shipped curriculum lists no region cn');
  const scheduled = new Set(plan.weeks.flatMap((w) => w.tasks.map((t) => t.resource)));
  return c.resources.filter((r) => scheduled.has(r.id) && !reachIn(region, r).reachable).map((r) => r.id);
}

function plan(style: (typeof LEARNING_STYLES)[number], startingPoint: string, region?: string, marketReady = false) {
  return planFor(
    curriculum,
    profileFor(curriculum, startingPoint, { startDate: START, style, locale: 'zh-CN', region, marketReady }),
  );
}

describe('region cn on the shipped curriculum', () => {
  it('lists its unreachable hosts, each with a source, the day checked and how', () => {
    const region = regionOf(curriculum, 'cn');
    expect(region?.suggestFor).toContain('zh-CN');
    expect(region?.unreachable.map((u) => u.host)).toEqual(
      expect.arrayContaining(['youtube.com', 'google.com', 'huggingface.co']),
    );
    for (const u of region?.unreachable ?? []) {
      expect(u.source, u.host).toMatch(/^https:\/\//);
      expect(u.checked, u.host).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(u.how['en'], u.host).toBeTruthy();
      expect(u.how['zh-CN'], u.host).toBeTruthy();
    }
  });

  for (const style of LEARNING_STYLES) {
    it(`schedules no unreachable-only resource for a ${style} learner, from every starting point`, () => {
      for (const point of curriculum.startingPoints) {
        expect(unreachableIn(curriculum, plan(style, point.id, 'cn')), point.id).toEqual([]);
        expect(unreachableIn(curriculum, plan(style, point.id, 'cn', true)), `${point.id} market-ready`).toEqual([]);
      }
    });
  }

  it('finds unreachable resources in the same plans without the region (the check can fail)', () => {
    const found = LEARNING_STYLES.flatMap((style) => unreachableIn(curriculum, plan(style, 'from-scratch')));
    expect(found).toContain('fastai-course');
  });

  it('says what it swapped and why, naming the blocked host and its source', () => {
    const p = plan('practical', 'from-scratch', 'cn');
    expect(p.resources).toContain('d2l');
    expect(p.resources).not.toContain('fastai-course');
    const swap = p.explanations.find((e) => e.kind === 'region' && e.subject === 'fastai-course');
    expect(textOf(swap)['en']).toContain('youtube.com');
    expect(textOf(swap)['en']).toContain('https://en.wikipedia.org/wiki/List_of_websites_blocked_in_mainland_China');
    expect(textOf(swap)['zh-CN']).toContain('动手学深度学习');
    const mirror = p.explanations.find((e) => e.kind === 'region' && e.subject === 'hf-llm-course');
    expect(textOf(mirror)['en']).toContain('https://github.com/huggingface/course/tree/main/chapters/zh-CN');
  });

  it('says which resources are English-only in a Chinese plan, and not in an English one', () => {
    const zh = plan('structured', 'from-scratch', 'cn');
    const note = zh.explanations.find((e) => e.kind === 'language');
    expect(note?.subject.split(',')).toContain('cs50x');
    expect(note?.subject.split(',')).not.toContain('full-stack-open');
    expect(textOf(note)['zh-CN']).toContain('只有英文版');
    const en = planFor(curriculum, profileFor(curriculum, 'from-scratch', { startDate: START, locale: 'en' }));
    expect(en.explanations.some((e) => e.kind === 'language')).toBe(false);
  });

  it('refuses an unknown region, naming the valid ones', () => {
    expect(() => plan('structured', 'from-scratch', 'xx')).toThrow(/region.*"xx".*cn/);
  });
});
