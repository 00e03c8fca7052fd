/**
 * @module paths
 * Where the shipped curriculum lives, found from this file so that it works from `src/` (tests)
 * and from `dist/` (the built CLI) alike.
 */
import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';

export const SHIPPED_CURRICULUM = fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url));

/** A curriculum folder from a flag (relative to cwd), or the shipped one. */
export function curriculumDir(flag: string | undefined, cwd: string): string {
  if (flag === undefined) return SHIPPED_CURRICULUM;
  return isAbsolute(flag) ? flag : resolve(cwd, flag);
}
