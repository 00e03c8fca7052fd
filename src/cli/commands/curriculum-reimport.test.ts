import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { foldProgress } from '../../core/progress.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { databaseFile } from '../../store/open.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';

const FIXTURES = fileURLToPath(new URL('../../importers/fixtures/roadmap-sh/', import.meta.url));

const homes: TestHome[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

describe('mlpath curriculum import --force over an earlier import of the same roadmap', () => {
  it('keeps the progress recorded on a relabelled topic and on two topics sharing a label, and says what changed', async () => {
    const home = testHome();
    homes.push(home);
    const folder = join(home.dir, 'roadmap');
    const on = { MLPATH_CURRICULUM: folder };
    const first = await home.run([
      'curriculum',
      'import',
      '--from',
      'roadmap-sh',
      `${FIXTURES}relabel-v1`,
      '-o',
      'roadmap',
    ]);
    expect(first.status).toBe(0);
    // Progress recorded by the readable names of version 1.
    expect((await home.run(['done', 'lsmt'], on)).status).toBe(0);
    expect((await home.run(['done', 'linear-algebra-2'], on)).status).toBe(0);
    expect((await home.run(['learning', 'linear-algebra'], on)).status).toBe(0);

    const again = await home.run([
      'curriculum',
      'import',
      '--from',
      'roadmap-sh',
      `${FIXTURES}relabel-v2`,
      '-o',
      'roadmap',
      '--force',
    ]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain(
      'over the earlier import of this curriculum: 4 skills kept with their progress, 0 added, 0 removed, 1 renamed',
    );
    expect(again.stderr).toContain('renamed: "LSMT" is now "LSTM" (rellstm0000000000001)');

    const curriculum = loadCurriculum(folder);
    const store = await openSqliteStore(databaseFile(home.env()));
    try {
      const state = foldProgress(await store.listEvents('local'), curriculum);
      expect(state.skills).toEqual(
        new Map([
          ['rellstm0000000000001', 'done'], // "LSMT", now "LSTM"
          ['rellinalga00000000001', 'done'], // the "Linear Algebra" that was "linear-algebra-2"
          ['rellinalgb00000000001', 'learning'],
        ]),
      );
    } finally {
      await store.close();
    }
    // The old readable name still answers (the skill is done already), and so does the new one.
    expect((await home.run(['done', 'lsmt'], on)).stdout).toBe(
      'Already done: LSTM (nothing new recorded, no hours logged again)\n',
    );
    expect((await home.run(['reset', 'lstm'], on)).status).toBe(0);
  });

  it('refuses to replace a folder that holds more than a curriculum, even with --force, and changes nothing', async () => {
    const home = testHome();
    homes.push(home);
    const folder = join(home.dir, 'roadmap');
    expect(
      (await home.run(['curriculum', 'import', '--from', 'roadmap-sh', `${FIXTURES}relabel-v1`, '-o', 'roadmap']))
        .status,
    ).toBe(0);
    writeFileSync(join(folder, 'notes.md'), 'mine');
    const before = readdirSync(folder).sort();
    const again = await home.run(
      ['curriculum', 'import', '--from', 'roadmap-sh', `${FIXTURES}relabel-v2`, '-o', 'roadmap', '--force'],
      { MLPATH_LANG: 'zh-CN' },
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      '输出文件夹 roadmap 中除了 mlpath 课程还有别的内容（notes.md）；--force 只替换仅含一份课程的文件夹',
    );
    expect(readdirSync(folder).sort()).toEqual(before);
    expect(loadCurriculum(folder).skills.find((s) => s.id === 'rellstm0000000000001')?.title).toEqual({ en: 'LSMT' });
  });
});

describe("an imported curriculum speaks its own words, in the interface's language", () => {
  it('plans and exports an English-only roadmap under a Chinese interface, with no machine-learning-engineer words', async () => {
    const home = testHome();
    homes.push(home);
    const folder = join(home.dir, 'roadmap');
    const on = { MLPATH_CURRICULUM: folder, MLPATH_LANG: 'zh-CN' };
    expect(
      (await home.run(['curriculum', 'import', '--from', 'roadmap-sh', `${FIXTURES}relabel-v2`, '-o', 'roadmap'], on))
        .status,
    ).toBe(0);
    const plan = await home.run(['plan', '--curriculum', folder, '--start', '2026-11-30', '--hours', '6'], on);
    expect(plan.stderr).toBe('');
    expect(plan.status).toBe(0);
    // The interface in Chinese, the curriculum's text in English, the last milestone neutral.
    expect(plan.stdout).toContain('你的学习计划：Roadmap order（roadmap-order）');
    expect(plan.stdout).toMatch(/计划全部完成：\d{4}-\d{2}-\d{2}（从开始算起 [\d.]+ 个月）。/);
    expect(plan.stdout).toContain('Neural Networks');
    expect(plan.stdout).not.toMatch(/求职|机器学习工程师|Job-ready|machine-learning engineer/);

    const init = await home.run(['init', '--yes', '--hours', '6', '--start', '2026-11-30'], on);
    expect(init.stderr).toBe('');
    expect((await home.run(['done', 'lstm'], on)).status).toBe(0);
    const md = await home.run(['export', '--format', 'md'], on);
    expect(md.stderr).toBe('');
    expect(md.status).toBe(0);
    expect(md.stdout.split('\n')[0]).toBe('# 我的学习进度：roadmap.sh relabel');
    expect(md.stdout).toContain('- [x] LSTM');
    const en = await home.run(['export', '--format', 'md'], { ...on, MLPATH_LANG: 'en' });
    expect(en.stdout.split('\n')[0]).toBe('# My progress: roadmap.sh relabel');
  });
});
