/**
 * @module server/static
 * Serves the built web app (Vite's `web/dist`): files with their content types, hashed assets
 * cached for good, and `index.html` for client routes (`/plan`, `/roadmap/...`). When the app
 * has not been built, pages get a short bilingual note saying how to build it. A file compressed
 * at build time (`.br` and `.gz` next to it: scripts/precompress-web.mjs) is sent as that copy to
 * a browser that accepts it, so nothing is compressed per request.
 */
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { MiddlewareHandler } from 'hono';
import { acceptedEncodings } from './compression.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The page served while the web app is not built (its inline style is allowed by hash: security-headers.ts). */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlpath: the web app is not built</title>
<style>body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5 }</style></head>
<body>
<h1>The mlpath web app is not built yet</h1>
<p>The API is running (see <a href="/api/health">/api/health</a> and <a href="/api/openapi.json">/api/openapi.json</a>).
To build the web app, run <code>npm run build:web</code> in the project folder, then reload this page;
or run <code>npm start</code>, which builds everything and serves it.</p>
<h1 lang="zh-CN">mlpath 网页应用尚未构建</h1>
<p lang="zh-CN">API 已在运行（见 <a href="/api/health">/api/health</a> 与 <a href="/api/openapi.json">/api/openapi.json</a>）。
请在项目目录中运行 <code>npm run build:web</code> 构建网页应用，然后刷新本页；
或运行 <code>npm start</code>，它会构建全部内容并提供服务。</p>
</body>
</html>
`;

/** Resolve a URL path inside `root`, or undefined if it would step outside it. */
function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(root, decoded));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

/** The copies compressed at build time, the better first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

function statOf(file: string): Stats | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

/** Files up to this size are kept in memory once read; larger ones are streamed from disk. */
const KEPT_SIZE = 1024 * 1024;

/** One file as it will be sent: the copy chosen for an encoding, its headers and, if small, its bytes. */
interface Answer {
  file: string;
  headers: Record<string, string>;
  bytes: Uint8Array<ArrayBuffer> | undefined;
  /** The stamp of the file (and its compressed copies) the answer was made from. */
  stamp: string;
}

/**
 * The web app at every path outside `/api`. `root` is the built app's folder; undefined or a
 * folder without `index.html` serves the "not built" note.
 */
export function webApp(root: string | undefined): MiddlewareHandler {
  // Checked again while not built, so a build made while the server runs is served on reload.
  let built = false;
  // What a file is sent as, per file and accepted encoding: a page's scripts and styles are read,
  // and their compressed copies looked for, once, not on every request. Hashed assets never change
  // under their name; other files (index.html, sw.js) are checked against their size and time.
  const answers = new Map<string, Answer>();
  const answerFor = (file: string, path: string, encodings: readonly string[]): Answer | undefined => {
    const immutable = path.startsWith('/assets/');
    const key = `${file}\0${encodings.join(',')}`;
    const kept = answers.get(key);
    if (kept && immutable) return kept;
    const stat = statOf(file);
    if (!stat) return undefined;
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    if (kept && kept.stamp === stamp) return kept;
    const headers: Record<string, string> = {
      'Content-Type': contentTypeOf(file),
      'Content-Length': String(stat.size),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    let sent = file;
    let size = stat.size;
    const copies = PRECOMPRESSED.map((copy) => ({ ...copy, stat: statOf(file + copy.suffix) })).filter(
      (copy) => copy.stat !== undefined,
    );
    if (copies.length > 0) {
      headers['Vary'] = 'Accept-Encoding';
      const copy = copies.find(({ encoding }) => encodings.includes(encoding));
      if (copy?.stat) {
        sent = file + copy.suffix;
        size = copy.stat.size;
        headers['Content-Encoding'] = copy.encoding;
        headers['Content-Length'] = String(size);
      }
    }
    let bytes: Uint8Array<ArrayBuffer> | undefined;
    if (size <= KEPT_SIZE) {
      try {
        const read = readFileSync(sent);
        bytes = new Uint8Array(read.buffer as ArrayBuffer, read.byteOffset, read.length);
      } catch {
        return undefined;
      }
      // Written meanwhile: sent as read, with its own length.
      headers['Content-Length'] = String(bytes.length);
    }
    const answer: Answer = { file: sent, headers, bytes, stamp };
    answers.set(key, answer);
    return answer;
  };
  return async (c, next) => {
    built ||= root !== undefined && existsSync(join(root, 'index.html'));
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();
    if (!built || root === undefined) {
      // Only pages get the note; a missing script or image stays a plain 404.
      if (extname(path) !== '' && extname(path) !== '.html') return next();
      return c.html(NOT_BUILT_PAGE, 200, { 'Cache-Control': 'no-store' });
    }
    const file = fileFor(root, path === '/' ? '/index.html' : path);
    if (file === undefined) return next();
    const encodings = acceptedEncodings(c.req.header('Accept-Encoding'));
    let answer = answerFor(file, path, encodings);
    if (!answer) {
      // A client route (no extension) gets the app shell; a missing asset is a 404.
      if (extname(path) !== '') return next();
      answer = answerFor(join(root, 'index.html'), '/index.html', encodings);
      if (!answer) return next();
    }
    const headers = { ...answer.headers };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    if (answer.bytes) return c.body(answer.bytes, 200, headers);
    const stream = Readable.toWeb(createReadStream(answer.file)) as ReadableStream<Uint8Array>;
    return c.body(stream, 200, headers);
  };
}
