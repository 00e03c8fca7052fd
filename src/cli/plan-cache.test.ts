import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../content/load.js';
import { FIXTURE_YAML } from '../export/test-support/fixture.js';
import { tempDir } from '../store/test-support/databases.js';
import { loadCurriculumCached } from './curriculum-cache.js';
import { planCache } from './plan-cache.js';
import { testHome } from './test-support/home.js';
import type { TestHome } from './test-support/home.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('the plan cache', () => {
  it('answers only for the key last kept, per learner, and only for a curriculum loaded through its cache', async () => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const folder = join(dir, 'curriculum');
    mkdirSync(folder);
    writeFileSync(join(folder, 'fixture.yaml'), FIXTURE_YAML);
    const cache = join(dir, 'cache');
    const curriculum = await loadCurriculumCached(folder, folder, cache);
    const mine = planCache(cache, curriculum, 'me');
    const theirs = planCache(cache, curriculum, 'them');
    expect(mine?.get('a')).toBeUndefined();
    mine?.set('a', 'plans of a');
    expect(mine?.get('a')).toBe('plans of a');
    expect(mine?.get('b')).toBeUndefined();
    expect(theirs?.get('a')).toBeUndefined();
    mine?.set('b', 'plans of b');
    expect([mine?.get('a'), mine?.get('b')]).toEqual([undefined, 'plans of b']);
    // A curriculum not loaded through the curriculum cache has no version to key plans by.
    expect(planCache(cache, loadCurriculum(folder), 'me')).toBeUndefined();
    expect(planCache(undefined, curriculum, 'me')).toBeUndefined();
  });
});

describe('today and status with kept plans', () => {
  const fresh = (): TestHome => {
    const h = testHome('2026-11-30T08:00:00.000Z');
    cleanups.push(() => h.remove());
    return h;
  };
  /** What a command prints with the plans kept, and with the cache folder emptied first. */
  const both = async (h: TestHome, args: string[]): Promise<[string, string]> => {
    const kept = await h.run(args);
    expect(kept.status, kept.stderr).toBe(0);
    for (const f of readdirSync(join(h.home, 'cache')).filter((f) => f.startsWith('plans-')))
      rmSync(join(h.home, 'cache', f));
    const made = await h.run(args);
    return [kept.stdout, made.stdout];
  };

  it('print what planning afresh prints, after every kind of change', async () => {
    const h = fresh();
    await h.run(['init', '--yes', '--start-point', 'from-scratch', '--hours', '10', '--start', '2026-11-30']);
    const views = async () => {
      for (const args of [['today', '--json'], ['status', '--json'], ['today'], ['burnup', '--json']]) {
        await h.run(args);
        const [kept, made] = await both(h, args);
        expect(kept).toBe(made);
      }
    };
    await views();
    expect(readdirSync(join(h.home, 'cache')).some((f) => f.startsWith('plans-'))).toBe(true);
    await h.run(['done', 'python-programming']);
    await views();
    await h.run(['log', '2h', '--on', 'cs50p']);
    await views();
    await h.run(['undo']);
    await views();
    await h.run(['init', '--yes', '--start-point', 'from-scratch', '--hours', '20', '--start', '2026-11-30']);
    await views();
    // Another day.
    const later = await h.run(['today', '--json'], { MLPATH_NOW: '2026-12-09T08:00:00.000Z' });
    rmSync(join(h.home, 'cache'), { recursive: true, force: true });
    expect((await h.run(['today', '--json'], { MLPATH_NOW: '2026-12-09T08:00:00.000Z' })).stdout).toBe(later.stdout);
  });
});
