/**
 * Accounts in the browser, against a real `mlpath serve --multi-user` on the real PostgreSQL (a
 * schema of this run's own, dropped afterwards): the sign-in page for a visitor, sign-up landing
 * on onboarding, sign-out, signing back in, a second account seeing none of the first's data,
 * refusals in the page's language with focus on them, a server with closed sign-up, and local
 * mode (the suite's own server) showing nothing of accounts. Screenshots of the sign-in page in
 * both languages at 1280 and 375 px land in test-results/screenshots/.
 */
import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createSchema, dropSchema, startServer as startOn, stopServer, type Server } from './multi-user.js';
import { requireChromium, watch } from './support.js';

requireChromium();
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

const SCHEMA = `mlpath_e2e_signin_${process.pid}_${randomBytes(4).toString('hex')}`;
const SHOTS = 'test-results/screenshots';

const startServer = (extra: string[] = []): Promise<Server> => startOn(SCHEMA, extra);

let server: Server | undefined;
const ada = { name: 'Ada Lovelace', email: `ada-${SCHEMA}@example.org`, password: 'analytical-engine-1843' };
const bob = { name: 'Bob Chen', email: `bob-${SCHEMA}@example.org`, password: 'difference-engine-1822' };
const adaNote = `ada-private-note-${randomBytes(4).toString('hex')}`;

test.beforeAll(async () => {
  await createSchema(SCHEMA);
  server = await startServer();
});
test.afterAll(async () => {
  await stopServer(server);
  await dropSchema(SCHEMA);
});

async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 } });
  return context.newPage();
}

/** The learner's data as the page's own session sees it, through the API. */
async function dataOf(page: Page): Promise<{ profile: unknown; events: { type: string; text?: string }[] }> {
  const base = server?.url ?? '';
  const profile = (await (await page.request.get(`${base}/api/profile`)).json()) as { profile: unknown };
  // The log comes a page at a time from its own route (this account's fits in one page).
  const log = (await (await page.request.get(`${base}/api/progress/events?limit=1000`)).json()) as {
    events: { type: string; text?: string }[];
    more: boolean;
  };
  expect(log.more).toBe(false);
  return { profile: profile.profile, events: log.events };
}

async function signUpThroughPage(page: Page, person: typeof ada): Promise<void> {
  await page.goto(`${server?.url}/`);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeFocused();
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Plan your path to machine-learning engineer' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/#\/onboarding$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in as ${person.name}`);
}

test('local mode says so and shows nothing of accounts', async ({ page, baseURL }) => {
  const mode = await page.request.get(`${baseURL}/api/mode`);
  expect(await mode.json()).toEqual({ mode: 'local' });
  await page.goto('/');
  await page.locator('main h1').first().waitFor();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toHaveCount(0);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(page.getByText('Your progress stays on this computer.', { exact: false })).toBeVisible();
});

test('a visitor gets the sign-in page, in both languages, at 1280 and 375 px, with no axe violations', async ({
  browser,
}) => {
  const mode = await fetch(`${server?.url}/api/mode`);
  expect(await mode.json()).toMatchObject({ mode: 'multi-user', signUp: true });
  for (const width of [1280, 375]) {
    const page = await newPage(browser, width);
    const seen = watch(page);
    await page.goto(`${server?.url}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page).toHaveTitle('Sign in · mlpath');
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByText('Your plan and progress are kept on this server', { exact: false })).toBeVisible();
    // Only the learner's data answered 401 (that is what brings the sign-in page); nothing else failed.
    expect(seen.failedRequests.filter((r) => !/^401 .*\/api\/profile$/.test(r))).toEqual([]);
    expect(seen.consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/sign-in-en-${width}.png`, fullPage: true });

    await page.getByLabel('Page language', { exact: true }).selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
    await expect(page.getByLabel('邮箱')).toBeVisible();
    await expect(page.getByRole('button', { name: '创建账号' })).toBeVisible();
    await expect(page).toHaveTitle('登录 · mlpath');
    await page.screenshot({ path: `${SHOTS}/sign-in-zh-CN-${width}.png`, fullPage: true });
    await page.context().close();
  }
});

