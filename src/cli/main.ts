/**
 * @module main
 * The `mlpath` command. Parsing is commander's; each command lives in its own module under
 * `commands/`; errors become exit statuses in one place (exit-codes.ts).
 */
import { Command, CommanderError } from 'commander';
import { reportError } from './exit-codes.js';
import { processIo } from './io.js';
import type { CliIo } from './io.js';
import { registerCurriculum } from './commands/curriculum.js';
import { registerExchange } from './commands/exchange.js';
import { registerInit } from './commands/init.js';
import { registerPlan } from './commands/plan.js';
import { registerProject } from './commands/project.js';
import { registerProgressViews } from './commands/progress-views.js';
import { registerTrack } from './commands/track.js';
import { registerServe } from './commands/serve.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('mlpath')
    .description('Your dated, explained, trackable plan to become a machine-learning engineer.')
    .version('0.1.0', '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerCurriculum(program, io);
  registerPlan(program, io);
  registerInit(program, io);
  registerTrack(program, io);
  registerProject(program, io);
  registerExchange(program, io);
  registerProgressViews(program, io);
  registerServe(program, io);
  // Subcommands inherit the same output and error handling.
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    command.showSuggestionAfterError(true);
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** Run the CLI; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
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
    return reportError(error, io);
  }
}
