// The bundled CLI's entry (copied to dist/bin/start.js by scripts/bundle-cli.mjs, which fills in
// CHUNKS). Node 20 keeps no compiled code between runs for ES modules, so every command compiled
// the bundle's modules again. The build also writes each module of the bundle as a CommonJS
// function body in dist/bin/cjs; this runs those through vm.Script with a V8 code cache: the
// first run of a command stores the compiled code of each module it loaded (with every function
// that run compiled) in dist/bin/cjs/cache/COMMAND, later runs of that command read it instead of
// compiling. Kept per command, as modules shared by commands (the entry, commander, messages) run
// different functions for each. A cache file is named by the module's content hash (computed at
// build time), Node's version and the architecture, so a cache never serves other code; V8 also refuses a cache made by another V8 or with other flags, and then the
// module is compiled and its cache written anew. A cache that cannot be read or written (a
// read-only install) only costs speed. Without require() of ES modules (better-auth is one, for
// `serve`) or the vm loader for import(), the ES module bundle beside this file runs instead.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

/** Each CommonJS module's file name (in cjs/) to its content hash; filled in by the build. */
const CHUNKS = /* CHUNKS */ {};

const dynamicImport = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
const cached = process.features.require_module === true && dynamicImport !== undefined;

/** The ES module bundle's main (Node versions without what the cached loader needs). */
async function esmMain() {
  return (await import('./main.js')).main;
}

/** What a run's caches are kept under: the command word (`help` for help on one), else `none`. */
function commandOf(argv) {
  const words = argv.filter((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--locale');
  const word = words[0] ?? 'none';
  return /^[a-z][a-z-]{0,31}$/.test(word) ? word : 'other';
}

function cachedMain() {
  const dir = new URL('./cjs/', import.meta.url);
  const cacheDir = new URL(`./cache/${commandOf(process.argv.slice(2))}/`, dir);
  const nodeRequire = createRequire(new URL('main.cjs', dir));
  const modules = new Map();
  /** Modules compiled without an accepted cache: their caches are written at exit. */
  const fresh = [];

  const load = (name) => {
    const known = modules.get(name);
    if (known) return known.exports;
    const hash = CHUNKS[name];
    if (hash === undefined) throw new Error(`mlpath: no bundled module ${name}`);
    const url = new URL(name, dir);
    const cacheFile = new URL(`${name}.${hash}.${process.version}-${process.arch}.v8`, cacheDir);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet.
    }
    const source = readFileSync(url, 'utf8');
    const script = new vm.Script(`(function (exports, require, module, __mlpathUrl, __mlpathImport) {${source}\n})`, {
      filename: url.href,
      cachedData,
      importModuleDynamically: dynamicImport,
    });
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ script, cacheFile });
    const module = { exports: {} };
    modules.set(name, module);
    const require = (specifier) =>
      specifier.startsWith('./') ? load(`${specifier.slice(2, -'.js'.length)}.cjs`) : nodeRequire(specifier);
    const importChunk = (specifier) => Promise.resolve().then(() => require(specifier));
    // import.meta.url as in the ES module of the same name beside this file: dist/bin is two folders
    // below the project root (src/cli/paths.ts), dist/bin/cjs three.
    const meta = new URL(`../${name.slice(0, -'.cjs'.length)}.js`, dir).href;
    script.runInThisContext()(module.exports, require, module, meta, importChunk);
    return module.exports;
  };

  process.once('exit', () => {
    if (fresh.length === 0) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
      for (const { script, cacheFile } of fresh) {
        const temporary = new URL(`${cacheFile.href}.${process.pid}.tmp`);
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      }
    } catch {
      // A read-only or full disk only costs speed.
    }
  });
  return load('main.cjs').main;
}

export const main = cached ? cachedMain() : await esmMain();
