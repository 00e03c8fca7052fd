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
    burnup: await burnupPaths(p),
  };
}

/**
 * This week's budget as the page writes it: the weekly hours pro rata over the days of the week from
 * the plan's first day (today) on, so a plan started on a Tuesday has 6/7 of them in its first week.
 */
async function firstWeekBudget(p: Page, hoursPerWeek: number): Promise<string> {
  const { today } = (await (await p.request.get('/api/today')).json()) as { today: string };
  const daysLeft = 7 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7);
  const hours = daysLeft === 7 ? hoursPerWeek : Math.round((hoursPerWeek * 100 * daysLeft) / 7) / 100;
  return new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(hours);
}

/** The burn-up chart's lines as drawn: their SVG paths change when the hours done change. */
async function burnupPaths(p: Page): Promise<string> {
  const paths = await p
    .locator('[data-testid="burnup-chart"] path.recharts-line-curve')
    .evaluateAll((lines) => lines.map((line) => line.getAttribute('d') ?? ''));
  return paths.join('\n');
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
});

test('onboarding goes in four steps; Back, a reload and "Change my answers" keep the answers; then it saves', async () => {
  const stepHeading = page.getByTestId('step-heading');
  await expect(stepHeading).toHaveText('Step 1 of 4: Where you start');
  const startingPoints = page.getByRole('group', { name: 'Where do you start?' }).getByRole('radio');
  expect(await startingPoints.count()).toBeGreaterThan(1);
  await startingPoints.nth(1).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(stepHeading).toHaveText('Step 2 of 4: Your time');
  await expect(stepHeading).toBeFocused();
  await expect(page).toHaveURL(/#\/onboarding\?step=time$/);

  // Decimal hours are taken; too few hours and a past start date are warned about, with a way out.
  await page.getByLabel('Hours per week').fill('2.5');
  await expect(page.getByTestId('few-hours')).toContainText('With 2.5 h a week the plan will run for years');
  await page.getByLabel('Start date', { exact: true }).fill('2020-01-06');
  await expect(page.getByTestId('past-start')).toContainText('has passed');
  await page.getByRole('button', { name: 'Start today instead' }).click();
  await expect(page.getByTestId('past-start')).toHaveCount(0);

  // Back (the button, then the browser's) and a reload keep every answer.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(stepHeading).toHaveText('Step 1 of 4: Where you start');
  await expect(startingPoints.nth(1)).toBeChecked();
  await page.goBack();
  await expect(stepHeading).toHaveText('Step 2 of 4: Your time');
  await expect(page.getByLabel('Hours per week')).toHaveValue('2.5');
  await page.reload();
  await expect(stepHeading).toHaveText('Step 2 of 4: Your time');
  await expect(page.getByLabel('Hours per week')).toHaveValue('2.5');

  // The app checks the hours itself, in the page's language (not the browser's bubble): 0 is refused
  // with the shared limits and Next stays on the step, on the field.
  const hours = page.getByLabel('Hours per week');
  expect(await hours.evaluate((input) => (input as HTMLInputElement).form?.noValidate)).toBe(true);
  await hours.fill('0');
  const hoursError = page.getByRole('alert').filter({ hasText: 'hours a week' });
  await expect(hoursError).toHaveText('Give at least 0.5 and at most 100 hours a week.');
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(stepHeading).toHaveText('Step 2 of 4: Your time');
  await expect(hours).toBeFocused();
  await page.getByLabel('Page language', { exact: true }).first().selectOption('zh-CN');
  await expect(page.getByRole('alert').filter({ hasText: '每周学时' })).toHaveText(
    '每周学时须至少 0.5 小时，至多 100 小时。',
  );
  await page.screenshot({ path: 'test-results/screenshots/onboarding-hours-zh.png' });
  await page.getByLabel('页面语言', { exact: true }).first().selectOption('en');
  await hours.fill('12');
  await expect(hoursError).toHaveCount(0);
  await page.getByRole('button', { name: 'Next' }).click();

  // Switching the page to Chinese before choosing a plan language takes the plan along with it.
  await expect(stepHeading).toHaveText('Step 3 of 4: How you learn');
  await expect(page.getByLabel('Language of the plan')).toHaveValue('en');
  await page.getByLabel('Page language', { exact: true }).first().selectOption('zh-CN');
  await expect(page.getByLabel('计划使用的语言')).toHaveValue('zh-CN');
  await page.getByLabel('页面语言', { exact: true }).first().selectOption('en');
  await expect(page.getByLabel('Language of the plan')).toHaveValue('en');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(stepHeading).toHaveText('Step 4 of 4: What you know');
  await page.getByRole('button', { name: 'Show my plan' }).click();

  const previewHeading = page.getByRole('heading', { level: 1, name: 'Your recommended plan' });
  await expect(previewHeading).toBeVisible();
  await expect(previewHeading).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Why this route' })).toBeVisible();
  expect(await page.getByTestId('route-reasons').getByRole('listitem').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('finish-date')).toHaveText(/\d{4}/);
  // Nothing is saved by a preview.
  expect((await (await page.request.get('/api/profile')).json()).profile).toBeNull();
  // A reload shows the preview again; Back returns to the last step, inside the app.
  await page.reload();
  await expect(previewHeading).toBeVisible();
  await page.goBack();
  await expect(stepHeading).toHaveText('Step 4 of 4: What you know');
  await page.goForward();
  await expect(previewHeading).toBeVisible();

  await page.getByRole('button', { name: 'Change my answers' }).click();
  await expect(stepHeading).toHaveText('Step 1 of 4: Where you start');
  await expect(startingPoints.nth(1)).toBeChecked();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Show my plan' }).click();
  await expect(previewHeading).toBeVisible();

  await page.getByRole('button', { name: 'Save and start' }).click();
  // Onboarding lands on This week, with one primary action: start the first task.
  await expect(page).toHaveURL(/#\/today$/);
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
  await expect(page.getByTestId('week-heading')).toHaveText(/^Week 1 · /);
  const start = page.getByTestId('start-next');
  await expect(start).toHaveText(/^Start: \S/);
  await expect(page.getByTestId('week-hours')).toContainText(`0 h of ${await firstWeekBudget(page, 12)} h this week`);
  const saved = (await (await page.request.get('/api/profile')).json()).profile;
  expect(saved.hoursPerWeek).toBe(12);

  await openPage(page, '#/plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Your plan' })).toBeVisible();
  await expect(page.getByTestId('plan-finish')).toHaveText(/\d{4}/);
  await expect(page.getByRole('heading', { level: 3, name: /^Week 1\b/ })).toBeVisible();
});

