// Bundles the compiled CLI (dist/cli, from tsc) into dist/bin: one entry and shared chunks, each
// command's modules in chunks of their own (the dynamic imports of src/cli/main.ts split them),
// so a command reads a handful of files instead of hundreds. dist/bin is two folders below the
// project root like src/cli and dist/cli, so paths found from import.meta.url stay right
// (src/cli/paths.ts). bin/mlpath.js runs this bundle when it is there, else dist/cli/main.js.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { build, transform } from 'esbuild';

/**
 * An esbuild plugin that replaces one line of a package's file in the bundle. When the package no
 * longer has the line (an update changed it), the file is bundled as it is, with a warning.
 */
function patchLine(name, filter, line, replacement) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        if (!source.includes(line)) {
          console.warn(`bundle-cli: ${path} no longer has \`${line}\` (${name}); bundled as it is`);
          return undefined;
        }
        return { contents: source.replace(line, replacement), loader: 'js' };
      });
    },
  };
}

// pg asks whether it runs in a Cloudflare Worker when it is loaded: without a `navigator` (Node 20)
// it probes `Response`, which makes Node load its whole fetch implementation (about 16 ms). The
// bundle is for Node only, so that probe is dropped from it; the `navigator` test stays.
const nodeOnlyPg = patchLine(
  'node-only-pg',
  /[\\/]pg[\\/]lib[\\/]stream\.js$/,
  "if (typeof Response === 'function') {",
  'if (false) {',
);

// commander loads child_process when it is loaded, only to spawn executable subcommands, which
// mlpath has none of; child_process brings net, dgram and Node's streams with it. In the bundle it
// is loaded on the first spawn instead.
const lazyChildProcess = patchLine(
  'lazy-child-process',
  /[\\/]commander[\\/]lib[\\/]command\.js$/,
  "const childProcess = require('node:child_process');",
  "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
);

// Built beside the old bundle and swapped in at the end, so a command started during the build
// runs the old bundle whole rather than a half-written one.
const target = new URL('../dist/bin/', import.meta.url);
const outdir = new URL('../dist/bin.next/', import.meta.url);
const retired = new URL('../dist/bin.old/', import.meta.url);
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outdir: outdir.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native or optional at run time, or large and needed by one command only: loaded from node_modules.
  external: ['better-sqlite3', 'pg-native', 'better-auth', 'better-auth/*'],
  // Bundled CommonJS packages (commander, pg) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __mlpathRequire } from 'node:module'; const require = __mlpathRequire(import.meta.url);",
  },
  plugins: [nodeOnlyPg, lazyChildProcess],
  logLevel: 'warning',
  legalComments: 'none',
  // Node compiles every module a command loads before running it: less text is less to scan
  // (about a third of the bytes). Names are kept, so errors and stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
});

// The same modules as CommonJS function bodies for dist/bin/start.js, which runs them with a V8 code
// cache (see scripts/cli-start.mjs). Each module's imports of the bundle's other modules become
// calls of the loader's require and import functions; Node's own modules and the external packages
// are required from node_modules.
const cjs = new URL('cjs/', outdir);
mkdirSync(cjs);
const chunks = {};
const names = new Set(readdirSync(outdir).filter((f) => f.endsWith('.js')));
const BANNER =
  /^import \{ createRequire as __mlpathRequire \} from 'node:module'; const require = __mlpathRequire\(import\.meta\.url\);\n/;
for (const name of names) {
  const esm = readFileSync(new URL(name, outdir), 'utf8');
  if (!BANNER.test(esm)) throw new Error(`bundle-cli: ${name} does not start with the banner`);
  const { code } = await transform(esm.replace(BANNER, ''), {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__mlpathUrl' },
    logLevel: 'warning',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
  });
  const body = code.replace(/\bimport\("\.\/([\w-]+\.js)"\)/g, (whole, file) => {
    if (!names.has(file)) throw new Error(`bundle-cli: ${name} imports ${file}, which is not in the bundle`);
    return `__mlpathImport("./${file}")`;
  });
  if (/\bimport\(/.test(body.replace(/"(?:[^"\\]|\\.)*"/g, '""')))
    throw new Error(`bundle-cli: ${name} keeps an import() the loader does not handle`);
  const file = name.replace(/\.js$/, '.cjs');
  writeFileSync(new URL(file, cjs), body);
  chunks[file] = createHash('sha256').update(body).digest('hex').slice(0, 16);
}
const start = readFileSync(new URL('cli-start.mjs', import.meta.url), 'utf8');
if (!start.includes('/* CHUNKS */ {}')) throw new Error('bundle-cli: cli-start.mjs has no CHUNKS to fill in');
writeFileSync(new URL('start.js', outdir), start.replace('/* CHUNKS */ {}', JSON.stringify(chunks)));

rmSync(retired, { recursive: true, force: true });
try {
  renameSync(target, retired);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(outdir, target);
rmSync(retired, { recursive: true, force: true });
