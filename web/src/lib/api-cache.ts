/**
 * @module api-cache
 * The name of the service worker's cache of API reads (see vite.config.ts), so the app can empty it
 * when the person at this browser changes (account.ts): one account's reads are never served to
 * the next, even offline.
 */
export const API_CACHE = 'mlpath-api';

/** Empty the cache of API reads; nothing to do where there is no Cache Storage (plain http off loopback). */
export async function dropApiCache(): Promise<void> {
  try {
    if (typeof caches !== 'undefined') await caches.delete(API_CACHE);
  } catch {
    // Storage unavailable: nothing was cached either.
  }
}
