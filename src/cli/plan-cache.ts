/**
 * @module plan-cache
 * The plans `today` and `status` are made from (the plan from the profile alone and the re-plan from
 * today), kept in the cache folder between commands: planning the whole route costs more than
 * everything else these commands do, and nothing it depends on changes between most of them. One
 * file per learner holds the last plans and their key; the learner layer keys them by the profile,
 * today, the first plan and the fold of the log (learner/progress.ts), and this cache adds the
 * curriculum's version (its files, as the curriculum cache keys it) and the version of the code that
 * plans (every compiled file of the core and the learner layer). A cache that cannot be read or
 * written is simply not used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Curriculum } from '../core/model.js';
import type { PlanCache } from '../learner/context.js';
import { curriculumKey, stamp } from './curriculum-cache.js';

const FORMAT = 1;
const CODE_DIRS = ['../core/', '../learner/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

/** Every .js or .ts file under a folder, stamped (path, size, modification time), in a stable order. */
function stamps(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(js|ts)$/.test(f))
    .sort()
    .map((f) => stamp(join(dir, f)));
}

let code: string | undefined;

/** The plan cache of one learner in a cache folder; undefined without a folder or a cached curriculum. */
export function planCache(dir: string | undefined, curriculum: Curriculum, learnerId: string): PlanCache | undefined {
  const loaded = curriculumKey(curriculum);
  if (dir === undefined || loaded === undefined) return undefined;
  const file = join(dir, `plans-${createHash('sha256').update(learnerId).digest('hex').slice(0, 12)}.json`);
  // The code's version is read on first use (commands that do not plan never pay for it).
  const full = (key: string): string => {
    code ??= createHash('sha256')
      .update(JSON.stringify(CODE_DIRS.flatMap(stamps)))
      .digest('hex');
    return createHash('sha256')
      .update(JSON.stringify([FORMAT, code, loaded, key]))
      .digest('hex');
  };
  return {
    get(key) {
      try {
        const text = readFileSync(file, 'utf8');
        const newline = text.indexOf('\n');
        return text.slice(0, newline) === full(key) ? text.slice(newline + 1) : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, `${full(key)}\n${value}`);
        renameSync(temporary, file);
      } catch {
        // A read-only or full disk only costs speed.
      }
    },
  };
}
