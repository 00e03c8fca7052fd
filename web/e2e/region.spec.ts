/**
 * Where the learner studies from: a Chinese-language plan is offered the mainland-China region in
 * settings (never given it silently); accepting it re-plans with reachable resources, and the plan
 * page says what was swapped and which resources are English-only. Screenshots go to
 * test-results/screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { openPage, requireChromium, watch } from './support.js';

requireChromium();
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

const SCREENSHOTS = 'test-results/screenshots';
let page: Page;

interface ProfileJson {
  profile: { startingPoint: string; region?: string; locale: string } | null;
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  // Run alone, the test makes a profile; after the journey it uses the journey's, in English.
  const current = (await (await page.request.get('/api/profile')).json()) as ProfileJson;
  if (current.profile === null || current.profile.locale !== 'en' || current.profile.region !== undefined) {
    const saved = await page.request.put('/api/profile', {
      data: { startingPoint: 'developer', hoursPerWeek: 10, ...current.profile, locale: 'en', region: 'none' },
    });
    expect(saved.ok()).toBe(true);
  }
});
test.afterAll(async () => {
  await page.close();
});

test('settings offer the region to a Chinese-language plan; accepting it re-plans with reachable resources', async () => {
  const seen = watch(page);
  await openPage(page, '#/settings');
  await expect(page.getByTestId('region-suggestion')).toHaveCount(0);
  await page.getByLabel('Language of the plan').selectOption('zh-CN');
  const suggestion = page.getByTestId('region-suggestion');
  await expect(suggestion).toContainText('Studying from mainland China?');
  // Nothing is set until the learner says so.
  await expect(page.getByLabel('Where you study from')).toHaveValue('');
  await suggestion.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/settings-region-offer-en.png` });
  await suggestion.getByRole('button', { name: 'Plan for mainland China' }).click();
  await expect(page.getByLabel('Where you study from')).toHaveValue('cn');
  await expect(page.getByTestId('region-suggestion')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save and re-plan' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');

  const stored = (await (await page.request.get('/api/profile')).json()) as ProfileJson;
  expect(stored.profile?.region).toBe('cn');

  await openPage(page, '#/plan');
  const reach = page.getByTestId('plan-reach');
  await expect(reach.getByRole('heading')).toHaveText('Studying from mainland China');
  // The swaps are explained in the page's language, naming the host out of reach, and the plan (in
  // Chinese now) lists the resources that have no Chinese edition.
  await expect(reach).toContainText('served only from youtube.com');
  await expect(reach).toContainText('In English only (no edition in your language is listed)');
  await reach.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/plan-region-en.png` });
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});

test('declining keeps every resource, and choosing "anywhere" clears the region', async () => {
  await openPage(page, '#/settings');
  await page.getByLabel('Where you study from').selectOption('');
  await expect(page.getByTestId('region-suggestion')).toHaveCount(0);
  await page.getByLabel('Language of the plan').selectOption('en');
  await page.getByRole('button', { name: 'Save and re-plan' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  const stored = (await (await page.request.get('/api/profile')).json()) as ProfileJson;
  expect(stored.profile?.region).toBeUndefined();

  await openPage(page, '#/plan');
  await expect(page.getByTestId('plan-reach')).toHaveCount(0);
});
