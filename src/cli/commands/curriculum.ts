/**
 * @module commands/curriculum
 * `mlpath curriculum check [DIR]` and `mlpath curriculum show [DIR] --json`.
 */
import { curriculumView } from '../../core/curriculum-view.js';
import type { Command } from 'commander';
import { formatProblem, MlpathError } from '../../core/errors.js';
import { textIn } from '../../core/model.js';
import { tryLoadCurriculum } from '../../content/load.js';
import type { CliIo } from '../io.js';
import { cmsg, countOf, importedCount } from '../curriculum-messages.js';
import { enumerationIn } from '../../i18n/options.js';
import { renderMessage, translate } from '../../i18n/catalogue.js';
import { chooseLocale } from '../locale.js';
import { curriculumDir } from '../paths.js';
import { registerCurriculumImport } from './curriculum-import.js';
import { helpFor } from '../help-messages.js';

export function registerCurriculum(program: Command, io: CliIo): Command {
  const h = helpFor(io.env);
  const curriculum = program.command('curriculum').description(h('curriculum.description'));

  curriculum
    .command('check')
    .description(h('curriculum.check'))
    .argument('[dir]', h('curriculum.dir'))
    .option('--json', h('curriculum.checkJson'))
    .action((dir: string | undefined, options: { json?: boolean }) => {
      const locale = chooseLocale({ env: io.env });
      const folder = curriculumDir(dir, io.cwd);
      const result = tryLoadCurriculum(folder, io.cwd);
      if (options.json) {
        io.out(
          `${JSON.stringify(
            {
              ok: result.ok,
              problems: result.ok ? [] : result.problems,
              warnings: result.warnings,
              files: result.files,
            },
            null,
            2,
          )}\n`,
        );
      }
      for (const w of result.warnings) {
        const text = formatProblem({ ...w, message: w.coded ? renderMessage(locale, w.coded, 'cli') : w.message });
        io.err(`${translate(locale, 'errors', 'warning', { text })}\n`);
      }
      if (!result.ok) {
        throw new MlpathError({
          code: 'CURRICULUM_INVALID',
          message: cmsg(locale, 'check.failed', {
            problems: countOf(locale, 'problem', result.problems.length),
            files: countOf(locale, 'file', result.files.length),
          }),
          problems: result.problems,
          hint: cmsg(locale, 'check.hint'),
        });
      }
      const c = result.curriculum;
      const edges = c.skills.reduce((n, s) => n + s.requires.length, 0);
      if (!options.json) {
        const counts: [string, number][] = [
          ['skills', c.skills.length],
          ['prerequisites', edges],
          ['resources', c.resources.length],
          ['stages', c.stages.length],
          ['routes', c.routes.length],
          ['starting points', c.startingPoints.length],
          ['roles', c.roles.length],
          ['projects', c.projects.length],
        ];
        const summary = cmsg(locale, 'check.ok', {
          title: textIn(c.meta.title, locale),
          version: c.meta.version,
          counts: enumerationIn(
            locale,
            counts.map(([kind, count]) => importedCount(locale, kind, count)),
          ),
        });
        const warnings =
          result.warnings.length > 0 ? cmsg(locale, 'check.okWarnings', { count: result.warnings.length }) : '';
        io.err(`${summary}${warnings}\n`);
      }
    });

  curriculum
    .command('show')
    .description(h('curriculum.show'))
    .argument('[dir]', h('curriculum.dir'))
    .option('--json', h('curriculum.showJson'))
    .action((dir: string | undefined) => {
      const folder = curriculumDir(dir, io.cwd);
      const result = tryLoadCurriculum(folder, io.cwd);
      if (!result.ok) {
        throw new MlpathError({
          code: 'CURRICULUM_INVALID',
          message: cmsg(chooseLocale({ env: io.env }), 'show.invalid', { count: result.problems.length }),
          problems: result.problems,
        });
      }
      const c = result.curriculum;
      io.out(`${JSON.stringify(curriculumView(c), null, 2)}\n`);
    });

  registerCurriculumImport(curriculum, io);
  return curriculum;
}
