/**
 * @module server/routes/calendar
 * The subscription feed and its address.
 * - `GET /calendar/<secret>.ics` (outside /api, no other authentication: the secret is the key):
 *   the learner's plan as iCalendar, for Google, Apple or Outlook to follow. An unknown or revoked
 *   secret is a 404.
 * - `GET /api/calendar`: the feed's address for the current learner (made on first request).
 * - `POST /api/calendar/rotate`: a new address; the old one stops working at once.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { MlpathError } from '../../core/errors.js';
import { calendarFeed, calendarFile, learnerOfFeed } from '../../learner/calendar.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContext } from '../context.js';
import { json } from '../answers.js';

function noFeed(): MlpathError {
  return new MlpathError({
    code: 'NOT_FOUND',
    key: 'api.noCalendar',
    hintKey: 'hint.calendarUrl',
  });
}

/** The feed itself, mounted at the app's root. */
export function feedRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/calendar/:file', async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.ics')) throw noFeed();
    const learnerId = await learnerOfFeed(deps.store, file.slice(0, -'.ics'.length));
    if (learnerId === undefined) throw noFeed();
    const text = await calendarFile({ ...deps, learnerId }, { feed: true });
    return c.body(text, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="mlpath.ics"',
      'Cache-Control': 'private, no-cache',
      'Referrer-Policy': 'no-referrer',
    });
  });
  return routes;
}

function address(c: Context<AppEnv>, path: string): { path: string; url: string } {
  return { path, url: new URL(path, c.req.url).toString() };
}

/** The feed's address, under /api. */
export function calendarRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/calendar', async (c) => {
    const feed = await calendarFeed(learnerContext(deps, c));
    return json(c, { feed: { ...address(c, feed.path), rotatedAt: feed.rotatedAt ?? null } });
  });
  routes.post('/calendar/rotate', async (c) => {
    const feed = await calendarFeed(learnerContext(deps, c), { rotate: true });
    return json(c, { feed: { ...address(c, feed.path), rotatedAt: feed.rotatedAt ?? null } });
  });
  return routes;
}
