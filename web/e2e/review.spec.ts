/**
 * Placement in onboarding and a spaced-review session, in the browser, against a server of its own
 * (`mlpath serve` in local mode over a fresh data directory, so it starts without a profile whatever
 * ran before). Placement: on the step "What you know" the learner takes the self-check, checks one
 * area, skips another, stops, confirms the summary, and the skills shown known are saved as known.
 * Review: with a skill done, the Review page shows one card at a time; Space shows the answer, keys
 * 1-4 and the buttons rate; a rating made while the server is away is kept and sent later; This week
 * shows the review minutes reserved. Both languages; axe finds no serious or critical violation.
 * Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPage, requireChromium, startServer, stopServer, watch } from './support.js';
import type { Server } from './support.js';

requireChromium();
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

let server: Server | undefined;
let page: Page;
test.beforeAll(async ({ browser }) => {
  server = await startServer('review');
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
});
test.afterAll(async () => {
  await page?.context().close();
  if (server) await stopServer(server);
});

async function axe(): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

interface Skill {
  id: string;
  title: { en: string; 'zh-CN'?: string };
}

test('placement in onboarding: a self-check per area, a summary to confirm, the skills shown known saved as known', async () => {
  const seen = watch(page);
  await page.goto('/#/onboarding');
  const stepHeading = page.getByTestId('step-heading');
  await expect(stepHeading).toHaveText('Step 1 of 4: Where you start');
  await page.getByRole('radio', { name: /From scratch/ }).check();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click();
  await expect(stepHeading).toHaveText('Step 4 of 4: What you know');

  // The step offers the check above the list of skills to tick by hand.
  const offer = page.getByTestId('placement-offer');
  await expect(offer).toContainText('Check what you already know');
  await page.screenshot({ path: `${SCREENSHOTS}/placement-offer-en.png` });
  await offer.getByRole('button', { name: 'Start the check' }).click();
  await expect(page).toHaveURL(/step=check$/);

  // Area 1 (software): checked; the first answer known, the second partly, the rest of the area skipped.
  const area = page.getByTestId('placement-area');
  await expect(area).toContainText('Area 1 of');
  await expect(area.getByRole('heading')).toHaveText(/^Software: \d+ questions$/);
  await page.screenshot({ path: `${SCREENSHOTS}/placement-area-en.png` });
  await area.getByRole('button', { name: 'Check this area' }).click();
  const question = page.getByTestId('placement-question');
  await expect(question).toContainText(/Software · question 1 of \d+ · /);
  await expect(question.getByRole('heading')).toBeFocused();
  await expect(page.getByTestId('placement-answer')).toHaveCount(0);
  await question.getByRole('button', { name: 'Show the model answer' }).click();
  await expect(page.getByTestId('placement-answer')).not.toBeEmpty();
  await page.screenshot({ path: `${SCREENSHOTS}/placement-question-en.png` });
  const firstSkill = (await question.locator('p').first().textContent())?.match(/· ([^·]+)$/)?.[1];
  await question.getByRole('button', { name: 'I knew it' }).click();
  await expect(question).toContainText(/question 2 of/);
  await question.getByRole('button', { name: 'Show the model answer' }).click();
  await question.getByRole('button', { name: 'Partly' }).click();
  await expect(question).toContainText(/question 3 of/);
  await question.getByRole('button', { name: 'Skip the rest of this area' }).click();

  // Area 2: skipped. Area 3: one question known, then the check stopped. The same in Chinese.
  await expect(area).toContainText('Area 2 of');
  await area.getByRole('button', { name: 'Skip this area' }).click();
  await expect(area).toContainText('Area 3 of');
  await page.getByLabel('Page language', { exact: true }).first().selectOption('zh-CN');
  await expect(area).toContainText('第 3/');
  await area.getByRole('button', { name: '检测这个领域' }).click();
  await question.getByRole('button', { name: '显示参考答案' }).click();
  await expect(page.getByTestId('placement-answer')).toHaveText(/[\u4e00-\u9fff]/);
  await page.screenshot({ path: `${SCREENSHOTS}/placement-question-zh-CN.png` });
  await question.getByRole('button', { name: '我会' }).click();
  await question.getByRole('button', { name: '结束自测' }).click();

  // The summary lists the two skills shown known, to confirm.
  const summary = page.getByTestId('placement-summary');
  await expect(summary).toContainText('你表明已掌握 2 项技能');
  await page.screenshot({ path: `${SCREENSHOTS}/placement-summary-zh-CN.png` });
  await page.getByLabel('页面语言', { exact: true }).first().selectOption('en');
  await expect(summary).toContainText('You showed you know 2 skills.');
  const placedTitles = await page.getByTestId('placed-skills').getByRole('listitem').allTextContents();
  expect(placedTitles).toHaveLength(2);
  expect(placedTitles[0]).toBe(firstSkill?.trim());
  expect(seen.consoleErrors).toEqual([]);
  expect(await axe()).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/placement-summary-en.png` });
  await summary.getByRole('button', { name: 'Mark known and show my plan' }).click();

  // The preview plans without them; saving keeps them as known.
  await expect(page.getByRole('heading', { level: 1, name: 'Your recommended plan' })).toBeVisible();
  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(page).toHaveURL(/#\/today$/);
  const profile = (await (await page.request.get('/api/profile')).json()).profile as { known: string[] };
  const skills = ((await (await page.request.get('/api/curriculum')).json()) as { skills: Skill[] }).skills;
  expect(profile.known.map((id) => skills.find((s) => s.id === id)?.title.en)).toEqual(placedTitles);
  const hours = async (known: string[]) =>
    (
      (await (
        await page.request.post('/api/plan/preview', { data: { startingPoint: 'from-scratch', known } })
      ).json()) as { plan: { totalHours: number } }
    ).plan.totalHours;
  expect(await hours(profile.known)).toBeLessThan(await hours([]));
  expect(seen.failedRequests).toEqual([]);
});

test('one review session: Space reveals, 1-4 and the buttons rate, offline ratings are kept, in both languages', async () => {
  const seen = watch(page);
  // Nothing done yet: the empty state says how cards come.
  await page.goto('/#/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await expect(page.getByTestId('review-empty')).toContainText('No cards yet');
  await page.screenshot({ path: `${SCREENSHOTS}/review-empty-en.png` });

  const done = await page.request.post('/api/progress/events', { data: { type: 'done', item: 'sql-databases' } });
  expect(done.ok()).toBe(true);
  const queue = (await (await page.request.get('/api/review')).json()) as { due: { card: { key: string } }[] };
  const total = queue.due.length;
  expect(total).toBeGreaterThanOrEqual(3);

  // This week reserves the review minutes and leads to the Review page.
  // (Marked through the API, not the page: a fresh load of the app reads it.)
  await page.goto('/?fresh#/today');
  const reserved = page.getByTestId('week-review');
  await expect(reserved).toContainText(
    /Review: \d+ min reserved for review this week, taken from its study hours \(\d+ reviews expected/,
  );
  await page.screenshot({ path: `${SCREENSHOTS}/review-this-week-en.png` });
  // The plan's week says the same minutes, taken off its study hours.
  const minutes = /Review: (\d+) min/.exec((await reserved.textContent()) ?? '')?.[1];
  await openPage(page, '#/plan');
  await expect(page.getByTestId('week-review-reserved').first()).toHaveText(`${minutes} min reserved for review`);
  await page.getByTestId('week-review-reserved').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/review-plan-week-en.png` });
  await page.goto('/?fresh#/today');
  await page.getByTestId('week-review').getByRole('link', { name: 'Review now' }).click();

  await expect(page.getByTestId('due-count')).toHaveText(`${total} cards due now`);
  await expect(page.getByText(`Card 1 of ${total}`)).toBeVisible();
  await expect(page.getByTestId('review-answer')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/review-question-en.png` });
  // Space shows the answer; 3 rates it good.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('review-answer')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: /Good/ })).toBeVisible();
  expect(await axe()).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/review-answer-en.png` });
  await page.keyboard.press('3');
  await expect(page.getByRole('status').filter({ hasText: 'Rated Good.' })).toBeVisible();
  await expect(page.getByText(`Card 2 of ${total}`)).toBeVisible();
  await expect(page.getByTestId('due-count')).toHaveText(`${total - 1} cards due now`);
  // A key before the answer is shown rates nothing.
  await page.keyboard.press('4');
  await expect(page.getByText(`Card 2 of ${total}`)).toBeVisible();

  // The buttons do the same, in Chinese.
  await page.getByLabel('Page language', { exact: true }).first().selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '复习' })).toBeVisible();
  await expect(page.getByTestId('due-count')).toHaveText(`现在有 ${total - 1} 张卡片到期`);
  await expect(page.getByTestId('review-question')).toHaveText(/[\u4e00-\u9fff]/);
  await page.getByRole('button', { name: /显示答案/ }).click();
  await expect(page.getByTestId('review-answer')).toHaveText(/[\u4e00-\u9fff]/);
  await page.screenshot({ path: `${SCREENSHOTS}/review-answer-zh-CN.png` });
  await page.getByRole('button', { name: /轻松/ }).click();
  await expect(page.getByText(`第 3/${total} 张`)).toBeVisible();
  await page.getByLabel('页面语言', { exact: true }).first().selectOption('en');

  // The server away: the rating is kept on this device, then sent.
  await page.route('**/api/review/ratings', (route) => route.abort('internetdisconnected'));
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(page.getByRole('status').filter({ hasText: 'Rated Again. Kept on this device' })).toBeVisible();
  await expect(page.getByText('1 change is kept on this device')).toBeVisible();
  await page.unroute('**/api/review/ratings');
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByText('1 change is kept on this device')).toHaveCount(0);

  // The rest of the session, by keys.
  for (let n = 4; n <= total; n++) {
    await expect(page.getByText(`Card ${n} of ${total}`)).toBeVisible();
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
  }
  await expect(page.getByTestId('review-finished')).toHaveText(`Well done: ${total} cards reviewed.`);
  await expect(page.getByTestId('review-empty')).toContainText('Nothing to review now.');
  await expect(page.getByTestId('review-empty')).toContainText(/The next card is due in \d+ minutes?\./);
  await page.screenshot({ path: `${SCREENSHOTS}/review-finished-en.png` });

  // Every rating is in the log once, in the order given.
  const events = (
    (await (await page.request.get('/api/progress/events?limit=1000')).json()) as {
      events: { type: string; text?: string }[];
    }
  ).events;
  expect(events.filter((e) => e.type === 'reviewed').map((e) => e.text)).toEqual([
    'good',
    'easy',
    'again',
    ...Array.from({ length: total - 3 }, () => 'good'),
  ]);
  expect(seen.consoleErrors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  expect(seen.failedRequests.filter((r) => !r.includes('/api/review/ratings'))).toEqual([]);
});
