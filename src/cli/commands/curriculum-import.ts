/**
 * @module commands/curriculum-import
 * `mlpath curriculum import --from roadmap-sh|ossu|metacademy SOURCE -o DIR [--default-hours N]`:
 * converts another project's curriculum into mlpath's YAML format. The summary (what was imported,
 * what was dropped and why) and the progress bar go to stderr; nothing is written unless the whole
 * import succeeds and the result passes `mlpath curriculum check`.
 */
import { isAbsolute, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { MlpathError, suggest } from '../../core/errors.js';
import { textIn } from '../../core/model.js';
import { writeCurriculum } from '../../content/write.js';
import type { ImportOptions, ImportResult } from '../../importers/common.js';
import { importMetacademy } from '../../importers/metacademy.js';
import { importOssu, OSSU_DEFAULT_COURSE_HOURS } from '../../importers/ossu.js';
import { importRoadmapSh, ROADMAP_DEFAULT_HOURS } from '../../importers/roadmap-sh.js';
import type { CliIo } from '../io.js';
import { helpFor } from '../help-messages.js';

export const IMPORT_FORMATS = {
  'roadmap-sh': importRoadmapSh,
  ossu: importOssu,
  metacademy: importMetacademy,
} as const satisfies Record<string, (source: string, options: ImportOptions) => ImportResult>;

export type ImportFormat = keyof typeof IMPORT_FORMATS;

/** Dropped items listed one by one before the summary folds the rest into a count. */
const DROPPED_SHOWN = 20;

export function registerCurriculumImport(curriculum: Command, io: CliIo): Command {
  const h = helpFor(io.env);
  return curriculum
    .command('import')
    .description(h('curriculum.import'))
    .requiredOption('--from <format>', h('curriculum.importFrom'))
    .argument('<source>', h('curriculum.importSource'))
    .requiredOption('-o, --output <dir>', h('curriculum.importOutput'))
    .option(
      '--default-hours <hours>',
      h('curriculum.importHours', { roadmap: ROADMAP_DEFAULT_HOURS, ossu: OSSU_DEFAULT_COURSE_HOURS }),
    )
    .option('--force', h('curriculum.importForce'))
    .option('--json', h('curriculum.importJson'))
    .action(
      (
        source: string,
        options: { from: string; output: string; defaultHours?: string; force?: boolean; json?: boolean },
      ) => {
        const format = options.from;
        if (!(format in IMPORT_FORMATS)) {
          const close = suggest(format, Object.keys(IMPORT_FORMATS));
          throw new MlpathError({
            code: 'INVALID_INPUT',
            message: `--from: unknown format "${format}"${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`,
            hint: `use one of: ${Object.keys(IMPORT_FORMATS).join(', ')}`,
          });
        }
        let defaultHours: number | undefined;
        if (options.defaultHours !== undefined) {
          defaultHours = Number(options.defaultHours);
          if (!Number.isFinite(defaultHours) || defaultHours <= 0 || defaultHours > 1000) {
            throw new MlpathError({
              code: 'INVALID_INPUT',
              message: `--default-hours: expected a number of hours above 0 (at most 1000), got "${options.defaultHours}"`,
              hint: 'for example --default-hours 4',
            });
          }
        }
        const sourcePath = isAbsolute(source) ? source : resolve(io.cwd, source);
        const output = isAbsolute(options.output) ? options.output : resolve(io.cwd, options.output);
        const importer = IMPORT_FORMATS[format as ImportFormat];
        const progress = progressBar(io);
        let result: ImportResult;
        try {
          result = importer(sourcePath, { cwd: io.cwd, defaultHours, onProgress: progress.update });
        } finally {
          progress.stop();
        }
        const files = writeCurriculum(result.curriculum, output, { force: options.force === true, cwd: io.cwd });
        const { imported, dropped, warnings } = result.summary;
        if (options.json) {
          io.out(`${JSON.stringify({ ok: true, output: options.output, files, ...result.summary }, null, 2)}\n`);
        }
        io.err(
          `imported ${textIn(result.curriculum.meta.title, 'en')} into ${options.output}: ${Object.entries(imported)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}\n`,
        );
        for (const w of warnings) io.err(`warning: ${w}\n`);
        if (dropped.length > 0) {
          io.err(`dropped ${dropped.length}:\n`);
          for (const d of dropped.slice(0, DROPPED_SHOWN)) io.err(`  - ${d.what}: ${d.why}\n`);
          if (dropped.length > DROPPED_SHOWN) {
            io.err(`  ... and ${dropped.length - DROPPED_SHOWN} more (use --json for the full list)\n`);
          }
        }
        io.err(`next: mlpath curriculum check ${options.output}\n`);
      },
    );
}

/** A progress bar on stderr; without a terminal it prints a plain line now and then (noTTYOutput). */
function progressBar(io: CliIo): { update: (done: number, total: number) => void; stop: () => void } {
  const stream = {
    write: (text: string): boolean => {
      io.err(text);
      return true;
    },
    isTTY: io.isTty,
    columns: 80,
  };
  let bar: cliProgress.SingleBar | undefined;
  return {
    update: (done, total) => {
      if (total < 50) return; // short imports need no bar
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream: stream as unknown as NodeJS.WritableStream,
            format: 'importing [{bar}] {value}/{total}',
            noTTYOutput: true,
            notTTYSchedule: 5000,
            hideCursor: io.isTty,
            clearOnComplete: io.isTty,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else {
        bar.update(done);
      }
    },
    stop: () => {
      bar?.stop();
      bar = undefined;
    },
  };
}
