/**
 * The progress page's finish range and target date: the range (or why there is none yet) with its
 * method, a target date set in the page, the hours a week it needs, and the date cleared again (the
 * profile is left as it was found); the same target date set and cleared from Settings.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openPage, requireChromium, watch } from './support.js';

const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

requireChromium();
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

let page: Page;
let startDate = '';

interface ProfileJson {
  profile: { startDate: string; locale: string; targetDate?: string } | null;
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await page.addInitScript(() => localStorage.setItem('mlpath.locale', 'en'));
  // Run alone, the test makes a profile; after the journey it uses the journey's.
  let current = (await (await page.request.get('/api/profile')).json()) as ProfileJson;
  if (current.profile === null) {
    const saved = await page.request.put('/api/profile', { data: { startingPoint: 'developer', hoursPerWeek: 10 } });
    expect(saved.ok()).toBe(true);
    current = (await saved.json()) as ProfileJson;
  }
  startDate = current.profile?.startDate ?? '';
});
test.afterAll(async () => {
  await page.request.put('/api/profile/target-date', { data: { targetDate: null } });
  await page.close();
});

test('the progress page shows the finish range or why there is none, and a target date with the hours it needs', async ({
  browser,
}) => {
  const seen = watch(page);
  await openPage(page, '#/progress');
  const range = page.getByTestId('finish-range');
  await expect(range).toBeVisible();
  // Either the range with its method in one line, or the plain reason there is none yet.
  await expect(range).toContainText(/likely between .* the middle \(p50\) is|No range yet: \d+ of the 4 weeks/);

  const target = `${String(Number(startDate.slice(0, 4)) + 1)}${startDate.slice(4)}`;
  await page.getByLabel('Finish by').fill(target);
  await page.getByRole('button', { name: 'Set target date' }).click();
  const outlook = page.getByTestId('target-outlook');
  await expect(outlook).toBeVisible();
  await expect(page.getByTestId('hours-needed')).toHaveText(
    /^(It needs [\d.,]+ h a week; you plan [\d.,]+ h\.|Even 100 h a week would not finish by then\.)$/,
  );
  await expect(outlook).toContainText(/On track|Behind/);
  const status = (await (await page.request.get('/api/status')).json()) as { target: { date: string } | null };
  expect(status.target?.date).toBe(target);

  // In Chinese too.
  const context = await browser.newContext();
  const zh = await context.newPage();
  await zh.addInitScript(() => localStorage.setItem('mlpath.locale', 'zh-CN'));
  await openPage(zh, '#/progress');
  await expect(zh.getByTestId('hours-needed')).toHaveText(/需要每周 [\d.,]+ 小时|即使每周 100 小时/);
  await expect(zh.getByTestId('finish-range')).toContainText(/完成日期范围/);
  // A date before the start is refused in one Chinese sentence naming the field in words, said once.
  await zh.getByLabel('完成日期', { exact: true }).fill('2020-01-01');
  await zh.getByRole('button', { name: '设置目标日期' }).click();
  const refused = zh.getByRole('alert');
  await expect(refused).toContainText(`学习档案无效：目标日期（2020-01-01）必须晚于开始日期（${startDate}）`);
  await expect(refused.getByRole('listitem')).toHaveCount(0);
  await expect(refused).not.toContainText('targetDate');
  await zh.screenshot({ path: `${SCREENSHOTS}/progress-target-refused-zh-CN.png`, fullPage: false });
  await context.close();

  await openPage(page, '#/progress');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('target-outlook')).toHaveCount(0);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});

test('the target date is set from Settings too, with the hours it needs, and the progress page agrees', async () => {
  const seen = watch(page);
  await openPage(page, '#/settings');
  const section = page.getByTestId('target-date');
  await expect(section.getByRole('heading', { name: 'Target date' })).toBeVisible();
  const target = `${String(Number(startDate.slice(0, 4)) + 2)}${startDate.slice(4)}`;
  await section.getByLabel('Finish by').fill(target);
  await section.getByRole('button', { name: 'Set target date' }).click();
  const needed = section.getByTestId('hours-needed');
  await expect(needed).toHaveText(
    /^(It needs [\d.,]+ h a week; you plan [\d.,]+ h\.|Even 100 h a week would not finish by then\.)$/,
  );
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/settings-target-date-en.png`, fullPage: false });

  // The one record behind both pages: the API has the date, and the progress page says the same.
  const status = (await (await page.request.get('/api/status')).json()) as {
    target: { date: string; hoursPerWeekNeeded: number | null } | null;
  };
  expect(status.target?.date).toBe(target);
  const saidInSettings = await needed.textContent();
  await openPage(page, '#/progress');
  await expect(page.getByTestId('hours-needed')).toHaveText(saidInSettings ?? '');
  await expect(page.getByLabel('Finish by')).toHaveValue(target);

  // Cleared from Settings, it is gone everywhere.
  await openPage(page, '#/settings');
  await page.getByTestId('target-date').getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('target-outlook')).toHaveCount(0);
  const after = (await (await page.request.get('/api/profile')).json()) as ProfileJson;
  expect(after.profile?.targetDate).toBeUndefined();
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});

test('a target date the plan cannot make warns on the progress page, with a catch-up suggestion', async () => {
  const seen = watch(page);
  // Two weeks after the start: no plan of this curriculum finishes by then.
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  const soon = new Date(Date.UTC(y, m - 1, d + 14)).toISOString().slice(0, 10);
  const set = await page.request.put('/api/profile/target-date', { data: { targetDate: soon } });
  expect(set.ok()).toBe(true);
  const status = (await (await page.request.get('/api/status')).json()) as {
    warnings: { kind: string; target?: string }[];
  };
  expect(status.warnings[0]).toMatchObject({ kind: 'behind-target', target: soon });

  // Set through the API, not the page: a fresh load of the app reads it.
  await openPage(page, '#/progress');
  await page.reload({ waitUntil: 'networkidle' });
  const warnings = page.getByTestId('warnings');
  await expect(warnings).toContainText(/Your likely finish \(.+\) is past your target date \(.+\)\./);
  await expect(warnings).toContainText(
    /To catch up: [\d.,]+ h a week from now makes your target date\.|Even 100 h a week would not make it/,
  );
  await warnings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/progress-warning-en.png` });

  await page.request.put('/api/profile/target-date', { data: { targetDate: null } });
  await page.reload({ waitUntil: 'networkidle' });
  await expect(page.getByTestId('target-outlook')).toHaveCount(0);
  await expect(page.getByText(/past your target date/)).toHaveCount(0);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});

test('study logged without an item that no tick accounts for is said on the progress page, with what to tick', async () => {
  const seen = watch(page);
  const warningKinds = async () =>
    ((await (await page.request.get('/api/status')).json()) as { warnings: { kind: string }[] }).warnings.map(
      (w) => w.kind,
    );
  const before = await warningKinds();
  // Study logged day by day until it is more than the task at hand (a day holds 24 h at most), looked
  // at, then undone: the other pages' learner is left as found.
  let entries = 0;
  let ticked = false;
  const today = new Date();
  for (let back = 1; back <= 20 && !(await warningKinds()).includes('unticked'); back++) {
    const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - back));
    const logged = await page.request.post('/api/progress/events', {
      data: { type: 'hours', hours: 20, date: day.toISOString().slice(0, 10) },
    });
    if (logged.ok()) entries++;
  }
  try {
    const status = (await (await page.request.get('/api/status')).json()) as {
      warnings: { kind: string; hours?: number; underWay?: number; next?: string | null }[];
    };
    const unticked = status.warnings.find((w) => w.kind === 'unticked');
    expect(unticked?.hours).toBeGreaterThanOrEqual(20);
    expect(unticked?.underWay).toBeGreaterThan(0);
    // Logged through the API, not the page: a fresh load of the app reads it.
    await openPage(page, '#/progress');
    await page.reload({ waitUntil: 'networkidle' });
    const warnings = page.getByTestId('warnings');
    await expect(warnings).toContainText(
      /[\d,.]+ h of study logged without an item is not matched by a tick yet(: at least what the task at hand has left by its estimate\. The plan counts it as work under way\.|\. The plan counts [\d.,]+ h of it as work under way, and none of the rest until you tick what it finished\.)/,
    );
    await expect(warnings).toContainText(/Finished .+, or more\? Tick all you finished/);
    await warnings.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/progress-unticked-en.png` });
    // The same on the This week page, and in Chinese.
    await openPage(page, '#/today');
    await page.locator('#language').selectOption('zh-CN');
    await expect(page.getByTestId('warnings')).toContainText(/有 [\d,.]+ 小时未注明内容的学习还没有对应的完成标记/);
    await expect(page.getByTestId('warnings')).toContainText('或更多内容吗？把学完的都标记为完成');
    await page.getByTestId('warnings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/today-unticked-zh.png` });
    // The warning's own tick: the task at hand is done, through the same step as the week's boxes.
    const next = unticked?.next ?? '';
    await page
      .getByTestId('warnings')
      .getByRole('button', { name: /标记为完成/ })
      .click();
    ticked = true;
    // The confirmation stays in sight when the warning goes with the tick.
    await expect(page.getByTestId('warning-tick-status')).toContainText('已完成：');
    await expect
      .poll(async () => {
        const items = ((await (await page.request.get('/api/progress')).json()) as { items: Record<string, string> })
          .items;
        return items[next];
      })
      .toBe('done');
    const after = (await (await page.request.get('/api/status')).json()) as {
      warnings: { kind: string; next?: string | null }[];
    };
    // Either the study left is less than the next task, or the warning has moved on to it.
    expect(after.warnings.find((w) => w.kind === 'unticked')?.next ?? null).not.toBe(next);
  } finally {
    await page.locator('#language').selectOption('en');
    for (let i = 0; i < entries + (ticked ? 1 : 0); i++)
      expect((await page.request.post('/api/progress/undo')).ok()).toBe(true);
  }
  expect(await warningKinds()).toEqual(before);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});
