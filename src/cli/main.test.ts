import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { memoryIo } from './io.js';
import { buildProgram, COMMANDS, main, namesOf, VERSION } from './main.js';
import { helpFor } from './help-messages.js';

describe('the command registry', () => {
  it.each(['en', 'zh-CN'])(
    'lists each module exactly as the module registers its commands (%s)',
    async (lang) => {
      const io = memoryIo({ env: { MLPATH_LANG: lang } });
      const h = helpFor(io.env);
      for (const module of COMMANDS) {
        const first = namesOf(module.commands[0]?.term ?? '')[0];
        const program = await buildProgram(io, first);
        const registered = program.commands.map((command) => ({
          term: new Help().subcommandTerm(command),
          description: command.description(),
        }));
        expect(registered).toEqual(module.commands.map((c) => ({ term: c.term, description: c.describe(h) })));
      }
    },
    120_000,
  );

  it('lists every command without loading any, the same text as with each loaded', async () => {
    const io = memoryIo({ env: { MLPATH_LANG: 'en' } });
    expect(await main(['--help'], io)).toBe(0);
    const out = io.stdout();
    for (const module of COMMANDS)
      for (const c of module.commands) expect(out).toMatch(new RegExp(`\\n  ${c.term.replace(/[[\]|]/g, '\\$&')} `));
    expect(out).toContain('help [command]');
  });

  it('prints the version, and finds a command by its alias or after help', async () => {
    const version = memoryIo();
    expect(await main(['--version'], version)).toBe(0);
    expect(version.stdout()).toBe(`${VERSION}\n`);
    const help = memoryIo({ env: { MLPATH_LANG: 'en' } });
    expect(await main(['help', 'd'], help)).toBe(0);
    expect(help.stdout()).toContain('Usage: mlpath done|d [options] <id>');
  });

  it('takes --locale after a command without one of its own as the language of the run', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlpath-locale-'));
    try {
      const env = { MLPATH_HOME: home, MLPATH_LANG: 'en', MLPATH_NOW: '2026-11-30T09:00:00Z' };
      expect(await main(['init', '--yes', '--start-point', 'developer'], memoryIo({ env }))).toBe(0);
      const after = memoryIo({ env });
      expect(await main(['status', '--locale', 'zh-CN'], after)).toBe(0);
      const before = memoryIo({ env });
      expect(await main(['--locale', 'zh-CN', 'status'], before)).toBe(0);
      expect(after.stdout()).toBe(before.stdout());
      expect(after.stdout()).toContain('进度');
      // A command with a --locale of its own keeps it: the plan is made in that language.
      const plan = memoryIo({ env });
      expect(await main(['plan', '--start-point', 'developer', '--locale', 'zh-CN', '--json'], plan)).toBe(0);
      expect((JSON.parse(plan.stdout()) as { profile: { locale: string } }).profile.locale).toBe('zh-CN');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);

  it('offers a command for another word for it (hours → log), in each language', async () => {
    const en = memoryIo({ env: { MLPATH_LANG: 'en' } });
    expect(await main(['hours', '2'], en)).toBe(2);
    expect(en.stderr()).toContain("unknown command 'hours'");
    expect(en.stderr()).toContain('did you mean "log"?');
    const zh = memoryIo({ env: { MLPATH_LANG: 'zh-CN' } });
    expect(await main(['hours', '2'], zh)).toBe(2);
    expect(zh.stderr()).toContain("未知命令 'hours'");
    expect(zh.stderr()).toMatch(/“log”/);
  });

  it('still suggests a command for a typo, from the listing alone', async () => {
    const io = memoryIo({ env: { MLPATH_LANG: 'en' } });
    expect(await main(['stauts'], io)).toBe(2);
    expect(io.stderr()).toContain("unknown command 'stauts'");
    expect(io.stderr()).toContain('status');
  });
});
