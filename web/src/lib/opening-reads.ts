/**
 * @module opening-reads
 * The API reads a page opens with, started by the small script in the page's head (written by the
 * build: web/vite.config.ts) while the app's code is still on its way, and taken by the app's first
 * request for each (api.ts). Without them the reads would start only once the app's code had
 * arrived and run: a round trip later on every first visit.
 *
 * Each early answer is used at most once, only in the page's first seconds, and never after the app
 * has written anything (a write may change what it says); otherwise the app reads afresh.
 */

import { TIME_ZONE_HEADER } from '../../../src/contract/headers.js';

/** Read on every page (the server's mode and the profile decide what shows), then by page (the route's first part). */
export const OPENING_READS: {
  readonly every: readonly string[];
  readonly pages: Readonly<Record<string, readonly string[]>>;
} = {
  every: ['/api/mode', '/api/profile'],
  pages: {
    // The roadmap's compact reads (data.ts, prefetchRoadmap).
    roadmap: ['/api/curriculum/roadmap', '/api/plan/roadmap', '/api/progress'],
  },
};

/** The global the head script leaves the answers' promises in, by path. */
export const OPENING_READS_GLOBAL = 'mlpathOpeningReads';

/** An early answer is not used after this long from the start of the page's load. */
export const OPENING_READS_FRESH_MS = 10_000;

type Held = Record<string, Promise<Response> | undefined>;

function held(): Held | undefined {
  return (globalThis as unknown as Record<string, Held | undefined>)[OPENING_READS_GLOBAL];
}

/** The early answer for a GET of `path`, if the head script started one and it is still fit to use; taken once. */
export function takeOpeningRead(path: string): Promise<Response> | undefined {
  const reads = held();
  const read = reads?.[path];
  if (!reads || !read) return undefined;
  delete reads[path];
  return performance.now() <= OPENING_READS_FRESH_MS ? read : undefined;
}

/** Forget every early answer not yet taken (the app is about to write). */
export function dropOpeningReads(): void {
  const reads = held();
  if (reads) for (const path of Object.keys(reads)) delete reads[path];
}

/**
 * The head script's part: start the reads of the page in the address, in the locale and the time
 * zone the app will ask in (`locale` is a script expression; the app sends the same headers,
 * api.ts, and finds the zone the same way, `browserTimeZone`). Plain ES5, as the rest of that script.
 */
export function openingReadsScript(page: string, locale: string): string {
  return `var R=${JSON.stringify(OPENING_READS)},r=window.${OPENING_READS_GLOBAL}={},g=${page},u=R.every.concat(Object.prototype.hasOwnProperty.call(R.pages,g)?R.pages[g]:[]),h={accept:'application/json','accept-language':${locale}},z=typeof Temporal!=='undefined'&&Temporal.Now&&Temporal.Now.timeZoneId?Temporal.Now.timeZoneId():Intl.DateTimeFormat().resolvedOptions().timeZone;
if(z)h[${JSON.stringify(TIME_ZONE_HEADER)}]=z;
for(var j=0;j<u.length;j++){var q=fetch(u[j],{headers:h});q['catch'](function(){});r[u[j]]=q}`;
}
