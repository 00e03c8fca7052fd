/**
 * @module files
 * Which files make up a curriculum folder. Apart from the loader (no YAML parser, no schema), so
 * the curriculum cache can check its key without loading them.
 */
import { readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The YAML files of a curriculum folder, in the order their items count as authored (each folder's
 * entries by `localeCompare`). `authored: false` skips that ordering (the files in no particular
 * order) for a caller that only needs the set: the first `localeCompare` of a process sets up
 * the collator, about 15 ms.
 */
export function curriculumFiles(folder: string, authored = true): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (authored) entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.ya?ml$/i.test(entry.name)) found.push(path);
    }
  };
  visit(folder);
  return found;
}

/**
 * A path as messages show it: relative to `cwd` when inside it (`curricula/x/skills.yaml`), else
 * absolute, never climbing out of `cwd` (`../../tmp/x` says less than `/tmp/x`).
 */
export function shownPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? resolve(cwd, path) : rel;
}
