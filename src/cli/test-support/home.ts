/**
 * @module cli/test-support/home
 * A fresh MLPATH_HOME with the fixture curriculum, and a way to run `mlpath` in process
 * against it and read what a user would see.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_YAML } from '../../export/test-support/fixture.js';
import { tempDir } from '../../store/test-support/databases.js';
import { memoryIo } from '../io.js';
import { main } from '../main.js';

export interface TestHome {
  readonly dir: string;
  readonly home: string;
  readonly curriculum: string;
  env(extra?: Record<string, string>): Record<string, string>;
  run(
    args: readonly string[],
    extra?: Record<string, string>,
  ): Promise<{ status: number; stdout: string; stderr: string }>;
  remove(): void;
}

export function testHome(now = '2026-11-27T09:00:00.000Z'): TestHome {
  const dir = tempDir('mlpath-cli-');
  const home = join(dir, 'home');
  const curriculum = join(dir, 'curriculum');
  mkdirSync(curriculum, { recursive: true });
  writeFileSync(join(curriculum, 'fixture.yaml'), FIXTURE_YAML);
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    MLPATH_HOME: home,
    MLPATH_CURRICULUM: curriculum,
    MLPATH_NOW: now,
    MLPATH_LANG: 'en',
    TZ: 'UTC',
    ...extra,
  });
  return {
    dir,
    home,
    curriculum,
    env,
    run: async (args, extra) => {
      const io = memoryIo({ env: env(extra), cwd: dir });
      const status = await main(args, io);
      return { status, stdout: io.stdout(), stderr: io.stderr() };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
