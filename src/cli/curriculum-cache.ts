/**
 * @module curriculum-cache
 * Loading and validating the shipped curriculum (hundreds of YAML entries) takes longer than
 * everything else a command like `mlpath today` does. The validated curriculum is therefore kept
 * as JSON in the cache folder, keyed by every curriculum file's path, size and modification time
 * and by the loader's own files: change any of them and the curriculum is loaded afresh.
 * A cache that cannot be read or written is simply not used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';
import { curriculumFiles } from '../content/files.js';
import type { Curriculum } from '../core/model.js';

const FORMAT = 1;
const LOADER_DIR = fileURLToPath(new URL('../content/', import.meta.url));

/** Where caches go: MLPATH_HOME/cache, or the platform's cache folder. */
export function cacheDir(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const home = env['MLPATH_HOME'];
  if (home !== undefined && home !== '') return join(resolve(cwd, home), 'cache');
  return envPaths('mlpath', { suffix: '' }).cache;
}

/** The key each curriculum was loaded under (its files' and the loader's version), for caches made from it. */
const keys = new WeakMap<Curriculum, string>();

/** The key a curriculum loaded by loadCurriculumCached was kept under; undefined when the cache was not used. */
export function curriculumKey(curriculum: Curriculum): string | undefined {
  return keys.get(curriculum);
}

/** A file's path, size and modification time. */
export function stamp(file: string): string {
  const s = statSync(file);
  return `${file}\u0000${s.size}\u0000${s.mtimeMs}`;
}

/**
 * The curriculum of a folder, from the cache when it holds the files' current version; else loaded
 * and validated (the loader, with its YAML parser and schema, is imported only then) and kept.
 */
export async function loadCurriculumCached(folder: string, cwd: string, dir: string | undefined): Promise<Curriculum> {
  const loadCurriculum = async (f: string, c: string): Promise<Curriculum> =>
    (await import('../content/load.js')).loadCurriculum(f, c);
  if (dir === undefined) return loadCurriculum(folder, cwd);
  let key: string;
  try {
    const loader = readdirSync(LOADER_DIR)
      .filter((f) => /\.(js|ts)$/.test(f))
      .sort()
      .map((f) => stamp(join(LOADER_DIR, f)));
    // The set of files is the key: sorted as plain strings, not in the authored order.
    const files = curriculumFiles(folder, false).sort().map(stamp);
    key = createHash('sha256')
      .update(JSON.stringify([FORMAT, loader, files]))
      .digest('hex')
      .slice(0, 24);
  } catch {
    return loadCurriculum(folder, cwd);
  }
  const prefix = `curriculum-${createHash('sha256').update(resolve(folder)).digest('hex').slice(0, 12)}-`;
  const file = join(dir, `${prefix}${key}.json`);
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as Curriculum;
    keys.set(cached, key);
    return cached;
  } catch {
    // No cache yet (or an unreadable one): load, validate, then keep it for next time.
  }
  const curriculum = await loadCurriculum(folder, cwd);
  keys.set(curriculum, key);
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(curriculum));
    renameSync(temporary, file);
    for (const old of readdirSync(dir)) {
      if (old.startsWith(prefix) && join(dir, old) !== file) rmSync(join(dir, old), { force: true });
    }
  } catch {
    // A read-only or full disk only costs speed.
  }
  return curriculum;
}
