/**
 * @module server/app
 * `createApp({ store, curriculum, clock })` builds the whole HTTP app: the JSON API under
 * `/api` and the built web app everywhere else. Nothing here listens on a port (see
 * server.ts), so tests call `app.request(...)` in process.
 *
 * @example
 * const app = createApp({ store, curriculum, clock: () => new Date() });
 * const res = await app.request('/api/health');
 */
import { curriculumView, roadmapView, skillDetail } from '../core/curriculum-view.js';
import { codedProblem, didYouMean, isMlpathError, MlpathError } from '../core/errors.js';
import { findSkill, suggestItems } from '../learner/items.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Locale } from '../core/model.js';
import { interfaceLocale } from '../i18n/catalogue.js';
import type { Store } from '../store/store.js';
import { withAccountRoutes } from './auth-openapi.js';
import { AUTH_LIMITS } from './auth-limits.js';
import { AUTH_ROUTES } from './auth.js';
import type { Accounts } from './auth.js';
import type { AppDeps, AppEnv } from './context.js';
import { profileTimeZone } from './context.js';
import type { ServerMode } from '../contract/index.js';
import { errorResponseOf, methodNotAllowed, requestLocale, RETRY_AFTER_SECONDS, routeNotFound } from './errors.js';
import { bodyLimits } from './body-limits.js';
import { cookieWritesFrom, loopbackHost, sameOriginWrites } from './guard.js';
import { learnerMiddleware, localLearner } from './learner.js';
import { learnerWritesInTurn } from './learner-lock.js';
import type { LearnerResolver } from './learner.js';
import { openApiDocument } from './openapi.js';
import { calendarRoutes, feedRoutes } from './routes/calendar.js';
import { cohortRoutes } from './routes/cohorts.js';
import { exchangeRoutes } from './routes/exchange.js';
import { jobRoutes } from './routes/jobs.js';
import { planRoutes } from './routes/plan.js';
import { profileRoutes } from './routes/profile.js';
import { progressRoutes } from './routes/progress.js';
import { projectRoutes } from './routes/projects.js';
import { healthOf } from './health.js';
import { reviewRoutes } from './routes/review.js';
import { syncRoutes } from './routes/sync.js';
import { idempotentWrites } from './idempotency.js';
import { securityHeaders } from './security-headers.js';
import { checkQueries, refuseNul } from './validate.js';
import { compression } from './compression.js';
import { json, tagged } from './answers.js';
import { NOT_BUILT_PAGE, webApp } from './static.js';

