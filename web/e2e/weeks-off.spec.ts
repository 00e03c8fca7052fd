/**
 * Time off too long or ending before it starts is refused in Settings beside its own dates, in the
 * page's language: both date fields are marked invalid and point to the message next to them,
 * nothing is sent, and the dates once put right are saved. Saving the form keeps the settings it does
 * not show (chosen with the command line). Against a server of its own, so the
 * profile it saves is nobody else's.
 */
import { expect, test, type Page } from '@playwright/test';
import { openPage, requireChromium, startServer, stopServer, watch } from './support.js';
import type { Server } from './support.js';

requireChromium();
test.describe.configure({ mode: 'serial' });

let server: Server | undefined;
let page: Page;

test.beforeAll(async ({ browser }) => {
  server = await startServer('weeks-off', { MLPATH_NOW: '2026-12-01T09:00:00Z' });
  const context = await browser.newContext({ baseURL: server.url, locale: 'en-US' });
  page = await context.newPage();
  await page.addInitScript(() => {
    if (!localStorage.getItem('mlpath.locale')) localStorage.setItem('mlpath.locale', 'en');
  });
  const saved = await page.request.put('/api/profile', {
    data: { startingPoint: 'developer', hoursPerWeek: 10, startDate: '2026-12-01', locale: 'en' },
  });
  expect(saved.ok()).toBe(true);
});
test.afterAll(async () => {
  await page.context().close();
  if (server) await stopServer(server);
});

test('a stretch of time off too long is marked on its dates, worded for a person, and not sent', async () => {
  const seen = watch(page);
  await openPage(page, '#/settings');
  await page.getByRole('button', { name: 'Add time off' }).click();
  const from = page.getByLabel('From', { exact: true });
  const to = page.getByLabel('To', { exact: true });
  await from.fill('2027-01-01');
  await to.fill('2028-06-30');

  const message = page.getByRole('alert').filter({ hasText: 'This time off is 547 days long' });
  await expect(message).toHaveText(
    'This time off is 547 days long; one stretch can be at most 366 days. Check the year, or add the rest as another stretch of time off.',
  );
  const messageId = await message.getAttribute('id');
  expect(messageId).toBeTruthy();
  for (const field of [from, to]) {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', messageId ?? '');
  }

  // Saving sends nothing and takes the learner to the first date to put right.
  const puts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && new URL(request.url()).pathname === '/api/profile') puts.push(request.url());
  });
  await page.getByRole('button', { name: 'Save and re-plan' }).click();
  await expect(from).toBeFocused();
  expect(puts).toEqual([]);
  await expect(page.getByText('invalid profile')).toHaveCount(0);

  // In Chinese, in Chinese.
  await page.getByLabel('Language of the pages').selectOption('zh-CN');
  await expect(page.getByRole('alert').filter({ hasText: '这段休息共 547 天' })).toHaveText(
    '这段休息共 547 天；一段休息最多 366 天。请检查年份，或把其余的日子另加为一段休息。',
  );
  await page.getByLabel('页面使用的语言').selectOption('en');

  // An end before the start is told too.
  await to.fill('2026-12-20');
  await expect(page.getByRole('alert').filter({ hasText: 'ends before it starts' })).toBeVisible();
  await expect(to).toHaveAttribute('aria-invalid', 'true');

  // Put right, the marks go and the time off is saved.
  await to.fill('2027-01-14');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(from).toHaveAttribute('aria-invalid', 'false');
  await expect(from).not.toHaveAttribute('aria-describedby');
  await page.getByRole('button', { name: 'Save and re-plan' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  const stored = (await (await page.request.get('/api/profile')).json()) as {
    profile: { weeksOff: { start: string; end: string }[] };
  };
  expect(stored.profile.weeksOff).toEqual([{ start: '2027-01-01', end: '2027-01-14' }]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});

test('saving the profile in Settings keeps what the form does not edit: route, role, factor, resource choices, market-ready', async () => {
  const seen = watch(page);
  const chosen = {
    route: 'university',
    target: 'mlops-engineer',
    effortFactor: 1.3,
    choices: { pin: [], exclude: ['cs50x'], swap: [], own: [] },
    marketReady: true,
  };
  const put = await page.request.put('/api/profile', {
    data: { startingPoint: 'developer', hoursPerWeek: 10, startDate: '2026-12-01', locale: 'en', ...chosen },
  });
  expect(put.ok()).toBe(true);
  await openPage(page, '#/settings');
  // Chosen elsewhere (the command line): the page reads the profile again.
  await page.reload();
  await page.getByLabel('Hours per week').fill('12');
  await page.getByRole('button', { name: 'Save and re-plan' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  const stored = (await (await page.request.get('/api/profile')).json()) as { profile: Record<string, unknown> };
  expect(stored.profile).toMatchObject({ hoursPerWeek: 12, ...chosen });
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});
