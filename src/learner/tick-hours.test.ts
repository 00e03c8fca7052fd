/**
 * What a tick logs, and what studying and then ticking does to the forecast, through `mlpath` in
 * process on the shipped curriculum (CS50x's Week 0 is 16 hours for a learner from scratch, the whole
 * course 208): study logged without an item counts once, whatever the order and the weeks; a tick
 * logs what the estimate leaves; a learner who studies the planned hours and ticks what they finish
 * stays on the first plan's date.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { testHome } from '../cli/test-support/home.js';
import type { TestHome } from '../cli/test-support/home.js';

const SHIPPED = fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url));
/** A Monday: the start date. */
const START = '2026-11-30';

const homes: TestHome[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) home.remove();
});

interface Learner {
  /** `mlpath ARGS --json` on DAY (the start date unless given), parsed. */
  json(args: readonly string[], day?: string): Promise<Record<string, unknown>>;
  /** Log HOURS of study without an item on DAY. */
  study(hours: number, day?: string): Promise<void>;
  /** Tick ITEM on DAY: the hours the tick logged (0 for none). */
  tick(item: string, day?: string): Promise<number>;
  /** Days the finish moved since the first plan, as `status` says on DAY. */
  moved(day?: string): Promise<number>;
}

async function learner(): Promise<Learner> {
  const home = testHome(`${START}T09:00:00.000Z`);
  homes.push(home);
  const env = (day: string): Record<string, string> => ({
    MLPATH_CURRICULUM: SHIPPED,
    MLPATH_NOW: `${day}T18:00:00.000Z`,
  });
  const init = await home.run(['init', '--yes', '--hours', '10', '--start', START], env(START));
  expect(init.status, init.stderr).toBe(0);
  const json = async (args: readonly string[], day = START): Promise<Record<string, unknown>> => {
    const { status, stdout, stderr } = await home.run([...args, '--json'], env(day));
    expect(status, `${args.join(' ')}: ${stderr}`).toBe(0);
    return JSON.parse(stdout) as Record<string, unknown>;
  };
  return {
    json,
    study: async (hours, day = START) => void (await json(['log', String(hours), '--date', day], day)),
    tick: async (item, day = START) => {
      const done = (await json(['done', item], day)) as { logged?: { hours: number } };
      return done.logged?.hours ?? 0;
    },
    moved: async (day = START) =>
      ((await json(['status'], day)) as { forecast: { movedDays: number } }).forecast.movedDays,
  };
}

