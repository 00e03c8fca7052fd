/**
 * The learner's day is the browser's: at 20:30 UTC on Monday 2027-03-01 a browser in Shanghai is
 * already on Tuesday, one in Los Angeles still on Monday, and the app's This week and the hours it
 * logs follow each. Against a server of its own with its clock pinned (`MLPATH_NOW`).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { requireChromium, startServer, stopServer } from './support.js';
import type { Server } from './support.js';

requireChromium();
test.describe.configure({ mode: 'serial' });

let server: Server | undefined;

test.beforeAll(async () => {
  server = await startServer('time-zone', { MLPATH_NOW: '2027-03-01T20:30:00Z' });
});
test.afterAll(async () => {
  if (server) await stopServer(server);
});

async function pageIn(browser: Browser, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server?.url, locale: 'en-US', timezoneId });
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('mlpath.locale', 'en'));
  return page;
}

/** The day the app's own read of This week was answered for. */
async function todayShown(page: Page): Promise<{ today: string; zone: string | undefined }> {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/today');
  await page.goto('/#/today');
  const response = await answered;
  const { today } = (await response.json()) as { today: string };
  return { today, zone: (await response.request().headerValue('x-time-zone')) ?? undefined };
}

test("This week is the browser's day, and hours logged from it are dated that day", async ({ browser }) => {
  const shanghai = await pageIn(browser, 'Asia/Shanghai');
  const saved = await shanghai.request.put('/api/profile', {
    data: { startingPoint: 'developer', hoursPerWeek: 10, startDate: '2027-02-22' },
  });
  expect(saved.ok()).toBe(true);
  expect(await todayShown(shanghai)).toEqual({ today: '2027-03-02', zone: 'Asia/Shanghai' });

  const losAngeles = await pageIn(browser, 'America/Los_Angeles');
  expect(await todayShown(losAngeles)).toEqual({ today: '2027-03-01', zone: 'America/Los_Angeles' });

  // Logged from the page in Shanghai: dated Tuesday, the learner's day there.
  await shanghai.getByLabel('Hours spent today').fill('1.5');
  await shanghai.getByRole('button', { name: 'Log hours' }).click();
  await expect(shanghai.getByText('Logged 1.5 h.').first()).toBeVisible();
  const events = (await (await shanghai.request.get('/api/progress/events')).json()) as {
    events: { type: string; date?: string }[];
  };
  expect(events.events.filter((e) => e.type === 'hours').map((e) => e.date)).toEqual(['2027-03-02']);
  await shanghai.context().close();
  await losAngeles.context().close();
});
