/**
 * The Jobs page in both languages, driven from the keyboard: unreadable text (empty, 5 MB, another
 * language) is told in the page's language and nothing is kept; a pasted posting is shown with its
 * skills marked, the role, the readiness and the gaps; "add to my plan" keeps it and tells how the finish
 * date moves. axe finds no serious or critical violation; screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { requireChromium, watch } from './support.js';

requireChromium();

const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

const POSTINGS = {
  en: `# Machine Learning Engineer

## Requirements
- 3+ years of Python and SQL
- Train and deploy models with PyTorch; serve them with Docker
- Experience with CI/CD and monitoring models in production

## Nice to have
- Experience with LLM fine-tuning
- Rust is a plus`,
  'zh-CN': `机器学习工程师（大模型方向）
岗位职责：
1. 负责大模型微调与 RAG 应用开发；
2. 负责模型部署与推理优化。
任职要求：
1. 精通 Python，熟悉 PyTorch 和 SQL；
2. 有 Kubernetes、Docker 经验者优先。`,
} as const;

const WORDS = {
  en: {
    label: 'Job posting',
    analyze: 'Analyze',
    add: 'Add to my plan',
    empty: 'The posting is empty.',
    tooLong: 'The posting is too long',
    foreign: 'The posting is in a language other than English or Chinese.',
    role: 'Machine-learning engineer',
    added: 'Added to your target jobs.',
    moved: /Toward your target jobs you would finish on .+ (instead of|the same day)/,
    remove: 'Remove',
  },
  'zh-CN': {
    label: '职位描述',
    analyze: '分析',
    add: '加入我的计划',
    empty: '职位描述是空的。',
    tooLong: '职位描述太长',
    foreign: '职位描述不是英文或中文。',
    role: '机器学习工程师',
    added: '已加入你的目标职位。',
    moved: /面向你的目标职位，你将在 .+ 完成/,
    remove: '删除',
  },
} as const;

const FRENCH =
  'Ingénieur en apprentissage automatique. Nous cherchons une personne pour la conception et le déploiement des modèles avec les équipes de données et de produit.';

async function keptIds(request: APIRequestContext): Promise<string[]> {
  const { jobs } = (await (await request.get('/api/jobs')).json()) as { jobs: { id: string }[] };
  return jobs.map((j) => j.id);
}

test.beforeAll(async ({ request }) => {
  // When this spec runs alone, make a profile through the API (the journey makes one otherwise).
  const { profile } = await (await request.get('/api/profile')).json();
  if (!profile) {
    const saved = await request.put('/api/profile', { data: { startingPoint: 'developer', hoursPerWeek: 10 } });
    expect(saved.ok()).toBe(true);
  }
  for (const id of await keptIds(request)) await request.delete(`/api/jobs/${id}`);
});

/** Put text into the posting field and submit the form from the keyboard (Tab to the button, Enter). */
async function submit(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('type', 'submit');
  await page.keyboard.press('Enter');
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`Jobs (${language}): bad input is told, a posting is read and added to the plan`, async ({ page, request }) => {
    const words = WORDS[language];
    const seen = watch(page);
    await page.addInitScript((lang) => localStorage.setItem('mlpath.locale', lang), language);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/#/jobs');
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', language);

    // Bad input: each told in the page's language, nothing kept.
    await submit(page, words.label, '');
    await expect(page.getByRole('alert')).toContainText(words.empty);
    await submit(page, words.label, FRENCH);
    await expect(page.getByRole('alert')).toContainText(words.foreign);
    await submit(page, words.label, 'Machine learning engineer with Python. '.repeat(135_000));
    await expect(page.getByRole('alert')).toContainText(words.tooLong);
    await page.screenshot({ path: `${SCREENSHOTS}/jobs-bad-input-${language}.png` });
    expect(await keptIds(request)).toEqual([]);

    // A posting: marked skills, role, readiness, gaps.
    const posting = POSTINGS[language];
    await submit(page, words.label, posting);
    await expect(page.getByTestId('job-role')).toHaveText(words.role);
    await expect(page.getByRole('alert')).toHaveCount(0);
    const marks = page.getByTestId('job-highlighted').locator('mark');
    expect(await marks.count()).toBeGreaterThan(4);
    await expect(marks.filter({ hasText: 'PyTorch' }).first()).toBeVisible();
    // The marked text is the posting's own, cut at the offsets the analysis gave.
    expect(await page.getByTestId('job-highlighted').innerText()).toBe(posting);
    await expect(page.getByTestId('job-readiness')).toHaveText(/^\d+%$/);
    expect(await page.getByTestId('job-gaps').locator('li').count()).toBeGreaterThan(0);

    // Add to my plan, from the keyboard.
    const add = page.getByRole('button', { name: words.add });
    await add.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('job-added')).toContainText(words.added);
    await expect(page.getByTestId('job-added')).toContainText(words.moved);
    await expect(page.getByTestId('job-kept').locator('li')).toHaveCount(1);
    expect(await keptIds(request)).toHaveLength(1);

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/jobs-${language}.png`, fullPage: true });

    // Remove it again (from the keyboard), leaving the store as it was.
    const remove = page.getByTestId('job-kept').getByRole('button', { name: new RegExp(words.remove) });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('job-kept')).toHaveCount(0);
    expect(await keptIds(request)).toEqual([]);

    // The browser reports the refused requests (400, and 413 for 5 MB) as console errors; nothing else may fail.
    expect(seen.consoleErrors.filter((e) => !/status of 4(00|13)/.test(e))).toEqual([]);
    expect(seen.failedRequests.filter((r) => !/^4(00|13) .*\/api\/jobs\/analyze$/.test(r))).toEqual([]);
  });
}

test('Jobs fits 375 px without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/#/jobs');
  await expect(page.locator('main h1')).toBeVisible();
  await submit(page, WORDS.en.label, POSTINGS.en);
  await expect(page.getByTestId('job-role')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
