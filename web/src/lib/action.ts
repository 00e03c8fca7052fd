/**
 * @module action
 * A page's write under way: whether one runs (its buttons wait for it) and what went wrong with
 * the last one, which the page shows. One shape for every page that writes.
 */
import { useCallback, useState } from 'react';

/** Anything thrown, as an Error (a rejected fetch may throw a string or a plain object). */
export function asError(caught: unknown): Error {
  return caught instanceof Error ? caught : new Error(String(caught));
}

export interface Action {
  /** Whether a write runs now. */
  readonly busy: boolean;
  /** What went wrong with the last one, until the next starts. */
  readonly error: Error | undefined;
  readonly setError: (error: Error | undefined) => void;
  /**
   * Runs `action` as the page's write: busy meanwhile, the last error cleared first and the new one
   * kept. Resolves to its result, or undefined when it failed.
   */
  readonly run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (caught) {
      setError(asError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
