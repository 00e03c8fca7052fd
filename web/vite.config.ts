/**
 * @module vite.config
 * Builds the web app from web/ into web/dist, which the server serves. During development
 * `/api` is proxied to a running `mlpath serve` (MLPATH_API, default http://127.0.0.1:4321).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), tailwindcss()],
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
