/**
 * @module data
 * One hook per API read, so pages ask for what they show and share the cache.
 */
import type { Curriculum } from './api.js';
import { api } from './api.js';
import { useResource } from './resource.js';

export const useCurriculum = () => useResource<Curriculum>('curriculum', api.curriculum);
export const useSelfCheck = () => useResource('self-check', api.selfCheck);
export const useProfile = () => useResource('profile', api.profile);
export const usePlan = () => useResource('plan', api.plan);
export const useProgress = () => useResource('progress', api.progress);
export const useStatus = () => useResource('status', api.status);
export const useToday = () => useResource('today', api.today);
export const useReview = () => useResource('review', api.review);
export const useProjects = () => useResource('projects', api.projects);
