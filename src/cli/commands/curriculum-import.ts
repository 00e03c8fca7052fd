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
import type { Message } from '../../core/errors.js';
import { textIn } from '../../core/model.js';
import { tryLoadCurriculum } from '../../content/load.js';
import { cleanInterruptedWrite, writeCurriculum } from '../../content/write.js';
import { noteText } from '../../importers/common.js';
import type { ImportOptions, ImportResult } from '../../importers/common.js';
import { importMetacademy } from '../../importers/metacademy.js';
import { importOssu, OSSU_DEFAULT_COURSE_HOURS } from '../../importers/ossu.js';
import { reconcileImport } from '../../importers/reimport.js';
import type { ReimportReport } from '../../importers/reimport.js';
import { importRoadmapSh, ROADMAP_DEFAULT_HOURS } from '../../importers/roadmap-sh.js';
import { cmsg, importedCount } from '../curriculum-messages.js';
import { didYouMeanIn, enumerationIn, renderMessage, translate } from '../../i18n/catalogue.js';
import type { CliIo } from '../io.js';
import { chooseLocale } from '../locale.js';
import { helpFor } from '../help-messages.js';
import { parseDecimal } from '../../core/decimal.js';

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
        const locale = chooseLocale({ env: io.env });
        const format = options.from;
        if (!(format in IMPORT_FORMATS)) {
          const close = suggest(format, Object.keys(IMPORT_FORMATS));
          throw new MlpathError({
            code: 'INVALID_INPUT',
            message:
              cmsg(locale, 'import.unknownFormat', { format }) +
              (close.length > 0 ? (locale === 'zh-CN' ? '；' : '; ') + didYouMeanIn(locale, close) : ''),
            hint: cmsg(locale, 'import.formatHint', { formats: Object.keys(IMPORT_FORMATS).join(', ') }),
          });
        }
        let defaultHours: number | undefined;
        if (options.defaultHours !== undefined) {
          defaultHours = parseDecimal(options.defaultHours);
          if (defaultHours === undefined || defaultHours <= 0 || defaultHours > 1000) {
            throw new MlpathError({
              code: 'INVALID_INPUT',
              message: cmsg(locale, 'import.badHours', { value: options.defaultHours }),
              hint: cmsg(locale, 'import.hoursHint'),
            });
          }
        }
        const sourcePath = isAbsolute(source) ? source : resolve(io.cwd, source);
        const output = isAbsolute(options.output) ? options.output : resolve(io.cwd, options.output);
        const importer = IMPORT_FORMATS[format as ImportFormat];
        const progress = progressBar(io, cmsg(locale, 'import.progress'));
        let result: ImportResult;
        try {
          result = importer(sourcePath, { cwd: io.cwd, defaultHours, onProgress: progress.update });
        } finally {
          progress.stop();
        }
        const cleaned = cleanInterruptedWrite(output);
        // A newer import of the same curriculum over an earlier one keeps the earlier ids as aliases.
        let reimport: ReimportReport | undefined;
        let curriculum = result.curriculum;
        if (options.force === true) {
          const previous = tryLoadCurriculum(output, io.cwd);
          if (previous.ok && previous.curriculum.meta.id === curriculum.meta.id) {
            const merged = reconcileImport(previous.curriculum, curriculum);
            curriculum = merged.curriculum;
            reimport = merged.report;
          }
        }
        const files = writeCurriculum(curriculum, output, { force: options.force === true, cwd: io.cwd });
        const { imported, dropped, warnings } = result.summary;
        if (options.json) {
          io.out(
            `${JSON.stringify({ ok: true, output: options.output, files, ...summaryJson(result.summary), ...(reimport ? { reimport } : {}) }, null, 2)}\n`,
          );
        }
        for (const name of cleaned) io.err(`${cmsg(locale, 'import.cleaned', { name })}\n`);
        // The importers' notes are records of the catalogue, worded in the learner's language.
        const t = (note: Message): string => renderMessage(locale, note, 'cli');
        const counts = Object.entries(imported).map(([kind, count]) => importedCount(locale, kind, count));
        io.err(
          `${cmsg(locale, 'import.done', { title: textIn(result.curriculum.meta.title, locale), output: options.output, counts: enumerationIn(locale, counts) })}\n`,
        );
        for (const w of warnings) io.err(`${translate(locale, 'errors', 'warning', { text: t(w) })}\n`);
        if (dropped.length > 0) {
          io.err(`${cmsg(locale, 'import.dropped', { count: dropped.length })}\n`);
          for (const d of dropped.slice(0, DROPPED_SHOWN)) {
            io.err(`  - ${cmsg(locale, 'import.droppedItem', { what: t(d.what), why: t(d.why) })}\n`);
          }
          if (dropped.length > DROPPED_SHOWN) {
            io.err(`  ${cmsg(locale, 'import.more', { count: dropped.length - DROPPED_SHOWN })}\n`);
          }
        }
        if (reimport) {
          io.err(
            `${cmsg(locale, 'import.reimport', {
              kept: reimport.kept,
              added: reimport.added.length,
              removed: reimport.removed.length,
              renamed: reimport.renamed.length,
            })}\n`,
          );
          for (const r of reimport.renamed.slice(0, DROPPED_SHOWN)) {
            io.err(`  - ${cmsg(locale, 'import.renamed', { from: r.from, to: r.to, id: r.id })}\n`);
          }
          const titleOf = (id: string): string =>
            textIn(curriculum.skills.find((s) => s.id === id)?.title, locale) || id;
          for (const id of reimport.added.slice(0, DROPPED_SHOWN)) {
            io.err(`  + ${cmsg(locale, 'import.added', { title: titleOf(id), id })}\n`);
          }
          for (const id of reimport.removed.slice(0, DROPPED_SHOWN)) {
            io.err(`  - ${cmsg(locale, 'import.removed', { id })}\n`);
          }
        }
        io.err(`${cmsg(locale, 'import.next', { output: options.output })}\n`);
      },
    );
}

/** A progress bar on stderr; without a terminal it prints a plain line now and then (noTTYOutput). */
function progressBar(io: CliIo, label: string): { update: (done: number, total: number) => void; stop: () => void } {
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
            format: `${label} [{bar}] {value}/{total}`,
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

/** The summary as `--json` prints it: the notes in English, as scripts read them. */
function summaryJson(summary: ImportResult['summary']): Record<string, unknown> {
  return {
    imported: summary.imported,
    dropped: summary.dropped.map((d) => ({ what: noteText(d.what), why: noteText(d.why) })),
    warnings: summary.warnings.map(noteText),
  };
}
