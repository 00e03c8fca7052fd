import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../core/plan-model.js';
import { databaseFile } from '../../store/open.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { testHome } from '../test-support/home.js';
import stringWidth from 'string-width';
import type { TestHome } from '../test-support/home.js';

const profile: Profile = {
  startingPoint: 'from-scratch',
  known: [],
  hoursPerWeek: 10,
  weeksOff: [],
  startDate: '2026-11-23',
  style: 'structured',
  domain: 'nlp',
  freeOnly: false,
  locale: 'en',
  target: undefined,
  route: undefined,
  effortFactor: undefined,
  choices: { pin: [], exclude: [], swap: [], own: [] },
};

const homes: TestHome[] = [];
async function withProfile(now?: string, startDate = profile.startDate): Promise<TestHome> {
  const home = testHome(now);
  homes.push(home);
  const store = await openSqliteStore(databaseFile(home.env()));
  await store.ensureLearner();
  await store.saveProfile('local', { ...profile, startDate }, '2026-11-23T00:00:00.000Z');
  await store.close();
  return home;
}
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

describe('mlpath today and week', () => {
  it('ask for a profile first when there is none', async () => {
    const home = testHome();
    homes.push(home);
    const result = await home.run(['today']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('make one with `mlpath init`');
  });

  it('show the first task of the re-planned week, and move on once it is done', async () => {
    const home = await withProfile();
    const before = await home.run(['today']);
    expect(before.status).toBe(0);
    expect(before.stdout).toContain('Today, 2026-11-27: study now');
    expect(before.stdout).toMatch(/Functions and variables.*cs50p\/week-0/);
    // Each task with why it is there, as week gives it.
    expect(before.stdout).toMatch(/Functions and variables.*cs50p\/week-0\n {6}Teaches [^\n]+\.\n/);
    await home.run(['done', 'python-programming']);
    const after = await home.run(['today']);
    expect(after.stdout).not.toContain('cs50p');
    expect(after.stdout).toContain('Linear Algebra Done Right');
  });

  it('before the first day of study says when the plan starts', async () => {
    const home = await withProfile(undefined, '2026-12-07');
    const result = await home.run(['today']);
    expect(result.stdout).toMatch(/^Week 1 starts on 2026-12-07: 10 h planned\n/);
  });

  it('week lists every task with its reason, as a calendar week numbered from the first day of study', async () => {
    const home = await withProfile('2026-12-01T09:00:00.000Z');
    const result = await home.run(['week']);
    expect(result.stdout).toMatch(/^Week 2, 2026-11-30 to 2026-12-06\n/);
    expect(result.stdout).toContain('This week: 0 of 10 h logged, 10 h left');
    const json = JSON.parse((await home.run(['week', '--json'])).stdout);
    expect(json).toMatchObject({ today: '2026-12-01', beforeStart: false });
    expect(json.week).toMatchObject({ number: 2, start: '2026-11-30', end: '2026-12-06', budgetHours: 10 });
    expect(json.week.tasks.length).toBeGreaterThan(0);
  });

  it('a week whose last minutes review takes says the plan goes on next week, not that it is all done', async () => {
    // A first week begun on Tuesday (8.57 h of 10), two units done (their skills' review cards
    // start), and hours logged until a tenth of an hour is left: less than the
    // review the week expects, so no task fits in it.
    const home = await withProfile('2026-12-01T09:00:00.000Z', '2026-12-01');
    for (const args of [
      ['done', 'cs50p/week-0', '--no-log'],
      ['done', 'cs50p/week-1', '--no-log'],
    ]) {
      expect((await home.run(args)).status).toBe(0);
    }
    const before = JSON.parse((await home.run(['week', '--json'])).stdout).week;
    const rest = Math.round((before.budgetHours - before.loggedHours - 0.1) * 100) / 100;
    expect(rest).toBeGreaterThan(0);
    expect((await home.run(['log', String(rest)])).status).toBe(0);
    const week = JSON.parse((await home.run(['week', '--json'])).stdout);
    expect(week.week.tasks).toEqual([]);
    expect(week.week.remainingHours).toBeGreaterThan(0);
    for (const command of ['week', 'today']) {
      const result = await home.run([command]);
      expect(result.stdout).toContain('Nothing more is planned this week; the plan goes on next week');
      expect(result.stdout).not.toContain('every task is done');
    }
  });
});

describe('hours in today, week and plan', () => {
  it('are one figure, to a tenth, in English and Chinese', async () => {
    // Begun on Tuesday, the first week holds 6/7 of 10 h: 8.57 h, shown 8.6 h as plan and the web show it.
    const home = await withProfile('2026-12-01T09:00:00.000Z', '2026-12-01');
    expect((await home.run(['log', '1h20m'])).status).toBe(0);
    for (const command of ['today', 'week']) {
      const en = (await home.run([command])).stdout;
      expect(en).toContain('This week: 1.3 of 8.6 h logged, 7.2 h left');
      expect(en).not.toMatch(/\d\.\d\d h/);
      const zh = (await home.run([command, '--locale', 'zh-CN'])).stdout;
      expect(zh).toContain('本周：已记录 1.3 / 8.6 小时，还剩 7.2 小时');
    }
    // The re-made plan gives the week what is left of it, the same figure.
    expect((await home.run(['plan'])).stdout).toContain('Week 1 · 2026-12-01 · 7.2 h\n');
  });
});

describe('review time and recall in today, week and status', () => {
  it('reserve the week’s expected review minutes and flag a skill whose cards keep lapsing', async () => {
    const home = testHome('2026-12-01T09:00:00.000Z');
    homes.push(home);
    const shipped = { MLPATH_CURRICULUM: fileURLToPath(new URL('../../../curricula/ml-engineer', import.meta.url)) };
    const run = (args: string[], now?: string) => home.run(args, now ? { ...shipped, MLPATH_NOW: now } : shipped);
    expect((await run(['init', '--yes', '--start-point', 'from-scratch'])).status).toBe(0);
    expect((await run(['today'])).stdout).toContain('Review: nothing due this week.');
    await run(['done', 'python-basics']);
    const week = JSON.parse((await run(['week', '--json'])).stdout);
    expect(week.review.dueNow).toBeGreaterThanOrEqual(3);
    expect(week.review.minutes).toBe(week.review.reviews * week.review.minutesPerCard);
    expect((await run(['week'])).stdout).toContain(
      `Review: ${week.review.minutes} min reserved for review this week, taken from its study hours (${week.review.reviews} reviews expected, ${week.review.dueNow} cards due now).`,
    );
    expect((await home.run(['today'], { ...shipped, MLPATH_LANG: 'zh-CN' })).stdout).toContain(
      `复习：本周从学习时间中预留 ${week.review.minutes} 分钟用于复习`,
    );
    // The plan takes the same minutes off the week's study hours, and says so.
    const plan = JSON.parse((await run(['plan', '--json'])).stdout);
    const planWeek = plan.weeks.find((w: { start: string }) => w.start === week.week.start);
    expect(planWeek.reviewMinutes).toBe(week.review.minutes);
    expect(planWeek.hours).toBeLessThanOrEqual(week.week.remainingHours - week.review.minutes / 60 + 0.01);
    expect((await run(['plan'])).stdout).toContain(`· ${week.review.minutes} min reserved for review`);
    // Three cards learned, then forgotten when they come back months later: three lapses.
    const due = (JSON.parse((await run(['review', '--json'])).stdout) as { due: { card: string }[] }).due;
    for (const [i, { card }] of due.slice(0, 3).entries()) {
      expect((await run(['review', card, 'easy'], `2026-12-01T09:0${i + 1}:00.000Z`)).status).toBe(0);
      expect((await run(['review', card, 'again'], `2027-06-01T09:0${i + 1}:00.000Z`)).status).toBe(0);
    }
    const status = await run(['status'], '2027-06-01T10:00:00.000Z');
    expect(status.stdout).toContain('Needs a refresh (its cards keep lapsing): Python basics');
    expect(JSON.parse((await run(['status', '--json'], '2027-06-01T10:00:00.000Z')).stdout).needsRefresh).toEqual([
      'python-basics',
    ]);
  });
});

describe('mlpath status', () => {
  it('shows stage bars, hours, streak, readiness and how the forecast moved', async () => {
    const home = await withProfile(undefined, '2026-11-27');
    const first = JSON.parse((await home.run(['status', '--json'])).stdout);
    expect(first.forecast.movedDays).toBe(0);
    expect((await home.run(['status'])).stdout).toContain('unchanged since the first plan');
    await home.run(['done', 'python-programming']);
    await home.run(['log', '2', '--date', '2026-11-26']);
    await home.run(['log', '1.5']);
    const json = JSON.parse((await home.run(['status', '--json'])).stdout);
    expect(json.forecast.previousFinishDate).toBe(first.forecast.finishDate);
    expect(json.forecast.finishDate < first.forecast.finishDate).toBe(true);
    expect(json.forecast.movedDays).toBeLessThan(0);
    await home.run(['done', 'linear-algebra']);
    const result = await home.run(['status']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Learn to code  ████████████████████  1/1');
    expect(result.stdout).toContain('Maths          ████████████████████  1/1');
    expect(result.stdout).toContain('Deep learning  ░░░░░░░░░░░░░░░░░░░░  0/1');
    expect(result.stdout).toContain('Hours this week: 3.5');
    expect(result.stdout).toContain('Hours in total: 3.5');
    expect(result.stdout).toContain('Streak: 2 days');
    expect(result.stdout).toContain('Readiness for ML engineer: 50%');
    expect(result.stdout).toMatch(
      /Forecast finish: \d{4}-\d{2}-\d{2} \(previously \d{4}-\d{2}-\d{2}\) — \d+ days earlier than the first plan/,
    );
    expect(result.stdout).toContain(`previously ${json.forecast.finishDate}`);
  });

  it('does not give the first plan’s finish as where the finish was before: the line names it already', async () => {
    // No status shown yet (as for a learner restored from a backup): the finish before is the first plan's.
    const home = await withProfile(undefined, '2026-11-27');
    await home.run(['done', 'python-programming']);
    await home.run(['log', '2', '--date', '2026-11-26']);
    const text = (await home.run(['status'])).stdout;
    const line =
      /Forecast finish: (\d{4}-\d{2}-\d{2}) — \d+ days earlier than the first plan \((\d{4}-\d{2}-\d{2})\)/.exec(text);
    expect(line, text).not.toBeNull();
    expect(text).not.toContain('previously');
    // The status shown is remembered: the next one reads it as where the finish was.
    const json = JSON.parse((await home.run(['status', '--json'])).stdout);
    expect(json.forecast.finishDate).toBe(line?.[1]);
    expect(json.forecast.originalFinishDate).toBe(line?.[2]);
    expect(json.forecast.previousFinishDate).toBe(line?.[1]);
  });

  it('speaks Chinese', async () => {
    const home = await withProfile();
    const result = await home.run(['status'], { MLPATH_LANG: 'zh-CN' });
    expect(result.stdout).toContain('学习编程');
    expect(result.stdout).toContain('连续学习：0 天');
    expect(result.stdout).toContain('就绪度（机器学习工程师）：0%');
    // Bars line up in a terminal even though Chinese characters take two columns.
    const starts = result.stdout
      .split('\n')
      .filter((line) => line.includes('░'))
      .map((line) => stringWidth(line.slice(0, line.search(/[█░]/))));
    expect(starts.length).toBe(3);
    expect(new Set(starts).size).toBe(1);
  });
});

describe('without a saved profile', () => {
  it('today, week and status say how to make one, naming only what each command accepts', async () => {
    const home = testHome('2026-12-01T09:00:00.000Z');
    homes.push(home);
    for (const command of ['today', 'week', 'status']) {
      const run = await home.run([command]);
      expect(run.status, command).toBe(2);
      expect(run.stderr, command).toContain('mlpath init');
      expect(run.stderr, command).not.toContain('--start-point');
    }
    // `mlpath plan` can plan from flags alone, and says so.
    const plan = await home.run(['plan']);
    expect(plan.status).toBe(2);
    expect(plan.stderr).toContain('--start-point ID');
    const zh = await home.run(['status'], { MLPATH_LANG: 'zh-CN' });
    expect(zh.stderr).toContain('用 `mlpath init` 建立一个');
    expect(zh.stderr).not.toContain('--start-point');
  });
});
