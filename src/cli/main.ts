/**
 * @module main
 * The `mlpath` command. Parsing is commander's; each command lives in its own module under
 * `commands/`; errors become exit statuses in one place (exit-codes.ts).
 *
 * Commands are loaded on demand, so a command costs only the modules it uses and `--version`
 * and `--help` cost almost nothing beyond starting Node:
 * - `COMMANDS` below is the registry: per command module, a loader (a dynamic `import()` of
 *   the module's `register…` function) and, per top-level command it registers, its help
 *   listing term (`name|alias [options] <args>`, exactly as commander prints it) and its
 *   one-line description.
 * - `mlpath NAME …` (or `mlpath help NAME`) loads only the module that registers NAME.
 * - `mlpath --help`, no command or an unknown one: the program is built from the registry
 *   alone (stand-in commands with those terms and descriptions), no command module is loaded.
 * - `mlpath --version` prints the version before commander is even loaded.
 * To add a command: write `commands/NAME.ts` exporting `registerNAME(program, io)`, and add
 * an entry here. main.test.ts checks that every entry's terms and descriptions are what its
 * module registers, so the listing cannot drift from the commands.
 * Modules that only some commands need (the server, the importers, the prompts, the accounts)
 * are imported by those commands; nothing here imports them.
 */
import type { Command } from 'commander';
import type { helpFor } from './help-messages.js';
import { processIo } from './io.js';
import type { CliIo } from './io.js';
import { INTERFACE_LOCALES as CLI_LOCALES } from '../core/model.js';

export const VERSION = '0.1.0';

type Describe = (h: ReturnType<typeof helpFor>) => string;
type Register = (program: Command, io: CliIo) => void;

export interface CommandModule {
  readonly load: () => Promise<Register>;
  /**
   * The top-level commands the module registers, in order: help term and one-line description,
   * and `words`, other words a learner may type for the command (`hours` for `log`), which an
   * unknown command's "did you mean" offers it for.
   */
  readonly commands: readonly {
    readonly term: string;
    readonly describe: Describe;
    readonly words?: readonly string[];
  }[];
}

/** Every command module, in the order `mlpath --help` lists them. */
export const COMMANDS: readonly CommandModule[] = [
  {
    load: async () => (await import('./commands/curriculum.js')).registerCurriculum,
    commands: [{ term: 'curriculum', describe: (h) => h('curriculum.description') }],
  },
  {
    load: async () => (await import('./commands/plan.js')).registerPlan,
    commands: [{ term: 'plan [options]', describe: (h) => h('plan') }],
  },
  {
    load: async () => (await import('./commands/init.js')).registerInit,
    commands: [{ term: 'init [options]', describe: (h) => h('init') }],
  },
  {
    load: async () => (await import('./commands/track.js')).registerTrack,
    commands: [
      { term: 'done|d [options] <id>', describe: (h) => h('done') },
      { term: 'learning|l [options] <id>', describe: (h) => h('learning') },
      { term: 'skip|s [options] <id>', describe: (h) => h('skip') },
      { term: 'reset|r [options] <id>', describe: (h) => h('reset') },
      { term: 'undo [options]', describe: (h) => h('undo') },
      { term: 'note [options] <text>', describe: (h) => h('note') },
      { term: 'log [options] <hours>', describe: (h) => h('log'), words: ['hours', 'time', 'spent'] },
    ],
  },
  {
    load: async () => (await import('./commands/project.js')).registerProject,
    commands: [{ term: 'project', describe: (h) => h('project') }],
  },
  {
    load: async () => (await import('./commands/job.js')).registerJob,
    commands: [{ term: 'job', describe: (h) => h('job') }],
  },
  {
    load: async () => (await import('./commands/exchange.js')).registerExchange,
    commands: [
      { term: 'export [options]', describe: (h) => h('export') },
      { term: 'import [options] <file>', describe: (h) => h('import') },
    ],
  },
  {
    load: async () => (await import('./commands/calendar.js')).registerCalendar,
    commands: [{ term: 'calendar', describe: (h) => h('calendar') }],
  },
  {
    load: async () => (await import('./commands/progress-views.js')).registerProgressViews,
    commands: [
      { term: 'today [options]', describe: (h) => h('today') },
      { term: 'week [options]', describe: (h) => h('week') },
      { term: 'status [options]', describe: (h) => h('status') },
      { term: 'burnup [options]', describe: (h) => h('burnup') },
    ],
  },
  {
    load: async () => (await import('./commands/target.js')).registerTarget,
    commands: [{ term: 'target [options] [date]', describe: (h) => h('target') }],
  },
  {
    load: async () => (await import('./commands/review.js')).registerReview,
    commands: [{ term: 'review [options] [card] [rating]', describe: (h) => h('review') }],
  },
  {
    load: async () => (await import('./commands/serve.js')).registerServe,
    // The port is commands/serve's DEFAULT_PORT (main.test.ts compares); importing it would load the server.
    commands: [{ term: 'serve [options]', describe: (h) => h('serve', { port: 4321 }) }],
  },
  {
    load: async () => (await import('./commands/admin.js')).registerAdmin,
    commands: [{ term: 'admin', describe: (h) => h('admin') }],
  },
  {
    load: async () => (await import('./commands/sync.js')).registerSync,
    commands: [
      { term: 'login [options] <url>', describe: (h) => h('login') },
      { term: 'logout', describe: (h) => h('logout') },
      { term: 'sync [options]', describe: (h) => h('sync') },
    ],
  },
  {
    load: async () => (await import('./commands/doctor.js')).registerDoctor,
    commands: [
      { term: 'doctor [options]', describe: (h) => h('doctor') },
      { term: 'restore [backup]', describe: (h) => h('restore') },
    ],
  },
  {
    load: async () => (await import('./commands/cohort.js')).registerCohort,
    commands: [{ term: 'cohort', describe: (h) => h('cohort') }],
  },
];

