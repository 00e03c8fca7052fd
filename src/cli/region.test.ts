/**
 * `mlpath plan` and `mlpath init` for a learner in mainland China and for a full-time learner, on the
 * shipped curriculum: `--region cn --locale zh-CN` schedules nothing whose only host is unreachable
 * there, for each style; the Chinese plan says what it swapped and which resources are English-only;
 * `--hours full-time` reproduces the article's ~18 months; the output says what effective hours are,
 * and a Chinese learner is offered `--region cn` without it being set.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../content/load.js';
import { LEARNING_STYLES } from '../core/model.js';
import { monthsBetween } from '../core/dates.js';
import type { Plan } from '../core/plan-model.js';
import { reachIn, regionOf } from '../core/regions.js';
import { openSqliteStore } from '../store/sqlite.js';
import { databaseFile } from '../store/open.js';
import { testHome } from './test-support/home.js';
import type { TestHome } from './test-support/home.js';

const SHIPPED = decodeURIComponent(new URL('../../curricula/ml-engineer', import.meta.url).pathname);
const curriculum = loadCurriculum(SHIPPED);
let home: TestHome | undefined;
afterEach(() => home?.remove());

async function run(args: readonly string[], lang = 'en') {
  home ??= testHome();
  return home.run(args, { MLPATH_CURRICULUM: SHIPPED, MLPATH_LANG: lang });
}

describe('mlpath plan --region cn --locale zh-CN', () => {
  for (const style of LEARNING_STYLES) {
    it(`schedules no resource whose only host is unreachable from mainland China (${style})`, async () => {
      const args = ['plan', '--start-point', 'from-scratch', '--style', style, '--locale', 'zh-CN', '--json'];
      const region = regionOf(curriculum, 'cn');
      const blocked = (plan: Plan): string[] => {
        const ids = new Set(plan.weeks.flatMap((w) => w.tasks.map((t) => t.resource)));
        return curriculum.resources.filter((r) => ids.has(r.id) && !reachIn(region, r).reachable).map((r) => r.id);
      };
      const cn = await run([...args, '--region', 'cn']);
      expect(cn.status, cn.stderr).toBe(0);
      expect(blocked(JSON.parse(cn.stdout) as Plan)).toEqual([]);
    });
  }

  it('finds the swapped course in the same plan made without the region (the check can fail)', async () => {
    const region = regionOf(curriculum, 'cn');
    const out = await run([
      'plan',
      '--start-point',
      'from-scratch',
      '--style',
      'practical',
      '--locale',
      'zh-CN',
      '--json',
    ]);
    const ids = new Set((JSON.parse(out.stdout) as Plan).weeks.flatMap((w) => w.tasks.map((t) => t.resource)));
    const blocked = curriculum.resources.filter((r) => ids.has(r.id) && !reachIn(region, r).reachable).map((r) => r.id);
    expect(blocked).toContain('fastai-course');
  });

  it('says in Chinese what it swapped, why, and which resources are English-only', async () => {
    const out = await run([
      'plan',
      '--start-point',
      'from-scratch',
      '--style',
      'practical',
      '--locale',
      'zh-CN',
      '--region',
      'cn',
    ]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('已将 fast.ai 实用深度学习课程替换为动手学深度学习');
    expect(out.stdout).toContain('youtube.com');
    expect(out.stdout).toContain('以下资源只有英文版');
    expect(out.stdout).not.toContain('--region cn`');
  });

  it('offers --region cn to a Chinese learner without one, and refuses an unknown region', async () => {
    const out = await run(['plan', '--start-point', 'from-scratch', '--locale', 'zh-CN']);
    expect(out.stdout).toContain('在中国大陆学习？加上 `--region cn`');
    const bad = await run(['plan', '--start-point', 'from-scratch', '--region', 'moon']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--region');
    expect(bad.stderr).toContain('cn');
  });
});

describe('full time and effective hours', () => {
  it("--hours full-time plans the article's full time: job-ready in about 18 months from scratch", async () => {
    const out = await run(['plan', '--start-point', 'from-scratch', '--hours', 'full-time', '--json']);
    expect(out.status, out.stderr).toBe(0);
    const plan = JSON.parse(out.stdout) as Plan;
    expect(plan.hoursPerWeek).toBe(28);
    const ready = plan.milestones.find((m) => m.stage === 'ready');
    const months = monthsBetween(plan.startDate, ready?.date ?? plan.startDate);
    expect(months).toBeGreaterThanOrEqual(16);
    expect(months).toBeLessThanOrEqual(20);
  });

  it('plan, init and the help say what effective hours are', async () => {
    expect((await run(['plan', '--start-point', 'developer'])).stdout).toContain('effective study hours');
    expect((await run(['plan', '--help'])).stdout).toContain('full-time = 28');
    const init = await run(['init', '--yes', '--start-point', 'developer', '--locale', 'zh-CN']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('有效学习时间');
    expect(init.stdout).toContain('`--region cn`');
  });

  it('init stores the region only when given, and the backup carries it', async () => {
    const first = await run(['init', '--yes', '--start-point', 'developer', '--locale', 'zh-CN']);
    expect(first.status, first.stderr).toBe(0);
    const store = await openSqliteStore(databaseFile(home?.env({ MLPATH_CURRICULUM: SHIPPED }) ?? {}));
    try {
      expect((await store.getProfile('local'))?.region).toBeUndefined();
    } finally {
      await store.close();
    }
    const second = await run([
      'init',
      '--yes',
      '--force',
      '--start-point',
      'developer',
      '--locale',
      'zh-CN',
      '--region',
      'CN',
    ]);
    expect(second.status, second.stderr).toBe(0);
    const backup = await run(['export', '--format', 'json']);
    expect((JSON.parse(backup.stdout) as { profile: { region?: string } }).profile.region).toBe('cn');
  });

  it('the calendar links a learner in mainland China to addresses reachable there', async () => {
    const init = await run([
      'init',
      '--yes',
      '--start-point',
      'from-scratch',
      '--style',
      'university',
      '--locale',
      'zh-CN',
      '--region',
      'cn',
    ]);
    expect(init.status, init.stderr).toBe(0);
    const ics = (await run(['export', '--format', 'ics'])).stdout.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('https://space.bilibili.com/88461692');
    expect(ics).not.toContain('https://www.3blue1brown.com/topics/linear-algebra');
  });
});
