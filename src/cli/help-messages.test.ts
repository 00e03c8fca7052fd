import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { TEXT_RESOURCES } from '../i18n/resources.js';
import { commanderError, hmsg } from './help-messages.js';
import { memoryIo } from './io.js';
import { main } from './main.js';
import { msg } from './messages.js';

describe('help messages', () => {
  it('fills placeholders and falls back to English for other locales', () => {
    expect(hmsg('zh-CN', 'serve', { port: 4321 })).toContain('4321');
    expect(hmsg('fr', 'today')).toBe('what to study now, from the re-planned plan');
  });

  it("rewords commander's parse errors as the CLI's own: prefix, problem, and the command's --help", () => {
    const text = "error: unknown option '--hourz'\n(Did you mean --hours?)\n";
    expect(commanderError('zh-CN', text, 'mlpath plan')).toBe(
      "mlpath：未知选项 '--hourz'\n（你是不是想输入 “--hours”？）\n见 `mlpath plan --help`\n",
    );
    expect(commanderError('en', text, 'mlpath plan')).toBe(
      'mlpath: unknown option \'--hourz\'\n(did you mean "--hours"?)\nsee `mlpath plan --help`\n',
    );
    expect(commanderError('zh-CN', "error: too many arguments for 'today'. Expected 0 arguments but got 1.\n")).toBe(
      "mlpath：'today' 的参数过多。应为 0 个，实际为 1 个。\n见 `mlpath --help`\n",
    );
    expect(commanderError('zh-CN', "error: missing required argument 'id'\n", 'mlpath done')).toBe(
      "mlpath：缺少必需的参数 'id'\n见 `mlpath done --help`\n",
    );
    // A form without its own words keeps commander's, under the same prefix and pointer.
    expect(commanderError('en', "error: option '--x <v>' argument 'y' is invalid.\n", 'mlpath plan')).toBe(
      "mlpath: option '--x <v>' argument 'y' is invalid.\nsee `mlpath plan --help`\n",
    );
  });

  it('points an unknown flag to the failing command, subcommands included, in both languages', async () => {
    const en = memoryIo({ env: { LANG: 'en_US.UTF-8', MLPATH_HOME: '' } });
    expect(await main(['status', '--bogus'], en)).toBe(2);
    expect(en.stderr()).toBe("mlpath: unknown option '--bogus'\nsee `mlpath status --help`\n");
    const zh = memoryIo({ env: { MLPATH_LANG: 'zh-CN', MLPATH_HOME: '' } });
    expect(await main(['status', '--bogus'], zh)).toBe(2);
    expect(zh.stderr()).toBe("mlpath：未知选项 '--bogus'\n见 `mlpath status --help`\n");
    const sub = memoryIo({ env: { LANG: 'en_US.UTF-8', MLPATH_HOME: '' } });
    expect(await main(['project', 'add'], sub)).toBe(2);
    expect(sub.stderr()).toContain('see `mlpath project add --help`');
  });
});

describe('help widths', () => {
  // English help is measured without string-width (src/cli/width.ts): one column a character.
  it('English help is printable ASCII; Chinese help is measured as string-width measures it', async () => {
    const english = Object.values(TEXT_RESOURCES.en.help);
    expect(english.filter((text) => !/^[\x20-\x7e]*$/.test(text))).toEqual([]);
    const { displayWidth, loadWidths } = await import('./width.js');
    await loadWidths();
    for (const text of Object.values(TEXT_RESOURCES['zh-CN'].help)) expect(displayWidth(text)).toBe(stringWidth(text));
  });
});

