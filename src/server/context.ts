/**
 * @module server/context
 * What every route finds on the Hono context, and the app's dependencies.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { TIME_ZONE_HEADER } from '../contract/headers.js';
import { canonicalTimeZone } from '../core/calendar/sessions.js';
import { codedProblem, MlpathError } from '../core/errors.js';
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
    /** For a request without `X-Time-Zone`: the learner's study time zone, where the profile has one. */
    profileTimeZone: string | undefined;
  };
}

export interface AppDeps {
  readonly store: Store;
  readonly curriculum: Curriculum;
  /** Now: routes never read the system clock, so tests can pin the date. */
  readonly clock: () => Date;
}

/**
 * The learner context a request acts in: what every learner action takes. Its time zone is the
 * request's `X-Time-Zone` (contract/headers.ts), else the learner's study time zone (the profile's,
 * found by `profileTimeZone`), else the server's local time. Throws INVALID_INPUT for a zone that is
 * not an IANA time zone, before anything is read or written.
 */
export function learnerContext(deps: AppDeps, c: Context<AppEnv>): LearnerContext {
  return {
    store: c.get('store') ?? deps.store,
    curriculum: deps.curriculum,
    clock: deps.clock,
    learnerId: c.get('learner').id,
    timeZone: requestTimeZone(c) ?? c.get('profileTimeZone'),
  };
}

/**
 * For a request that names no time zone (a script, a client of its own): the learner's study time
 * zone, from the profile, so a learner in Shanghai who set study days counts days in Shanghai
 * whatever client asks. A request with `X-Time-Zone` reads nothing more; the zone found is kept per
 * learner while the store's change token stays (no query then; PostgreSQL has no token and reads).
 */
export function profileTimeZone(store: Store): MiddlewareHandler<AppEnv> {
  const kept = new Map<string, { token: string; zone: string | undefined }>();
  return async (c, next) => {
    if (requestTimeZone(c) === undefined) {
      const learner = c.get('learner').id;
      const token = await store.changeToken();
      const hit = kept.get(learner);
      let zone: string | undefined;
      if (token !== undefined && hit?.token === token) zone = hit.zone;
      else zone = (await (c.get('store') ?? store).getProfile(learner))?.study?.timeZone;
      if (token !== undefined) {
        // The least recently asked learner goes first.
        kept.delete(learner);
        kept.set(learner, { token, zone });
        if (kept.size > MAX_KEPT_ZONES) kept.delete(kept.keys().next().value ?? '');
      }
      c.set('profileTimeZone', zone);
    }
    await next();
  };
}

/** Learners whose study time zone `profileTimeZone` keeps. */
const MAX_KEPT_ZONES = 256;

/** The request's time zone (`X-Time-Zone`), undefined when it sends none. */
function requestTimeZone(c: Context<AppEnv>): string | undefined {
  const zone = c.req.header(TIME_ZONE_HEADER)?.trim();
  if (zone === undefined || zone === '') return undefined;
  // Named as the runtime names it, so the learner layer keeps one date formatter per zone however
  // many casings clients send.
  const canonical = zone.length > 64 ? undefined : canonicalTimeZone(zone);
  if (canonical === undefined) {
    const params = { header: TIME_ZONE_HEADER, value: headerText(zone).slice(0, 64) };
    throw new MlpathError({
      code: 'INVALID_INPUT',
      key: 'api.badTimeZone',
      params,
      problems: [codedProblem('api.badTimeZone', params, { path: TIME_ZONE_HEADER })],
    });
  }
  return canonical;
}

/**
 * A header value as its sender wrote it: HTTP hands header bytes over one character each (Latin-1),
 * so UTF-8 text ("Ásia") arrives as "Ã\u0081sia"; read as UTF-8 where the bytes are valid UTF-8.
 */
function headerText(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || [...value].some((c) => c.charCodeAt(0) > 0xff)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? value : decoded;
}

/** Today for a learner context: the learner layer's one rule. */
export { today as todayOf } from '../learner/context.js';
