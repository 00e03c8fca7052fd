/**
 * @module vite.config
 * Builds the web app from web/ into web/dist, which the server serves. During development
 * `/api` is proxied to a running `mlpath serve` (MLPATH_API, default http://127.0.0.1:4321).
 * The build adds a service worker (vite-plugin-pwa, Workbox): the app shell is precached and the
 * API's answers are kept as they come (network first), so the last plan reads offline.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { API_CACHE } from './src/lib/api-cache.js';
import { openingReadsScript } from './src/lib/opening-reads.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The code of the page in the address and the words of the learner's locale are fetched beside
 * the app's entry, not after it: a small script in the page's head adds a modulepreload link for
 * each (the page is the route's first part, as `lib/router.ts` reads it; the locale is chosen as
 * `i18n/index.ts` chooses it). Only a hint: a wrong guess costs one unused fetch. The same script
 * starts the API reads the page opens with (`lib/opening-reads.ts`), which the app takes up when it
 * asks for them.
 */
function preloadOpeningPage(): Plugin {
  return {
    name: 'mlpath-preload-opening-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const pages: Record<string, string[]> = {};
        const words: Record<string, string> = {};
        const chunks = Object.values(context.bundle ?? {});
        // What the entry loads already (itself and its static imports, preloaded by Vite's own links).
        const loaded = new Set<string>();
        for (const chunk of chunks)
          if (chunk.type === 'chunk' && chunk.isEntry)
            for (const file of [chunk.fileName, ...chunk.imports]) loaded.add(file);
        for (const chunk of chunks) {
          if (chunk.type !== 'chunk' || !chunk.facadeModuleId) continue;
          const page = /\/web\/src\/pages\/(\w+)\.tsx$/.exec(chunk.facadeModuleId)?.[1];
          // Page modules are named after their route (PlanPage: plan, Today: today).
          if (page)
            pages[page.replace(/Page$/, '').toLowerCase()] = [chunk.fileName, ...chunk.imports].filter(
              (file) => !loaded.has(file),
            );
          const locale = /\/locales\/([\w-]+)\/web\.json$/.exec(chunk.facadeModuleId)?.[1];
          if (locale) words[locale] = chunk.fileName;
        }
        const script = `(function(){try{var p=${JSON.stringify(pages)},w=${JSON.stringify(words)};
var page=(location.hash.replace(/^#\\/?/,'').split(/[/?]/)[0])||'';var l=null;
try{l=localStorage.getItem('mlpath.locale')}catch(e){}
if(l!=='en'&&l!=='zh-CN')l=navigator.language.toLowerCase().indexOf('zh')===0?'zh-CN':'en';
var files=(Object.prototype.hasOwnProperty.call(p,page)?p[page]:[]).concat(w[l]?[w[l]]:[]);
for(var i=0;i<files.length;i++){var k=document.createElement('link');k.rel='modulepreload';k.crossOrigin='';k.href='/'+files[i];document.head.appendChild(k)}
${openingReadsScript('page', 'l')}}catch(e){}})();`;
        // Right after the charset, before the stylesheet (a script waits for the stylesheets above it).
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset))
          throw new Error('index.html: the preload script goes after <meta charset="UTF-8" />');
        return html.replace(charset, `${charset}\n    <script>${script}</script>`);
      },
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [
    preloadOpeningPage(),
    react(),
    tailwindcss(),
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by main.tsx once the first page has had its time (see there).
      injectRegister: false,
      // An offline copy of the app, not an installable one: no web manifest, no icons.
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [
          {
            // Reads only (GET): writes go through the app's own outbox, never a cache.
            urlPattern: ({ url, request }) => url.pathname.startsWith('/api/') && request.method === 'GET',
            handler: 'NetworkFirst',
            options: {
              cacheName: API_CACHE,
              networkTimeoutSeconds: 4,
              expiration: { maxEntries: 64 },
            },
          },
        ],
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Each page and the charts (recharts) are split out by dynamic import; only the shell, the
    // router and the active locale's words load up front.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Every module the entry loads statically is in the entry's own file (React, i18next, the
        // shell): one request on the first load instead of four, the pages' chunks importing from it.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    proxy: { '/api': process.env['MLPATH_API'] ?? 'http://127.0.0.1:4321' },
  },
});
