/**
 * The learner's journey through the real server with a fresh data directory: onboarding, the plan,
 * marking a skill done on the roadmap, the progress chart moving, a reload keeping it, the
 * calendar export parsing, and the switch to Chinese changing every visible string.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { openPage, PAGES, requireChromium, visibleText, watch } from './support.js';

requireChromium();
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

interface Texted {
  readonly en?: string;
  readonly [locale: string]: string | undefined;
}
interface CurriculumJson {
  skills: { id: string; title: Texted }[];
  resources: { title: string; authors: string[]; provider?: string; url?: string; localTitle?: Texted }[];
  [key: string]: unknown;
}

let page: Page;
let markedSkill = '';
let progressBefore: { skillsDone: string; areas: string; burnup: string };

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
});
test.afterAll(async () => {
  await page.close();
});

async function readProgress(p: Page) {
  await openPage(p, '#/progress');
  return {
    skillsDone: (await p.getByTestId('skills-done').textContent()) ?? '',
    areas: (await p.getByTestId('area-progress').textContent()) ?? '',
    // The chart's lines as drawn: their SVG paths change when the hours done change.
    burnup: (
      await p
        .locator('[data-testid="burnup-chart"] path.recharts-line-curve')
        .evaluateAll((paths) => paths.map((path) => path.getAttribute('d') ?? ''))
    ).join('\n'),
  };
}

test('a fresh data directory opens on onboarding with no console errors and no failed requests', async () => {
  const seen = watch(page);
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Plan your path to machine-learning engineer' }),
  ).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.failedRequests).toEqual([]);
  // Without a profile there is nothing else to navigate to yet.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  // Switching the page to Chinese before choosing a plan language takes the plan along with it.
  await expect(page.getByLabel('Language of the plan')).toHaveValue('en');
  await page.getByLabel('Language', { exact: true }).first().selectOption('zh-CN');
  await expect(page.getByLabel('计划使用的语言')).toHaveValue('zh-CN');
  await page.getByLabel('语言', { exact: true }).first().selectOption('en');
  await expect(page.getByLabel('Language of the plan')).toHaveValue('en');
});

test('onboarding previews the recommended route with reasons and a finish date, then saves the plan', async () => {
  const startingPoints = page.getByRole('group', { name: 'Where do you start?' }).getByRole('radio');
  expect(await startingPoints.count()).toBeGreaterThan(0);
  await startingPoints.first().check();
  await page.getByLabel('Hours per week').fill('12');
  await page.getByRole('button', { name: 'Show my plan' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your recommended plan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Why this route' })).toBeVisible();
  expect(await page.getByTestId('route-reasons').getByRole('listitem').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('finish-date')).toHaveText(/\d{4}/);
  // Nothing is saved by a preview.
  expect((await (await page.request.get('/api/profile')).json()).profile).toBeNull();

  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(page).toHaveURL(/#\/plan$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your plan' })).toBeVisible();
  await expect(page.getByTestId('plan-finish')).toHaveText(/\d{4}/);
  await expect(page.getByRole('heading', { level: 3, name: /^Week 1\b/ })).toBeVisible();
  const saved = (await (await page.request.get('/api/profile')).json()).profile;
  expect(saved.hoursPerWeek).toBe(12);
});

test('marking a skill done on the roadmap with the d key moves the progress chart, and a reload keeps it', async () => {
  progressBefore = await readProgress(page);

  await openPage(page, '#/roadmap');
  const plan = (await (await page.request.get('/api/plan')).json()).plan as { skills: string[] };
  markedSkill = plan.skills[0] ?? '';
  expect(markedSkill).not.toBe('');
  const node = page.locator(`.react-flow__node[data-id="${markedSkill}"]`);
  // Focusing a node pans the graph to it; then it is clicked as a learner would.
  await node.focus();
  await node.click();
  const panel = page.getByTestId('skill-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3, name: 'Prerequisites' })).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3, name: 'Resources' })).toBeVisible();
  await page.keyboard.press('d');
  await expect(panel.getByTestId('skill-status')).toHaveText(/done/);
  await expect(page.locator(`.react-flow__node[data-id="${markedSkill}"]`)).toContainText('done');

  const after = await readProgress(page);
  expect(Number(after.skillsDone)).toBe(Number(progressBefore.skillsDone) + 1);
  expect(after.areas).not.toBe(progressBefore.areas);
  expect(after.burnup).not.toBe(progressBefore.burnup);

  await page.reload();
  await page.locator('[data-testid="burnup-chart"] svg').first().waitFor();
  await expect(page.getByTestId('skills-done')).toHaveText(after.skillsDone);
  await expect(page.getByTestId('area-progress')).toHaveText(after.areas);
  await openPage(page, `#/roadmap?view=outline&skill=${markedSkill}`);
  await expect(page.getByTestId('skill-panel').getByTestId('skill-status')).toHaveText(/done/);
});

test('the outline works from the keyboard: Enter opens a skill, l and r set and reset it', async () => {
  await openPage(page, '#/roadmap?view=outline');
  const outline = page.getByTestId('roadmap-outline');
  await expect(outline.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const skill = outline.getByRole('button').nth(1);
  await skill.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('skill-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('l');
  await expect(panel.getByTestId('skill-status')).toHaveText(/learning/);
  await expect(skill).toContainText('learning');
  await page.keyboard.press('r');
  await expect(panel.getByTestId('skill-status')).toHaveText(/not started/);
});

test('the calendar export downloads and parses as iCalendar with the plan in it', async () => {
  await openPage(page, '#/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
  expect(download.suggestedFilename()).toBe('mlpath-plan.ics');
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events.length).toBeGreaterThan(0);
  const first = new ICAL.Event(events[0]);
  expect(first.summary.length).toBeGreaterThan(0);
  expect(first.startDate.toJSDate().getTime()).not.toBeNaN();
});

test('this week: ticking a task off and logging hours show on the progress page', async () => {
  type Log = { events: { id: string; hours?: number }[]; stats: { totalHours: number } };
  const log = async (): Promise<Log> => (await (await page.request.get('/api/progress')).json()) as Log;
  const hoursBefore = (await log()).stats.totalHours;

  await openPage(page, '#/today');
  const task = page
    .getByRole('region', { name: /^Week \d+/ })
    .getByRole('checkbox')
    .first();
  await expect(task).not.toBeChecked();
  const name = (await task.evaluate((box) => (box as HTMLInputElement).labels?.[0]?.textContent)) ?? '';
  expect(name).not.toBe('');
  // The plan is remade without the finished task; it stays in sight, ticked, under "Done this week".
  await task.click();
  const done = page.getByTestId('done-this-week').getByRole('checkbox', { name, exact: true });
  await expect(done).toBeChecked();
  await page.getByLabel('Hours spent today').fill('1.5');
  await page.getByRole('button', { name: 'Log hours' }).click();
  await expect(page.getByRole('status')).toHaveText('Logged 1.5 h.');

  await page.reload();
  await expect(page.getByTestId('done-this-week').getByRole('checkbox', { name, exact: true })).toBeChecked();
  // A tick logs the hours the plan gives the task (the learner layer's rule), so they count as logged too.
  const after = await log();
  const planned = [...after.events].reverse().find((e) => e.id.endsWith(':planned-hours'))?.hours ?? 0;
  expect(planned).toBeGreaterThan(0);
  expect(after.stats.totalHours).toBeCloseTo(hoursBefore + planned + 1.5, 6);
  await openPage(page, '#/progress');
  // The page shows the total to at most one decimal.
  const shown = new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(after.stats.totalHours);
  await expect(page.getByTestId('hours-logged')).toHaveText(shown);
});

test('portfolio: a project started from a template keeps its rubric ticks and links', async () => {
  await openPage(page, '#/portfolio');
  await expect(page.getByText('No project yet. Start one from a template below.')).toBeVisible();
  const startButtons = page.getByRole('button', { name: 'Start this project' });
  const templates = await startButtons.count();
  await startButtons.first().click();
  const project = page.getByRole('region', { name: 'My projects' }).getByRole('listitem').first();
  // A started idea says so instead of offering to start it twice.
  await expect(startButtons).toHaveCount(templates - 1);
  await expect(page.getByText('Started: see My projects above')).toBeVisible();
  const rubric = project.getByRole('group', { name: 'Rubric' }).getByRole('checkbox');
  await expect(rubric.first()).not.toBeChecked();
  await rubric.first().click();
  await expect(rubric.first()).toBeChecked();
  await project.getByRole('textbox', { name: 'Repository' }).fill('https://github.com/example/demo');
  await project.getByRole('button', { name: 'Save links' }).click();
  await expect(page.getByText(/1 of \d+ rubric items met/)).toBeVisible();

  // The ideas narrow to one domain.
  const ideas = page
    .getByRole('region', { name: 'Project ideas' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) });
  const filter = page.getByLabel('Show ideas for');
  const domain = (await filter.locator('option').nth(1).textContent()) ?? '';
  await filter.selectOption({ label: domain });
  expect(await ideas.count()).toBeGreaterThan(0);
  expect(await ideas.count()).toBeLessThan(templates);
  for (const idea of await ideas.all()) await expect(idea).toContainText(domain);

  await page.reload();
  const again = page.getByRole('region', { name: 'My projects' }).getByRole('listitem').first();
  await expect(again.getByRole('group', { name: 'Rubric' }).getByRole('checkbox').first()).toBeChecked();
  await expect(again.getByRole('textbox', { name: 'Repository' })).toHaveValue('https://github.com/example/demo');
});

test('a backup exported from settings imports back, merging without duplicates', async () => {
  await openPage(page, '#/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Backup (.json)' }).click(),
  ]);
  const file = await download.path();
  await page.getByLabel('Backup file to import').setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/^Imported \d+ events and \d+ projects\.$/);
  const { events } = (await (await page.request.get('/api/progress')).json()) as { events: { id: string }[] };
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

  // Replacing instead of merging is refused while data is here, with a message, and changes nothing.
  await page.getByLabel('Merge with what is here').uncheck();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('This would overwrite what is already here');
  const after = (await (await page.request.get('/api/progress')).json()) as { events: unknown[] };
  expect(after.events.length).toBe(events.length);
});

test('settings: more hours a week re-plans to an earlier finish', async () => {
  const before = (await (await page.request.get('/api/plan')).json()) as { plan: { finishDate: string } };
  await openPage(page, '#/settings');
  await page.getByLabel('Hours per week').fill('30');
  await page.getByRole('button', { name: 'Save and re-plan' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. Your plan was made again.');
  const after = (await (await page.request.get('/api/plan')).json()) as {
    plan: { finishDate: string; hoursPerWeek: number };
  };
  expect(after.plan.hoursPerWeek).toBe(30);
  expect(after.plan.finishDate < before.plan.finishDate).toBe(true);
  await openPage(page, '#/plan');
  await expect(page.getByText('at 30 h a week', { exact: false })).toBeVisible();
});

test('switching to Chinese changes every visible string but proper names, numbers and titles', async () => {
  const curriculum = (await (await page.request.get('/api/curriculum')).json()) as CurriculumJson;
  const allowed = allowedUnchanged(curriculum);

  const english = new Map<string, string[]>();
  for (const { name, hash } of PAGES) {
    await openPage(page, hash);
    english.set(name, await visibleText(page));
  }
  await page.getByLabel('Language', { exact: true }).first().selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  const unchanged: string[] = [];
  for (const { name, hash } of PAGES) {
    await openPage(page, hash);
    const chinese = new Set(await visibleText(page));
    const before = english.get(name) ?? [];
    expect(before.length, name).toBeGreaterThan(5);
    for (const text of before) if (chinese.has(text) && !allowed(text)) unchanged.push(`${name}: ${text}`);
  }
  expect(unchanged).toEqual([]);

  // The choice is remembered.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
});

/** What may read the same in both languages: numbers, punctuation, key names, proper names, titles as published. */
function allowedUnchanged(curriculum: CurriculumJson): (text: string) => boolean {
  const names = new Set<string>(['mlpath', 'English', '简体中文']);
  for (const resource of curriculum.resources) {
    names.add(resource.title);
    for (const author of resource.authors) names.add(author);
    if (resource.provider) names.add(resource.provider);
  }
  // Curriculum text whose Chinese is the same as its English (a library's or a field's name).
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record['en'] === 'string' && record['en'] === record['zh-CN']) names.add(record['en']);
      Object.values(record).forEach(walk);
    }
  };
  walk(curriculum);
  const punctuation = /^[\s\d.,:;·•–—\-/()（）%+×*★✓○◐⤼☾☀✕>|]*$/;
  return (text) => {
    const core = text.replace(/^[\s—–·:(（]+|[\s)）.:]+$/g, '');
    return (
      names.has(text) || names.has(core) || punctuation.test(text) || /^[dlsr]$/.test(text) || /^https?:\/\//.test(text)
    );
  };
}
