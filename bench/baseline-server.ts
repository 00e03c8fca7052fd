/**
 * The servers `baselines.bench.ts` measures, each started in its own process so that the load
 * generator never shares their event loop. Not a benchmark itself (run-all runs `*.bench.ts`).
 *
 *   node --import tsx bench/baseline-server.ts app DB_FILE [WEB_DIST]
 *     mlpath's own app over the SQLite file DB_FILE (already seeded), the shipped curriculum,
 *     and the built web app when WEB_DIST is given.
 *   node --import tsx bench/baseline-server.ts hono SPEC_FILE
 *     a bare Hono app: SPEC_FILE is JSON `{ get: { "/path": body }, post: { "/path": body } }`;
 *     each route answers its fixed body as application/json (a POST reads and parses its body
 *     first), and `/` answers a minimal page with one button that opens a panel.
 *
 * Prints `listening URL` on stdout once it accepts connections.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadCurriculum } from '../src/content/load.js';
import { createApp } from '../src/server/app.js';
import { listen } from '../src/server/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const SHIPPED = fileURLToPath(new URL('../curricula/ml-engineer', import.meta.url));

/** The minimal page: as small as a page can be and still be "interactive" the same way. */
export const MINIMAL_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>minimal</title></head>
<body><button id="open" data-testid="open">open</button>
<script>document.getElementById('open').addEventListener('click',function(){var d=document.createElement('div');d.setAttribute('data-testid','panel');d.textContent='panel';document.body.appendChild(d);});</script>
</body></html>`;

async function main(): Promise<void> {
  const [mode, file, webDist] = process.argv.slice(2);
  if (mode === 'app' && file) {
    const store = await openSqliteStore(file);
    const curriculum = loadCurriculum(SHIPPED);
    const app = createApp({ store, curriculum, clock: () => new Date(), webDist });
    const server = await listen(app, { port: 0, host: '127.0.0.1' });
    console.log(`listening ${server.url}`);
    process.once('SIGTERM', () => {
      void server
        .close()
        .then(() => store.close())
        .then(() => process.exit(0));
    });
    return;
  }
  if (mode === 'hono' && file) {
    const spec = JSON.parse(readFileSync(file, 'utf8')) as {
      get?: Record<string, string>;
      post?: Record<string, string>;
    };
    const app = new Hono();
    app.get('/', (c) => c.html(MINIMAL_PAGE));
    for (const [path, body] of Object.entries(spec.get ?? {}))
      app.get(path, (c) => c.body(body, 200, { 'content-type': 'application/json' }));
    for (const [path, body] of Object.entries(spec.post ?? {}))
      app.post(path, async (c) => {
        await c.req.json();
        return c.body(body, 201, { 'content-type': 'application/json' });
      });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      console.log(`listening http://127.0.0.1:${info.port}`);
    });
    process.once('SIGTERM', () => server.close(() => process.exit(0)));
    return;
  }
  console.error('usage: baseline-server.ts app DB_FILE [WEB_DIST] | hono SPEC_FILE');
  process.exit(2);
}

await main();
