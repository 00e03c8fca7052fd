/**
 * @module server/learner-lock
 * Every request that may write (any method but GET, HEAD and OPTIONS) runs under its learner's
 * lock (`Store.exclusive`): two ticks, two undos or two project starts of one learner run one after
 * the other, each on the state the one before left, and each request's reads and writes commit
 * together or, when it fails, not at all. Routes reach the bound store through `learnerContext`.
 */
import type { MiddlewareHandler } from 'hono';
import { MlpathError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { AppEnv } from './context.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Thrown inside the transaction to roll back a request whose handler failed (its error answer is already made). */
class HandlerFailed extends MlpathError {
  constructor() {
    super({ code: 'INTERNAL', key: 'internal.rolledBack' });
  }
}

export function learnerWritesInTurn(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (READS.has(c.req.method)) return next();
    try {
      await store.exclusive(c.get('learner').id, async (bound) => {
        c.set('store', bound);
        await next();
        if (c.error) throw new HandlerFailed();
      });
    } catch (error) {
      if (!(error instanceof HandlerFailed)) throw error;
    }
  };
}
