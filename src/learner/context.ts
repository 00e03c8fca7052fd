/**
 * @module learner/context
 * What every learner action runs on: the store, the curriculum, the clock and the learner it acts for.
 * The CLI builds one per command, the server one per request; the actions in `src/learner/` take it as
 * their first argument, so both faces run the same code for the same input.
 */
import type { Curriculum } from '../core/model.js';
import type { Store } from '../store/store.js';

export interface LearnerContext {
  readonly store: Store;
  readonly curriculum: Curriculum;
  /** Now. Actions never read the system clock, so tests and `MLPATH_NOW` can pin it. */
  readonly clock: () => Date;
  /** The learner every read and write is keyed by. */
  readonly learnerId: string;
  /**
   * Plans kept between processes (the CLI keeps them in its cache folder), by a key of everything
   * they are made from; without one, plans are made each time.
   */
  readonly plans?: PlanCache | undefined;
}

/** Text kept under a key: `get` answers only for the key last `set` (a miss costs a plan, never an error). */
export interface PlanCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** The learner's calendar date (`YYYY-MM-DD`, local time) at an instant: the one rule for "today". */
export function localDate(instant: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Today for a learner context. */
export function today(ctx: Pick<LearnerContext, 'clock'>): string {
  return localDate(ctx.clock());
}
