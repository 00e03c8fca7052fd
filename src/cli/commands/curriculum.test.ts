import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { main } from '../main.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => `src/content/fixtures/${name}`;

async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const io = memoryIo({ cwd: root });
  const status = await main(argv, io);
  return { status, stdout: io.stdout(), stderr: io.stderr() };
}

describe('mlpath curriculum check', () => {
  it('exits 0 on the shipped curriculum', async () => {
    const { status, stderr } = await run('curriculum', 'check');
    expect(stderr).toMatch(/^ok: /);
    expect(stderr).not.toMatch(/warning/);
    expect(status).toBe(0);
  });

  it('exits non-zero with file:line:col on each broken fixture', async () => {
    for (const name of [
      'broken-yaml',
      'unknown-key',
      'wrong-type',
      'missing-locale',
      'duplicate-id',
      'unknown-ref',
      'cycle',
      'effort-no-source',
      'bad-url',
    ]) {
      const { status, stdout, stderr } = await run('curriculum', 'check', fixture(name));
      expect(status, name).toBe(1);
      expect(stdout, name).toBe('');
      expect(stderr, name).toMatch(new RegExp(`src/content/fixtures/${name}/\\w+\\.yaml:\\d+:\\d+: `));
      expect(stderr, name).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('prints only JSON on stdout with --json, even when invalid', async () => {
    const { status, stdout } = await run('curriculum', 'check', fixture('cycle'), '--json');
    expect(status).toBe(1);
    const parsed = JSON.parse(stdout) as { ok: boolean; problems: { message: string }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.problems[0]?.message).toMatch(/cycle: a -> b -> c -> a/);
  });

  it('rejects an unknown flag with a usage error', async () => {
    const { status, stderr } = await run('curriculum', 'check', '--strictt');
    expect(status).toBe(2);
    expect(stderr).toMatch(/unknown option '--strictt'/);
  });
});

describe('mlpath curriculum show --json', () => {
  it('prints the normalized curriculum with a list of objects with ids per kind', async () => {
    const { status, stdout } = await run('curriculum', 'show', '--json');
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    for (const key of ['skills', 'resources', 'stages', 'routes', 'startingPoints', 'roles', 'projects']) {
      const list = json[key];
      expect(Array.isArray(list), key).toBe(true);
      for (const item of list as { id?: unknown }[]) expect(typeof item.id, key).toBe('string');
    }
    expect((json['skills'] as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('the mlpath binary', () => {
  beforeAll(() => {
    if (!existsSync(`${root}dist/cli/main.js`)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }, 120_000);

  it('runs from the compiled JavaScript and reports errors without a stack trace', () => {
    const ok = spawnSync('node', ['bin/mlpath.js', 'curriculum', 'check'], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync('node', ['bin/mlpath.js', 'curriculum', 'check', fixture('unknown-ref')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/skills\.yaml:7:16: unknown skill "algebr" as prerequisite/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the mlpath binary in a pipeline', () => {
  it('stops quietly when the reader closes the pipe early', () => {
    const result = spawnSync('sh', ['-c', 'node bin/mlpath.js curriculum show --json | head -c 10 >/dev/null'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
  });
});

describe('mlpath curriculum check in Chinese', () => {
  async function runZh(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    const io = memoryIo({ cwd: root, env: { MLPATH_LANG: 'zh-CN' } });
    const status = await main(argv, io);
    return { status, stdout: io.stdout(), stderr: io.stderr() };
  }

  it('prints the ok summary in Chinese, with the curriculum title in Chinese', async () => {
    const { status, stderr } = await runZh('curriculum', 'check');
    expect(status).toBe(0);
    expect(stderr).toMatch(/^通过：\S+ [\d.]+：\d+ 项技能、\d+ 条先修关系、\d+ 个资源、\d+ 个阶段、/);
    expect(stderr).not.toMatch(/^ok: /);
    expect(stderr).not.toMatch(/skills|resources/);
  });

  it('counts the problems in Chinese and keeps each file:line:col place', async () => {
    const { status, stderr } = await runZh('curriculum', 'check', fixture('cycle'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/^mlpath：\d+ 个文件中有 1 个问题\n/);
    expect(stderr).toMatch(/src\/content\/fixtures\/cycle\/\w+\.yaml:\d+:\d+: /);
    expect(stderr).toContain('逐一修正列出的位置，然后再次运行 `mlpath curriculum check`');
  });

  it('gives curriculum authors each problem in Chinese at its file:line:col', async () => {
    const { status, stderr } = await runZh('curriculum', 'check', fixture('unknown-ref'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/skills\.yaml:7:16: 未知的技能“algebr”（用作先修）/);
    expect(stderr).not.toContain('unknown skill');
    const many = await runZh('curriculum', 'check', fixture('many-errors'));
    expect(many.stderr).toMatch(/skills\.yaml:\d+:\d+: skills\[0\]\.id：应为 kebab-case 形式的 id/);
    expect(many.stderr).toMatch(/stages\.yaml:\d+:\d+: 缺少语言 zh-CN 的文本/);
  });
});
