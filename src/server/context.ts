/**
 * @module server/context
 * What every route finds on the Hono context, and the app's dependencies.
 */
import type { Context } from 'hono';
import type { Curriculum } from '../core/model.js';
import type { LearnerContext } from '../learner/context.js';
import type { Store } from '../store/store.js';

/** The learner a request acts for, resolved once by the learner middleware. */
export interface LearnerRef {
  readonly id: string;
}

export interface AppEnv {
  Variables: {
    learner: LearnerRef;
  };
}

export interface AppDeps {
  readonly store: Store;
  readonly curriculum: Curriculum;
  /** Now: routes never read the system clock, so tests can pin the date. */
  readonly clock: () => Date;
}

/** The calendar date of an instant in the server's time zone (a local server is the learner's). */
export function localDate(instant: Date): string {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, '0');
  const d = String(instant.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The learner context a request's learner actions run on. */
export function learnerContextOf(deps: AppDeps, c: Context<AppEnv>): LearnerContext {
  return { store: deps.store, curriculum: deps.curriculum, clock: deps.clock, learnerId: c.get('learner').id };
}
