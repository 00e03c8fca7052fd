import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../content/load.js';
import { FIXTURE_YAML } from '../export/test-support/fixture.js';
import { tempDir } from '../store/test-support/databases.js';
import { loadCurriculumCached } from './curriculum-cache.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(): { folder: string; cache: string } {
  const dir = tempDir();
  dirs.push(dir);
  const folder = join(dir, 'curriculum');
  mkdirSync(folder);
  writeFileSync(join(folder, 'fixture.yaml'), FIXTURE_YAML);
  return { folder, cache: join(dir, 'cache') };
}

describe('the curriculum cache', () => {
  it('gives the same curriculum as loading the YAML, from the first load and from the cache', async () => {
    const { folder, cache } = setup();
    const direct = loadCurriculum(folder);
    expect(await loadCurriculumCached(folder, folder, cache)).toEqual(direct);
    expect(readdirSync(cache)).toHaveLength(1);
    expect(await loadCurriculumCached(folder, folder, cache)).toEqual(direct);
  });

  it('notices a changed curriculum file and keeps only the newest entry', async () => {
    const { folder, cache } = setup();
    await loadCurriculumCached(folder, folder, cache);
    writeFileSync(join(folder, 'fixture.yaml'), FIXTURE_YAML.replace('Fixture path', 'Changed path'));
    utimesSync(join(folder, 'fixture.yaml'), new Date(), new Date(Date.now() + 5000));
    expect((await loadCurriculumCached(folder, folder, cache)).meta.title['en']).toBe('Changed path');
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('never caches an invalid curriculum: the problems are reported every time', async () => {
    const { folder, cache } = setup();
    writeFileSync(join(folder, 'broken.yaml'), 'skills:\n  - id: Not An Id\n');
    await expect(loadCurriculumCached(folder, folder, cache)).rejects.toThrow(/problem/);
    await expect(loadCurriculumCached(folder, folder, cache)).rejects.toThrow(/problem/);
  });
});
