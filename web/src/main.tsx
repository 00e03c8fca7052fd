/**
 * @module main
 * The entry point: the words of the learner's locale and the page's code are fetched together,
 * then the app renders. Pages load on demand.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, openingPage } from './App.js';
import { initI18n } from './i18n/index.js';
import { accountKnown, startAccount } from './lib/account.js';
import { prefetchProfile } from './lib/data.js';
import { startOutbox } from './lib/outbox.js';
import { invalidate, PROFILE_KEYS, readsUnderWay } from './lib/resource.js';
import './index.css';

/** How long the first render waits for the first reads at most, once the words and the page's code are here. */
const FIRST_READS_WAIT_MS = 150;

const words = initI18n();
// The first reads (the server's mode, the profile) start now, beside the words and the page's code.
startAccount();
prefetchProfile();
startOutbox();
// A tab coming back into view reads again what another tab (or the CLI) may have changed.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void invalidate(...PROFILE_KEYS);
});
const root = document.getElementById('root');
if (root) {
  const render = (): void =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  // Without its words the app would draw their keys: it waits for them (and renders even if they
  // failed to load, rather than leave the page blank), and for the code of the page in the address.
  // The first reads (the server's mode, the profile and the page's own, started by the page's head)
  // have usually come by then; waited for a little, so the page is drawn once with what they say
  // rather than drawn and drawn again as each comes. A slow answer does not hold the page back.
  const firstReads = Promise.race([
    Promise.all([accountKnown(), readsUnderWay()]),
    new Promise((resolve) => setTimeout(resolve, FIRST_READS_WAIT_MS)),
  ]);
  void Promise.all([words, openingPage, firstReads]).then(render, render);
}

// The offline copy (the service worker, which the build writes as /sw.js) installs after the
// first page: its precache downloads every chunk of the app, which would otherwise compete with
// that page's reads and drawing. After the load event, a second and a half, then the next idle moment.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const register = (): void => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  const later = (): void => {
    setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: 2000 });
      else register();
    }, 1500);
  };
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