test('sign-up ties each error to its field and moves focus to it, in the page language', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(`${server?.url}/`);
  // Nothing filled in: the email field is the first at fault, focused, and described by its error.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const email = page.getByLabel('Email');
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Enter an email address such as ada@example.org.');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.');

  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill('Someone');
  await page.getByLabel('Email').fill(`someone-${SCHEMA}@example.org`);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  const password = page.getByLabel('Password');
  await expect(password).toBeFocused();
  await expect(password).toHaveAccessibleDescription(
    /10 to 128 characters\..*Use 10 to 128 characters \(this one has 5\)/,
  );
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByLabel('Page language', { exact: true }).selectOption('zh-CN');
  await page.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByLabel('密码')).toHaveAccessibleDescription(/请使用 10 到 128 个字符（当前为 5 个）/);
  await page.context().close();
});

test('sign up lands on onboarding; sign out shows the sign-in page; signing back in finds the plan', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signUpThroughPage(page, ada);

  // Ada makes a plan and writes a note (through the API, with her session, as the pages do).
  const headers = { Origin: server?.url ?? '', 'Content-Type': 'application/json' };
  const curriculum = (await (await page.request.get(`${server?.url}/api/curriculum`)).json()) as {
    startingPoints: { id: string }[];
  };
  const put = await page.request.put(`${server?.url}/api/profile`, {
    headers,
    data: { startingPoint: curriculum.startingPoints[0]?.id, hoursPerWeek: 10 },
  });
  expect(put.status()).toBe(200);
  const note = await page.request.post(`${server?.url}/api/progress/events`, {
    headers,
    data: { type: 'note', text: adaNote },
  });
  expect(note.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  expect((await page.request.get(`${server?.url}/api/profile`)).status()).toBe(401);

  // A wrong password: the refusal, announced and focused, in the page's language.
  await page.getByLabel('Email').fill(ada.email);
  await page.getByLabel('Password').fill('not-her-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The email or the password is wrong.' })).toBeFocused();
  await page.getByLabel('Page language', { exact: true }).selectOption('zh-CN');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '邮箱或密码不正确。' })).toBeFocused();
  await page.getByLabel('页面语言', { exact: true }).selectOption('en');

  await page.getByLabel('Password').fill(ada.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in as ${ada.name}`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const data = await dataOf(page);
  expect(data.profile).not.toBeNull();
  expect(data.events.some((e) => e.text === adaNote)).toBe(true);

  // A session that ends while a page is open: the next read answers 401, the sign-in page stands in,
  // and signing in again returns to the page that was asked for.
  await page.context().clearCookies();
  await page.goto(`${server?.url}/#/plan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(ada.email);
  await page.getByLabel('Password').fill(ada.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/#\/plan$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.context().close();
});

test('a second account sees none of the first one’s data, and an email in use is refused on its field', async ({
  browser,
}) => {
  const page = await newPage(browser);
  const seen = watch(page);
  // The email of an existing account: the server refuses it, on the email field.
  await page.goto(`${server?.url}/`);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill(bob.name);
  await page.getByLabel('Email').fill(ada.email);
  await page.getByLabel('Password').fill(bob.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
    'An account with this email already exists. Sign in instead.',
  );

  await signUpThroughPage(page, bob);
  // On a phone the header keeps the name, sign-out, language and theme in sight, with no sideways scroll.
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/signed-in-en-375.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  const data = await dataOf(page);
  expect(data.profile).toBeNull();
  expect(data.events).toEqual([]);
  await page.goto(`${server?.url}/#/settings`);
  await page.locator('main h1').first().waitFor();
  await expect(page.locator('body')).not.toContainText(adaNote);
  await expect(page.locator('body')).not.toContainText(ada.name);
  expect(seen.consoleErrors.filter((e) => !e.includes('401') && !e.includes('409'))).toEqual([]);
  await page.context().close();
});

test('a server with sign-up closed offers no sign-up and says who makes accounts', async ({ browser }) => {
  const closed = await startServer(['--no-sign-up']);
  try {
    expect(await (await fetch(`${closed.url}/api/mode`)).json()).toMatchObject({ signUp: false });
    const page = await newPage(browser);
    await page.goto(`${closed.url}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create an account' })).toHaveCount(0);
    await expect(page.getByText('Accounts on this server are made by its administrator')).toBeVisible();
    // Accounts made before (on the shared database) still sign in.
    await page.getByLabel('Email').fill(bob.email);
    await page.getByLabel('Password').fill(bob.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in as ${bob.name}`);
    await page.context().close();
  } finally {
    await stopServer(closed);
  }
});
