/**
 * @module main
 * The `mlpath` command. Parsing is commander's; each command lives in its own module under
 * `commands/`; errors become exit statuses in one place (exit-codes.ts).
 */
import { Command, CommanderError } from 'commander';
import stringWidth from 'string-width';
import { reportError } from './exit-codes.js';
import { commanderError, helpFor, helpTitle } from './help-messages.js';
import { processIo } from './io.js';
import { chooseLocale } from './locale.js';
import type { CliIo } from './io.js';
import { registerCalendar } from './commands/calendar.js';
import { registerCurriculum } from './commands/curriculum.js';
import { registerExchange } from './commands/exchange.js';
import { registerInit } from './commands/init.js';
import { registerJob } from './commands/job.js';
import { registerPlan } from './commands/plan.js';
import { registerProject } from './commands/project.js';
import { registerProgressViews } from './commands/progress-views.js';
import { registerReview } from './commands/review.js';
import { registerTrack } from './commands/track.js';
import { registerServe } from './commands/serve.js';
import { registerAdmin } from './commands/admin.js';
import { registerSync } from './commands/sync.js';
import { registerDoctor } from './commands/doctor.js';
import { registerCohort } from './commands/cohort.js';

export function buildProgram(io: CliIo): Command {
  // Commander builds help text as commands are declared: the language is settled first.
  const locale = chooseLocale({ env: io.env });
  const h = helpFor(io.env);
  const output = {
    writeOut: (s: string) => io.out(s),
    writeErr: (s: string) => io.err(s),
    outputError: (s: string, write: (text: string) => void) => write(commanderError(locale, s)),
  };
  const program = new Command('mlpath')
    .description(h('program.description'))
    .version('0.1.0', '-V, --version', h('program.version'))
    .helpOption('-h, --help', h('program.help'))
    .helpCommand('help [command]', h('program.helpCommand'))
    // Given before the command, `--locale` sets the language of everything, commander's words too
    // (main reads it before the program is built); after a command, it is that command's own flag.
    .option('--locale <locale>', h('program.locale'))
    .enablePositionalOptions()
    .configureHelp({
      styleTitle: (title) => helpTitle(locale, title),
      // Chinese descriptions wrap by the columns they take, two for each CJK character.
      displayWidth: (text) => stringWidth(text),
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput(output);
  registerCurriculum(program, io);
  registerPlan(program, io);
  registerInit(program, io);
  registerTrack(program, io);
  registerProject(program, io);
  registerJob(program, io);
  registerExchange(program, io);
  registerCalendar(program, io);
  registerProgressViews(program, io);
  registerReview(program, io);
  registerServe(program, io);
  registerAdmin(program, io);
  registerSync(program, io);
  registerDoctor(program, io);
  registerCohort(program, io);
  // Subcommands inherit the same output and error handling.
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput(output);
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

/** Run the CLI; resolves to the exit status. */
export async function main(argv: readonly string[], given: CliIo = processIo()): Promise<number> {
  // A leading `--locale` speaks for the whole run, as MLPATH_LANG would.
  const leading = globalLocale(argv);
  const io: CliIo = leading === undefined ? given : { ...given, env: { ...given.env, MLPATH_LANG: leading } };
  const program = buildProgram(io);
  try {
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
    return reportError(error, io, chooseLocale({ flag: localeFlag(argv), env: io.env }));
  }
}
