/**
 * @module server/learner
 * The one place that decides which learner a request acts for. Locally there is one learner,
 * created on first use; a deployment with accounts passes its own resolver (from a session
 * cookie or token) and no route changes, since routes only read `c.get('learner')`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Store } from '../store/store.js';
import type { AppEnv, LearnerRef } from './context.js';

/** Find the learner for a request; throw an MlpathError to refuse it. */
export type LearnerResolver = (c: Context<AppEnv>) => Promise<LearnerRef>;

/** The single local learner, created once on first use. */
export function localLearner(store: Store, clock: () => Date): LearnerResolver {
  let ensured: Promise<LearnerRef> | undefined;
  return () => {
    ensured ??= store.ensureLearner(undefined, undefined, clock().toISOString()).then((l) => ({ id: l.id }));
    // A failed first attempt (the database was busy) is retried on the next request.
    ensured.catch(() => {
      ensured = undefined;
    });
    return ensured;
  };
}

export function learnerMiddleware(resolve: LearnerResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('learner', await resolve(c));
    await next();
  };
}
