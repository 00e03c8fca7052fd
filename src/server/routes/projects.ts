/**
 * @module server/routes/projects
 * Portfolio projects: list, start one from a template, tick rubric items, set links. A rubric
 * tick is a `project-milestone` event; unticking appends an undo of it, so nothing is lost.
 */
import { Hono } from 'hono';
import { MlpathError, suggest } from '../../core/errors.js';
import type { Curriculum, ProjectTemplate, RubricItem, Text } from '../../core/model.js';
import { byId } from '../../core/model.js';
import { cancelledIds, progressStats } from '../../core/progress.js';
import type { ProgressEvent } from '../../core/progress-model.js';
import { newEvent } from '../../store/events.js';
import type { PortfolioProject, Store } from '../../store/store.js';
import type { AppDeps, AppEnv } from '../context.js';
import { LinksInput, ProjectInput, RubricInput } from '../schemas.js';
import { parseBody } from '../validate.js';

export interface ProjectView {
  id: string;
  template: string;
  title: Text;
  rubric: Record<string, boolean>;
  links: { repo?: string; demo?: string; writeup?: string };
  createdAt: string;
}

/** The rubric a project is judged by: the curriculum's common rubric, then the template's own items. */
export function rubricOf(curriculum: Curriculum, template: ProjectTemplate | undefined): RubricItem[] {
  const items = new Map<string, RubricItem>();
  for (const item of [...curriculum.meta.rubric, ...(template?.rubric ?? [])]) items.set(item.id, item);
  return [...items.values()];
}

function viewOf(
  project: PortfolioProject,
  curriculum: Curriculum,
  templates: ReadonlyMap<string, ProjectTemplate>,
  ticks: ReadonlySet<string>,
): ProjectView {
  const template = templates.get(project.template);
  const rubric: Record<string, boolean> = {};
  for (const item of rubricOf(curriculum, template)) rubric[item.id] = ticks.has(item.id);
  const links: ProjectView['links'] = {};
  if (project.links.repository) links.repo = project.links.repository;
  if (project.links.demo) links.demo = project.links.demo;
  if (project.links.writeup) links.writeup = project.links.writeup;
  return {
    id: project.id,
    template: project.template,
    title: template?.title ?? { en: project.title },
    rubric,
    links,
    createdAt: project.createdAt,
  };
}

function notFound(what: string, id: string, candidates: readonly string[], path: string): MlpathError {
  const close = suggest(id, candidates);
  return new MlpathError({
    code: 'NOT_FOUND',
    message: `no ${what} is called "${id}"${close.length > 0 ? `; did you mean ${close.map((s) => `"${s}"`).join(' or ')}?` : ''}`,
    problems: [{ path, message: `unknown ${what} "${id}"` }],
  });
}

export function projectRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, curriculum, clock } = deps;
  const templates = byId(curriculum.projects);
  const routes = new Hono<AppEnv>();

  async function load(learner: string): Promise<{ projects: PortfolioProject[]; events: ProgressEvent[] }> {
    const [projects, events] = await Promise.all([store.listProjects(learner), store.listEvents(learner)]);
    return { projects, events };
  }

  async function viewById(learner: string, id: string): Promise<ProjectView> {
    const { projects, events } = await load(learner);
    const project = projects.find((p) => p.id === id);
    if (!project)
      throw notFound(
        'project',
        id,
        projects.map((p) => p.id),
        'id',
      );
    const ticks = progressStats(events, curriculum, undefined).projectTicks.get(id) ?? new Set<string>();
    return viewOf(project, curriculum, templates, ticks);
  }

  routes.get('/projects', async (c) => {
    const { projects, events } = await load(c.get('learner').id);
    const ticks = progressStats(events, curriculum, undefined).projectTicks;
    return c.json({ projects: projects.map((p) => viewOf(p, curriculum, templates, ticks.get(p.id) ?? new Set())) });
  });

  routes.post('/projects', async (c) => {
    const input = await parseBody(c, ProjectInput);
    const learner = c.get('learner').id;
    const template = templates.get(input.template);
    if (!template) throw notFound('project template', input.template, [...templates.keys()], 'template');
    // The first project from a template takes its id; later ones are numbered.
    const taken = new Set((await store.listProjects(learner)).map((p) => p.id));
    let id = template.id;
    for (let n = 2; taken.has(id); n++) id = `${template.id}-${n}`;
    await store.addProject(learner, {
      id,
      template: template.id,
      title: template.title['en'] ?? Object.values(template.title)[0] ?? template.id,
      createdAt: clock().toISOString(),
      links: { repository: undefined, demo: undefined, writeup: undefined },
    });
    return c.json({ project: await viewById(learner, id) });
  });

  routes.post('/projects/:id/rubric', async (c) => {
    const input = await parseBody(c, RubricInput);
    const learner = c.get('learner').id;
    const id = c.req.param('id');
    const { projects, events } = await load(learner);
    const project = projects.find((p) => p.id === id);
    if (!project)
      throw notFound(
        'project',
        id,
        projects.map((p) => p.id),
        'id',
      );
    const rubric = rubricOf(curriculum, templates.get(project.template)).map((r) => r.id);
    if (!rubric.includes(input.item)) throw notFound('rubric item', input.item, rubric, 'item');
    await setTick({ store, learner, events, projectId: id, item: input.item, checked: input.checked, at: clock() });
    return c.json({ project: await viewById(learner, id) });
  });

  routes.put('/projects/:id/links', async (c) => {
    const input = await parseBody(c, LinksInput);
    const learner = c.get('learner').id;
    const id = c.req.param('id');
    const projects = await store.listProjects(learner);
    if (!projects.some((p) => p.id === id))
      throw notFound(
        'project',
        id,
        projects.map((p) => p.id),
        'id',
      );
    // PUT replaces the links: a link not given is cleared.
    await store.setProjectLink(learner, id, 'repository', input.repo);
    await store.setProjectLink(learner, id, 'demo', input.demo);
    await store.setProjectLink(learner, id, 'writeup', input.writeup);
    return c.json({ project: await viewById(learner, id) });
  });

  return routes;
}

/** Tick (append a milestone event) or untick (undo the ticks in force); no event when nothing changes. */
async function setTick(options: {
  store: Store;
  learner: string;
  events: readonly ProgressEvent[];
  projectId: string;
  item: string;
  checked: boolean;
  at: Date;
}): Promise<void> {
  const { store, learner, events, projectId, item, checked, at } = options;
  const cancelled = cancelledIds(events);
  const inForce = events.filter(
    (e) => e.type === 'project-milestone' && e.item === projectId && e.text === item && !cancelled.has(e.id),
  );
  if (checked && inForce.length === 0) {
    await store.appendEvents(learner, [newEvent('project-milestone', { item: projectId, text: item }, at)]);
  } else if (!checked && inForce.length > 0) {
    await store.appendEvents(
      learner,
      inForce.map((e) => newEvent('undo', { item: projectId, undoes: e.id }, at)),
    );
  }
}
