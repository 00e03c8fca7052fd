/**
 * @module server/idempotency
 * Write requests (any method but GET, HEAD, OPTIONS) of a learner may carry an `Idempotency-Key`
 * (1 to 255 visible ASCII characters, e.g. a UUID, new for each logical request). The first request
 * with a key runs and its answer is kept under the key, per learner, in the same transaction as its
 * writes (the request runs under the learner's lock: server/learner-lock.ts); a retry with the same
 * key and the same request (method, path, query and body) gets the kept answer again, with
 * `Idempotent-Replayed: true`, and changes nothing. The same key with another request is a CONFLICT
 * (409). A request that failed keeps nothing (its writes were rolled back), so its retry runs anew.
 * Keys are forgotten after IDEMPOTENCY_KEEP_HOURS.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { codedProblem, MlpathError } from '../core/errors.js';
import type { AppEnv } from './context.js';
import { IMPORT_LIMIT_BYTES } from './routes/exchange.js';
import { SYNC_LIMIT_BYTES } from './routes/sync.js';
import { BODY_LIMITS } from './body-limits.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** How long an answer is kept under its key. */
export const IDEMPOTENCY_KEEP_HOURS = 24;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const KEY = /^[\x21-\x7e]{1,255}$/;

function badKey(): MlpathError {
  const params = { header: IDEMPOTENCY_HEADER };
  return new MlpathError({
    code: 'INVALID_INPUT',
    key: 'api.badIdempotencyKey',
    params,
    hintKey: 'hint.idempotencyKey',
    problems: [codedProblem('api.badIdempotencyKey', params, { path: IDEMPOTENCY_HEADER })],
  });
}

/** The most a route reads: what a replayed request's body is read up to. */
function limitOf(path: string): number {
  if (path === '/api/import') return IMPORT_LIMIT_BYTES;
  if (path === '/api/sync') return SYNC_LIMIT_BYTES;
  if (path === '/api/jobs' || path === '/api/jobs/analyze') return BODY_LIMITS.jobs;
  return BODY_LIMITS.api;
}

/** The body of a request whose handler does not run (a replay), read up to the route's limit. */
async function readBounded(c: Context<AppEnv>): Promise<string> {
  const stream = c.req.raw.body;
  if (!stream) return '';
  const limit = limitOf(c.req.path);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limit) {
      throw new MlpathError({
        code: 'TOO_LARGE',
        key: 'api.tooLarge',
        params: { size: Math.round(limit / 1024) },
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function requestHash(c: Context<AppEnv>, body: string): string {
  const url = new URL(c.req.url);
  return createHash('sha256').update(`${c.req.method} ${url.pathname}${url.search}\n`).update(body).digest('hex');
}

export function idempotentWrites(clock: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (READS.has(c.req.method)) return next();
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next();
    if (!KEY.test(key)) throw badKey();
    const store = c.get('store');
    if (!store) throw new MlpathError({ code: 'INTERNAL', message: 'a write ran outside its learner’s lock' });
    const learnerId = c.get('learner').id;
    const cutoff = new Date(clock().getTime() - IDEMPOTENCY_KEEP_HOURS * 3600 * 1000).toISOString();
    const found = await store.findIdempotencyKey(learnerId, key);
    // A key older than the keeping time is forgotten (and dropped when the next answer is kept).
    const kept = found && found.createdAt >= cutoff ? found : undefined;
    if (kept) {
      if (requestHash(c, await readBounded(c)) !== kept.requestHash) {
        throw new MlpathError({
          code: 'CONFLICT',
          key: 'api.idempotencyReused',
          params: { header: IDEMPOTENCY_HEADER, key: key.slice(0, 64) },
          hintKey: 'hint.idempotencyKey',
          problems: [codedProblem('api.idempotencyReusedProblem', {}, { path: IDEMPOTENCY_HEADER })],
        });
      }
      return new Response(kept.response, {
        status: kept.status,
        headers: { 'Content-Type': kept.contentType, [REPLAYED_HEADER]: 'true', 'Cache-Control': 'no-store' },
      });
    }
    await next();
    // A failed request rolls back (its retry runs anew); only an answer that stands is kept.
    if (c.error) return;
    const now = clock();
    // The handler has read the body (Hono keeps it), or it never needed one.
    const body = await c.req.text();
    await store.saveIdempotencyKey(
      learnerId,
      {
        key,
        requestHash: requestHash(c, body),
        status: c.res.status,
        contentType: c.res.headers.get('Content-Type') ?? 'application/json',
        response: await c.res.clone().text(),
        createdAt: now.toISOString(),
      },
      new Date(now.getTime() - IDEMPOTENCY_KEEP_HOURS * 3600 * 1000).toISOString(),
    );
  };
}