/** A command's name and aliases, from its help term. */
export function namesOf(term: string): string[] {
  return (term.split(' ')[0] ?? '').split('|');
}

/**
 * What "did you mean" offers for an unknown command: the commands spelled like it and those whose
 * registry entry lists it among their other words (`hours` → `log`), each by its name.
 */
export function commandsMeant(word: string, near: (word: string, names: readonly string[]) => string[]): string[] {
  const entries = COMMANDS.flatMap((m) => m.commands);
  const lower = word.toLowerCase();
  const meant = entries.filter((e) => e.words?.includes(lower)).map((e) => namesOf(e.term)[0] ?? '');
  const spelled = near(
    word,
    entries.flatMap((e) => namesOf(e.term).filter((n) => n.length > 1)),
  ).map((n) => namesOf(entries.find((e) => namesOf(e.term).includes(n))?.term ?? n)[0] ?? n);
  return [...new Set([...meant, ...spelled])];
}

/** The first word of argv that is not an option: the command asked for (after `help`, the one help is asked for). */
function commandWord(argv: readonly string[]): string | undefined {
  const words = argv.filter((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--locale');
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * The program with the module that registers `name` loaded, or, when no module does (`--help`,
 * no command, an unknown one), with stand-ins listing every command from the registry.
 */
export async function buildProgram(io: CliIo, name?: string): Promise<Command> {
  const [
    { Command, Help },
    { commanderError, helpFor, helpTitle },
    { chooseLocale },
    { displayWidth, loadWidths },
    { suggest },
  ] = await Promise.all([
    import('commander'),
    import('./help-messages.js'),
    import('./locale.js'),
    import('./width.js'),
    import('../core/errors.js'),
  ]);
  // Commander builds help text as commands are declared: the language is settled first.
  const locale = chooseLocale({ env: io.env });
  // Help in English is printable ASCII (help-messages.test.ts), one column a character; in another
  // language its widths are measured.
  if (locale !== 'en') await loadWidths();
  const h = helpFor(io.env);
  // A parse error names the command whose `--help` to read: `mlpath project add`, not just `mlpath`.
  const pathOf = (command: Command): string =>
    command.parent ? `${pathOf(command.parent)} ${command.name()}` : command.name();
  const outputFor = (command: Command) => ({
    writeOut: (s: string) => io.out(s),
    writeErr: (s: string) => io.err(s),
    outputError: (s: string, write: (text: string) => void) => write(commanderError(locale, s, pathOf(command))),
  });
  const terms = new Map<Command, string>();
  const program = new Command('mlpath')
    .description(h('program.description'))
    .version(VERSION, '-V, --version', h('program.version'))
    .helpOption('-h, --help', h('program.help'))
    .helpCommand('help [command]', h('program.helpCommand'))
    // Given before the command, `--locale` sets the language of everything, commander's words too
    // (main reads it before the program is built); after a command, it is that command's own flag.
    .option('--locale <locale>', h('program.locale'))
    .enablePositionalOptions()
    .configureHelp({
      styleTitle: (title) => helpTitle(locale, title),
      // Chinese descriptions wrap by the columns they take, two for each CJK character.
      displayWidth: (text) => displayWidth(text),
      subcommandTerm: (command) => terms.get(command) ?? Help.prototype.subcommandTerm.call(new Help(), command),
      // Commander puts a space after the usage title; a full-width colon ("用法：") takes none.
      formatHelp: (command, helper) =>
        Help.prototype.formatHelp.call(helper, command, helper).replace(/^(\S*：) /, '$1'),
    })
    .exitOverride()
    .showSuggestionAfterError(true);
  program.configureOutput(outputFor(program));
  const wanted =
    name === undefined ? undefined : COMMANDS.find((m) => m.commands.some((c) => namesOf(c.term).includes(name)));
  if (wanted) (await wanted.load())(program, io);
  else
    for (const module of COMMANDS)
      for (const entry of module.commands) {
        const [first = '', ...aliases] = namesOf(entry.term);
        const stand = program.command(first).description(entry.describe(h));
        aliases.forEach((alias) => stand.alias(alias));
        terms.set(stand, entry.term);
      }
  if (!wanted)
    // An unknown command is told with the commands it may mean (commandsMeant), in commander's
    // form, which commanderError words like every other parse error.
    program.on('command:*', (operands: string[]) => {
      const unknown = operands[0] ?? '';
      const meant = commandsMeant(unknown, suggest);
      const offer =
        meant.length === 0 ? '' : `\n(Did you mean ${meant.length > 1 ? 'one of ' : ''}${meant.join(', ')}?)`;
      program.error(`error: unknown command '${unknown}'${offer}`, { code: 'commander.unknownCommand' });
    });
  // Subcommands inherit the same output and error handling.
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput(outputFor(command));
    command.showSuggestionAfterError(true);
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** The value of `--locale` on the command line, if any (only some commands have it). */
function localeFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return undefined;
    if (arg === '--locale') return argv[i + 1];
    if (arg.startsWith('--locale=')) return arg.slice('--locale='.length);
  }
  return undefined;
}

/** The arguments with a `--locale` given after the command moved before it. */
function withLocaleFirst(argv: readonly string[]): string[] {
  const rest: string[] = [];
  let value = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--locale') {
      value = argv[i + 1] ?? '';
      i++;
    } else if (arg.startsWith('--locale=')) value = arg.slice('--locale='.length);
    else rest.push(arg);
  }
  return ['--locale', value, ...rest];
}

