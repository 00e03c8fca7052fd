/**
 * @module session
 * What every tracking command needs: the store (opened from MLPATH_HOME / DATABASE_URL), the
 * learner, the curriculum, the clock and the language. Opened per command and always closed.
 *
 * `MLPATH_NOW` (an ISO instant) or `MLPATH_TODAY` (a date, as `mlpath plan` reads it) fixes the
 * clock, for scripted sessions and reproducible output;
 * `MLPATH_CURRICULUM` points at another curriculum folder; `MLPATH_LANG` picks the language
 * (otherwise the profile's, otherwise the system's).
 */
import { isMlpathError, MlpathError } from '../core/errors.js';
import type { Curriculum, Locale } from '../core/model.js';
import type { Profile } from '../core/plan-model.js';
import { openStore } from '../store/open.js';
import { LOCAL_LEARNER } from '../store/store.js';
import type { Store } from '../store/store.js';
import { cacheDir, loadCurriculumCached } from './curriculum-cache.js';
import { errorIn } from './edge-messages.js';
import type { CliIo } from './io.js';
import { chooseLocale } from './locale.js';
import { msg } from './messages.js';
import { curriculumDir } from './paths.js';

export interface Session {
  readonly store: Store;
  readonly learner: string;
  readonly now: Date;
  /** The learner's calendar date (local time), `YYYY-MM-DD`. */
  readonly today: string;
  readonly io: CliIo;
  curriculum(): Curriculum;
  profile(): Promise<Profile | undefined>;
  locale(): Promise<Locale>;
}

export function clock(io: CliIo): Date {
  const today = io.env['MLPATH_TODAY'];
  const fixed = io.env['MLPATH_NOW'] || (today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? `${today}T12:00:00` : undefined);
  if (fixed === undefined || fixed === '') return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(chooseLocale({ env: io.env }), 'env.badNow', { value: fixed }),
      hint: msg(chooseLocale({ env: io.env }), 'env.badNowHint'),
    });
  }
  return date;
}

/** The local calendar date of an instant. */
export function localDate(now: Date): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The language without a profile: MLPATH_LANG, then the system's (LC_ALL, LC_MESSAGES, LANG). */
export function systemLocale(env: CliIo['env']): Locale {
  return chooseLocale({ env });
}

export async function withSession<T>(io: CliIo, fn: (session: Session) => Promise<T>): Promise<T> {
  const now = clock(io);
  const store = await openStore(io.env, io.cwd);
  try {
    await store.ensureLearner(LOCAL_LEARNER, LOCAL_LEARNER, now.toISOString());
    let curriculum: Curriculum | undefined;
    let profile: Profile | undefined | null = null;
    // The language the command chose to speak (asked for through `session.locale()`).
    let spoken: Locale | undefined;
    const session: Session = {
      store,
      learner: LOCAL_LEARNER,
      now,
      today: localDate(now),
      io,
      curriculum: () => {
        curriculum ??= loadCurriculumCached(
          curriculumDir(io.env['MLPATH_CURRICULUM'] || undefined, io.cwd),
          io.cwd,
          cacheDir(io.env, io.cwd),
        );
        return curriculum;
      },
      profile: async () => {
        if (profile === null) profile = await store.getProfile(LOCAL_LEARNER);
        return profile;
      },
      locale: async () => {
        spoken = io.env['MLPATH_LANG']
          ? chooseLocale({ env: io.env })
          : chooseLocale({ env: io.env, profile: (await session.profile())?.locale });
        return spoken;
      },
    };
    try {
      return await fn(session);
    } catch (error) {
      // A failure from below (the store, a backup) is told in the language the command speaks.
      throw spoken !== undefined && isMlpathError(error) ? errorIn(spoken, error) : error;
    }
  } finally {
    await store.close();
  }
}
