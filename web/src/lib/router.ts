/**
 * @module router
 * Hash routes (`#/roadmap?view=outline`): they work from any static host and need no server
 * fallback, and the back button and reload keep the page.
 */
import { useSyncExternalStore } from 'react';

export const PAGES = [
  'onboarding',
  'today',
  'review',
  'roadmap',
  'plan',
  'progress',
  'portfolio',
  'jobs',
  'cohorts',
  'settings',
] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  readonly page: Page | undefined;
  readonly params: URLSearchParams;
}

function read(): string {
  return window.location.hash;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = body.split('?');
  const page = (PAGES as readonly string[]).includes(path) ? (path as Page) : undefined;
  return { page, params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, read);
  return parseRoute(hash);
}

export function href(page: Page, params?: Record<string, string>): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#/${page}${query ? `?${query}` : ''}`;
}

export function navigate(page: Page, params?: Record<string, string>): void {
  window.location.hash = href(page, params);
}