/** The value of a `--locale` given before the command (the program's own option), if any. */
function globalLocale(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--locale') return argv[i + 1];
    if (arg.startsWith('--locale=')) return arg.slice('--locale='.length);
    if (!arg.startsWith('-')) return undefined;
  }
  return undefined;
}

/** Every `--locale` value on the command line, before a `--`. */
function localeValues(argv: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === '--locale') values.push(argv[++i] ?? '');
    else if (arg.startsWith('--locale=')) values.push(arg.slice('--locale='.length));
  }
  return values;
}

/** Run the CLI; resolves to the exit status. */
export async function main(argv: readonly string[], io?: CliIo): Promise<number> {
  const given = io ?? processIo();
  // A leading `--locale` speaks for the whole run, as MLPATH_LANG would.
  const leading = globalLocale(argv);
  const cli: CliIo = leading === undefined ? given : { ...given, env: { ...given.env, MLPATH_LANG: leading } };
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    cli.out(`${VERSION}\n`);
    return 0;
  }
  const { CommanderError } = await import('commander');
  // A language the CLI does not speak is refused before anything runs, naming the ones it does.
  const unspoken = localeValues(argv).find((value) => !(CLI_LOCALES as readonly string[]).includes(value));
  if (unspoken !== undefined) {
    const [{ MlpathError, suggest }, { unknownChoiceText }, { reportError }, { chooseLocale }] = await Promise.all([
      import('../core/errors.js'),
      import('./messages.js'),
      import('./exit-codes.js'),
      import('./locale.js'),
    ]);
    const locale = chooseLocale({ env: given.env });
    const message = unknownChoiceText(locale, {
      flag: '--locale',
      noun: 'noun.locale',
      value: unspoken,
      suggestions: suggest(unspoken, CLI_LOCALES),
      choices: CLI_LOCALES,
    });
    return reportError(new MlpathError({ code: 'INVALID_INPUT', message }), given, locale);
  }
  try {
    const word = commandWord(argv);
    const program = await buildProgram(cli, word);
    // `mlpath status --locale zh-CN`: after a command that has no `--locale` of its own, the flag
    // means what it means before the command, the language of the whole run.
    const trailing = localeFlag(argv);
    const command = program.commands.find((c) => c.name() === word || c.aliases().includes(word ?? ''));
    const ownsLocale = (c: Command): boolean =>
      c.options.some((o) => o.long === '--locale') || c.commands.some(ownsLocale);
    if (leading === undefined && trailing !== undefined && command && !ownsLocale(command))
      return await main(withLocaleFirst(argv), given);
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0;
      // Commander has already printed the message (e.g. "unknown option '--hourz'").
      return error.exitCode === 0 ? 0 : 2;
    }
    const [{ reportError }, { chooseLocale }] = await Promise.all([import('./exit-codes.js'), import('./locale.js')]);
    return reportError(error, cli, chooseLocale({ flag: localeFlag(argv), env: cli.env }));
  }
}
