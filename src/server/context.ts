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
    /** A write request's store, bound to its learner's lock and transaction (server/learner-lock.ts). */
    store: Store | undefined;
  };
}

export interface AppDeps {
  readonly store: Store;
  readonly curriculum: Curriculum;
  /** Now: routes never read the system clock, so tests can pin the date. */
  readonly clock: () => Date;
}

/** The learner context a request acts in: what every learner action takes. */
export function learnerContext(deps: AppDeps, c: Context<AppEnv>): LearnerContext {
  return {
    store: c.get('store') ?? deps.store,
    curriculum: deps.curriculum,
    clock: deps.clock,
    learnerId: c.get('learner').id,
  };
}

/** The learner's calendar date: the learner layer's one rule for today. */
export { localDate } from '../learner/context.js';
