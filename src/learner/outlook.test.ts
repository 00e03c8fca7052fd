/**
 * The finish range, the target date and the warnings as `mlpath status`, `mlpath target` and
 * `mlpath today` word them, in English and Chinese; bad target dates are refused naming the fix and
 * change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testHome } from '../cli/test-support/home.js';
import type { TestHome } from '../cli/test-support/home.js';

const homes: TestHome[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) home.remove();
});

/** A Friday; the profile started five weeks before. */
const NOW = '2026-11-27T09:00:00.000Z';

async function learner(): Promise<TestHome> {
  const home = testHome(NOW);
  homes.push(home);
  expect(
    (await home.run(['init', '--yes', '--start-point', 'from-scratch', '--hours', '10', '--start', '2026-10-26']))
      .status,
  ).toBe(0);
  return home;
}

describe('status, target and today word the outlook', () => {
  it('says there is no range yet with too little history, then gives one with its method', async () => {
    const home = await learner();
    const before = await home.run(['status']);
    expect(before.stdout).toContain('No finish range yet: 0 of the 4 weeks of study it needs');
    for (const [hours, date] of [
      ['6', '2026-10-28'],
      ['14', '2026-11-04'],
      ['3', '2026-11-11'],
      ['12', '2026-11-18'],
    ] as const)
      expect((await home.run(['log', hours, '--date', date])).status).toBe(0);
    const after = await home.run(['status']);
    // 35 h over four weeks of 10 planned: the range says what it was drawn from, beside the forecast at 10 h.
    expect(after.stdout).toMatch(
      /Likely finish if your weeks go on as your last 4 did \(8\.8 of 10 h a week on average\): between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d \(p50 \d{4}-\d\d-\d\d\)/,
    );
    expect(after.stdout).toContain('How: 2000 simulated futures, each made of your last 4 weeks drawn at random');
    const zh = await home.run(['status'], { MLPATH_LANG: 'zh-CN' });
    expect(zh.stdout).toMatch(
      /如果每周照最近 4 周那样学习（平均每周 8\.8 小时，计划 10 小时），可能的完成日期：\d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d 之间/,
    );
    expect(zh.stdout).toContain('方法：2000 次模拟');
  });

  it('gives one date, not a range from a date to itself, when every past week went to plan', async () => {
    const home = await learner();
    for (const date of ['2026-10-28', '2026-11-04', '2026-11-11', '2026-11-18'])
      expect((await home.run(['log', '10', '--date', date])).status).toBe(0);
    const status = await home.run(['status']);
    expect(status.stdout).toMatch(
      /Likely finish if your weeks go on as your last 4 did \(10 of 10 h a week on average\): \d{4}-\d\d-\d\d, in every simulated future\n/,
    );
    expect(status.stdout).not.toContain('between');
    const zh = await home.run(['status'], { MLPATH_LANG: 'zh-CN' });
    expect(zh.stdout).toMatch(/可能的完成日期：\d{4}-\d\d-\d\d，所有模拟结果都一样/);
  });

  it('a target date yields the hours a week it needs, and warns when the finish is past it', async () => {
    const home = await learner();
    const set = await home.run(['target', '2027-01-15']);
    expect(set.status).toBe(0);
    expect(set.stdout).toContain('Target date set: 2027-01-15.');
    expect(set.stdout).toMatch(/Target date: 2027-01-15, behind \(finish \d{4}-\d\d-\d\d\)\./);
    expect(set.stdout).toMatch(/It needs \d+(\.5)? h a week; you plan 10 h\./);
    const json = JSON.parse((await home.run(['target', '--json'])).stdout);
    expect(json.target).toMatchObject({ date: '2027-01-15', onTrack: false, hoursPerWeek: 10 });
    expect(json.target.hoursPerWeekNeeded).toBeGreaterThan(10);
    expect(json.warnings[0]).toMatchObject({ kind: 'behind-target', target: '2027-01-15' });
    const today = await home.run(['today']);
    expect(today.stdout).toMatch(/! Your likely finish \(\d{4}-\d\d-\d\d\) is past your target date \(2027-01-15\)\./);
    expect(today.stdout).toMatch(/To catch up: \d+(\.5)? h a week from now makes your target date\./);
    const zh = await home.run(['target'], { MLPATH_LANG: 'zh-CN' });
    expect(zh.stdout).toMatch(/需要每周 \d+(\.5)? 小时；你计划每周 10 小时。/);
    // `status` says the same, and so does its JSON: behind the target, and five weeks without study.
    const status = await home.run(['status']);
    expect(status.stdout).toMatch(/! Your likely finish \(\d{4}-\d\d-\d\d\) is past your target date \(2027-01-15\)\./);
    expect(status.stdout).toMatch(/To catch up: \d+(\.5)? h a week from now makes your target date\./);
    expect(status.stdout).toMatch(/! No study in the \d+ days since your start\./);
    const kinds = (JSON.parse((await home.run(['status', '--json'])).stdout).warnings as { kind: string }[]).map(
      (w) => w.kind,
    );
    expect(kinds).toEqual(['behind-target', 'no-study']);
  });

  it('refuses a target date that is not one or not after the start, naming the fix, and changes nothing', async () => {
    const home = await learner();
    expect((await home.run(['target', '2027-01-15'])).status).toBe(0);
    const bad = await home.run(['target', '2027-13-01']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('"2027-13-01" is not a date; write it YYYY-MM-DD');
    const early = await home.run(['target', '2026-10-01']);
    expect(early.status).not.toBe(0);
    expect(early.stderr).toContain('2026-10-01 is not after the start date');
    expect(JSON.parse((await home.run(['target', '--json'])).stdout).target.date).toBe('2027-01-15');
    const flag = await home.run(['plan', '--target-date', 'soon', '--json']);
    expect(flag.status).not.toBe(0);
    expect(flag.stderr).toContain('--target-date: "soon" is not a date');
    expect((await home.run(['target', 'none'])).stdout).toContain('Target date cleared.');
  });
});
