/**
 * Every page in both languages (and in dark): an axe-core scan with no serious or critical
 * violations, a screenshot under test-results/screenshots/, and a layout that holds at 375 px.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { axisLabelProblems, openPage, PAGES, requireChromium, watch } from './support.js';

requireChromium();

const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

test.beforeAll(async ({ request }) => {
  // The journey has saved a profile; when this project runs alone, make one through the API.
  const { profile } = await (await request.get('/api/profile')).json();
  if (!profile) {
    const { startingPoints } = await (await request.get('/api/curriculum')).json();
    const saved = await request.put('/api/profile', {
      data: { startingPoint: startingPoints[0].id, hoursPerWeek: 10 },
    });
    expect(saved.ok()).toBe(true);
  }
});

for (const language of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${language} ${theme}`, () => {
      test.use({ viewport: { width: 1280, height: 900 }, colorScheme: theme });
      test.beforeEach(async ({ page }) => {
        await page.addInitScript(
          ([lang, mode]) => {
            localStorage.setItem('mlpath.locale', lang);
            localStorage.setItem('mlpath.theme', mode);
          },
          [language, theme] as const,
        );
      });
      for (const { name, hash } of PAGES) {
        test(`${name} has no serious or critical accessibility violations and is captured`, async ({ page }) => {
          const seen = watch(page);
          await openPage(page, hash);
          await expect(page.locator('html')).toHaveAttribute('lang', language);
          const results = await new AxeBuilder({ page }).analyze();
          const serious = results.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          expect(serious).toEqual([]);
          await page.screenshot({
            path: `${SCREENSHOTS}/${name}-${language}${theme === 'dark' ? '-dark' : ''}.png`,
            fullPage: true,
          });
          expect(seen.consoleErrors).toEqual([]);
          expect(seen.failedRequests).toEqual([]);
        });
      }
    });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`on a phone (${theme})`, () => {
    test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, colorScheme: theme });
    for (const language of ['en', 'zh-CN'] as const) {
      for (const { name, hash } of PAGES) {
        test(`${name} (${language}, ${theme}) fits 375 px without sideways scrolling`, async ({ page }) => {
          await page.addInitScript(
            ([lang, mode]) => {
              localStorage.setItem('mlpath.locale', lang);
              localStorage.setItem('mlpath.theme', mode);
            },
            [language, theme] as const,
          );
          await openPage(page, hash);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          // Every page of the navigation is in sight, none hidden behind a sideways scroll.
          const offscreen = await page.locator('header nav a').evaluateAll((links) =>
            links
              .filter((link) => {
                const r = link.getBoundingClientRect();
                return r.left < 0 || r.right > window.innerWidth;
              })
              .map((link) => link.textContent),
          );
          expect(offscreen).toEqual([]);
          // Form fields keep room for what they show (a select squeezed to "Gen" for "General study").
          const squeezed = await page
            .locator('main select:visible, main input[type="text"]:visible, main input[type="number"]:visible')
            .evaluateAll((fields) =>
              fields
                .filter((field) => field.getBoundingClientRect().width < 96)
                .map((field) => field.outerHTML.slice(0, 80)),
            );
          expect(squeezed).toEqual([]);
          await page.screenshot({
            path: `${SCREENSHOTS}/${name}-${language}${theme === 'dark' ? '-dark' : ''}-375.png`,
            fullPage: true,
          });
        });
      }
    }
  });
}

test.describe('progress charts', () => {
  test.beforeAll(async ({ request }) => {
    // The hours chart needs hours logged; the journey logs some, but this project may run alone.
    const { stats } = await (await request.get('/api/progress')).json();
    if (stats.hoursByWeek.length === 0) {
      const logged = await request.post('/api/progress/events', { data: { type: 'hours', hours: 1.5 } });
      expect(logged.ok()).toBe(true);
    }
  });
  for (const language of ['en', 'zh-CN'] as const) {
    for (const width of [1280, 375]) {
      test(`axis labels are whole, inside the chart and never repeated (${language}, ${width} px)`, async ({
        browser,
      }) => {
        const context = await browser.newContext({
          viewport: { width, height: 900 },
          ...(width < 500 ? { isMobile: true, hasTouch: true } : {}),
        });
        const page = await context.newPage();
        await page.addInitScript((lang) => localStorage.setItem('mlpath.locale', lang), language);
        await openPage(page, '#/progress');
        await page.locator('[data-testid="hours-chart"] .recharts-bar-rectangle').first().waitFor();
        expect(await axisLabelProblems(page, 'burnup-chart')).toEqual([]);
        expect(await axisLabelProblems(page, 'hours-chart')).toEqual([]);
        // Hours on the Y axes are whole numbers, grouped per locale ("2,800"), never rounded fractions.
        const yLabels = await page
          .locator('.recharts-yAxis-tick-labels text.recharts-cartesian-axis-tick-value')
          .evaluateAll((labels) => labels.map((label) => label.textContent?.trim() ?? ''));
        for (const label of yLabels) expect(label).toMatch(/^\d{1,3}(,\d{3})*$/);
        await context.close();
      });
    }
  }
});

test('the roadmap opens with a skill of this week in view, with this week’s skills as a way in', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { week } = (await (await page.request.get('/api/today')).json()) as {
    week: { off: boolean; tasks: { skills: string[] }[] } | null;
  };
  const { skills: statuses } = (await (await page.request.get('/api/progress')).json()) as {
    skills: Record<string, string>;
  };
  const open = [...new Set((week?.tasks ?? []).flatMap((task) => task.skills))].filter(
    (id) => statuses[id] !== 'done' && statuses[id] !== 'skipped',
  );
  test.skip(!week || week.off || open.length === 0, 'nothing left to learn this week in this data directory');
  await openPage(page, '#/roadmap');
  const chips = page.getByTestId('week-skills').getByRole('button');
  await expect(chips).toHaveCount(Math.min(open.length, 6));
  const path = page.getByTestId('roadmap-path');
  await expect(path.locator(`[data-skill="${open[0]}"]`)).toBeInViewport();
  // A chip chooses its skill: the panel opens on it and the tile is in view, chosen.
  const last = open[Math.min(open.length, 6) - 1] ?? '';
  await chips.last().click();
  await expect(chips.last()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('skill-panel')).toBeVisible();
  await expect(path.locator(`[data-skill="${last}"]`)).toBeInViewport();
  await expect(path.locator(`[data-skill="${last}"]`)).toHaveAttribute('aria-pressed', 'true');
  // The wheel scrolls the page (nothing on the roadmap catches it).
  const before = await page.evaluate(() => window.scrollY);
  await path.hover();
  await page.mouse.wheel(0, 400);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
});

for (const language of ['en', 'zh-CN'] as const) {
  test(`keyboard only: one Tab stop on the roadmap, arrows move, Enter chooses, d marks done (${language})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.addInitScript((lang) => localStorage.setItem('mlpath.locale', lang), language);
    await openPage(page, '#/roadmap');
    const path = page.getByTestId('roadmap-path');
    const inPath = () => path.evaluate((root) => root.contains(document.activeElement));
    const focusedSkill = () => page.evaluate(() => document.activeElement?.getAttribute('data-skill') ?? '');

    // Tab from the view switch reaches the path within a few presses, on one tile only.
    await page
      .getByRole('group', { name: language === 'en' ? 'View' : '视图' })
      .getByRole('link')
      .last()
      .focus();
    let presses = 0;
    while (!(await inPath()) && presses < 12) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(await inPath()).toBe(true);
    const first = await focusedSkill();
    expect(first).not.toBe('');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring).not.toBe('none');
    await page.keyboard.press('Tab');
    expect(await inPath()).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedSkill()).toBe(first);

    // Arrows move between skills.
    await page.keyboard.press('ArrowRight');
    const second = await focusedSkill();
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowDown');
    const third = await focusedSkill();
    const y = (id: string) => path.locator(`[data-skill="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
    expect(await y(third)).toBeGreaterThan(await y(second));

    // Enter chooses the skill; d marks it done; r resets it.
    await page.keyboard.press('Enter');
    await expect(path.locator(`[data-skill="${third}"]`)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('skill-panel')).toBeVisible();
    const status = async () =>
      ((await (await page.request.get('/api/progress')).json()) as { skills: Record<string, string> }).skills[third];
    await path.locator(`[data-skill="${third}"]`).focus();
    await page.keyboard.press('d');
    await expect.poll(status).toBe('done');
    await page.keyboard.press('r');
    await expect.poll(status).toBeUndefined();
  });
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`the hours chart shows every week to this one, a week without hours as zero, and a today line (${language})`, async ({
    page,
  }) => {
    const { today } = (await (await page.request.get('/api/today')).json()) as { today: string };
    const back = new Date(Date.parse(`${today}T00:00:00Z`) - 21 * 86_400_000).toISOString().slice(0, 10);
    const { events } = (await (await page.request.get('/api/progress/events?limit=1000')).json()) as {
      events: { type: string; date?: string }[];
    };
    if (!events.some((e) => e.type === 'hours' && e.date === back)) {
      const logged = await page.request.post('/api/progress/events', { data: { type: 'hours', hours: 2, date: back } });
      expect(logged.ok()).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.addInitScript((lang) => localStorage.setItem('mlpath.locale', lang), language);
    await openPage(page, '#/progress');
    const words =
      language === 'en'
        ? { table: 'Show as a table', today: 'Today', zero: '0 h', now: '(this week)' }
        : { table: '以表格显示', today: '今天', zero: '0 小时', now: '（本周）' };
    await page.getByText(words.table).click();
    const rows = page.getByTestId('hours-table').locator('tbody tr');
    // Four weeks at least (three weeks back to this one), with at least one of them at zero.
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    const cells = page.getByTestId('hours-table').locator('tbody td:last-child');
    expect(await cells.allTextContents()).toContain(words.zero);
    await expect(rows.last()).toContainText(words.now);
    const burnup = page.getByTestId('burnup-chart');
    await expect(burnup.locator('.recharts-reference-line')).toHaveCount(1);
    await expect(burnup.locator('svg text').filter({ hasText: new RegExp(`^${words.today}$`) })).toHaveCount(1);
  });
}

for (const language of ['en', 'zh-CN'] as const) {
  for (const width of [1280, 390]) {
    test(`the plan timeline shows every stage name whole and reasons read as one label (${language}, ${width} px)`, async ({
      browser,
    }) => {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        ...(width < 500 ? { isMobile: true, hasTouch: true } : {}),
      });
      const page = await context.newPage();
      await page.addInitScript((lang) => localStorage.setItem('mlpath.locale', lang), language);
      await openPage(page, '#/plan');
      const names = page.getByTestId('plan-timeline').getByTestId('timeline-stage');
      expect(await names.count()).toBeGreaterThan(0);
      // No name is cut short: each fits its box, with no ellipsis and nothing hidden past its edge.
      const cut = await names.evaluateAll((cells) =>
        cells
          .filter(
            (cell) => cell.scrollWidth > cell.clientWidth + 1 || getComputedStyle(cell).textOverflow === 'ellipsis',
          )
          .map((cell) => cell.textContent),
      );
      expect(cut).toEqual([]);
      // Each bar keeps its row: the bars all start at the same left edge and none is squeezed.
      const bars = await names.evaluateAll((cells) =>
        cells.map((cell) => {
          const bar = cell.nextElementSibling?.getBoundingClientRect();
          return { left: Math.round(bar?.left ?? -1), width: Math.round(bar?.width ?? 0) };
        }),
      );
      expect(new Set(bars.map((b) => b.left)).size).toBe(1);
      expect(new Set(bars.map((b) => b.width)).size).toBe(1);
      if (language === 'zh-CN') {
        const text = await page.locator('main').innerText();
        expect(text).toContain('原因：');
        // A full-width colon carries its own space, and a task's reason is no second label after "原因：".
        expect(text).not.toMatch(/：[ \t]+\S/);
        expect(text).not.toMatch(/原因：[^。\n]*：/);
      }
      await page.screenshot({
        path: `${SCREENSHOTS}/plan-timeline-${language}-${width}.png`,
        fullPage: false,
      });
      await context.close();
    });
  }
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`the plan page gives the plan's reasons as mlpath plan does: the route's, how it was made and each resource's (${language})`, async ({
    page,
    request,
  }) => {
    await page.addInitScript((lang) => localStorage.setItem('mlpath.locale', lang), language);
    const { plan } = (await (await request.get('/api/plan')).json()) as {
      plan: { resources: string[]; explanations: { kind: string; subject: string; text: Record<string, string> }[] };
    };
    const resourceReasons = plan.explanations.filter((e) => e.kind === 'resource');
    expect(resourceReasons.map((e) => e.subject).sort()).toEqual([...plan.resources].sort());
    await openPage(page, '#/plan');
    const reasons = page.getByTestId('plan-reasons');
    await expect(reasons.getByRole('heading', { level: 2 })).toHaveText(
      language === 'en' ? 'Why this plan' : '为什么是这份计划',
    );
    const route = plan.explanations.find((e) => e.kind === 'route');
    if (route) await expect(reasons).toContainText(route.text[language] ?? '');
    // Each resource's reason, in the page's language, once the list is opened.
    const list = page.getByTestId('plan-resource-reasons');
    await list.locator('summary').click();
    await expect(list.getByRole('listitem')).toHaveCount(resourceReasons.length);
    const first = resourceReasons[0];
    if (first) await expect(list).toContainText(first.text[language] ?? '');
    await page.screenshot({ path: `${SCREENSHOTS}/plan-reasons-${language}.png`, fullPage: true });
  });
}
