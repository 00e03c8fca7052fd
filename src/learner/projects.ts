/**
 * @module learner/projects
 * Portfolio projects: add one from a template, tick or untick its rubric, set its links, remove it,
 * list them. Every change is recorded in the progress log (a rubric tick as `project-milestone`, the
 * rest as `project-change` holding the project before and after), so `undo` takes any of them back.
 *
 * Rules:
 * - A project's id is the template's, or one the learner gives (kebab-case). An id already taken is
 *   refused (CONFLICT) in every face, never numbered silently: a second click or a repeated command
 *   must not create a second project; a second project from one template is named on purpose.
 * - A link is an https:// URL (a portfolio link others open) of at most 2000 characters; an empty
 *   one clears the link.
 * - Unticking cancels the ticks in force (undo events naming the project); ticking what is ticked,
 *   or unticking what is not, records nothing.
 */
import { suggest } from '../core/errors.js';
import { byId, textIn } from '../core/model.js';
import { MAX_ID_LENGTH, MAX_LINK_LENGTH, MAX_TITLE_LENGTH } from '../core/planner/profile.js';
import type { Curriculum, RubricItem, Text } from '../core/model.js';
import { cancelledIds, progressStats } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { newEvent } from '../store/events.js';
import { LINK_KINDS } from '../store/store.js';
import type { LinkKind, PortfolioProject, ProjectLinks } from '../store/store.js';
import type { LearnerContext } from './context.js';
import { codedProblem, didYouMean } from '../core/errors.js';
import { LearnerError, withinLimit } from './errors.js';
import { MAX_SUGGESTIONS } from './items.js';

export const PROJECT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The link limit of every way in (core/planner/profile.ts). */
export const MAX_URL_LENGTH = MAX_LINK_LENGTH;

export interface ProjectView {
  readonly id: string;
  readonly template: string;
  /** The template's title per locale, or the learner's own title. */
  readonly title: Text;
  readonly rubric: readonly { readonly id: string; readonly title: Text; readonly checked: boolean }[];
  readonly links: ProjectLinks;
  readonly createdAt: string;
}

/** The rubric a project is judged by: the curriculum's common rubric, then the template's own items. */
export function rubricOf(curriculum: Curriculum, templateId: string): RubricItem[] {
  const template = byId(curriculum.projects).get(templateId);
  const items = new Map<string, RubricItem>();
  for (const item of [...curriculum.meta.rubric, ...(template?.rubric ?? [])])
    if (!items.has(item.id)) items.set(item.id, item);
  return [...items.values()];
}

function viewOf(curriculum: Curriculum, project: PortfolioProject, ticks: ReadonlySet<string>): ProjectView {
  const template = byId(curriculum.projects).get(project.template);
  const own = template !== undefined && Object.values(template.title).includes(project.title);
  return {
    id: project.id,
    template: project.template,
    title: own && template ? template.title : { en: project.title },
    rubric: rubricOf(curriculum, project.template).map((r) => ({ id: r.id, title: r.title, checked: ticks.has(r.id) })),
    links: project.links,
    createdAt: project.createdAt,
  };
}

async function load(ctx: LearnerContext): Promise<{ projects: PortfolioProject[]; events: ProgressEvent[] }> {
  const [projects, events] = await Promise.all([
    ctx.store.listProjects(ctx.learnerId),
    ctx.store.listEvents(ctx.learnerId),
  ]);
  return { projects, events };
}

function ticksOf(ctx: LearnerContext, events: readonly ProgressEvent[]) {
  return progressStats(events, ctx.curriculum, undefined).projectTicks;
}

/** Every project of the learner, with its rubric and links. */
export async function listProjects(ctx: LearnerContext): Promise<ProjectView[]> {
  const { projects, events } = await load(ctx);
  const ticks = ticksOf(ctx, events);
  return projects.map((p) => viewOf(ctx.curriculum, p, ticks.get(p.id) ?? new Set()));
}

async function view(ctx: LearnerContext, id: string): Promise<ProjectView> {
  const found = (await listProjects(ctx)).find((p) => p.id === id);
  if (!found) throw unknownProject(id, []);
  return found;
}

function unknownProject(id: string, ids: readonly string[]): LearnerError {
  const suggestions = suggest(id, ids, MAX_SUGGESTIONS);
  return new LearnerError({
    code: 'NOT_FOUND',
    reason: 'unknown-project',
    key: 'store.noProject',
    params: { id },
    ...(suggestions.length > 0 ? { hint: didYouMean(suggestions) } : { hintKey: 'hint.projectList' }),
    details: { id, suggestions },
    problems: [codedProblem('store.noProject', { id }, { path: 'id' })],
  });
}

