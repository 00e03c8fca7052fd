/**
 * @module server/answers
 * The server's answers made from bytes in memory, in one place: JSON (`json`) and bytes kept under a
 * strong entity tag (`tagged`). Each declares its length, and each is remembered with its body
 * (`bodyOf`), so that compression (compression.ts) can pass a small answer by, or compress a large one,
 * without asking the Response for its body: doing so makes Node build a web stream around the bytes,
 * which cost more than the rest of a small write's answer.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const bodies = new WeakMap<Response, string | Uint8Array>();

/** The body an answer of this module was made with; undefined for any other response. */
export function bodyOf(res: Response): string | Uint8Array | undefined {
  return bodies.get(res);
}

function remembered(res: Response, body: string | Uint8Array): Response {
  bodies.set(res, body);
  return res;
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

/** `value` as JSON (`application/json`), with `status` (200 unless given). */
export function json(c: Context, value: unknown, status: ContentfulStatusCode = 200): Response {
  const text = JSON.stringify(value);
  return remembered(
    c.body(text, status, { 'Content-Type': 'application/json', 'Content-Length': String(byteLength(text)) }),
    text,
  );
}

/**
 * JSON bytes kept under a strong entity tag `tag`: 304 to a client that holds them (If-None-Match),
 * else the bytes; either way with `Cache-Control: no-cache`, so the client asks again each time.
 */
export function tagged(c: Context, body: string | Uint8Array<ArrayBuffer>, tag: string): Response {
  c.header('Cache-Control', 'no-cache');
  c.header('ETag', tag);
  if (matchesTag(c.req.header('If-None-Match'), tag)) return c.body(null, 304);
  return remembered(
    c.body(body, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(byteLength(body)),
    }),
    body,
  );
}

/** Whether an If-None-Match header names this entity tag (weakly: a compressed copy's W/ tag matches too). */
export function matchesTag(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const bare = (t: string): string => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(tag));
}
