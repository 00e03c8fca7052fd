/**
 * @module cli/test-support/spawn-cli
 * The real CLI as a child process, from the TypeScript sources (no build needed): for tests and
 * benchmarks that need a process of its own (a server to signal, drain or run twice). Its output
 * is piped to the caller; its input is closed.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio, SpawnOptions } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The repository's root, where `src/cli/main.ts` is found. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const RUN_MAIN =
  "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv.slice(1));";

/** Start `mlpath ARGS…` (run in the repository's root unless `cwd` says otherwise). */
export function spawnCli(
  args: readonly string[],
  options: Omit<SpawnOptions, 'stdio'> = {},
): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUN_MAIN, ...args], {
    cwd: REPO_ROOT,
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
