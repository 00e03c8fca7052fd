/**
 * @module commands/project
 * `mlpath project add|check|link|remove|list`: portfolio projects from the curriculum's templates.
 * Each command parses its arguments, makes one call to the learner layer (learner/projects.ts holds
 * the rules: ids, duplicates, rubric, links) and prints. Every change is a step `mlpath undo` takes back.
 */
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import { textIn } from '../../core/model.js';
import { addProject, listProjects, removeProject, setLinks, setRubricItem } from '../../learner/projects.js';
import { LINK_KINDS } from '../../store/store.js';
import type { LinkKind } from '../../store/store.js';
import type { CliIo } from '../io.js';
import { withSession } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { helpFor } from '../help-messages.js';
import { msg } from '../messages.js';

export function registerProject(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  const project = program.command('project').description(h('project'));

  project
    .command('add')
    .description(h('project.add'))
    .argument('<template>', h('project.template'))
    .option('--id <id>', h('project.id'))
    .option('--title <title>', h('project.title'))
    .action(async (templateId: string, options: { id?: string; title?: string }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const added = await session.inTurn((ctx) => addProject(ctx, { template: templateId, ...options, locale }));
        const title = textIn(added.title, locale);
        io.out(`${trackingMessages(locale).projectAdded(title, added.id)}\n`);
      });
    });

  project
    .command('check')
    .description(h('project.check'))
    .argument('<project>', h('project.project'))
    .argument('<item>', h('project.item'))
    .option('--undo', h('project.undo'))
    .action(async (projectId: string, itemId: string, options: { undo?: boolean }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const m = trackingMessages(locale);
        const checked = options.undo !== true;
        const result = await session.inTurn((ctx) => setRubricItem(ctx, { project: projectId, item: itemId, checked }));
        const name = textIn(result.project.title, locale);
        const title = textIn(result.item.title, locale);
        if (checked) io.out(`${result.changed ? m.ticked(name, title) : m.alreadyTicked(name, title)}\n`);
        else io.out(`${result.changed ? m.unticked(name, title) : m.notTicked(name, title)}\n`);
      });
    });

  project
    .command('link')
    .description(h('project.link'))
    .argument('<project>', h('project.project'))
    .argument('<kind>', h('project.kind', { kinds: LINK_KINDS.join(', ') }))
    .argument('[url]', h('project.url'))
    .option('--clear', h('project.clear'))
    .action(async (projectId: string, kind: string, url: string | undefined, options: { clear?: boolean }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const m = trackingMessages(locale);
        if (!(LINK_KINDS as readonly string[]).includes(kind)) {
          throw new MlpathError({
            code: 'INVALID_INPUT',
            message: msg(locale, 'project.badKind', { kinds: LINK_KINDS.join(', '), kind }),
          });
        }
        if (!options.clear && url === undefined)
          throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'project.needUrl') });
        const link = kind as LinkKind;
        const updated = await session.inTurn((ctx) =>
          setLinks(ctx, {
            project: projectId,
            links: { [link]: options.clear ? undefined : url },
          }),
        );
        const value = updated.links[link];
        io.out(`${value === undefined ? m.linkCleared(kind) : m.linkSet(kind, value)}\n`);
      });
    });

  project
    .command('remove')
    .description(h('project.remove'))
    .argument('<project>', h('project.project'))
    .action(async (projectId: string) => {
      await withSession(io, async (session) => {
        const m = trackingMessages(await session.locale());
        const removed = await session.inTurn((ctx) => removeProject(ctx, { project: projectId }));
        io.out(`${m.projectRemoved(removed.title, removed.id)}\n`);
      });
    });

  project
    .command('list')
    .description(h('project.list'))
    .option('--json', h('view.json'))
    .action(async (options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const m = trackingMessages(locale);
        const curriculum = session.curriculum();
        const projects = await listProjects(session.context());
        if (options.json) {
          const json = projects.map((p) => ({
            id: p.id,
            template: p.template,
            title: textIn(p.title, locale),
            createdAt: p.createdAt,
            links: p.links,
            rubric: p.rubric.map((r) => ({ id: r.id, title: textIn(r.title, locale), checked: r.checked })),
          }));
          io.out(`${JSON.stringify(json, null, 2)}\n`);
          return;
        }
        if (projects.length === 0) {
          io.out(`${m.noProjects} ${curriculum.projects.map((p) => p.id).join(', ')}\n`);
          return;
        }
        for (const p of projects) {
          const done = p.rubric.filter((r) => r.checked).length;
          io.out(`${textIn(p.title, locale)} (${p.id}) — ${m.rubricLine(done, p.rubric.length)}\n`);
          for (const r of p.rubric) io.out(`  [${r.checked ? 'x' : ' '}] ${r.id}: ${textIn(r.title, locale)}\n`);
          for (const kind of LINK_KINDS) if (p.links[kind]) io.out(`  ${kind}: ${p.links[kind]}\n`);
        }
      });
    });
}
