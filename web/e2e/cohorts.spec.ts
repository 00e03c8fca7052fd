/**
 * Cohorts in the browser, against a real `mlpath serve --multi-user` on the real PostgreSQL (a
 * schema of this run's own): the Cohorts entry appears in the navigation on the server; Ada creates
 * a cohort; Bob opens the invite link, joins and chooses to share his progress and pace; Ada then sees
 * his numbers, that he is behind the cohort's date and never his note; the owner makes him a mentor;
 * the page in Chinese; leaving. No axe violations on the cohort page. Screenshots in both languages
 * land in test-results/screenshots/.
 */
import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createSchema, dropSchema, startServer, stopServer, type Server } from './multi-user.js';
import { requireChromium, watch } from './support.js';

requireChromium();
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

const SCHEMA = `mlpath_e2e_cohorts_${process.pid}_${randomBytes(4).toString('hex')}`;
const SHOTS = 'test-results/screenshots';
const bobNote = `bob-private-note-${randomBytes(4).toString('hex')}`;

let server: Server | undefined;
let ada: Page;
let bob: Page;

test.beforeAll(async () => {
  await createSchema(SCHEMA);
  server = await startServer(SCHEMA);
});
test.afterAll(async () => {
  await stopServer(server);
  await dropSchema(SCHEMA);
});

/** A browser with a new account signed in and a profile (through the API, as the pages do). */
async function person(browser: Browser, name: string, hoursPerWeek: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const base = server?.url ?? '';
  const headers = { Origin: base, 'Content-Type': 'application/json' };
  const email = `${name.toLowerCase().replace(/\W/g, '-')}-${SCHEMA}@example.org`;
  const signUp = await page.request.post(`${base}/api/auth/sign-up/email`, {
    headers,
    data: { name, email, password: `password-of-${SCHEMA}` },
  });
  expect(signUp.status()).toBe(200);
  const profile = await page.request.put(`${base}/api/profile`, {
    headers,
    data: { startingPoint: 'from-scratch', hoursPerWeek },
  });
  expect(profile.status()).toBe(200);
  return page;
}

