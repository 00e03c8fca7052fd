/**
 * @module commands/project
 * `mlpath project add|check|link|list`: portfolio projects from the curriculum's templates.
 * Rubric ticks are `project-milestone` events (so `mlpath undo` takes one back); links are the
 * project's repository, demo and write-up.
 */
import type { Command } from 'commander';
import { isMlpathError, MlpathError, suggest } from '../../core/errors.js';
import { byId, textIn } from '../../core/model.js';
import type { Curriculum, Locale, RubricItem } from '../../core/model.js';
import { cancelledIds, orderEvents } from '../../core/progress.js';
import { projectTicks } from '../../store/backup.js';
import { newEvent } from '../../store/events.js';
import { LINK_KINDS } from '../../store/store.js';
import type { LinkKind, PortfolioProject } from '../../store/store.js';
import type { CliIo } from '../io.js';
import { withSession } from '../session.js';
import type { Session } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { helpFor } from '../help-messages.js';
import { msg } from '../messages.js';

/** The rubric a project is judged by: the curriculum's, then the template's own items. */
export function rubricFor(curriculum: Curriculum, templateId: string): RubricItem[] {
  const template = byId(curriculum.projects).get(templateId);
  const items = [...curriculum.meta.rubric];
  for (const item of template?.rubric ?? []) if (!items.some((i) => i.id === item.id)) items.push(item);
  return items;
}

async function requireProject(session: Session, id: string, locale: Locale): Promise<PortfolioProject> {
  const projects = await session.store.listProjects(session.learner);
  const found = projects.find((p) => p.id === id);
  if (found) return found;
  const m = trackingMessages(locale);
  const close = suggest(
    id,
    projects.map((p) => p.id),
  );
  throw new MlpathError({
    code: 'NOT_FOUND',
    message: m.unknownProject(id),
    hint: close.length > 0 ? m.didYouMean(close) : m.projectsHint,
  });
}

function checkUrl(url: string, locale: Locale): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.toString();
  } catch {
    // reported below
  }
  throw new MlpathError({ code: 'INVALID_INPUT', message: trackingMessages(locale).badUrl(url) });
}

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
        const m = trackingMessages(locale);
        const curriculum = session.curriculum();
        const template = byId(curriculum.projects).get(templateId);
        if (!template) {
          const ids = curriculum.projects.map((p) => p.id);
          const close = suggest(templateId, ids);
          throw new MlpathError({
            code: 'NOT_FOUND',
            message: m.unknownTemplate(templateId),
            hint: close.length > 0 ? m.didYouMean(close) : m.templatesHint(ids),
          });
        }
        const id = options.id ?? template.id;
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
          throw new MlpathError({
            code: 'INVALID_INPUT',
            message: msg(locale, 'project.badId', { id }),
          });
        }
        const title = options.title ?? textIn(template.title, locale);
        await session.store
          .addProject(session.learner, {
            id,
            template: template.id,
            title,
            createdAt: session.now.toISOString(),
            links: { repository: undefined, demo: undefined, writeup: undefined },
          })
          .catch((error: unknown) => {
            if (isMlpathError(error) && error.code === 'CONFLICT') {
              throw new MlpathError({ code: 'CONFLICT', message: m.projectExists(id), hint: m.projectIdHint });
            }
            throw error;
          });
        io.out(`${m.projectAdded(title, id)}\n`);
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
        const curriculum = session.curriculum();
        const found = await requireProject(session, projectId, locale);
        const rubric = rubricFor(curriculum, found.template);
        const item = rubric.find((r) => r.id === itemId);
        if (!item) {
          const close = suggest(
            itemId,
            rubric.map((r) => r.id),
          );
          throw new MlpathError({
            code: 'NOT_FOUND',
            message: m.unknownRubric(itemId),
            hint: close.length > 0 ? m.didYouMean(close) : m.rubricHint(rubric.map((r) => r.id)),
          });
        }
        const events = await session.store.listEvents(session.learner);
        const ticked = projectTicks(events).get(found.id)?.has(item.id) === true;
        const title = textIn(item.title, locale);
        if (!options.undo) {
          if (ticked) {
            io.out(`${m.alreadyTicked(found.title, title)}\n`);
            return;
          }
          await session.store.appendEvents(session.learner, [
            newEvent('project-milestone', { item: found.id, text: item.id }, session.now),
          ]);
          io.out(`${m.ticked(found.title, title)}\n`);
          return;
        }
        if (!ticked) {
          io.out(`${m.notTicked(found.title, title)}\n`);
          return;
        }
        // Untick by cancelling every tick of this item still in force.
        const cancelled = cancelledIds(events);
        const ticks = orderEvents(events).filter(
          (e) => e.type === 'project-milestone' && e.item === found.id && e.text === item.id && !cancelled.has(e.id),
        );
        await session.store.appendEvents(
          session.learner,
          ticks.map((e) => newEvent('undo', { undoes: e.id }, session.now)),
        );
        io.out(`${m.unticked(found.title, title)}\n`);
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
        const found = await requireProject(session, projectId, locale);
        if (options.clear) {
          await session.store.setProjectLink(session.learner, found.id, kind as LinkKind, undefined);
          io.out(`${m.linkCleared(kind)}\n`);
          return;
        }
        if (url === undefined)
          throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'project.needUrl') });
        const clean = checkUrl(url, locale);
        await session.store.setProjectLink(session.learner, found.id, kind as LinkKind, clean);
        io.out(`${m.linkSet(kind, clean)}\n`);
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
        const projects = await session.store.listProjects(session.learner);
        const ticks = projectTicks(await session.store.listEvents(session.learner));
        if (options.json) {
          const json = projects.map((p) => ({
            ...p,
            rubric: rubricFor(curriculum, p.template).map((r) => ({
              id: r.id,
              title: textIn(r.title, locale),
              checked: ticks.get(p.id)?.has(r.id) === true,
            })),
          }));
          io.out(`${JSON.stringify(json, null, 2)}\n`);
          return;
        }
        if (projects.length === 0) {
          io.out(`${m.noProjects} ${curriculum.projects.map((p) => p.id).join(', ')}\n`);
          return;
        }
        for (const p of projects) {
          const rubric = rubricFor(curriculum, p.template);
          const checked = ticks.get(p.id) ?? new Set<string>();
          io.out(
            `${p.title} (${p.id}) — ${m.rubricLine(rubric.filter((r) => checked.has(r.id)).length, rubric.length)}\n`,
          );
          for (const r of rubric) io.out(`  [${checked.has(r.id) ? 'x' : ' '}] ${r.id}: ${textIn(r.title, locale)}\n`);
          for (const kind of LINK_KINDS) if (p.links[kind]) io.out(`  ${kind}: ${p.links[kind]}\n`);
        }
      });
    });
}
