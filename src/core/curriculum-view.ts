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

/** The resources that teach a skill, directly or through one of their units, in the curriculum's order. */
export function resourcesTeaching(c: Pick<Curriculum, 'resources'>, skill: string): Curriculum['resources'] {
  return c.resources.filter(
    (resource) => resource.teaches.includes(skill) || resource.units.some((unit) => unit.teaches.includes(skill)),
  );
}

/**
 * What the roadmap page draws, and no more: each skill's id, area, title and the ids it requires
 * (for "leads to"), the stages with their titles, summaries and skills, and each route's stages.
 * A skill's summary, outcomes, requirements' reasons and resources come with `skillDetail` when the
 * learner opens it.
 */
export function roadmapView(c: Curriculum) {
  return {
    skills: c.skills.map((s) => ({ id: s.id, area: s.area, title: s.title, requires: s.requires.map((r) => r.skill) })),
    stages: c.stages.map((s) => ({
      id: s.id,
      title: s.title,
      ...(s.summary ? { summary: s.summary } : {}),
      skills: s.skills,
    })),
    routes: c.routes.map((r) => ({ id: r.id, stages: r.stages })),
  };
}

/** One skill as its panel shows it: the skill whole and the resources that teach it; undefined for an unknown id. */
export function skillDetail(c: Curriculum, id: string) {
  const skill = c.skills.find((s) => s.id === id);
  return skill ? { skill, resources: resourcesTeaching(c, id) } : undefined;
}