function requireProject(projects: readonly PortfolioProject[], id: string): PortfolioProject {
  withinLimit(id, MAX_ID_LENGTH, 'id');
  const found = projects.find((p) => p.id === id.trim());
  if (!found)
    throw unknownProject(
      id,
      projects.map((p) => p.id),
    );
  return found;
}

function changeEvent(before: PortfolioProject | null, after: PortfolioProject | null, at: Date): ProgressEvent {
  const id = (after ?? before)?.id;
  return newEvent('project-change', { item: id, text: JSON.stringify({ before, after }) }, at);
}

/** Start a project from a template. @throws NOT_FOUND (unknown template), INVALID_INPUT (bad id), CONFLICT (id taken). */
export async function addProject(
  ctx: LearnerContext,
  input: { template: string; id?: string | undefined; title?: string | undefined; locale?: string | undefined },
): Promise<ProjectView> {
  const { curriculum } = ctx;
  const templateId = withinLimit(input.template.trim(), MAX_ID_LENGTH, 'template');
  if (input.id !== undefined) withinLimit(input.id.trim(), MAX_ID_LENGTH, 'id');
  if (input.title !== undefined) withinLimit(input.title.trim(), MAX_TITLE_LENGTH, 'title');
  const template = byId(curriculum.projects).get(templateId);
  if (!template) {
    const ids = curriculum.projects.map((p) => p.id);
    const suggestions = suggest(templateId, ids, MAX_SUGGESTIONS);
    throw new LearnerError({
      code: 'NOT_FOUND',
      reason: 'unknown-template',
      key: 'learner.unknownTemplate',
      params: { id: templateId },
      ...(suggestions.length > 0
        ? { hint: didYouMean(suggestions) }
        : ids.length > 0
          ? { hintKey: 'hint.templates', hintParams: { ids } }
          : { hintKey: 'hint.noTemplates' }),
      details: { id: templateId, suggestions, templates: ids },
      problems: [codedProblem('learner.unknownTemplate', { id: templateId }, { path: 'template' })],
    });
  }
  const id = input.id?.trim() || template.id;
  if (!PROJECT_ID.test(id)) {
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'bad-project-id',
      key: 'learner.badProjectId',
      params: { value: id },
      details: { id },
      problems: [codedProblem('learner.badProjectId', { value: id }, { path: 'id' })],
    });
  }
  const projects = await ctx.store.listProjects(ctx.learnerId);
  if (projects.some((p) => p.id === id)) {
    throw new LearnerError({
      code: 'CONFLICT',
      reason: 'project-exists',
      key: 'learner.projectExists',
      params: { id },
      hintKey: 'hint.projectId',
      details: { id },
      problems: [codedProblem('learner.projectExists', { id }, { path: 'id' })],
    });
  }
  const now = ctx.clock();
  const title = input.title?.trim() || textIn(template.title, input.locale ?? curriculum.meta.locales[0] ?? 'en');
  const project: PortfolioProject = {
    id,
    template: template.id,
    title,
    createdAt: now.toISOString(),
    links: { repository: undefined, demo: undefined, writeup: undefined },
  };
  await ctx.store.addProject(ctx.learnerId, project);
  await ctx.store.appendEvents(ctx.learnerId, [changeEvent(null, project, now)]);
  return view(ctx, id);
}

/** Remove a project (its rubric ticks stay in the log; undo brings it back). */
export async function removeProject(ctx: LearnerContext, input: { project: string }): Promise<PortfolioProject> {
  const project = requireProject(await ctx.store.listProjects(ctx.learnerId), input.project);
  await ctx.store.removeProject(ctx.learnerId, project.id);
  await ctx.store.appendEvents(ctx.learnerId, [changeEvent(project, null, ctx.clock())]);
  return project;
}

