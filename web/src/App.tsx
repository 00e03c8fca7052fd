/**
 * @module App
 * The shell: a skip link, the header with navigation, language and theme, and the page of the
 * current route. Until a profile exists every page leads to onboarding (an empty profile is a
 * state, not an error).
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { setLanguage, type Language } from './i18n/index.js';
import { prefetchRoadmap, useProfile } from './lib/data.js';
import { useLocale } from './lib/locale.js';
import { href, PAGES, parseRoute, useRoute, type Page } from './lib/router.js';
import { applyTheme, useDark } from './lib/theme.js';
import { ErrorNote, Loading, PageBoundary } from './components/Feedback.js';
import { AccountMenu } from './components/AccountMenu.js';
import { AccountPages } from './components/AccountPages.js';
import { useAccount } from './lib/account.js';
import { flush, usePending } from './lib/outbox.js';
import { LanguageOptions } from './components/LanguageOptions.js';

type PageModule = Promise<{ default: () => React.JSX.Element }>;
const loaders: Record<Page, () => PageModule> = {
  onboarding: () => import('./pages/Onboarding.js'),
  today: () => import('./pages/Today.js'),
  review: () => import('./pages/Review.js'),
  roadmap: () => import('./pages/Roadmap.js'),
  plan: () => import('./pages/PlanPage.js'),
  progress: () => import('./pages/ProgressPage.js'),
  portfolio: () => import('./pages/Portfolio.js'),
  jobs: () => import('./pages/Jobs.js'),
  cohorts: () => import('./pages/Cohorts.js'),
  settings: () => import('./pages/Settings.js'),
};
// The code of the page in the address starts loading at once, beside the first reads (mode,
// profile) that decide which page shows; a failure here is met again, and reported, on render.
// A page whose code has arrived renders at once instead of through a lazy component (which
// suspends once even then, and React holds a suspended page back for a moment).
const loaded = new Map<Page, () => React.JSX.Element>();
const opening = parseRoute(window.location.hash).page;
// The roadmap's reads start with its code, not after it.
if (opening === 'roadmap') prefetchRoadmap();
/**
 * Settles when the code of the page in the address has arrived (or failed to): the first render
 * waits for it (main.tsx) beside the words, so that page is drawn at once, not first as "loading"
 * and again, in slices, when its code comes.
 */
export const openingPage: Promise<void> = opening
  ? loaders[opening]().then(
      (module) => void loaded.set(opening, module.default),
      () => undefined,
    )
  : Promise.resolve();

// A page's lazy component is made again after a failed load, so "Try again" loads it afresh.
const pages = new Map<Page, React.LazyExoticComponent<() => React.JSX.Element>>();
function pageComponent(page: Page) {
  // One component per page for good (a page drawn lazily stays so), or React would draw it anew.
  const drawnLazily = pages.get(page);
  if (drawnLazily) return drawnLazily;
  const ready = loaded.get(page);
  if (ready) return ready;
  const component = lazy(loaders[page]);
  pages.set(page, component);
  return component;
}

/** The pages in the menu, in the router's order: every page but onboarding (cohorts only with accounts). */
const SERVER_NAV: readonly Page[] = PAGES.filter((page) => page !== 'onboarding');
const NAV: readonly Page[] = SERVER_NAV.filter((page) => page !== 'cohorts');

