/**
 * @module bench/web
 * The web app's two figures:
 * 1. initial JavaScript, gzipped: the entry script and the modules it preloads (target <= 250 KB);
 * 2. time to interactive of the roadmap view of the full shipped curriculum in headless Chromium:
 *    from navigation until every skill tile of the path is drawn and a click on one opens its panel.
 * Needs `npm run build && npm run build:web`. Run: `npx tsx bench/web.bench.ts [runs]`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'web', 'dist');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const runs = Number(process.argv[2] ?? 5);

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function initialJavaScript(): { files: string[]; raw: number; gzipped: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) if (match[1]) files.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
    if (match[1]) files.add(match[1]);
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file.replace(/^\//, '')));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], raw, gzipped };
}

async function startServer(home: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(root, 'bin', 'mlpath.js'), 'serve', '--port', '0'], {
    env: { ...process.env, MLPATH_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /https?:\/\/\S+/.exec(out);
      if (found) resolve(found[0]);
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`mlpath serve exited with ${code}:\n${err}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build:web` first');
  const initial = initialJavaScript();
  console.log(
    `initial JavaScript: ${initial.files.length} files, ${kb(initial.raw)} raw, ${kb(initial.gzipped)} gzipped (target <= 250 KB)`,
  );

  if (!existsSync(CHROMIUM)) {
    console.log(`time to interactive: skipped, no Chromium at ${CHROMIUM}`);
    return;
  }
  const home = mkdtempSync(join(tmpdir(), 'mlpath-bench-'));
  const server = await startServer(home);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const curriculum = (await (await fetch(`${server.url}/api/curriculum`)).json()) as {
      skills: { id: string }[];
      startingPoints: { id: string }[];
    };
    const saved = await fetch(`${server.url}/api/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ startingPoint: curriculum.startingPoints[0]?.id }),
    });
    // With a profile the roadmap also loads the plan (as a learner sees it); without one it is
    // still open to browse, so the figure is measured either way.
    if (!saved.ok)
      console.log(`note: no profile saved (${saved.status}); measuring the roadmap as browsed before onboarding`);
    const skills = curriculum.skills.length;
    const drawn: number[] = [];
    const interactive: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A new context each run: a cold cache, as on a first visit.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${server.url}/#/roadmap`);
      // A locator, not a page function: the served pages' CSP forbids evaluating strings.
      await page
        .locator('[data-testid="roadmap-path"] [data-skill]')
        .nth(skills - 1)
        .waitFor({ state: 'attached', timeout: 60_000 });
      drawn.push(performance.now() - start);
      const first = curriculum.skills[0]?.id ?? '';
      await page.locator(`[data-testid="roadmap-path"] [data-skill="${first}"]`).click();
      await page.getByTestId('skill-panel').waitFor();
      interactive.push(performance.now() - start);
      await context.close();
    }
    console.log(`roadmap of ${skills} skills, ${runs} cold loads in headless Chromium:`);
    console.log(
      `  path drawn:         median ${median(drawn).toFixed(0)} ms (min ${Math.min(...drawn).toFixed(0)}, max ${Math.max(...drawn).toFixed(0)})`,
    );
    console.log(
      `  time to interactive: median ${median(interactive).toFixed(0)} ms (min ${Math.min(...interactive).toFixed(0)}, max ${Math.max(...interactive).toFixed(0)})`,
    );
  } finally {
    await browser.close();
    server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
