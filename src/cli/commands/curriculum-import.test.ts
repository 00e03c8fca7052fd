import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { memoryIo } from '../io.js';
import { main } from '../main.js';

const FIXTURE = fileURLToPath(new URL('../../importers/fixtures/roadmap-sh/tiny-ml', import.meta.url));

describe('mlpath curriculum import', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const work = (): string => {
    dir = mkdtempSync(join(tmpdir(), 'mlpath-import-cli-'));
    return dir;
  };

  it('imports a roadmap, prints the summary to stderr and writes a folder that passes the check', async () => {
    const cwd = work();
    const io = memoryIo({ cwd });
    const status = await main(
      ['curriculum', 'import', '--from', 'roadmap-sh', FIXTURE, '-o', 'out', '--default-hours', '4'],
      io,
    );
    expect(status).toBe(0);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/imported roadmap\.sh tiny ml into out: 4 topics, 3 subtopics, 7 skills/);
    expect(io.stderr()).toMatch(/dropped 3:\n {2}- 1 title node: layout/);
    const curriculum = loadCurriculum(join(cwd, 'out'));
    expect(curriculum.meta.defaultSkillHours).toBe(4);
    const check = memoryIo({ cwd });
    expect(await main(['curriculum', 'check', 'out'], check)).toBe(0);
  });

  it('prints the summary as JSON on stdout with --json', async () => {
    const cwd = work();
    const io = memoryIo({ cwd });
    expect(await main(['curriculum', 'import', '--from', 'roadmap-sh', FIXTURE, '-o', 'out', '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout()) as { ok: boolean; imported: Record<string, number>; files: string[] };
    expect(json.ok).toBe(true);
    expect(json.imported['skills']).toBe(7);
    expect(json.files).toContain('skills.yaml');
  });

  it('shows progress on stderr for a long import, accepting Metacademy tag spellings', async () => {
    const cwd = work();
    for (let i = 0; i < 60; i++) {
      mkdirSync(join(cwd, 'mc', 'concepts', `concept_${i}`), { recursive: true });
      writeFileSync(join(cwd, 'mc', 'concepts', `concept_${i}`, 'title.txt'), `concept ${i}\n`);
      if (i > 0)
        writeFileSync(join(cwd, 'mc', 'concepts', `concept_${i}`, 'dependencies.txt'), `tag: concept-${i - 1}\n`);
    }
    const io = memoryIo({ cwd });
    expect(await main(['curriculum', 'import', '--from', 'metacademy', 'mc', '-o', 'out'], io)).toBe(0);
    expect(io.stderr()).toMatch(/importing \[.*\] 60\/60/);
    expect(io.stdout()).toBe('');
    const curriculum = loadCurriculum(join(cwd, 'out'));
    expect(curriculum.skills.find((s) => s.id === 'concept-59')?.requires.map((r) => r.skill)).toEqual(['concept-58']);
  });

  it('prints the summary, the dropped items and the next step in Chinese with MLPATH_LANG=zh-CN', async () => {
    const cwd = work();
    const io = memoryIo({ cwd, env: { MLPATH_LANG: 'zh-CN' } });
    expect(await main(['curriculum', 'import', '--from', 'roadmap-sh', FIXTURE, '-o', 'out'], io)).toBe(0);
    const err = io.stderr();
    expect(err).toMatch(/已把 roadmap\.sh tiny ml 导入 out：4 个主题、3 个子主题、7 项技能/);
    expect(err).toContain('警告：roadmap.sh 没有给出时长：每个主题和子主题按 3 小时计（可用 --default-hours 修改）');
    expect(err).toMatch(/已舍弃 3 项：\n {2}- 1 个 title 节点：版面元素，不是主题或子主题/);
    expect(err).toContain('下一步：mlpath curriculum check out');
    expect(err).not.toMatch(/imported|dropped|warning|next:/);
  });

  it('rejects an unknown format in Chinese, with the suggestion', async () => {
    const cwd = work();
    const io = memoryIo({ cwd, env: { LANG: 'zh_CN.UTF-8' } });
    expect(await main(['curriculum', 'import', '--from', 'roadmapsh', FIXTURE, '-o', 'out'], io)).toBe(2);
    expect(io.stderr()).toContain('--from：未知格式“roadmapsh”；你是不是想输入 “roadmap-sh”？');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('reports a missing source folder in Chinese and writes nothing', async () => {
    const cwd = work();
    const io = memoryIo({ cwd, env: { MLPATH_LANG: 'zh-CN' } });
    expect(await main(['curriculum', 'import', '--from', 'roadmap-sh', 'nowhere', '-o', 'out'], io)).toBe(1);
    expect(io.stderr()).toContain(
      'mlpath：无法导入 nowhere：没有这个文件夹；请给出含有 <slug>.json 和 content/ 的路线图文件夹',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('rejects an unknown format with a suggestion and writes nothing', async () => {
    const cwd = work();
    const io = memoryIo({ cwd });
    expect(await main(['curriculum', 'import', '--from', 'roadmapsh', FIXTURE, '-o', 'out'], io)).toBe(2);
    expect(io.stderr()).toMatch(/--from: unknown format "roadmapsh"; did you mean "roadmap-sh"\?/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('rejects a missing source naming it, and writes nothing', async () => {
    const cwd = work();
    const io = memoryIo({ cwd });
    expect(await main(['curriculum', 'import', '--from', 'metacademy', 'nowhere', '-o', 'out'], io)).toBe(1);
    expect(io.stderr()).toMatch(/cannot import nowhere: no such folder/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('reports malformed JSON with file and line, with no stack trace, and writes nothing', async () => {
    const cwd = work();
    const source = join(cwd, 'tiny-ml');
    cpSync(FIXTURE, source, { recursive: true });
    writeFileSync(join(source, 'tiny-ml.json'), '{\n  "nodes": [,]\n}\n');
    const io = memoryIo({ cwd });
    expect(await main(['curriculum', 'import', '--from', 'roadmap-sh', 'tiny-ml', '-o', 'out'], io)).toBe(1);
    expect(io.stderr()).toMatch(/tiny-ml\/tiny-ml\.json:2:\d+: malformed JSON/);
    expect(io.stderr()).not.toMatch(/\n\s+at /);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    expect(readdirSync(cwd)).toEqual(['tiny-ml']);
  });

  it('reports a missing content folder and writes nothing', async () => {
    const cwd = work();
    const source = join(cwd, 'tiny-ml');
    cpSync(FIXTURE, source, { recursive: true });
    rmSync(join(source, 'content'), { recursive: true });
    const io = memoryIo({ cwd });
    expect(await main(['curriculum', 'import', '--from', 'roadmap-sh', 'tiny-ml', '-o', 'out'], io)).toBe(1);
    expect(io.stderr()).toMatch(/tiny-ml\/content: missing content folder/);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('reports malformed Markdown with file and line and writes nothing', async () => {
    const cwd = work();
    writeFileSync(
      join(cwd, 'README.md'),
      '# Curriculum\n\n## Basics\n\nCourses | Duration | Effort\n:-- | :--: | :--:\n[A](https://a.example) | 2 weeks | 2 hours/week | 9\n',
    );
    const io = memoryIo({ cwd });
    expect(await main(['curriculum', 'import', '--from', 'ossu', 'README.md', '-o', 'out'], io)).toBe(1);
    expect(io.stderr()).toMatch(/README\.md:7:1: a table row with 4 cells under a header of 3/);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('rejects a bad --default-hours value (decimal digits only: 0x4 is a typo, not 4 hours)', async () => {
    const cwd = work();
    for (const hours of ['lots', '0x4']) {
      const io = memoryIo({ cwd });
      expect(
        await main(
          ['curriculum', 'import', '--from', 'roadmap-sh', FIXTURE, '-o', 'out', '--default-hours', hours],
          io,
        ),
      ).toBe(2);
      expect(io.stderr()).toMatch(/--default-hours: expected a number of hours above 0/);
      expect(readdirSync(cwd)).toEqual([]);
    }
  });

  it('refuses to overwrite a folder that holds files', async () => {
    const cwd = work();
    const io = memoryIo({ cwd });
    expect(await main(['curriculum', 'import', '--from', 'roadmap-sh', FIXTURE, '-o', 'out'], io)).toBe(0);
    const again = memoryIo({ cwd });
    expect(await main(['curriculum', 'import', '--from', 'roadmap-sh', FIXTURE, '-o', 'out'], again)).toBe(1);
    expect(again.stderr()).toMatch(/already holds files/);
  });
});
