#!/usr/bin/env node
// Runs the built CLI (built by `npm install` through the `prepare` script): the bundle in
// dist/bin when it is at least as new as the compiled modules in dist/cli, else those modules.
import { statSync } from 'node:fs';

const modified = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
const compiled = new URL('../dist/cli/main.js', import.meta.url);
const bundled = new URL('../dist/bin/main.js', import.meta.url);
const compiledAt = modified(compiled);
if (compiledAt === undefined) {
  process.stderr.write('mlpath is not built yet: run `npm install` (or `npm run build`) in the project folder.\n');
  process.exit(1);
}
const { main } = await import((modified(bundled) ?? -1) >= compiledAt ? bundled.href : compiled.href);
process.exitCode = await main(process.argv.slice(2));
