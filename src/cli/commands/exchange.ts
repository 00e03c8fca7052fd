/**
 * @module commands/exchange
 * `mlpath export --format ics|md|json [-o FILE]` and `mlpath import FILE [--merge]`.
 * A file is written whole or not at all (written beside the target, then renamed over it).
 * An import is validated completely, then written in one transaction.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { isMlpathError, MlpathError } from '../../core/errors.js';
import { progressStats } from '../../core/progress.js';
import { backupToJson, parseBackup } from '../../export/backup.js';
import { progressToMarkdown } from '../../export/markdown.js';
import { backupOf, projectTicks, restoreBackup } from '../../store/backup.js';
import type { CliIo } from '../io.js';
import { routeStages } from '../replan.js';
import { systemLocale, withSession } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { helpFor } from '../help-messages.js';

const FORMATS = ['ics', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

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
        if (!(FORMATS as readonly string[]).includes(options.format)) {
          throw new MlpathError({ code: 'INVALID_INPUT', message: m.badFormat(options.format) });
        }
        const format = options.format as Format;
        let text: string;
        if (format === 'json') {
          text = backupToJson(await backupOf(session.store, session.learner, session.now.toISOString()));
        } else {
          const profile = await session.profile();
          if (!profile) throw new MlpathError({ code: 'NOT_FOUND', message: m.needsProfile });
          const curriculum = session.curriculum();
          const events = await session.store.listEvents(session.learner);
          if (format === 'ics') {
            const { calendarFile } = await import('../../learner/calendar.js');
            text = await calendarFile(
              { store: session.store, curriculum, clock: () => session.now, learnerId: session.learner },
              { locale },
            );
          } else {
            const stats = progressStats(events, curriculum, session.today);
            const ticks = projectTicks(events);
            const projects = (await session.store.listProjects(session.learner)).map((p) => ({
              ...p,
              checked: [...(ticks.get(p.id) ?? [])],
            }));
            text = progressToMarkdown(curriculum, stats, {
              locale,
              stageOrder: routeStages(curriculum, profile),
              totalHours: stats.totalHours,
              exportedAt: session.now.toISOString(),
              projects,
            });
          }
        }
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
      const backup = parseBackup(text, fileArg);
      await withSession(io, async (session) => {
        const m = trackingMessages(await session.locale());
        const result = await restoreBackup(session.store, session.learner, backup, {
          merge: options.merge === true,
          at: session.now.toISOString(),
        }).catch((error: unknown) => {
          if (isMlpathError(error) && error.code === 'CONFLICT') {
            throw new MlpathError({ code: 'CONFLICT', message: m.importNotEmpty, hint: m.importMergeHint });
          }
          throw error;
        });
        if (options.json) io.out(`${JSON.stringify(result)}\n`);
        else io.out(`${m.imported(result.eventsAdded, result.eventsSkipped, result.projectsAdded)}\n`);
      });
    });
}
