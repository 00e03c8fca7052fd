#!/usr/bin/env node
// Runs the built CLI (built by `npm install` through the `prepare` script): the bundle in
// dist/bin when it is at least as new as the compiled modules in dist/cli, else those modules.
// These two messages come before any of mlpath is loaded (the catalogue included), so they are
// written here in both languages.
import { statSync } from 'node:fs';

const modified = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
const compiled = new URL('../dist/cli/main.js', import.meta.url);
const bundled = new URL('../dist/bin/start.js', import.meta.url);
const compiledAt = modified(compiled);
if (compiledAt === undefined) {
  process.stderr.write(
    'mlpath is not built yet: run `npm install` (or `npm run build`) in the project folder.\n' +
      'mlpath 尚未构建：请在项目文件夹中运行 `npm install`（或 `npm run build`）。\n',
  );
  process.exit(1);
}
let main;
try {
  ({ main } = await import((modified(bundled) ?? -1) >= compiledAt ? bundled.href : compiled.href));
} catch (error) {
  // A build (`npm run build`, also run by `npm start`) rewrites dist/ file by file; a command
  // started meanwhile finds some modules missing or half-written.
  if (!process.env.MLPATH_DEBUG && (error?.code === 'ERR_MODULE_NOT_FOUND' || error instanceof SyntaxError)) {
    process.stderr.write(
      'mlpath is being rebuilt (or its build is incomplete): try again when `npm run build` has finished.\n' +
        'mlpath 正在重新构建（或构建不完整）：请等 `npm run build` 完成后再试。\n',
    );
    process.exit(1);
  }
  throw error;
}
process.exitCode = await main(process.argv.slice(2));