describe('a tick after study logged without an item', () => {
  it('logs what the estimate leaves after study in an earlier week', async () => {
    const l = await learner();
    await l.study(8);
    expect(await l.tick('cs50x/week-0', '2026-12-08')).toBe(8);
  });

  it('logs what the estimate leaves after study beyond the week, and nothing after the whole estimate', async () => {
    for (const [studied, logs] of [
      [12, 4],
      [16, 0],
      [20, 0],
    ] as const) {
      const l = await learner();
      await l.study(studied);
      expect(await l.tick('cs50x/week-0'), `after ${studied} h`).toBe(logs);
      // Sixteen hours or more of study for a sixteen-hour unit in the first week: ahead, never behind.
      expect(await l.moved()).toBeLessThanOrEqual(0);
    }
  });

  it('logs nothing when the hours logged on the unit itself reach its estimate', async () => {
    const l = await learner();
    await l.json(['log', '8', '--on', 'cs50x/week-0']);
    await l.json(['log', '8', '--on', 'cs50x/week-0', '--date', '2026-12-01'], '2026-12-01');
    expect(await l.tick('cs50x/week-0', '2026-12-01')).toBe(0);
  });

  it('logs the same hours in all, and moves the finish alike, whichever unit is ticked first', async () => {
    const inOrder = await learner();
    await inOrder.study(6);
    const ordered = [await inOrder.tick('cs50x/week-0'), await inOrder.tick('cs50x/week-1')];
    const ahead = await learner();
    await ahead.study(6);
    const reversed = [await ahead.tick('cs50x/week-1'), await ahead.tick('cs50x/week-0')];
    expect(ordered).toEqual([10, 16]);
    expect(reversed).toEqual([10, 16]);
    expect(await ahead.moved()).toBe(await inOrder.moved());
  });

  it('logs a whole resource’s estimate when it is ticked whole', async () => {
    const l = await learner();
    expect(await l.tick('cs50x')).toBe(208);
  });

  it('logs a whole resource’s estimate left after its units ticked before it: 208 hours in all, in any order', async () => {
    const unitsFirst = await learner();
    const resourceFirst = await learner();
    for (const l of [unitsFirst, resourceFirst])
      for (const day of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) await l.study(20, day);
    const ticked = [];
    for (const unit of ['cs50x/week-0', 'cs50x/week-1', 'cs50x/week-2'])
      ticked.push(await unitsFirst.tick(unit, '2026-12-05'));
    ticked.push(await unitsFirst.tick('cs50x', '2026-12-05'));
    // A hundred hours of study: the three units take 48, the course's other 160 hours less the 52 left.
    expect(ticked).toEqual([0, 0, 0, 108]);
    expect(await resourceFirst.tick('cs50x', '2026-12-05')).toBe(108);
    // A unit of a course already ticked whole logs nothing more.
    expect(await resourceFirst.tick('cs50x/week-0', '2026-12-05')).toBe(0);
    expect(await unitsFirst.moved('2026-12-05')).toBe(await resourceFirst.moved('2026-12-05'));
  });

  it('sees the same study after a skill is marked done: the ticks log what they would have', async () => {
    const l = await learner();
    await l.study(10, '2026-11-30');
    await l.study(10, '2026-12-01');
    await l.json(['done', 'python-basics'], '2026-12-02');
    expect([await l.tick('cs50x/week-0', '2026-12-02'), await l.tick('cs50x/week-1', '2026-12-02')]).toEqual([0, 12]);
  });

  it('does not move the finish later when study is logged after the tick, for the work after it', async () => {
    const l = await learner();
    expect(await l.tick('cs50x/week-0')).toBe(16);
    await l.study(3);
    expect(await l.moved()).toBeLessThanOrEqual(0);
  });
});

describe('study that never turns into ticks', () => {
  it('is work under way up to the task at hand, and beyond that neither shortens the plan nor reads as on plan', async () => {
    const l = await learner();
    for (const day of ['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21']) await l.study(10, day);
    // Forty hours and nothing ticked: the first unit (16 h) is taken as under way, the rest is not
    // progress the plan can see, so the finish is later than if all forty had been ticked work.
    expect(await l.moved('2026-12-28')).toBeGreaterThan(0);
    // Ticking the two units those hours finished (32 of the 40; they log nothing more) puts the finish
    // back on the first plan's date or earlier.
    expect([await l.tick('cs50x/week-0', '2026-12-28'), await l.tick('cs50x/week-1', '2026-12-28')]).toEqual([0, 0]);
    expect(await l.moved('2026-12-28')).toBeLessThanOrEqual(0);
  });
});

