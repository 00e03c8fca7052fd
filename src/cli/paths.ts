/**
 * @module paths
 * Where the shipped curriculum and the built web app live, found from this file so that it works
 * from `src/` (tests), from `dist/` (the compiled CLI) and from `dist/bin/` (the bundled CLI) alike:
 * all three are two folders below the project root, so files that find things from their own
 * place keep to this module (or to that depth).
 */
import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';

export const SHIPPED_CURRICULUM = fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url));

/** The built web app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** A curriculum folder from a flag (relative to cwd), or the shipped one. */
export function curriculumDir(flag: string | undefined, cwd: string): string {
  if (flag === undefined) return SHIPPED_CURRICULUM;
  return isAbsolute(flag) ? flag : resolve(cwd, flag);
}
