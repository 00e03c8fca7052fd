/**
 * @module learner/calendar
 * The learner's calendar, once for the CLI and the server: the iCalendar file of the current plan
 * (kept in sync with what earlier exports sent, see core/calendar/sync), and the subscription feed's
 * secret address (`/calendar/<secret>.ics`), made on first request and revoked by rotation.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { calendarEntries } from '../core/calendar/entries.js';
import { firstOccurrences, reconcile } from '../core/calendar/sync.js';
import type { Locale } from '../core/model.js';
import { calendarName, renderEntries, writeIcs } from '../export/ical.js';
import { isWriteFault } from '../store/faults.js';
import { tokenHash } from '../store/kysely-store.js';
import type { CalendarFeed } from '../store/store.js';
import type { LearnerContext } from './context.js';
import { progressSnapshot } from './progress.js';
import { needsProfile } from './errors.js';

/** How often subscribed calendars are asked to refresh: every 6 hours, in seconds. */
export const FEED_REFRESH_SECONDS = 6 * 3600;
/** The feed secret's size: 32 random bytes (256 bits), written as 43 base64url characters. */
const TOKEN_BYTES = 32;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The feed's path for a secret. */
export function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/** The learner's calendar (its id is in every UID and in backups), made on first use. */
export async function ensureCalendar(ctx: LearnerContext): Promise<CalendarFeed> {
  const found = await ctx.store.getCalendar(ctx.learnerId);
  if (found) return found;
  const created: CalendarFeed = {
    calendarId: randomBytes(16).toString('hex'),
    token: undefined,
    createdAt: ctx.clock().toISOString(),
    rotatedAt: undefined,
  };
  try {
    await ctx.store.saveCalendar(ctx.learnerId, created);
  } catch (error) {
    // A store that cannot be written still exports: this calendar's id is then not kept.
    if (isWriteFault(error)) return created;
    throw error;
  }
  // Two requests at once may both create one: the stored one wins.
  return (await ctx.store.getCalendar(ctx.learnerId)) ?? created;
}

/**
 * The current plan as iCalendar text, for a file export or the feed. Records what it sent, so the
 * next export keeps unchanged events as they are, raises SEQUENCE on changed ones and sends
 * events that left the plan as cancelled until their time is over. "Today" is counted in the study
 * days' time zone where the profile has them, else in the context's.
 * @throws LearnerError NOT_FOUND (reason `needs-profile`) when the learner has no profile yet.
 */
export async function calendarFile(
  learner: LearnerContext,
  options: { readonly locale?: Locale | undefined; readonly feed?: boolean } = {},
): Promise<string> {
  // A calendar's day is its sessions' day: with study days, "today" is counted in their time zone,
  // for the feed (a calendar app names no zone of its own) and every file alike, so no two exports
  // count it differently and move the same events back and forth.
  const zone = (await learner.store.getProfile(learner.learnerId))?.study?.timeZone;
  const ctx: LearnerContext = zone === undefined ? learner : { ...learner, timeZone: zone };
  // The re-plan of the one progress model (learner/progress.ts), as every view shows it.
  const snapshot = await progressSnapshot(ctx);
  const { profile, forecast } = snapshot;
  if (!profile || !forecast) throw needsProfile();
  const now = ctx.clock();
  const day = snapshot.today;
  const locale = options.locale ?? profile.locale;
  const { plan } = forecast;
  const calendar = await ensureCalendar(ctx);
  const records = await ctx.store.listCalendarRecords(ctx.learnerId);
  const entries = calendarEntries(plan, {
    study: profile.study,
    weeksOff: profile.weeksOff,
    firstOccurrence: firstOccurrences(records, day),
  });
  const rendered = renderEntries(entries, ctx.curriculum, {
    locale,
    calendarId: calendar.calendarId,
    region: profile.region,
  });
  const sync = reconcile(records, rendered, day, now.toISOString());
  await ctx.store.saveCalendarRecords(ctx.learnerId, sync.changed).catch((error: unknown) => {
    // Exporting from a store that cannot be written: the next export cannot tell what changed.
    if (!isWriteFault(error)) throw error;
  });
  return writeIcs(rendered, {
    now,
    name: calendarName(ctx.curriculum, locale),
    locale,
    sequence: sync.sequence,
    cancelled: sync.cancelled,
    ...(options.feed ? { refreshSeconds: FEED_REFRESH_SECONDS } : {}),
  });
}

/** The feed's secret address (path), made on first request; `rotate` replaces (revokes) the old one. */
export async function calendarFeed(
  ctx: LearnerContext,
  options: { readonly rotate?: boolean } = {},
): Promise<{ path: string; rotatedAt: string | undefined }> {
  const calendar = await ensureCalendar(ctx);
  if (calendar.token !== undefined && !options.rotate) {
    return { path: feedPath(calendar.token), rotatedAt: calendar.rotatedAt };
  }
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const rotatedAt = calendar.token === undefined ? undefined : ctx.clock().toISOString();
  await ctx.store.saveCalendar(ctx.learnerId, { ...calendar, token, rotatedAt });
  return { path: feedPath(token), rotatedAt };
}

/**
 * The learner a feed secret belongs to, or undefined (a malformed, unknown or revoked secret).
 * The secret is found by its digest and then compared in constant time.
 */
export async function learnerOfFeed(store: LearnerContext['store'], token: string): Promise<string | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const found = await store.findCalendarByTokenHash(tokenHash(token));
  if (!found) return undefined;
  const a = Buffer.from(found.token, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b) ? found.learnerId : undefined;
}