export interface AppOptions extends AppDeps {
  /** The built web app's folder (`web/dist`); undefined serves a "not built" note. */
  readonly webDist?: string | undefined;
  /** Who a request acts for; defaults to the single local learner (or, with accounts, the session's). */
  readonly resolveLearner?: LearnerResolver;
  /** Server mode: accounts, their routes under /api/auth/, and every learner route keyed by the session. */
  readonly accounts?: Accounts;
  /** Reported by /api/health and the OpenAPI document; defaults to package.json's. */
  readonly version?: string;
  /**
   * Local mode's port, for the Host check when no socket tells it (in-process requests); a served
   * request is checked against its socket's own port.
   */
  readonly port?: number;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * The language of a request's error: its Accept-Language (the web app sends its own), else the
 * signed-in learner's saved locale, else English. A failing store is not asked again.
 */
async function errorLocale(c: Context<AppEnv>, store: Store, error: unknown): Promise<Locale> {
  const header = c.req.header('accept-language');
  if (header !== undefined && header.trim() !== '') return requestLocale(header);
  const learner = c.get('learner') as AppEnv['Variables']['learner'] | undefined;
  if (learner === undefined || (isMlpathError(error) && (error.code === 'STORAGE' || error.code === 'UNAVAILABLE')))
    return 'en';
  try {
    // Inside a write, the request's own store (its learner's lock is held until the answer).
    const own = c.get('store') ?? store;
    return interfaceLocale((await own.getProfile(learner.id))?.locale);
  } catch {
    return 'en';
  }
}

/**
 * The methods the API serves at `path` (HEAD with GET), from the routes as registered: a known path
 * asked with another method is 405 with these in its Allow header, not 404. Middleware (method ALL)
 * and catch-alls (`*`) name no route of their own.
 */
function allowedMethods(routes: readonly { method: string; path: string }[], path: string): string[] {
  if (!path.startsWith('/api/')) return [];
  const segments = path.split('/');
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    if (pattern.every((part, i) => (part.startsWith(':') ? segments[i] !== '' : part === segments[i])))
      methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const deps: AppDeps = { store: options.store, curriculum: options.curriculum, clock: options.clock };
  const version = options.version ?? packageVersion();
  const accounts = options.accounts;
  const resolveLearner =
    options.resolveLearner ??
    (accounts ? accounts.resolveLearner(deps.store, deps.clock) : localLearner(deps.store, deps.clock));

  const app = new Hono<AppEnv>();
  app.onError(async (error, c) => {
    const { status, body } = errorResponseOf(error, await errorLocale(c, deps.store, error));
    // Only a bug is logged; expected failures are the client's to read.
    if (status >= 500) console.error(`mlpath serve: ${c.req.method} ${c.req.path}:`, error);
    if (status === 503) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return json(c, body, status);
  });
  app.notFound((c) => {
    const allowed = allowedMethods(app.routes, c.req.path);
    const error =
      allowed.length > 0
        ? methodNotAllowed(c.req.method, c.req.path, allowed)
        : routeNotFound(c.req.method, c.req.path);
    const { status, body } = errorResponseOf(error, requestLocale(c.req.header('accept-language')));
    if (allowed.length > 0) c.header('Allow', allowed.join(', '));
    return json(c, body, status);
  });
  app.use(securityHeaders(options.webDist, [NOT_BUILT_PAGE]));
  // Local mode answers only at its loopback address (DNS rebinding); server mode at any host.
  if (!accounts) app.use(loopbackHost(options.port));
  app.use(compression());
  app.use('/api/*', accounts ? cookieWritesFrom(accounts.origin) : sameOriginWrites());
  app.use('/api/*', bodyLimits());
  app.use('/api/*', refuseNul());
  // A query parameter a route does not take is refused: here for the routes that need no learner,
  // after the learner is resolved for the others (so a request without a session is 401 first).
  app.use('/api/*', checkQueries(accounts !== undefined, 'open'));

  // Routes that need no learner.
  app.get('/api/health', async (c) => {
    const health = await healthOf(deps.store, version);
    c.header('Cache-Control', 'no-store');
    return json(c, health, health.ok ? 200 : 503);
  });
  // Which mode the web app talks to: local (no accounts) or multi-user (sign in; sign up when open).
  const mode: ServerMode = accounts
    ? {
        mode: 'multi-user',
        signUp: accounts.signUp,
        passwordMin: AUTH_LIMITS.passwordMin,
        passwordMax: AUTH_LIMITS.passwordMax,
      }
    : { mode: 'local' };
  app.get('/api/mode', (c) => json(c, mode));
  // The curriculum and its self-check questions (the web's placement check asks them) never change
  // while the server runs: a browser revalidates its copy by ETag.
  const madeOnce = (value: unknown) => {
    const text = JSON.stringify(value);
    return {
      body: new TextEncoder().encode(text),
      tag: `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`,
    };
  };
  const answerTagged = (c: Context, { body, tag }: { body: Uint8Array<ArrayBuffer>; tag: string }) =>
    tagged(c, body, tag);
  const unchanging = (path: string, value: unknown) => {
    const made = madeOnce(value);
    app.get(path, (c) => answerTagged(c, made));
  };
  unchanging('/api/curriculum', curriculumView(deps.curriculum));
  // The roadmap page draws from this compact view and asks for a skill's details when it is opened.
  unchanging('/api/curriculum/roadmap', roadmapView(deps.curriculum));
  const details = new Map<string, ReturnType<typeof madeOnce>>();
  app.get('/api/curriculum/skills/:id', (c) => {
    const id = c.req.param('id');
    // An old id (alias) or another spelling answers the skill it names, under today's id, as the
    // CLI and the progress events resolve it.
    const key = findSkill(deps.curriculum, id);
    let made = key === undefined ? undefined : details.get(key);
    if (!made) {
      const detail = key === undefined ? undefined : skillDetail(deps.curriculum, key);
      if (!detail) {
        // The nearest skill ids and old ids, found as the CLI finds them for an id it does not know.
        const suggestions = suggestItems(deps.curriculum, id, 'skills');
        throw new MlpathError({
          code: 'NOT_FOUND',
          key: 'api.noSkill',
          params: { id: id.slice(0, 80) },
          hint: didYouMean(suggestions),
          problems: [codedProblem('api.noSkill', { id: id.slice(0, 80) }, { path: 'id' })],
        });
      }
      made = madeOnce(detail);
      details.set(detail.skill.id, made);
    }
    return answerTagged(c, made);
  });
  unchanging('/api/self-check', { questions: deps.curriculum.selfCheck });
  // The calendar feed: its secret address is its only key (no learner session).
  app.route('/', feedRoutes(deps));
  // Server mode adds the server-only rows of the route table (cohorts) and the account routes
  // (withAccountRoutes then names 401 on every learner route).
  const openApi = accounts ? withAccountRoutes(openApiDocument(version, true)) : openApiDocument(version);
  app.get('/api/openapi.json', (c) => json(c, openApi));

  if (accounts) {
    for (const route of AUTH_ROUTES) app.on(route.method, `/api/auth/${route.path}`, (c) => accounts.handle(c));
  }

  // Everything else acts for a learner, resolved here once.
  app.use('/api/*', learnerMiddleware(resolveLearner));
  app.use('/api/*', checkQueries(accounts !== undefined, 'learner'));
  app.use('/api/*', learnerWritesInTurn(deps.store));
  // After a write has its turn, so a read here does not reorder writes sent one after another.
  app.use('/api/*', profileTimeZone(deps.store));
  app.use('/api/*', idempotentWrites(deps.clock));
  app.route('/api', profileRoutes(deps));
  app.route('/api', planRoutes(deps));
  app.route('/api', progressRoutes(deps));
  app.route('/api', projectRoutes(deps));
  app.route('/api', reviewRoutes(deps));
  app.route('/api', exchangeRoutes(deps));
  app.route('/api', jobRoutes(deps));
  app.route('/api', calendarRoutes(deps));
  app.route('/api', syncRoutes(deps));
  // Cohorts join learners together: server mode only (the embedded store holds one learner).
  if (accounts) app.route('/api', cohortRoutes(deps, accounts.origin));

  app.use('*', webApp(options.webDist));
  return app;
}
