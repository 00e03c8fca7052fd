/**
 * @module commands/exchange
 * `mlpath export --format ics|md|json [-o FILE]` and `mlpath import FILE [--merge]`.
 * A file is written whole or not at all (written beside the target, then renamed over it).
 * An import is validated completely, then written in one transaction.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import { EXPORT_FORMATS, exportText, importBackup, readBackup } from '../../learner/exchange.js';
import type { ExportFormat } from '../../learner/exchange.js';
import type { CliIo } from '../io.js';
import { systemLocale, withSession } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { helpFor } from '../help-messages.js';

/** Write a file atomically: a reader (or a crash) never sees half of it. */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flush: true });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: `cannot write ${file}: ${(error as Error).message}`,
      hint: 'check the -o path',
    });
  }
}

export function registerExchange(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  program
    .command('export')
    .description(h('export'))
    .requiredOption('--format <format>', h('export.format'))
    .option('-o, --output <file>', h('export.output'))
    .action(async (options: { format: string; output?: string }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const m = trackingMessages(locale);
        if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
          throw new MlpathError({ code: 'INVALID_INPUT', message: m.badFormat(options.format) });
        }
        const format = options.format as ExportFormat;
        const text = await exportText(session.context(), { format, locale });
        if (options.output === undefined || options.output === '-') {
          io.out(text);
          return;
        }
        const file = isAbsolute(options.output) ? options.output : resolve(io.cwd, options.output);
        writeFileAtomic(file, text);
        io.err(`${m.exported(format, options.output)}\n`);
      });
    });

  program
    .command('import')
    .description(h('import'))
    .argument('<file>', h('import.file'))
    .option('--merge', h('import.merge'))
    .option('--json', h('import.json'))
    .action(async (fileArg: string, options: { merge?: boolean; json?: boolean }) => {
      const file = isAbsolute(fileArg) ? fileArg : resolve(io.cwd, fileArg);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new MlpathError({
          code: 'IMPORT_INVALID',
          message: trackingMessages(systemLocale(io.env)).noSuchFile(
            fileArg,
            (error as NodeJS.ErrnoException).code ?? (error as Error).message,
          ),
        });
      }
      // Validate before opening the store: a bad file never touches the database.
      const backup = readBackup(text, fileArg);
      await withSession(io, async (session) => {
        const m = trackingMessages(await session.locale());
        const result = await session.inTurn((ctx) => importBackup(ctx, { backup, merge: options.merge === true }));
        if (options.json) {
          io.out(`${JSON.stringify(result)}\n`);
          return;
        }
        io.out(`${m.imported(result.eventsAdded, result.eventsSkipped, result.projectsAdded, result.postingsAdded)}\n`);
        if (result.unknownItems.length > 0) io.out(`${m.importedUnknown(result.unknownItems)}\n`);
        io.out(`${m.importNotUndoable}\n`);
      });
    });
}
