/**
 * Honest failures, in both languages: a tick made while the server cannot be reached is kept on
 * the device, shown as made, and sent once when the connection is back; a page whose code cannot
 * be loaded shows an error with a retry instead of a blank app; and once visited, the app and the
 * last plan open with no connection at all (the service worker).
 */
import { expect, test, type Page } from '@playwright/test';
import { openPage, requireChromium } from './support.js';

requireChromium();
test.describe.configure({ mode: 'serial' });

const WORDS = {
  en: {
    kept: /^1 change is kept on this device/,
    unreachable: 'The server cannot be reached',
    undoLast: 'Undo the last entry',
    broken: 'This page could not be shown',
    retry: 'Try again',
    plan: 'Your plan',
    navPlan: 'Plan',
  },
  'zh-CN': {
    kept: /^有 1 项更改保存在本设备上/,
    unreachable: '无法连接服务器',
    undoLast: '撤销上一条记录',
    broken: '无法显示此页面',
    retry: '重试',
    plan: '你的计划',
    navPlan: '计划',
  },
} as const;

test.beforeAll(async ({ request }) => {
  const { profile } = await (await request.get('/api/profile')).json();
  if (!profile) {
    const { startingPoints } = await (await request.get('/api/curriculum')).json();
    const saved = await request.put('/api/profile', {
      data: { startingPoint: startingPoints[0].id, hoursPerWeek: 10 },
    });
    expect(saved.ok()).toBe(true);
  }
});

async function useLanguage(page: Page, language: string): Promise<void> {
  await page.addInitScript((lang) => localStorage.setItem('mlpath.locale', lang), language);
}

interface EventJson {
  id: string;
  type: string;
  item?: string;
}
async function events(page: Page): Promise<EventJson[]> {
  // The log a page at a time: these tests record far fewer than a page of 1,000 events.
  return ((await (await page.request.get('/api/progress/events?limit=1000')).json()) as { events: EventJson[] }).events;
}

for (const language of ['en', 'zh-CN'] as const) {
  const words = WORDS[language];

  test.describe(language, () => {
    // The outbox and the error boundary are the app's own; the service worker is tested on its own below.
    test.use({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });

    test(`a tick made offline is kept, shown, and sent once on reconnect (${language})`, async ({ page, context }) => {
      await useLanguage(page, language);
      await openPage(page, '#/today');
      const boxes = page.getByTestId('week-tasks').getByRole('checkbox');
      const open = await boxes.evaluateAll((all) => all.map((box) => !(box as HTMLInputElement).checked));
      const index = open.indexOf(true);
      test.skip(index < 0, 'every task of this week is already done in this data directory');
      const box = boxes.nth(index);
      const before = (await events(page)).length;

      await context.setOffline(true);
      await box.click();
      await expect(box).toBeChecked();
      await expect(page.getByRole('status').filter({ hasText: words.kept })).toBeVisible();
      expect(await events(page)).toHaveLength(before);
      // A write that cannot wait (undo needs the server's log) says the server cannot be reached.
      await page.getByRole('button', { name: words.undoLast }).click();
      await expect(page.getByRole('alert')).toContainText(words.unreachable);

      await context.setOffline(false);
      await expect(page.getByRole('status').filter({ hasText: words.kept })).toHaveCount(0);
      // Sent once: one new tick (with the planned hours it logs), under the id made on the device.
      const fresh = (await events(page)).slice(before);
      const ticks = fresh.filter((e) => e.type === 'done');
      expect(ticks).toHaveLength(1);
      expect(fresh.filter((e) => e.type !== 'done' && e.type !== 'hours')).toEqual([]);
      expect(ticks[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await expect(box).toBeChecked();
      await page.reload();
      await expect(page.getByTestId('week-tasks').getByRole('checkbox').nth(index)).toBeChecked();
      // Take the tick back (with its hours), so the other language's run finds the same week to tick in.
      expect((await page.request.post('/api/progress/undo', { data: {} })).status()).toBe(200);
    });

    test(`a page whose code cannot load shows an error with a retry that works (${language})`, async ({ page }) => {
      await useLanguage(page, language);
      await openPage(page, '#/today');
      await page.route(/\/assets\/PlanPage-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
      await page.getByRole('navigation').getByRole('link', { name: words.navPlan, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: words.broken })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText(words.unreachable);
      // The shell still works around it.
      await expect(page.getByRole('navigation')).toBeVisible();
      await page.unroute(/\/assets\/PlanPage-[^/]*\.js$/);
      await page.getByRole('button', { name: words.retry }).click();
      await expect(page.getByRole('heading', { level: 1, name: words.plan })).toBeVisible();
    });
  });
}

test('once visited, the app and the last plan open with no connection (service worker)', async ({ page, context }) => {
  await useLanguage(page, 'en');
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Controlled from the next load on: the plan read then is kept.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await openPage(page, '#/plan');
  const finish = await page.getByTestId('plan-finish').textContent();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your plan' })).toBeVisible();
  // Really offline: what was never read cannot be had.
  const health = await page.evaluate(() =>
    fetch('/api/health').then(
      () => 'reached',
      () => 'unreachable',
    ),
  );
  expect(health).toBe('unreachable');
  await expect(page.getByTestId('plan-finish')).toHaveText(finish ?? '');
  await context.setOffline(false);
});
