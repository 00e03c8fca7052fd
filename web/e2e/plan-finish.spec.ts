/**
 * The Plan page's finish, told as the other faces tell it: the forecast at the learner's pace, the
 * first plan's date apart and as what it is (never as one end of a range), the finish range only
 * once the status has one (in the Progress page's words), and the pace by the one rule the CLI's
 * status uses (core/pace). Against servers of its own over fresh data directories: a profile starts
 * in the past and its hours go back weeks, which the other browser tests must not see.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PACE_NOISE_PERCENT, readPace } from '../../src/core/pace.js';
import { openPage, requireChromium, startServer, stopServer, watch } from './support.js';
import type { Server } from './support.js';

const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

requireChromium();
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

interface PlanJson {
  plan: { skills: string[]; finishDate: string };
  forecast: { finishDate: string; originalFinishDate: string; pace: number };
}
interface StatusJson {
  forecast: { finishDate: string; p10: string | null; p90: string | null; range: { weeks: number } };
}

let server: Server | undefined;
let page: Page;

// A server for each test: the first plan (the baseline every forecast and range is read against)
// is kept when a profile is saved again, so a test with another start needs a fresh data directory.
test.beforeEach(async ({ browser }) => {
  server = await startServer('plan-finish');
  const context = await browser.newContext({ baseURL: server.url, locale: 'en-US' });
  page = await context.newPage();
});
test.afterEach(async () => {
  await page?.context().close();
  if (server) await stopServer(server);
  server = undefined;
});

const read = async <T>(path: string): Promise<T> => (await (await page.request.get(path)).json()) as T;
const useLanguage = (language: 'en' | 'zh-CN') =>
  page.evaluate((lang) => localStorage.setItem('mlpath.locale', lang), language);

/** The Monday `weeks` weeks before the week of `day` (YYYY-MM-DD). */
function mondayBefore(day: string, weeks: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) - 7 * weeks);
  return date.toISOString().slice(0, 10);
}

/** What the Plan page should say of a pace, by the shared rule. */
function paceWords(pace: number, language: 'en' | 'zh-CN'): string {
  const reading = readPace(pace);
  const percent = `${reading.kind === 'even' ? PACE_NOISE_PERCENT : reading.percent}%`;
  if (language === 'en')
    return reading.kind === 'even'
      ? `So far you work as fast as estimated (within ${percent}).`
      : `So far you need ${percent} ${reading.kind === 'slower' ? 'more' : 'less'} time than estimated.`;
  return reading.kind === 'even'
    ? `目前你的速度与预估一致（相差不到 ${percent}）。`
    : `目前你比预估${reading.kind === 'slower' ? '多' : '少'}用 ${percent} 的时间。`;
}

test('with no finish range yet, the Plan page gives the forecast and the first plan’s date apart, never as a range', async () => {
  const seen = watch(page);
  const { today } = await read<{ today: string }>('/api/today');
  const saved = await page.request.put('/api/profile', {
    data: { startingPoint: 'developer', hoursPerWeek: 10, startDate: mondayBefore(today, 0) },
  });
  expect(saved.ok()).toBe(true);
  // Three skills done at once: the forecast moves from the first plan's date.
  const { plan } = await read<PlanJson>('/api/plan');
  for (const item of plan.skills.slice(0, 3)) {
    expect((await page.request.post('/api/progress/events', { data: { type: 'done', item } })).ok()).toBe(true);
  }
  const { forecast } = await read<PlanJson>('/api/plan');
  expect(forecast.originalFinishDate).not.toBe(forecast.finishDate);
  const status = await read<StatusJson>('/api/status');
  expect(status.forecast.p10).toBeNull();
  expect(status.forecast.finishDate).toBe(forecast.finishDate);

  for (const language of ['en', 'zh-CN'] as const) {
    await openPage(page, '#/plan');
    await useLanguage(language);
    await page.reload({ waitUntil: 'networkidle' });
    const finish = page.getByTestId('timeline-finish');
    const long = (day: string) =>
      new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      );
    await expect(finish.locator('p').first()).toHaveText(
      language === 'en'
        ? `At your pace so far and 10 hours a week from now on, you finish on ${long(forecast.finishDate)}.`
        : `按目前的节奏，此后每周学习 10 小时，你将在 ${long(forecast.finishDate)} 完成。`,
    );
    await expect(page.getByTestId('plan-finish')).toHaveText(long(forecast.finishDate));
    await expect(page.getByTestId('timeline-first-plan')).toHaveText(
      language === 'en'
        ? `Your first plan had you finish on ${long(forecast.originalFinishDate)}.`
        : `你最初的计划是在 ${long(forecast.originalFinishDate)} 完成。`,
    );
    // No range where the status has none: neither the old "between" nor the range's sentence.
    await expect(finish).not.toContainText(language === 'en' ? /between/i : /之间/);
    await expect(finish.getByTestId('range-dates')).toHaveCount(0);
    await expect(page.getByTestId('plan-pace')).toHaveText(paceWords(forecast.pace, language));
    await page.getByTestId('plan-timeline').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/plan-finish-no-range-${language}.png` });
  }
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});

test('with weeks of study behind it, the Plan page shows the finish range in the Progress page’s words', async () => {
  const seen = watch(page);
  const { today } = await read<{ today: string }>('/api/today');
  const start = mondayBefore(today, 6);
  const saved = await page.request.put('/api/profile', {
    data: { startingPoint: 'developer', hoursPerWeek: 10, startDate: start },
  });
  expect(saved.ok()).toBe(true);
  // Hours in each of the six past weeks, unevenly: a history the range can be drawn from.
  for (let week = 0; week < 6; week++) {
    const day = mondayBefore(today, 6 - week);
    const hours = [6, 11, 8, 12, 4, 9][week] ?? 8;
    const logged = await page.request.post('/api/progress/events', { data: { type: 'hours', hours, date: day } });
    expect(logged.ok()).toBe(true);
  }
  const status = await read<StatusJson>('/api/status');
  expect(status.forecast.p10).not.toBeNull();
  expect(status.forecast.p90).not.toBeNull();

  for (const language of ['en', 'zh-CN'] as const) {
    await openPage(page, '#/progress');
    await useLanguage(language);
    await page.reload({ waitUntil: 'networkidle' });
    const onProgress = await page.getByTestId('finish-range').getByTestId('range-dates').textContent();
    expect(onProgress).toMatch(
      language === 'en'
        ? /^If your weeks go on as your last \d+ did \([\d.]+ of [\d.]+ hours a week on average\): likely between .+ and .+; the middle \(p50\) is .+\.$/
        : /^如果每周照最近 \d+ 周那样学习（平均每周 [\d.]+ 小时，计划 [\d.]+ 小时）：可能在 .+ 至 .+ 之间完成/,
    );

    await openPage(page, '#/plan');
    const range = page.getByTestId('timeline-finish').getByTestId('range-dates');
    await expect(range).toHaveText(onProgress ?? '');
    await page.getByTestId('plan-timeline').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/plan-finish-range-${language}.png` });
  }
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
});
