/**
 * @module main
 * The entry point: translations first, then the app. Pages load on demand.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { initI18n } from './i18n/index.js';
import { startOutbox } from './lib/outbox.js';
import { invalidate, PROFILE_KEYS } from './lib/resource.js';
import './index.css';

initI18n();
startOutbox();
// A tab coming back into view reads again what another tab (or the CLI) may have changed.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void invalidate(...PROFILE_KEYS);
});
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
