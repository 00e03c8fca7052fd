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
import { VitePWA } from 'vite-plugin-pwa';
import { API_CACHE } from './src/lib/api-cache.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
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
    // The graph (xyflow + dagre) and the charts (recharts) are split out by dynamic import; only
    // the shell, the router and the translations load up front.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': process.env['MLPATH_API'] ?? 'http://127.0.0.1:4321' },
  },
});
