/**
 * @module server/compression
 * Compression, done once: brotli or gzip (whichever the client prefers; brotli on a tie), never
 * for a body under MIN_COMPRESSED bytes (it would only grow), never twice for the same ETag (the
 * compressed bytes of a response with a strong ETag are kept, the last KEPT of them). Files the
 * build compressed already are sent as they are (static.ts sets their Content-Encoding).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { bodyOf } from './answers.js';

export const MIN_COMPRESSED = 1024;
const KEPT = 32;
const COMPRESSIBLE =
  /^\s*(?:text\/(?!event-stream)|application\/(?:json|javascript|xml|manifest\+json|[\w.+-]*\+json)|image\/svg\+xml)/i;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = 'br' | 'gzip';

/** The encodings an Accept-Encoding header accepts, the preferred first (brotli before gzip at the same weight). */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (e: Encoding): number => weights.get(e) ?? weights.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
}

export function compression(): MiddlewareHandler {
  const kept = new Map<string, Uint8Array>();
  return async (c, next) => {
    await next();
    const res = c.res;
    // An answer made in memory (answers.ts) is taken as the bytes it was made from; any other body
    // is read from the response (a stream).
    const known = bodyOf(res);
    const type = res.headers.get('Content-Type') ?? '';
    if (
      c.req.method === 'HEAD' ||
      res.status === 204 ||
      res.status === 206 ||
      res.status === 304 ||
      res.headers.has('Content-Encoding') ||
      !COMPRESSIBLE.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')
    )
      return;
    const length = res.headers.get('Content-Length');
    if (length !== null && Number(length) < MIN_COMPRESSED) return;
    if (known === undefined && !res.body) return;
    const etag = res.headers.get('ETag');
    const accepted = acceptedEncodings(c.req.header('Accept-Encoding'))[0];
    const key = accepted && etag && !etag.startsWith('W/') ? `${accepted}\u0000${etag}` : undefined;
    // A body already compressed under its tag is not read again (only bodies of MIN_COMPRESSED bytes or more are kept).
    let packed = key === undefined ? undefined : kept.get(key);
    let body: Uint8Array | undefined;
    if (packed) {
      if (known === undefined) await res.body?.cancel();
    } else if (known !== undefined) body = typeof known === 'string' ? Buffer.from(known) : known;
    else body = new Uint8Array(await res.arrayBuffer());
    const encoding = body && body.length < MIN_COMPRESSED ? undefined : accepted;
    if (encoding && !packed && body) {
      packed =
        encoding === 'br'
          ? await brotli(body, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
            })
          : await gzipped(body);
      if (key !== undefined) {
        kept.set(key, packed);
        if (kept.size > KEPT) kept.delete(kept.keys().next().value ?? '');
      }
    }
    // Hono copies the previous response's headers onto the one assigned: headers are set after.
    const sent = (encoding ? packed : undefined) ?? body ?? new Uint8Array();
    c.res = new Response(sent, res);
    const headers = c.res.headers;
    if ((packed || (body && body.length >= MIN_COMPRESSED)) && !/accept-encoding/i.test(headers.get('Vary') ?? ''))
      headers.append('Vary', 'Accept-Encoding');
    headers.set('Content-Length', String(sent.length));
    if (!encoding) return;
    headers.set('Content-Encoding', encoding);
    // The bytes differ from the uncompressed representation's: the tag says so (RFC 9110 8.8.1).
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  };
}
