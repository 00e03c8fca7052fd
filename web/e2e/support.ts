/**
 * @module e2e/support
 * Shared helpers for the browser tests: the Chromium check, console and network watching, the
 * visible text of a page, and the pages of the app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Skip (visibly, with the reason) where Chromium is absent on a developer machine; under CI the
 * tests always run, so a missing browser fails loudly instead of passing silently.
 */
export function requireChromium(): void {
  const absent = !existsSync(CHROMIUM) && process.env['CI'] !== 'true';
  if (absent)
    console.warn(`[e2e] skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`);
  test.skip(absent, `no Chromium at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH`);
}

export interface Watch {
  readonly consoleErrors: string[];
  readonly failedRequests: string[];
}

/** Record console errors, page errors, failed requests and error responses from now on. */
export function watch(page: Page): Watch {
  const result: Watch = { consoleErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') result.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => result.consoleErrors.push(String(error)));
  page.on('requestfailed', (request) =>
    result.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) result.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  return result;
}

/** The app's pages as hash routes, with a name for files and messages. */
export const PAGES: readonly { readonly name: string; readonly hash: string }[] = [
  { name: 'onboarding', hash: '#/onboarding' },
  { name: 'today', hash: '#/today' },
  { name: 'roadmap-path', hash: '#/roadmap' },
  { name: 'roadmap-outline', hash: '#/roadmap?view=outline' },
  { name: 'plan', hash: '#/plan' },
  { name: 'progress', hash: '#/progress' },
  { name: 'portfolio', hash: '#/portfolio' },
  { name: 'settings', hash: '#/settings' },
];

/** Open a page and wait until its content (not the loading note) is there. */
export async function openPage(page: Page, hash: string): Promise<void> {
  await page.goto(`/${hash}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('main [role="status"].muted'));
  if (hash.startsWith('#/roadmap') && !hash.includes('outline'))
    await page.locator('[data-testid="roadmap-path"] [data-skill]').first().waitFor();
  if (hash === '#/progress')
    await page.locator('[data-testid="burnup-chart"] path.recharts-line-curve').first().waitFor();
}

/** Every visible text segment on the page (one per text node), trimmed. */
export function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script,style,noscript,option')) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const rect = parent.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      out.push(text);
    }
    // Visible selects show their chosen option.
    for (const select of document.querySelectorAll('select')) {
      if (select.checkVisibility()) {
        const chosen = select.selectedOptions[0]?.textContent?.trim();
        if (chosen) out.push(chosen);
      }
    }
    return out;
  });
}

/**
 * What is wrong with a chart's axis labels as drawn: a label whose box reaches outside the chart's
 * SVG (so it is cut off, as "2,800" shown as ",800"), or the same label twice on one axis (as
 * fractional ticks rounded to "1, 1, 0, 0"). Empty when every label is whole and distinct.
 */
export function axisLabelProblems(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((chart, name) => {
    const problems: string[] = [];
    const svg = chart.querySelector('.recharts-wrapper > svg.recharts-surface');
    if (!svg) return [`${name}: no chart drawn`];
    const box = svg.getBoundingClientRect();
    for (const axis of ['xAxis', 'yAxis']) {
      const labels = [...svg.querySelectorAll(`.recharts-${axis}-tick-labels text.recharts-cartesian-axis-tick-value`)];
      if (labels.length === 0) problems.push(`${name} ${axis}: no labels`);
      const texts = labels.map((label) => label.textContent?.trim() ?? '');
      const repeated = texts.filter((text, index) => texts.indexOf(text) !== index);
      if (repeated.length > 0) problems.push(`${name} ${axis}: repeated labels ${texts.join(', ')}`);
      for (const [index, label] of labels.entries()) {
        const r = label.getBoundingClientRect();
        const outside =
          r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
        if (outside)
          problems.push(
            `${name} ${axis}: "${texts[index]}" at ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} ` +
              `outside 0..${Math.round(box.width)}`,
          );
      }
    }
    return problems;
  }, testId);
}

/** A `mlpath serve` of a test file's own, in local mode over a fresh data directory. */
export interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  readonly home: string;
}

/**
 * Start a server of the test file's own (`name` marks its data directory), so it starts without a
 * profile whatever ran before; `env` adds to its environment (MLPATH_NOW pins its clock).
 */
export async function startServer(name: string, env: Record<string, string> = {}): Promise<Server> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const url = `http://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), `mlpath-e2e-${name}-`));
  const child = spawn('node', ['bin/mlpath.js', 'serve', '--port', String(port)], {
    env: { ...process.env, ...env, MLPATH_HOME: home, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mlpath serve exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, home };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`mlpath serve did not answer within 60 s: ${output}`);
}

/** Stop a server `startServer` started and remove its data directory. */
export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  rmSync(server.home, { recursive: true, force: true });
}
