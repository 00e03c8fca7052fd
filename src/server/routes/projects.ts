/**
 * @module server/routes/projects
 * Portfolio projects: list, start one from a template, tick rubric items, set links, remove one.
 * Each route validates, makes one call to the learner layer (learner/projects.ts holds the rules)
 * and answers JSON in the API's project shape.
 */
import { Hono } from 'hono';
import { addProject, listProjects, removeProject, setLinks, setRubricItem } from '../../learner/projects.js';
import type { ProjectView as LearnerProjectView } from '../../learner/projects.js';
import type { Text } from '../../core/model.js';
import { isLearnerError, LearnerError } from '../../learner/errors.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContext } from '../context.js';
import { LinksInput, ProjectInput, RubricInput } from '../../contract/index.js';
import { parseBody } from '../validate.js';
import { json } from '../answers.js';

export interface ProjectView {
  id: string;
  template: string;
  title: Text;
  rubric: Record<string, boolean>;
  links: { repo?: string; demo?: string; writeup?: string };
  createdAt: string;
}

/** The API's shape of a project (the rubric as id -> ticked, links under their short names). */
function apiView(project: LearnerProjectView): ProjectView {
  const rubric: Record<string, boolean> = {};
  for (const item of project.rubric) rubric[item.id] = item.checked;
  const links: ProjectView['links'] = {};
  if (project.links.repository) links.repo = project.links.repository;
  if (project.links.demo) links.demo = project.links.demo;
  if (project.links.writeup) links.writeup = project.links.writeup;
  return {
    id: project.id,
    template: project.template,
    title: project.title,
    rubric,
    links,
    createdAt: project.createdAt,
  };
}

export function projectRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/projects', async (c) => {
    const projects = await listProjects(learnerContext(deps, c));
    return json(c, { projects: projects.map(apiView) });
  });

  routes.post('/projects', async (c) => {
    const input = await parseBody(c, ProjectInput);
    const project = await addProject(learnerContext(deps, c), input);
    return json(c, { project: apiView(project) });
  });

  routes.delete('/projects/:id', async (c) => {
    const removed = await removeProject(learnerContext(deps, c), { project: c.req.param('id') });
    return json(c, { removed: removed.id });
  });

  routes.post('/projects/:id/rubric', async (c) => {
    const input = await parseBody(c, RubricInput);
    const result = await setRubricItem(learnerContext(deps, c), { project: c.req.param('id'), ...input });
    return json(c, { project: apiView(result.project) });
  });

  routes.put('/projects/:id/links', async (c) => {
    const input = await parseBody(c, LinksInput);
    // PUT replaces the links: a link not given is cleared.
    const project = await setLinks(learnerContext(deps, c), {
      project: c.req.param('id'),
      links: { repository: input.repo, demo: input.demo, writeup: input.writeup },
    }).catch((error: unknown) => {
      // The API calls the repository link `repo`: a bad one is named so.
      if (!isLearnerError(error) || error.reason !== 'bad-url') throw error;
      throw new LearnerError({
        code: error.code,
        reason: error.reason,
        // Its catalogue message, so the API words it in the learner's language like any other.
        ...(error.coded ? { key: error.coded.key, params: error.coded.params ?? {} } : { message: error.message }),
        details: error.details,
        problems: error.problems.map((p) => (p.path === 'repository' ? { ...p, path: 'repo' } : p)),
      });
    });
    return json(c, { project: apiView(project) });
  });

  return routes;
}