test('creating, joining by link, sharing, the behind list, roles and leaving', async ({ browser }) => {
  ada = await person(browser, 'Ada Lovelace', 20);
  bob = await person(browser, 'Bob Chen', 2);
  const base = server?.url ?? '';
  const seen = watch(ada);

  // The navigation has Cohorts on the server.
  await ada.goto(`${base}/#/today`);
  const nav = ada.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Cohorts' }).click();
  await expect(ada.getByRole('heading', { level: 1, name: 'Cohorts' })).toBeVisible();
  await expect(ada.getByText('You are in no cohort yet')).toBeVisible();

  // A target date in the past is refused on its field, in the page's language.
  await ada.getByLabel('Name').fill('Evening ML');
  await ada.getByLabel('Kind').selectOption('bootcamp');
  await ada.getByLabel('Target date').fill('2020-01-01');
  await ada.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(ada.getByRole('alert')).toHaveText('The target date must be a day after today.');
  await expect(ada.getByLabel('Target date')).toBeFocused();
  await expect(ada.getByLabel('Target date')).toHaveAttribute('aria-invalid', 'true');

  const target = new Date(Date.now() + 1000 * 86_400_000).toISOString().slice(0, 10);
  await ada.getByLabel('Target date').fill(target);
  await ada.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(ada.getByRole('heading', { level: 2, name: 'Evening ML' })).toBeFocused();
  await expect(ada.getByText(/bootcamp · target .* · 1 member · you: owner/).first()).toBeVisible();
  const link = (await ada.locator('code', { hasText: '/#/cohorts?join=' }).textContent()) ?? '';
  expect(link).toMatch(/#\/cohorts\?join=[0-9A-Z]{5}-[0-9A-Z]{5}$/);

  // Bob opens the invite link: the code is filled in; joining shares nothing.
  await bob.goto(link);
  const code = link.split('join=')[1] ?? '';
  await expect(bob.getByLabel('Invite code or link')).toHaveValue(code);
  await bob.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(bob.getByRole('heading', { level: 2, name: 'Evening ML' })).toBeVisible();
  await expect(bob.getByRole('checkbox', { name: /My progress/ })).not.toBeChecked();
  const adaRow = bob.getByRole('row', { name: /Ada Lovelace/ });
  await expect(adaRow).toContainText('not shared');
  // A member sees no invite code.
  await expect(bob.getByText('Invite code:')).toHaveCount(0);

  await ada.reload();
  await expect(ada.getByRole('row', { name: /Bob Chen/ })).toContainText('not shared');

  // Bob logs hours and a note, then shares progress and pace.
  const headers = { Origin: base, 'Content-Type': 'application/json' };
  const today = new Date().toISOString().slice(0, 10);
  for (const data of [
    { type: 'hours', hours: 3, date: today },
    { type: 'note', text: bobNote },
  ]) {
    expect((await bob.request.post(`${base}/api/progress/events`, { headers, data })).status()).toBe(200);
  }
  await bob.getByRole('checkbox', { name: /My progress/ }).check();
  await bob.getByRole('checkbox', { name: /My pace/ }).check();
  await bob.getByRole('button', { name: 'Save what I share' }).click();
  await expect(bob.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await ada.reload();
  const bobRow = ada.getByRole('row', { name: /Bob Chen/ });
  await expect(bobRow).toContainText(/skills/);
  await expect(bobRow).toContainText('0.8 h (4-week mean; this week 3 h)');
  await expect(bobRow).toContainText('behind');
  await expect(ada.getByText('Fallen behind the target date: Bob Chen')).toBeVisible();
  await expect(ada.locator('body')).not.toContainText(bobNote);
  const axe = await new AxeBuilder({ page: ada }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await ada.screenshot({ path: `${SHOTS}/cohorts-en-1280.png`, fullPage: true });

  // The owner makes Bob a mentor: he now sees the invite code.
  await ada.getByRole('button', { name: 'Make Bob Chen a mentor' }).click();
  await expect(ada.getByRole('status').filter({ hasText: 'Bob Chen is now mentor.' })).toBeVisible();
  await bob.reload();
  await expect(bob.getByText('Invite code:')).toBeVisible();

  // In Chinese.
  await ada.getByLabel('Page language', { exact: true }).selectOption('zh-CN');
  await expect(ada.getByRole('heading', { level: 1, name: '学习群组' })).toBeVisible();
  await expect(ada.getByText('落后于目标日期：Bob Chen')).toBeVisible();
  // What was just said follows the language too.
  await expect(ada.getByRole('status').filter({ hasText: 'Bob Chen 现在是导师。' })).toBeVisible();
  await expect(ada.getByRole('row', { name: /Ada Lovelace \(创建者，你\)/ })).toBeVisible();
  await expect(ada.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学习群组' })).toBeVisible();
  await ada.screenshot({ path: `${SHOTS}/cohorts-zh-CN-1280.png`, fullPage: true });
  await ada.getByLabel('页面语言', { exact: true }).selectOption('en');

  // Ada leaves: the cohort passes to Bob, the mentor.
  ada.once('dialog', (dialog) => void dialog.accept());
  await ada.getByRole('button', { name: 'Leave the cohort' }).click();
  await expect(ada.getByRole('status').filter({ hasText: 'You left Evening ML.' })).toBeVisible();
  await expect(ada.getByText('You are in no cohort yet')).toBeVisible();
  await bob.reload();
  await expect(bob.getByText(/you: owner/).first()).toBeVisible();
  // The one refusal asked for (the past date) is the only failed request.
  expect(seen.failedRequests).toEqual([expect.stringMatching(/^400 .*\/api\/cohorts$/)]);
  expect(seen.consoleErrors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
});
