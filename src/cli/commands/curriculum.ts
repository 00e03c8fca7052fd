/**
 * @module commands/curriculum
 * `mlpath curriculum check [DIR]` and `mlpath curriculum show [DIR] --json`.
 */
import type { Command } from 'commander';
import { formatProblem, MlpathError } from '../../core/errors.js';
import { textIn } from '../../core/model.js';
import { tryLoadCurriculum } from '../../content/load.js';
import type { CliIo } from '../io.js';
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
      for (const w of result.warnings) io.err(`warning: ${formatProblem(w)}\n`);
      if (!result.ok) {
        throw new MlpathError({
          code: 'CURRICULUM_INVALID',
          message: `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${result.files.length} file${result.files.length === 1 ? '' : 's'}`,
          problems: result.problems,
          hint: 'fix each place listed, then run `mlpath curriculum check` again',
        });
      }
      const c = result.curriculum;
      const edges = c.skills.reduce((n, s) => n + s.requires.length, 0);
      if (!options.json) {
        io.err(
          `ok: ${textIn(c.meta.title, 'en')} ${c.meta.version}: ${c.skills.length} skills, ${edges} prerequisites, ` +
            `${c.resources.length} resources, ${c.stages.length} stages, ${c.routes.length} routes, ` +
            `${c.startingPoints.length} starting points, ${c.roles.length} roles, ${c.projects.length} projects` +
            `${result.warnings.length > 0 ? `, ${result.warnings.length} warning(s)` : ''}\n`,
        );
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
          message: `the curriculum has ${result.problems.length} problem(s); run \`mlpath curriculum check\` for the list`,
          problems: result.problems,
        });
      }
      const c = result.curriculum;
      const json = {
        meta: c.meta,
        skills: c.skills,
        resources: c.resources,
        stages: c.stages,
        routes: c.routes,
        startingPoints: c.startingPoints,
        roles: c.roles,
        projects: c.projects,
        domains: c.domains,
      };
      io.out(`${JSON.stringify(json, null, 2)}\n`);
    });

  registerCurriculumImport(curriculum, io);
  return curriculum;
}
