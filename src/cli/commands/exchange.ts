/**
 * @module commands/exchange
 * `mlpath export --format ics|md|json [-o FILE]` and `mlpath import FILE [--merge]`.
 * A file is written whole or not at all (written beside the target, then renamed over it).
 * An import is validated completely, then written in one transaction.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import { EXPORT_FORMATS, exportText, importBackup, readBackup } from '../../learner/exchange.js';
import type { ExportFormat } from '../../learner/exchange.js';
import type { CliIo } from '../io.js';
import { curriculumOf, withSession } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { helpFor } from '../help-messages.js';

/** What went wrong with a file, in the learner's words rather than the system's code. */
type FileTrouble = 'noFolder' | 'noFile' | 'isFolder' | 'noPermission' | 'full' | 'other';

function troubleOf(error: unknown): FileTrouble {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'noFolder';
    case 'EISDIR':
      return 'isFolder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'noPermission';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'full';
    default:
      return 'other';
  }
}

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'EIO';

/**
 * Write a file atomically: a reader (or a crash) never sees half of it. A failure is told with the
 * path as the learner gave it (`named.path`, never the temporary file beside it) and the fix for its
 * flag (`named.fileName` is the file name a folder given in its place is told to add).
 */
export function writeFileAtomic(
  file: string,
  text: string,
  named: { path: string; flag: string; fileName: string } = { path: file, flag: '-o', fileName: 'mlpath.txt' },
): void {
  const temporary = `${file}.${process.pid}.tmp`;
  let trouble: FileTrouble | undefined;
  let code = '';
  // A folder in the file's place is found before anything is written beside it.
  if (existsSync(file) && statSync(file).isDirectory()) trouble = 'isFolder';
  else
    try {
      writeFileSync(temporary, text, { encoding: 'utf8', flush: true });
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      trouble = troubleOf(error);
      code = codeOf(error);
    }
  if (trouble === undefined) return;
  const folder = dirname(named.path);
  throw new MlpathError({
    code: 'INVALID_INPUT',
    key: `file.write.${trouble === 'noFile' ? 'noFolder' : trouble}`,
    params: { file: named.path, folder, code },
    hintKey: `hint.file.${trouble === 'noFile' ? 'noFolder' : trouble}`,
    hintParams: { flag: named.flag, folder, example: join(named.path, named.fileName) },
  });
}

/** Read a file the learner named, or fail with what is wrong with it (in words) and the fix. */
function readNamedFile(file: string, named: string): string {
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    return readFileSync(file, 'utf8');
  } catch (error) {
    const found = troubleOf(error);
    const trouble = found === 'noFolder' ? 'noFile' : found === 'full' ? 'other' : found;
    const hint = {
      noFile: 'readNoFile',
      isFolder: 'readIsFolder',
      noPermission: 'readNoPermission',
      other: 'readOther',
    }[trouble];
    throw new MlpathError({
      code: 'IMPORT_INVALID',
      key: `file.read.${trouble}`,
      params: { file: named, code: codeOf(error) },
      hintKey: `hint.file.${hint}`,
      hintParams: { file: named, folder: dirname(named) },
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
        writeFileAtomic(file, text, { path: options.output, flag: '-o', fileName: `mlpath.${format}` });
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
      const text = readNamedFile(file, fileArg);
      // Validate before opening the store: a bad file never touches the database. The curriculum,
      // when it loads, judges the file's profile too, so an unknown starting point is told with the rest.
      const backup = readBackup(text, fileArg, await curriculumOf(io).catch(() => undefined));
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
