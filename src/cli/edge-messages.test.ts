import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MlpathError } from '../core/errors.js';
import { parseBackup } from '../export/backup.js';
import { openSqliteStore } from '../store/sqlite.js';
import { TEXT_RESOURCES } from '../i18n/resources.js';
import { emsg, translateMessage } from './edge-messages.js';
import type { EdgeKey } from './edge-messages.js';
import { reportError } from './exit-codes.js';
import { memoryIo } from './io.js';

const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

async function caught(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('edge messages', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('recognises each English template filled with values and gives the Chinese one', () => {
    const templates: Record<string, string> = { ...TEXT_RESOURCES.en.errors, ...TEXT_RESOURCES.en.notes };
    const codedOnly =
      /^(prefix|withHint|didYouMean|import\.uploaded|import\.notEmpty|backup\.notJsonAt|issue\..*|json\..*|.*\.web)$/;
    for (const [form, template] of Object.entries(templates)) {
      if (codedOnly.test(form.replace(/_(one|other)$/, ''))) continue;
      const key = form.replace(/_(one|other)$/, '') as EdgeKey;
      const values: Record<string, string | number> = Object.fromEntries(
        names(template).map((name) => [name, `<${name}>`]),
      );
      if (key !== form) values['count'] = form.endsWith('_one') ? 1 : 2;
      const scope = key.startsWith('drop.') || key.startsWith('warn.') ? 'note' : 'error';
      expect(translateMessage('zh-CN', emsg('en', key, values), scope), form).toBe(emsg('zh-CN', key, values));
    }
  });

  it('leaves a message without a template, and every message in English, as it is', () => {
    // An importer's short note template ("{owner} requires {tag}") is not tried on errors.
    const error = 'this step requires a profile; run mlpath init';
    expect(translateMessage('zh-CN', error)).toBe(error);
    expect(translateMessage('zh-CN', 'a requires b', 'note')).toBe('a 依赖 b');
    expect(translateMessage('zh-CN', 'something nobody wrote down')).toBe('something nobody wrote down');
    expect(translateMessage('en', 'cannot open x.db: EACCES')).toBe('cannot open x.db: EACCES');
  });

  it('translates the message inside a wrapper and keeps the place and system text', () => {
    expect(translateMessage('zh-CN', 'cannot import tiny/tiny.json: malformed JSON: expected a value, found "}"')).toBe(
      '无法导入 tiny/tiny.json：JSON 格式错误：应为 a value，实际为 "}"',
    );
    expect(translateMessage('zh-CN', 'cannot open /data/mlpath.db: EACCES: permission denied')).toBe(
      '无法打开 /data/mlpath.db：EACCES: permission denied',
    );
  });

  it('shows a real store refusal (a database that is not ours) in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlpath-edge-'));
    dirs.push(dir);
    const file = join(dir, 'other.db');
    const other = new BetterSqlite3(file);
    other.pragma('application_id = 1234');
    other.close();
    const error = await caught(() => openSqliteStore(file));
    const io = memoryIo({ env: { MLPATH_LANG: 'zh-CN' } });
    expect(reportError(error, io)).toBe(3);
    expect(io.stderr()).toContain(
      `mlpath：${file} 不是 mlpath 数据库（它属于另一个应用程序，id 为 0x4d2）；未做任何改动`,
    );
    expect(io.stderr()).toContain('让 MLPATH_HOME 指向 mlpath 专用的文件夹');
    expect(io.stderr()).not.toContain('it was left untouched');
  });

  it('shows real backup refusals (not JSON, not a backup, from a newer mlpath) in Chinese', async () => {
    const io = memoryIo({ env: { LANG: 'zh_CN.UTF-8' } });
    reportError(await caught(() => parseBackup('{"format": 1,}', 'b.json')), io);
    reportError(await caught(() => parseBackup('{"name": "left-pad"}', 'p.json')), io);
    reportError(await caught(() => parseBackup('{"format": "mlpath-backup", "version": 9}', 'f.json')), io);
    const err = io.stderr();
    expect(err).toMatch(/b\.json:1:\d+：不是有效的 JSON（.*）；未导入任何内容/);
    expect(err).toContain('p.json：不是 mlpath 备份（没有 "format": "mlpath-backup"）；未导入任何内容');
    expect(err).toContain('f.json：由更新版本的 mlpath 写入（备份版本 9；');
    expect(err).toContain('请提供 `mlpath export --format json` 写出的文件');
    expect(err).not.toContain('nothing was imported');
  });

  it('says "unexpected error" and how to see details in the chosen language', () => {
    const zh = memoryIo({ env: { MLPATH_LANG: 'zh-CN' } });
    expect(reportError(new Error('boom'), zh)).toBe(70);
    expect(zh.stderr()).toBe('mlpath：意外错误：boom\n设置 MLPATH_DEBUG=1 可查看详情；请报告此问题。\n');
    const en = memoryIo({ env: {} });
    reportError(new Error('boom'), en);
    expect(en.stderr()).toBe('mlpath: unexpected error: boom\nSet MLPATH_DEBUG=1 for details, and please report it.\n');
  });

  it('translates the problems listed under an error, keeping their places', () => {
    const io = memoryIo({ env: { MLPATH_LANG: 'zh-CN' } });
    const error = new MlpathError({
      code: 'IMPORT_INVALID',
      message: 'cannot import a/README.md: a table row with an empty Courses cell',
      problems: [
        { message: 'a table row with an empty Courses cell', place: { file: 'a/README.md', line: 7, column: 1 } },
      ],
    });
    reportError(error, io);
    expect(io.stderr()).toContain('mlpath：无法导入 a/README.md：表格行的 Courses 单元格为空\n');
    expect(io.stderr()).toContain('  a/README.md:7:1: 表格行的 Courses 单元格为空\n');
  });
});
