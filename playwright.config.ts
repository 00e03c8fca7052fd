/**
 * @module playwright.config
 * Browser tests against the real server: `node bin/mlpath.js serve` on a free port with a fresh
 * temporary data directory (MLPATH_HOME), driven by Debian's Chromium. Nothing is built here:
 * `npm run test:e2e` builds first (its `pretest:e2e` script). No browser is ever downloaded.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// The config is evaluated by the runner and again by each worker; the environment carries the
// first evaluation's choices to the workers so they all talk to the one server.
const home = (process.env['MLPATH_E2E_HOME'] ??= mkdtempSync(join(tmpdir(), 'mlpath-e2e-')));
const port = Number((process.env['MLPATH_E2E_PORT'] ??= String(20_000 + Math.floor(Math.random() * 20_000))));
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'web/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: process.env['CI'] === 'true',
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    launchOptions: {
      ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // Accounts: starts its own `mlpath serve --multi-user` on PostgreSQL; independent of the rest.
    { name: 'accounts', testMatch: /sign-in\.spec\.ts/ },
    // Cohorts: its own `mlpath serve --multi-user` on PostgreSQL, like accounts.
    { name: 'cohorts', testMatch: /cohorts\.spec\.ts/ },
    // The journey starts from the fresh data directory, so it runs before anything else writes.
    { name: 'journey', testMatch: /journey\.spec\.ts/ },
    { name: 'pages', testMatch: /pages\.spec\.ts/, dependencies: ['journey'] },
    { name: 'offline', testMatch: /offline\.spec\.ts/, dependencies: ['journey'] },
    // Makes its own profile when run alone; keeps no posting when it ends.
    { name: 'jobs', testMatch: /jobs\.spec\.ts/, dependencies: ['journey'] },
    // Makes its own profile when run alone; leaves the profile's language and region as it found them.
    { name: 'region', testMatch: /region\.spec\.ts/, dependencies: ['journey'] },
    // Placement and review: starts its own `mlpath serve` over a fresh data directory; independent of the rest.
    { name: 'review', testMatch: /review\.spec\.ts/ },
    // Makes its own profile when run alone; clears the target date it sets.
    { name: 'forecast', testMatch: /forecast\.spec\.ts/, dependencies: ['journey'] },
    // This week after a tick: starts its own `mlpath serve` over a fresh data directory; independent of the rest.
    { name: 'week', testMatch: /week\.spec\.ts/ },
    // The learner's day in the browser's time zone: its own `mlpath serve` with a pinned clock; independent of the rest.
    { name: 'time-zone', testMatch: /time-zone\.spec\.ts/ },
    // Time off refused beside its dates in Settings: its own `mlpath serve`; independent of the rest.
    { name: 'weeks-off', testMatch: /weeks-off\.spec\.ts/ },
    // The Plan page's finish, range and pace: its own `mlpath serve` (a start weeks back); independent of the rest.
    { name: 'plan-finish', testMatch: /plan-finish\.spec\.ts/ },
  ],
  webServer: {
    command: `node bin/mlpath.js serve --port ${port}`,
    url: `${baseURL}/api/health`,
    env: { MLPATH_HOME: home, PORT: String(port) },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
