/**
 * @module importers/test-support/corpora
 * Where the shared test corpora (Metacademy, OSSU) are: `../shared/corpora` beside the project root.
 * Tests over them are skipped, visibly, only when the folder is absent, and never in CI.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPORA = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));

/** Whether to skip a corpus's tests; says why on stderr when it does. */
export function skipWithoutCorpus(relativePath: string): boolean {
  const path = `${CORPORA}${relativePath}`;
  if (existsSync(path)) return false;
  if (process.env['CI'] === 'true') return false; // in CI a missing corpus must fail, not skip
  process.stderr.write(`skipping the tests over ../shared/corpora/${relativePath}: the folder is absent\n`);
  return true;
}