export function App() {
  const { t, locale } = useLocale();
  const route = useRoute();
  const profile = useProfile();
  // A multi-user server with no session: the sign-in page stands in for every page.
  const account = useAccount();
  const dark = useDark();
  const mainRef = useRef<HTMLElement>(null);

  const hasProfile = Boolean(profile.data?.profile);
  const requested = route.page ?? (hasProfile ? 'today' : 'onboarding');
  const multiUser = account.mode?.mode === 'multi-user';
  // Before onboarding only the roadmap (to browse), settings (language, import) and, on a server,
  // cohorts (an invite link opens before the plan is made) are open.
  const open = (p: Page): boolean => p === 'settings' || p === 'roadmap' || (multiUser && p === 'cohorts');
  const page: Page = !hasProfile && !open(requested) ? 'onboarding' : requested;
  const [attempt, setAttempt] = useState(0);
  const Current = pageComponent(page);
  const pending = usePending();

  useEffect(() => {
    if (!account.signInNeeded) document.title = `${t(`nav.${page}`)} · mlpath`;
  }, [page, t, locale, account.signInNeeded]);

  // Move focus to the page's content after navigating, as a screen reader user expects.
  // Not on the first page drawn (the one the app opens on, once the profile is known).
  const ready = !(profile.loading && !profile.data);
  const first = useRef(true);
  useEffect(() => {
    if (!ready) return;
    if (first.current) {
      first.current = false;
      return;
    }
    // The page's heading, as a screen reader announces it; Shift+Tab from there is the menu.
    const main = mainRef.current;
    const focusHeading = () => {
      const heading = main?.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    main?.focus();
    // A page still loading gets its heading focused once it is drawn.
    if (!main) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [page, ready]);

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
        className="sr-only rounded bg-white px-3 py-2 text-slate-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        {t('shell.skip')}
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2">
          <a href={href(hasProfile ? 'today' : 'onboarding')} className="text-lg font-bold no-underline">
            <span className="text-slate-900 dark:text-white">mlpath</span>
          </a>
          <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
            <AccountMenu />
            <label className="sr-only" htmlFor="language">
              {t('shell.language')}
            </label>
            <select
              id="language"
              className="field w-auto py-1 text-sm"
              value={locale}
              onChange={(event) => void setLanguage(event.target.value as Language)}
            >
              <LanguageOptions />
            </select>
            <button
              type="button"
              className="btn py-1"
              aria-label={t('shell.themeToggle')}
              title={t('shell.themeToggle')}
              onClick={() => applyTheme(dark ? 'light' : 'dark')}
            >
              <span aria-hidden="true">{dark ? '☀' : '☾'}</span>
            </button>
          </div>
          {hasProfile && !account.signInNeeded && (
            <nav aria-label={t('shell.navigation')} className="-mx-1 w-full">
              {/* Wraps on a narrow screen: every page stays in sight, none hides behind a sideways scroll. */}
              <ul className="flex flex-wrap gap-1 whitespace-nowrap">
                {(multiUser ? SERVER_NAV : NAV).map((item) => (
                  <li key={item}>
                    <a
                      href={href(item)}
                      aria-current={item === page ? 'page' : undefined}
                      className={`block rounded-md px-2.5 py-1.5 text-sm font-medium no-underline sm:px-3 ${
                        item === page
                          ? 'bg-blue-700 text-white dark:bg-blue-400 dark:text-slate-950'
                          : 'text-slate-800 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800'
                      }`}
                    >
                      {t(`nav.${item}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      </header>
      {pending.length > 0 && (
        <div
          role="status"
          className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        >
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-3 py-2 text-sm">
            <span>{t('offline.banner', { count: pending.length })}</span>
            <button type="button" className="btn py-0.5" onClick={() => void flush()}>
              {t('offline.sendNow')}
            </button>
          </div>
        </div>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className="mx-auto max-w-6xl px-3 py-4 outline-none">
        {account.signInNeeded ? (
          <AccountPages mode={account.mode} />
        ) : profile.loading && !profile.data ? (
          <Loading />
        ) : profile.error && !profile.data ? (
          <ErrorNote error={profile.error} onRetry={profile.reload} />
        ) : (
          <PageBoundary
            key={`${page}:${attempt}`}
            onRetry={() => {
              pages.delete(page);
              loaded.delete(page);
              setAttempt((n) => n + 1);
            }}
          >
            <Suspense fallback={<Loading />}>
              <Current />
            </Suspense>
          </PageBoundary>
        )}
      </main>
      <footer className="mx-auto max-w-6xl px-3 pb-6 text-xs muted">
        {t(account.mode?.mode === 'multi-user' ? 'account.footer' : 'shell.footer')}
      </footer>
    </div>
  );
}
