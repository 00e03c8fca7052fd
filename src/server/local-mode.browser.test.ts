/**
 * Local mode in a real Chromium (Debian's; skipped, saying why, when absent):
 *
 * - DNS rebinding: the browser resolves `rebind.test` to 127.0.0.1 (as a rebinding attacker's DNS
 *   would after the page loaded), so a page of that origin sends its same-origin requests to the
 *   local server. They must read and write nothing.
 * - The built web app (web/dist; skipped, saying why, when not built) loads and renders under the
 *   server's Content-Security-Policy with no violation.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../cli/commands/serve.js';
import { createApp } from './app.js';
import { listen } from './server.js';
import type { Listening } from './server.js';
import { harness } from './test-support/harness.js';
import type { Harness } from './test-support/harness.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const built = existsSync(join(WEB_DIST, 'index.html'));
if (!hasChromium) console.warn(`skipping local mode in Chromium: no browser at ${CHROMIUM}`);
else if (!built) console.warn('skipping the web app under its CSP: web/dist is not built (npm run build:web)');

describe.skipIf(!hasChromium)('local mode in Chromium', () => {
  let h: Harness;
  let server: Listening;
  let browser: Browser;

  beforeAll(async () => {
    h = await harness();
    await h.store.ensureLearner();
    await h.store.appendEvents('local', [
      {
        id: 'secret-note',
        type: 'note',
        at: '2026-03-04T10:00:00.000Z',
        item: undefined,
        hours: undefined,
        date: undefined,
        text: 'a private note',
        undoes: undefined,
      },
    ]);
    const app = createApp({ store: h.store, curriculum: h.curriculum, clock: () => new Date(), webDist: WEB_DIST });
    server = await listen(app, { port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await h?.close();
  });

  it('gives a rebound page nothing: no backup, no note written', async () => {
    const page = await browser.newPage();
    try {
      const visit = await page.goto(`http://rebind.test:${server.port}/`);
      expect(visit?.status()).toBe(421);
      const outcome = await page.evaluate(async () => {
        const read = await fetch('/api/export?format=json');
        const write = await fetch('/api/progress/events', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: 'note', text: 'written by another site' }),
        });
        return { read: read.status, body: await read.text(), write: write.status };
      });
      expect(outcome.read).toBe(421);
      expect(outcome.body).not.toContain('a private note');
      expect(outcome.write).toBe(421);
      expect((await h.store.listEvents('local')).map((e) => e.id)).toEqual(['secret-note']);
    } finally {
      await page.close();
    }
  });

  it.skipIf(!built)('runs the built web app under its CSP with no violation', async () => {
    const page = await browser.newPage();
    try {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      // Chromium reports each violation on the console too; this also catches any it would not.
      await page.addInitScript({
        content: `document.addEventListener('securitypolicyviolation', (e) =>
          console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));`,
      });
      const response = await page.goto(`http://127.0.0.1:${server.port}/`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
      await page.waitForSelector('#root > *');
      await page.goto(`http://127.0.0.1:${server.port}/roadmap`);
      await page.waitForSelector('#root > *');
      await page.waitForTimeout(500);
      expect(violations).toEqual([]);
      const framed = await page.evaluate(async () => (await fetch('/')).headers.get('x-frame-options'));
      expect(framed).toBe('DENY');
    } finally {
      await page.close();
    }
  });
});
