/**
 * @module curriculum-view
 * The curriculum as the faces show it: `mlpath curriculum show --json` and `GET /api/curriculum`
 * answer this same object. It leaves out what only the planner and the job-posting reader use
 * (the posting vocabulary, the self-check bank, which the review commands serve on their own).
 */
import type { Curriculum } from './model.js';

/** The curriculum's public view: metadata, skills, resources, stages, routes, starting points, roles, projects, domains, regions. */
export function curriculumView(c: Curriculum) {
  return {
    meta: c.meta,
    skills: c.skills,
    resources: c.resources,
    stages: c.stages,
    routes: c.routes,
    startingPoints: c.startingPoints,
    roles: c.roles,
    projects: c.projects,
    domains: c.domains,
    ...(c.regions ? { regions: c.regions } : {}),
  };
}
