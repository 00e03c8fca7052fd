/**
 * @module server/health
 * What `GET /api/health` reports: the server's version and its database, `{ kind, status }` where
 * kind is `sqlite` or `postgres` and status `ok` (it answered a trivial query) or `unavailable`.
 * The answer is 200 when the database is ok and 503 otherwise, so a load balancer or a process
 * supervisor can act on the status alone. Where the database lives is never said.
 */
import type { Store } from '../store/store.js';

export interface DatabaseHealth {
  readonly kind: Store['kind'];
  readonly status: 'ok' | 'unavailable';
}

export interface Health {
  readonly ok: boolean;
  readonly version: string;
  readonly database: DatabaseHealth;
}

export async function healthOf(store: Store, version: string): Promise<Health> {
  let status: DatabaseHealth['status'] = 'ok';
  try {
    await store.ping();
  } catch (error) {
    status = 'unavailable';
    console.error('mlpath serve: health check: the database did not answer:', error);
  }
  return { ok: status === 'ok', version, database: { kind: store.kind, status } };
}
