// Bundles the compiled CLI (dist/cli, from tsc) into dist/bin: one entry and shared chunks, each
// command's modules in chunks of their own (the dynamic imports of src/cli/main.ts split them),
// so a command reads a handful of files instead of hundreds. dist/bin is two folders below the
// project root like src/cli and dist/cli, so paths found from import.meta.url stay right
// (src/cli/paths.ts). bin/mlpath.js runs this bundle when it is there, else dist/cli/main.js.
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// pg asks whether it runs in a Cloudflare Worker when it is loaded: without a `navigator` (Node 20)
// it probes `Response`, which makes Node load its whole fetch implementation (about 16 ms). The
// bundle is for Node only, so that probe is dropped from it; the `navigator` test stays.
const PG_PROBE = "if (typeof Response === 'function') {";
const nodeOnlyPg = {
  name: 'node-only-pg',
  setup(b) {
    b.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (!source.includes(PG_PROBE)) {
        console.warn(`bundle-cli: ${path} no longer has the Response probe; bundled as it is`);
        return undefined;
      }
      return { contents: source.replace(PG_PROBE, 'if (false) {'), loader: 'js' };
    });
  },
};

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
  plugins: [nodeOnlyPg],
  logLevel: 'warning',
  legalComments: 'none',
  // Node compiles every module a command loads before running it: less text is less to scan
  // (about a third of the bytes). Names are kept, so errors and stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
});
rmSync(retired, { recursive: true, force: true });
try {
  renameSync(target, retired);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(outdir, target);
rmSync(retired, { recursive: true, force: true });
