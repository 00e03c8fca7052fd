/**
 * @module server/security-headers
 * The headers every response carries: a Content-Security-Policy that allows only this server's
 * own scripts, styles, images and connections (plus the hashes of the inline `<script>` and
 * `<style>` blocks of the pages it serves, read from the built `index.html`), no framing
 * (`frame-ancestors 'none'`), no referrer, no content sniffing, and a separate browsing context.
 * API answers carry a short policy of their own and leave out what only a document reads.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';

/** The sha256 CSP sources of each inline `<script>` (without `src`) and `<style>` block of a page. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => hash(m[1] ?? ''));
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => hash(m[1] ?? ''));
  return { scripts, styles };
}

/** The policy for pages made of `pages` (their inline blocks allowed by hash, nothing else inline). */
export function contentSecurityPolicy(pages: readonly string[]): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const page of pages) {
    const found = inlineHashes(page);
    found.scripts.forEach((s) => scripts.add(s));
    found.styles.forEach((s) => styles.add(s));
  }
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    ["style-src 'self'", ...styles].join(' '),
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** On every answer. */
const EVERY: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
/** On pages and files (with the page policy); a document alone reads the opener and permissions headers. */
const FIXED: Readonly<Record<string, string>> = {
  ...EVERY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** On answers under /api/, which are never documents. */
const API_HEADERS: Readonly<Record<string, string>> = {
  ...EVERY,
  'Content-Security-Policy': "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
};

/**
 * Set the headers on every response (answers under /api/ their shorter set). `webDist` is the built app's folder; its `index.html` is
 * read again when it changes (a build made while the server runs). `extraPages` are other pages
 * the server writes itself (the "not built" note).
 */
export function securityHeaders(webDist: string | undefined, extraPages: readonly string[]): MiddlewareHandler {
  let seen = '';
  let policy = contentSecurityPolicy(extraPages);
  const currentPolicy = (): string => {
    if (webDist === undefined) return policy;
    const index = join(webDist, 'index.html');
    let stamp = '';
    try {
      const stat = statSync(index);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      stamp = 'absent';
    }
    if (stamp !== seen) {
      seen = stamp;
      const pages = stamp === 'absent' ? [] : [readFileSync(index, 'utf8')];
      policy = contentSecurityPolicy([...pages, ...extraPages]);
    }
    return policy;
  };
  return async (c, next) => {
    await next();
    // An API answer is never a document: it takes a short policy that allows nothing to load, and
    // none of the headers only a document reads (opener, permissions) — fewer bytes on every call.
    const headers: Record<string, string> = c.req.path.startsWith('/api/')
      ? API_HEADERS
      : { ...FIXED, 'Content-Security-Policy': currentPolicy() };
    try {
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    } catch {
      // A response with immutable headers: copy it once.
      const copy = new Response(c.res.body, c.res);
      for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
      c.res = copy;
    }
  };
}