test('marking a skill done on the roadmap with the d key moves the progress chart, and a reload keeps it', async () => {
  progressBefore = await readProgress(page);

  await openPage(page, '#/roadmap');
  const plan = (await (await page.request.get('/api/plan')).json()).plan as { skills: string[] };
  markedSkill = plan.skills[0] ?? '';
  expect(markedSkill).not.toBe('');
  const node = page.getByTestId('roadmap-path').locator(`[data-skill="${markedSkill}"]`);
  await node.click();
  const panel = page.getByTestId('skill-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3, name: 'Prerequisites' })).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3, name: 'Resources' })).toBeVisible();
  await page.keyboard.press('d');
  await expect(panel.getByTestId('skill-status')).toHaveText(/done/);
  await expect(node).toContainText('done');

  // The progress page shows the change once its reads land (the summary's changes, then the chart
  // draws its new lines): wait for what a learner would see, then keep it for the reload.
  await openPage(page, '#/progress');
  await expect(page.getByTestId('skills-done')).toHaveText(String(Number(progressBefore.skillsDone) + 1));
  await expect(page.getByTestId('area-progress')).not.toHaveText(progressBefore.areas);
  await expect.poll(() => burnupPaths(page)).not.toBe(progressBefore.burnup);
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

test('this week: a ticked row stays in place, checked, with undo; logged hours fill the week and the progress page', async () => {
  const weekHours = async () =>
    ((await (await page.request.get('/api/today')).json()) as { week: { loggedHours: number } }).week.loggedHours;
  const totalHours = async () =>
    ((await (await page.request.get('/api/progress')).json()) as { stats: { totalHours: number } }).stats.totalHours;
  const hoursAtStart = await weekHours();

  await openPage(page, '#/today');
  const rows = page.getByTestId('week-tasks').getByRole('listitem');
  const names = await rows
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? ''));
  const open = await rows
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => !(box as HTMLInputElement).checked));
  const index = open.indexOf(true);
  expect(index).toBeGreaterThanOrEqual(0);
  const name = names[index] ?? '';
  expect(name).not.toBe('');
  await expect(page.getByTestId('start-next')).toHaveText(`Start: ${name}`);

  // Ticked, the row keeps its place (the next task does not slide under the pointer).
  const box = rows.nth(index).getByRole('checkbox');
  const before = await box.boundingBox();
  await box.click();
  await expect(box).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: `Ticked off: ${name}` })).toHaveCount(1);
  // The re-made plan may bring a task forward: it joins at the end; the rows above stay as they were.
  const after = await rows
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent ?? ''));
  expect(after.slice(0, names.length)).toEqual(names);
  expect((await box.boundingBox())?.y).toBe(before?.y);
  // The ticked task is no longer next: another one is, or (it was the week's last) the week is celebrated.
  await expect(
    page.getByTestId('week-done').or(page.getByTestId('start-next').filter({ hasNotText: `Start: ${name}` })),
  ).toBeVisible();
  // A tick logs the task's planned hours; Undo takes back both, in place; ticking again keeps it done.
  await expect.poll(weekHours).toBeGreaterThan(hoursAtStart);
  await rows
    .nth(index)
    .getByRole('button', { name: `Undo ${name}` })
    .click();
  await expect(box).not.toBeChecked();
  await expect(page.getByTestId('start-next')).toHaveText(`Start: ${name}`);
  expect(await weekHours()).toBe(hoursAtStart);
  await box.click();
  await expect(box).toBeChecked();

  const weekBefore = await weekHours();
  const totalBefore = await totalHours();
  await page.getByLabel('Hours spent today').fill('1.5');
  await page.getByRole('button', { name: 'Log hours' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Logged 1.5 h.' })).toHaveCount(1);
  // What the API refuses, the form refuses in its words, and logs nothing; what it takes (0.1 h), the form takes.
  const field = page.getByLabel('Hours spent today');
  for (const bad of ['0', '25']) {
    await field.fill(bad);
    await expect(page.getByRole('alert').filter({ hasText: 'Give more than 0 and at most 24 hours.' })).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Log hours' }).click();
    await expect(field).toBeFocused();
  }
  await field.fill('0.1');
  await expect(page.getByRole('alert').filter({ hasText: 'Give more than 0' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Log hours' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Logged 0.1 h.' })).toHaveCount(1);
  const shown = new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(weekBefore + 1.6);
  await expect(page.getByTestId('week-hours')).toContainText(
    `${shown} h of ${await firstWeekBudget(page, 12)} h this week`,
  );

  await page.reload();
  await expect(rows.getByRole('checkbox', { name, exact: true })).toBeChecked();
  await openPage(page, '#/progress');
  await expect(page.getByTestId('hours-logged')).toHaveText(
    new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(totalBefore + 1.6),
  );
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
  await expect(project.getByRole('status')).toHaveText('Links saved.');
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

test('a backup imports only when the learner says merge; a broken file is refused with where it breaks', async () => {
  await openPage(page, '#/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Backup (.json)' }).click(),
  ]);
  const file = await download.path();
  const before = (await (await page.request.get('/api/progress/events?limit=1000')).json()) as {
    events: { id: string }[];
    more: boolean;
  };
  expect(before.more).toBe(false);

  // Merging is not ticked: with progress here, the import is refused in the web's words (no flag, no
  // variable), changes nothing, and the page offers to merge instead.
  const merge = page.getByLabel('Merge with what is here');
  await expect(merge).not.toBeChecked();
  await page.getByLabel('Backup file to import').setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This would overwrite what is already here');
  await expect(alert).toContainText('Merge with what is here');
  await expect(alert).not.toContainText(/--merge|MLPATH_HOME/);
  const refused = (await (await page.request.get('/api/progress')).json()) as { events: { count: number } };
  expect(refused.events.count).toBe(before.events.length);
  await page.screenshot({ path: 'test-results/screenshots/settings-import-refused-en.png', fullPage: true });

  await page.getByRole('button', { name: 'Merge it with what is here' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Imported \d+ events and \d+ projects\.$/);
  await expect(merge).toBeChecked();
  const { events, more } = (await (await page.request.get('/api/progress/events?limit=1000')).json()) as {
    events: { id: string }[];
    more: boolean;
  };
  expect(more).toBe(false);
  expect(events.map((e) => e.id)).toEqual(before.events.map((e) => e.id));

  // A truncated file is refused with its line and column, as the command line says them.
  const text = readFileSync(file, 'utf8');
  // Cut before a key, so the file ends where a property name is due: that end is the place named.
  const cut = text.slice(0, text.lastIndexOf('"id"', Math.floor(text.length / 2)));
  expect(cut.length).toBeGreaterThan(0);
  const line = cut.split('\n').length;
  const column = cut.length - cut.lastIndexOf('\n');
  await page.getByLabel('Backup file to import').setInputFiles({
    name: 'truncated.json',
    mimeType: 'application/json',
    buffer: Buffer.from(cut),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(alert).toContainText(`the uploaded backup:${line}:${column}: is not valid JSON`);
  await page.getByLabel('Page language', { exact: true }).first().selectOption('zh-CN');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(alert).toContainText(`上传的备份 第 ${line} 行第 ${column} 列`);
  await expect(alert).not.toContainText(/expected|found|valid|uploaded|nothing/);
  await page.screenshot({ path: 'test-results/screenshots/settings-import-truncated-zh.png', fullPage: true });
  await page.getByLabel('页面语言', { exact: true }).first().selectOption('en');
});

test('settings: more hours a week re-plans to an earlier finish', async () => {
  const before = (await (await page.request.get('/api/plan')).json()) as { plan: { finishDate: string } };
  await openPage(page, '#/settings');
  await page.getByLabel('Hours per week').fill('30');
  await page.getByRole('button', { name: 'Save and re-plan' }).click();
  await expect(page.getByRole('status')).toHaveText(
    /^Saved\. Your plan was made again: you now finish on .+ \(before: .+\)\.$/,
  );
  await expect(page.getByRole('status')).toBeInViewport();
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
  await page.getByLabel('Page language', { exact: true }).first().selectOption('zh-CN');
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
