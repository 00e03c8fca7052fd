/**
 * This week after a tick: when the re-made plan leaves nothing more in the week (its study time is
 * used up), the page says the week is done at once, as a reload would, and offers no task the plan
 * has moved on. Against a server of its own over a fresh data directory (its profile starts this
 * week and its hours fill the week, which the other browser tests must not see).
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openPage, requireChromium, startServer, stopServer, watch } from './support.js';
import type { Server } from './support.js';

const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

requireChromium();
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

interface TodayJson {
  today: string;
  week: { start: string; budgetHours: number; loggedHours: number; tasks: unknown[] } | null;
}

let server: Server | undefined;
let page: Page;

test.beforeAll(async ({ browser }) => {
  server = await startServer('week');
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('mlpath.locale', 'en'));
});
test.afterAll(async () => {
  await page?.context().close();
  if (server) await stopServer(server);
});

const readToday = async (): Promise<TodayJson> => (await (await page.request.get('/api/today')).json()) as TodayJson;

/** The Monday of the week of `day` (YYYY-MM-DD). */
function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

test('ticking a task after the week’s hours are all logged shows the week done without a reload', async () => {
  const seen = watch(page);
  const { today } = await readToday();
  // This week studied from its Monday, 12 hours a week: several tasks.
  const saved = await page.request.put('/api/profile', {
    data: { startingPoint: 'developer', hoursPerWeek: 12, startDate: mondayOf(today) },
  });
  expect(saved.ok()).toBe(true);
  const before = await readToday();
  expect(before.week?.tasks.length).toBeGreaterThanOrEqual(2);

  await openPage(page, '#/today');
  const rows = page.getByTestId('week-tasks').getByRole('listitem');
  await expect(page.getByTestId('start-next')).toBeVisible();
  const open = await rows
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => !(box as HTMLInputElement).checked));
  expect(open.filter(Boolean).length).toBeGreaterThanOrEqual(2);

  // The rest of the week's hours are logged elsewhere (the CLI, another tab): this page has not read them.
  const hours = (before.week?.budgetHours ?? 0) - (before.week?.loggedHours ?? 0);
  expect(hours).toBe(12);
  expect((await page.request.post('/api/progress/events', { data: { type: 'hours', hours } })).ok()).toBe(true);

  const box = rows.nth(open.indexOf(true)).getByRole('checkbox');
  await box.click();
  await expect(box).toBeChecked();
  expect((await readToday()).week?.tasks).toEqual([]);
  // The page follows the re-made plan: the week is done, no task of it is offered as next.
  await expect(page.getByTestId('week-done')).toBeVisible();
  // Not every task of the week was ticked: the hours are spent and the rest moves on, as it says.
  await expect(page.getByTestId('week-done-hint')).toHaveText(
    "This week's hours are all logged; the rest of the plan moves on to next week. Enjoy the rest, or look ahead in your plan.",
  );
  await expect(page.getByTestId('start-next')).toHaveCount(0);
  await expect(rows.getByRole('checkbox', { checked: false })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/today-week-done-after-tick.png`, fullPage: true });

  // A reload shows the same week.
  await page.reload();
  await expect(page.getByTestId('week-done')).toBeVisible();
  await expect(page.getByTestId('start-next')).toHaveCount(0);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});
