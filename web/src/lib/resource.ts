/**
 * @module resource
 * A tiny cache for API reads shared by the pages: each key is fetched once, every component
 * reading it re-renders when it changes, and a write invalidates the keys it affects.
 */
import { useEffect, useSyncExternalStore } from 'react';

export interface ResourceState<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
}

interface Entry {
  state: ResourceState<unknown>;
  load: () => Promise<unknown>;
  inflight: Promise<void> | undefined;
  version: number;
}

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
const EMPTY: ResourceState<never> = { data: undefined, error: undefined, loading: true };

function emit(): void {
  for (const listener of listeners) listener();
}

function fetchEntry(key: string, entry: Entry): Promise<void> {
  const version = ++entry.version;
  entry.state = { ...entry.state, loading: true };
  const run = entry
    .load()
    .then(
      (data) => {
        if (version === entry.version) entry.state = { data, error: undefined, loading: false };
      },
      (error: unknown) => {
        if (version === entry.version)
          entry.state = {
            data: entry.state.data,
            error: error instanceof Error ? error : new Error(String(error)),
            loading: false,
          };
      },
    )
    .finally(() => {
      if (entries.get(key) === entry && version === entry.version) entry.inflight = undefined;
      emit();
    });
  entry.inflight = run;
  emit();
  return run;
}

/** Read a key, fetching it on first use. */
export function useResource<T>(key: string, load: () => Promise<T>): ResourceState<T> & { reload: () => void } {
  const state = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => entries.get(key)?.state ?? EMPTY,
  ) as ResourceState<T>;
  // After `forgetAll` the generation changes, so a mounted reader fetches its key again.
  const current = generation;
  useEffect(() => {
    let entry = entries.get(key);
    if (!entry) {
      entry = { state: EMPTY, load, inflight: undefined, version: 0 };
      entries.set(key, entry);
      void fetchEntry(key, entry);
    }
  }, [key, load, current]);
  return { ...state, reload: () => void invalidate(key) };
}

/** Start reading a key before any component asks for it (a page about to open); no-op when it is read already. */
export function prefetch<T>(key: string, load: () => Promise<T>): void {
  if (entries.has(key)) return;
  const entry: Entry = { state: EMPTY, load, inflight: undefined, version: 0 };
  entries.set(key, entry);
  void fetchEntry(key, entry);
}

/** Settles when every read under way now has (whether it succeeded or not). */
export function readsUnderWay(): Promise<void> {
  return Promise.all([...entries.values()].map((entry) => entry.inflight)).then(() => undefined);
}

let generation = 0;

/**
 * Drop every cached read (another person signed in, or out): nothing of one account's data stays
 * on screen for the next; readers still mounted fetch theirs again.
 */
export function forgetAll(): void {
  for (const entry of entries.values()) entry.version++;
  entries.clear();
  generation++;
  emit();
}

/** Re-fetch the given keys (those never read are simply dropped). Resolves when all are back. */
export async function invalidate(...keys: string[]): Promise<void> {
  await Promise.all(
    keys.map((key) => {
      const entry = entries.get(key);
      return entry ? fetchEntry(key, entry) : Promise.resolve();
    }),
  );
}

/** Keys that change whenever progress or the profile changes. */
export const PROGRESS_KEYS = ['progress', 'status', 'plan', 'plan-roadmap', 'today', 'projects', 'review'];
export const PROFILE_KEYS = ['profile', ...PROGRESS_KEYS];