describe('mlpath --help', () => {
  it('lists the commands in Chinese with MLPATH_LANG=zh-CN', async () => {
    const io = memoryIo({ env: { MLPATH_LANG: 'zh-CN' } });
    expect(await main(['--help'], io)).toBe(0);
    const out = io.stdout();
    expect(out).toContain('用法：');
    expect(out).toContain('命令：');
    expect(out).toContain('你的机器学习工程师之路');
    expect(out).toMatch(/plan \[options\]\s+制定从你的现状到课程目标的逐周计划/);
    expect(out).toMatch(/-h, --help\s+显示命令的帮助/);
    expect(out).not.toContain('Usage:');
    expect(out).not.toContain('display help for command');
  });

  it('describes the plan flags in Chinese when LANG is a Chinese system locale', async () => {
    const io = memoryIo({ env: { LANG: 'zh_CN.UTF-8' } });
    expect(await main(['plan', '--help'], io)).toBe(0);
    const out = io.stdout();
    expect(out).toMatch(/--hours <n>\s+每周有效学习小时数/);
    expect(out).toMatch(/--locale <locale>\s+输出语言：en 或 zh-CN/);
    expect(out).toContain('选项：');
    expect(out).not.toContain('effective study hours');
  });

  it('stays in English without a Chinese setting', async () => {
    const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
    expect(await main(['plan', '--help'], io)).toBe(0);
    expect(io.stdout()).toContain('Usage: mlpath plan [options]');
    expect(io.stdout()).toMatch(/--hours <n>\s+effective study hours a week/);
  });

  it('reports an unknown flag in Chinese, with the suggestion, and exits 2', async () => {
    const io = memoryIo({ env: { MLPATH_LANG: 'zh-CN' } });
    expect(await main(['plan', '--hourz', '10'], io)).toBe(2);
    expect(io.stderr()).toContain("mlpath：未知选项 '--hourz'");
    expect(io.stderr()).toContain('（你是不是想输入 “--hours”？）');
  });

  it('reports a bad flag value in Chinese', async () => {
    const io = memoryIo({ env: { MLPATH_LANG: 'zh-CN', MLPATH_HOME: '' } });
    expect(await main(['plan', '--start-point', 'from-scratch', '--hours', 'lots'], io)).toBe(2);
    expect(io.stderr()).toContain(msg('zh-CN', 'flag.notNumber', { flag: '--hours', value: 'lots' }));
    expect(io.stderr()).toMatch(/[\u4e00-\u9fff]/);
    expect(io.stderr()).not.toContain('is not a number');
  });

  it('speaks Chinese for the whole run with a leading --locale zh-CN, flag errors included', async () => {
    const bad = memoryIo({ env: { LANG: 'en_US.UTF-8', MLPATH_HOME: '' } });
    expect(await main(['--locale', 'zh-CN', 'plan', '--start-point', 'developer', '--hours', 'abc'], bad)).toBe(2);
    expect(bad.stderr()).toBe(`mlpath：${msg('zh-CN', 'flag.notNumber', { flag: '--hours', value: 'abc' })}\n`);
    const unknown = memoryIo({ env: { LANG: 'en_US.UTF-8', MLPATH_HOME: '' } });
    expect(await main(['--locale', 'zh-CN', 'plan', '--start-point', 'developr'], unknown)).toBe(2);
    const text = unknown.stderr().replace(/--[\w-]+|[a-z]+(-[a-z]+)+|developer|developr|mlpath/g, '');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toMatch(/[A-Za-z]{2,}/);
    expect(unknown.stderr()).not.toMatch(/[a-z], [a-z]/);
    const parse = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
    expect(await main(['--locale', 'zh-CN', 'plan', '--hours'], parse)).toBe(2);
    expect(parse.stderr()).toContain("mlpath：选项 '--hours <n>' 缺少取值");
    const english = memoryIo({ env: { LANG: 'zh_CN.UTF-8', MLPATH_HOME: '' } });
    expect(await main(['--locale', 'en', 'plan', '--start-point', 'developer', '--hours', 'abc'], english)).toBe(2);
    expect(english.stderr()).toContain('is not a number');
  });

  it('refuses a --locale it does not speak, before or after the command, naming en and zh-CN', async () => {
    for (const args of [
      ['--locale', 'fr', 'today'],
      ['status', '--locale', 'de', '--json'],
      ['--locale=zh', 'today'],
    ]) {
      const io = memoryIo({ env: { LANG: 'en_US.UTF-8', MLPATH_HOME: '' } });
      expect(await main(args, io), args.join(' ')).toBe(2);
      expect(io.stdout()).toBe('');
      expect(io.stderr()).toMatch(/^mlpath: --locale: unknown locale "(fr|de|zh)"/);
      expect(io.stderr()).toContain('Valid choices: en, zh-CN.');
    }
    const zh = memoryIo({ env: { MLPATH_LANG: 'zh-CN', MLPATH_HOME: '' } });
    expect(await main(['status', '--locale', 'fr'], zh)).toBe(2);
    expect(zh.stderr()).toContain('mlpath：--locale：未知的语言“fr”');
    expect(zh.stderr()).toContain('可选值：en、zh-CN。');
  });
});
