/**
 * @module data
 * One hook per API read, so pages ask for what they show and share the cache.
 */
import { applyProgressChanges } from '../../../src/contract/progress-changes.js';
import type { Curriculum, ProgressResponse } from './api.js';
import { api } from './api.js';
import { prefetch, useResource } from './resource.js';

/*
 * Progress is read whole once; after that, each re-read asks only what changed since the summary
 * held (GET /api/progress/changes) and applies it, so a status change moves a few hundred bytes.
 */
let heldProgress: ProgressResponse | undefined;
async function loadProgress(): Promise<ProgressResponse> {
  const base = heldProgress;
  let next: ProgressResponse;
  if (base) {
    const answer = await api.progressChanges(base.version);
    next = answer.kind === 'full' ? answer.summary : applyProgressChanges(base, answer.changes, answer.version);
  } else next = await api.progress();
  heldProgress = next;
  return next;
}
/** Forget the summary held (another person signed in or out): the next read is whole. */
export function forgetProgress(): void {
  heldProgress = undefined;
}

export const useCurriculum = () => useResource<Curriculum>('curriculum', api.curriculum);
export const useSelfCheck = () => useResource('self-check', api.selfCheck);
export const useProfile = () => useResource('profile', api.profile);
export const usePlan = () => useResource('plan', api.plan);
export const useProgress = () => useResource('progress', loadProgress);
/** The roadmap's own reads: the compact curriculum, the plan as it shows it, one skill's details. */
export const useRoadmapCurriculum = () => useResource('curriculum-roadmap', api.roadmapCurriculum);
export const useRoadmapPlan = () => useResource('plan-roadmap', api.roadmapPlan);
/** Start the roadmap's reads while its code and the profile are still on their way. */
/** Start reading the profile (which decides the page shown) before the app first renders. */
export function prefetchProfile(): void {
  prefetch('profile', api.profile);
}

export function prefetchRoadmap(): void {
  prefetch('curriculum-roadmap', api.roadmapCurriculum);
  prefetch('plan-roadmap', api.roadmapPlan);
  prefetch('progress', loadProgress);
}
const detailLoaders = new Map<string, () => ReturnType<typeof api.skillDetail>>();
function detailLoader(id: string): () => ReturnType<typeof api.skillDetail> {
  let load = detailLoaders.get(id);
  if (!load) detailLoaders.set(id, (load = () => api.skillDetail(id)));
  return load;
}
export const useSkillDetail = (id: string) => useResource(`skill:${id}`, detailLoader(id));
/**
 * Start reading a skill's details when the learner reaches for it (the pointer over its tile, a
 * press), so they are usually here by the time the click opens its panel; read once, as the panel's.
 */
export function prefetchSkillDetail(id: string): void {
  prefetch(`skill:${id}`, detailLoader(id));
}
export const useStatus = () => useResource('status', api.status);
export const useToday = () => useResource('today', api.today);
export const useReview = () => useResource('review', api.review);
export const useProjects = () => useResource('projects', api.projects);