describe('a learner on plan', () => {
  it('who logs two hours each weekday and ticks each unit when its hours are in stays on the first plan’s date', async () => {
    const l = await learner();
    const units = ['cs50x/week-0', 'cs50x/week-1', 'cs50x/week-2', 'cs50x/week-3'];
    let studied = 0;
    let day = START;
    for (let n = 0; n < 40; n++) {
      day = new Date(Date.parse(`${START}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      await l.study(2, day);
      studied += 2;
      // CS50x's first units are 16 hours each: ticked as soon as that much study is in.
      const unit = units[0];
      if (unit !== undefined && studied >= 16) {
        expect(await l.tick(unit, day), unit).toBe(0);
        units.shift();
        studied -= 16;
      }
    }
    expect(units).toEqual(['cs50x/week-3']);
    expect(await l.moved(day)).toBe(0);
  });
});

describe('study that no tick accounts for', () => {
  it('is said by `status` and `today`, with the command that ticks the task at hand, in both languages', async () => {
    const home = testHome(`${START}T09:00:00.000Z`);
    homes.push(home);
    const env = (lang: string): Record<string, string> => ({
      MLPATH_CURRICULUM: SHIPPED,
      MLPATH_NOW: `${START}T18:00:00.000Z`,
      MLPATH_LANG: lang,
    });
    expect((await home.run(['init', '--yes', '--hours', '10', '--start', START], env('en'))).status).toBe(0);
    expect((await home.run(['log', '12'], env('en'))).status).toBe(0);
    // 12 h is less than the 16 h unit at hand: work under way, nothing to say.
    expect((await home.run(['status'], env('en'))).stdout).not.toContain('without an item');
    expect((await home.run(['log', '8'], env('en'))).status).toBe(0);
    for (const command of ['status', 'today']) {
      const en = (await home.run([command], env('en'))).stdout;
      expect(en).toContain(
        '20 h of study logged without an item is not matched by a tick yet. The plan counts 16 h of it as work under way, and none of the rest until you tick what it finished.',
      );
      // The unit by its title, as plans name it, and the command that ticks it.
      expect(en).toContain(
        "Finished CS50x: CS50's Introduction to Computer Science: Week 0: Scratch, or more? Tick all you finished (`mlpath done cs50x/week-0`)",
      );
      const zh = (await home.run([command], env('zh-CN'))).stdout;
      expect(zh).toContain('有 20 小时未注明内容的学习还没有对应的完成标记。计划只把其中 16 小时算作进行中的学习');
      expect(zh).toContain('（`mlpath done cs50x/week-0`）');
    }
    // Ticked, the 4 h left are less than the next unit: the line goes.
    expect((await home.run(['done', 'cs50x/week-0'], env('en'))).status).toBe(0);
    expect((await home.run(['status'], env('en'))).stdout).not.toContain('without an item');
  });

  it('is not said when nothing is left to tick, however much was studied', async () => {
    const home = testHome(`${START}T09:00:00.000Z`);
    homes.push(home);
    const env = { MLPATH_CURRICULUM: SHIPPED, MLPATH_NOW: `${START}T18:00:00.000Z` };
    // A plan to one skill, studied for, then marked done as a whole skill.
    const init = ['init', '--yes', '--hours', '10', '--start', START, '--target', 'computing-basics'];
    expect((await home.run(init, env)).status).toBe(0);
    expect((await home.run(['log', '20'], env)).status).toBe(0);
    expect((await home.run(['status'], env)).stdout).toContain('without an item');
    expect((await home.run(['done', 'computing-basics'], env)).status).toBe(0);
    const status = JSON.parse((await home.run(['status', '--json'], env)).stdout) as { warnings: { kind: string }[] };
    expect(status.warnings.filter((w) => w.kind === 'unticked')).toEqual([]);
  });

  it('measures and names the task the plan has at hand, whatever order the first plan prepared its work in', async () => {
    const home = testHome(`${START}T09:00:00.000Z`);
    homes.push(home);
    const env = { MLPATH_CURRICULUM: SHIPPED, MLPATH_NOW: `${START}T18:00:00.000Z` };
    const init = ['init', '--yes', '--start-point', 'developer', '--hours', '10', '--start', START];
    expect((await home.run(init, env)).status).toBe(0);
    // A developer's first week opens with Kaggle Learn's Pandas (3.4 h), not the 34 h book prepared first.
    const today = JSON.parse((await home.run(['today', '--json'], env)).stdout) as {
      week: { tasks: { resource: string; unit?: string; hours: number }[] };
    };
    const first = today.week.tasks[0];
    expect(first).toMatchObject({ resource: 'kaggle-learn', unit: 'pandas' });
    expect((await home.run(['log', '4'], env)).status).toBe(0);
    const status = JSON.parse((await home.run(['status', '--json'], env)).stdout) as {
      warnings: { kind: string; next?: string; hours?: number }[];
    };
    expect(status.warnings.find((w) => w.kind === 'unticked')).toMatchObject({
      next: 'kaggle-learn/pandas',
      hours: 4,
    });
  });
});