/** Tick or untick a rubric item. `changed` is false when it already was as asked. */
export async function setRubricItem(
  ctx: LearnerContext,
  input: { project: string; item: string; checked: boolean },
): Promise<{ project: ProjectView; item: RubricItem; changed: boolean }> {
  const { projects, events } = await load(ctx);
  const project = requireProject(projects, input.project);
  const rubric = rubricOf(ctx.curriculum, project.template);
  const itemId = withinLimit(input.item.trim(), MAX_ID_LENGTH, 'item');
  const item = rubric.find((r) => r.id === itemId);
  if (!item) {
    const ids = rubric.map((r) => r.id);
    const suggestions = suggest(itemId, ids, MAX_SUGGESTIONS);
    throw new LearnerError({
      code: 'NOT_FOUND',
      reason: 'unknown-rubric-item',
      key: 'learner.unknownRubric',
      params: { id: itemId },
      ...(suggestions.length > 0 ? { hint: didYouMean(suggestions) } : { hintKey: 'hint.rubric', hintParams: { ids } }),
      details: { id: itemId, suggestions, items: ids },
      problems: [codedProblem('learner.unknownRubric', { id: itemId }, { path: 'item' })],
    });
  }
  const cancelled = cancelledIds(events);
  const inForce = events.filter(
    (e) => e.type === 'project-milestone' && e.item === project.id && e.text === item.id && !cancelled.has(e.id),
  );
  const now = ctx.clock();
  let appended: ProgressEvent[] = [];
  if (input.checked && inForce.length === 0) {
    appended = [newEvent('project-milestone', { item: project.id, text: item.id }, now)];
  } else if (!input.checked && inForce.length > 0) {
    appended = inForce.map((e) => newEvent('undo', { item: project.id, undoes: e.id }, now));
  }
  if (appended.length > 0) await ctx.store.appendEvents(ctx.learnerId, appended);
  return { project: await view(ctx, project.id), item, changed: appended.length > 0 };
}

/** A link as stored: a clean https URL, or undefined for an empty one. */
export function checkLink(kind: LinkKind, url: string | undefined): string | undefined {
  const text = url?.trim();
  if (text === undefined || text === '') return undefined;
  try {
    const parsed = new URL(text);
    if (parsed.protocol === 'https:' && text.length <= MAX_URL_LENGTH) return text;
  } catch {
    // refused below
  }
  throw new LearnerError({
    code: 'INVALID_INPUT',
    reason: 'bad-url',
    key: 'learner.badUrl',
    params: { value: text, max: MAX_URL_LENGTH },
    details: { value: text, kind },
    problems: [codedProblem('learner.badUrl', { value: text, max: MAX_URL_LENGTH }, { path: kind })],
  });
}

/** Set (or, with an empty value, clear) the links given; the links not named stay as they are. */
export async function setLinks(
  ctx: LearnerContext,
  input: { project: string; links: Partial<Record<LinkKind, string | undefined>> },
): Promise<ProjectView> {
  const project = requireProject(await ctx.store.listProjects(ctx.learnerId), input.project);
  const links: Record<LinkKind, string | undefined> = { ...project.links };
  for (const kind of LINK_KINDS) if (kind in input.links) links[kind] = checkLink(kind, input.links[kind]);
  const changed = LINK_KINDS.filter((kind) => links[kind] !== project.links[kind]);
  if (changed.length > 0) {
    for (const kind of changed) await ctx.store.setProjectLink(ctx.learnerId, project.id, kind, links[kind]);
    await ctx.store.appendEvents(ctx.learnerId, [changeEvent(project, { ...project, links }, ctx.clock())]);
  }
  return view(ctx, project.id);
}

interface ProjectChange {
  readonly before: PortfolioProject | null;
  readonly after: PortfolioProject | null;
}

function parseChange(event: ProgressEvent): ProjectChange | undefined {
  try {
    const value = JSON.parse(event.text ?? '') as ProjectChange;
    return typeof value === 'object' && value !== null && 'before' in value && 'after' in value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What a `project-change` event did: added, removed or re-linked a project (undefined for other events). */
export function projectChangeKind(event: ProgressEvent): 'added' | 'removed' | 'links' | undefined {
  if (event.type !== 'project-change') return undefined;
  const change = parseChange(event);
  if (!change) return undefined;
  return change.before === null ? 'added' : change.after === null ? 'removed' : 'links';
}

/** Put a project in the state given (null: no project). */
async function putProject(ctx: LearnerContext, id: string, state: PortfolioProject | null): Promise<void> {
  const exists = (await ctx.store.listProjects(ctx.learnerId)).some((p) => p.id === id);
  if (exists) await ctx.store.removeProject(ctx.learnerId, id);
  if (state) await ctx.store.addProject(ctx.learnerId, state);
}

/**
 * When an undo cancels a `project-change` (or an undo of one), bring the project back to the state
 * before it (or after it). Other events need nothing beyond the undo event.
 */
export async function applyProjectChange(
  ctx: LearnerContext,
  target: ProgressEvent,
  events: readonly ProgressEvent[],
  mode: 'undo',
): Promise<void> {
  let change: ProgressEvent | undefined = target;
  let restore: 'before' | 'after' = mode === 'undo' ? 'before' : 'after';
  if (target.type === 'undo') {
    change = events.find((e) => e.id === target.undoes);
    restore = 'after';
  }
  if (change?.type !== 'project-change' || change.item === undefined) return;
  const parsed = parseChange(change);
  if (!parsed) return;
  await putProject(ctx, change.item, parsed[restore]);
}
