/**
 * @module session
 * What every tracking command needs: the store (opened from MLPATH_HOME / DATABASE_URL), the
 * learner, the curriculum, the clock and the language. Opened per command and always closed.
 *
 * `MLPATH_NOW` (an ISO instant) or `MLPATH_TODAY` (a date) fixes the clock of every command, for
 * scripted sessions and reproducible output (an invalid value is an error);
 * `MLPATH_CURRICULUM` points at another curriculum folder; `MLPATH_LANG` picks the language
 * (otherwise the profile's, otherwise the system's).
 */
import { FIRST_START_YEAR, LAST_START_YEAR } from '../core/planner/profile.js';
import { isMlpathError, MlpathError } from '../core/errors.js';
import { isValidIsoDate } from '../core/dates.js';
import { localDate } from '../learner/context.js';
import type { LearnerContext } from '../learner/context.js';
import { isLearnerError } from '../learner/errors.js';
import type { Curriculum, Locale } from '../core/model.js';
import type { Profile } from '../core/plan-model.js';
import { openStore } from '../store/open.js';
import { LOCAL_LEARNER } from '../store/store.js';
import type { Store } from '../store/store.js';
import { cacheDir, loadCurriculumCached } from './curriculum-cache.js';
import { planCache } from './plan-cache.js';
import type { CliIo } from './io.js';
import { chooseLocale } from './locale.js';
import { tellIn } from './exit-codes.js';
import { msg } from './messages.js';
import { curriculumDir } from './paths.js';

export interface Session {
  readonly store: Store;
  readonly learner: string;
  readonly now: Date;
  /** The learner's calendar date (local time), `YYYY-MM-DD`. */
  readonly today: string;
  readonly io: CliIo;
  /** What the learner layer's actions take (loads the curriculum on first use). */
  context(): LearnerContext;
  /**
   * Run a learner action that writes under the learner's lock (`Store.exclusive`), as the server
   * runs every write request: a CLI write and a server write never interleave, and the action's
   * reads and writes commit together. Not for waiting on the learner (prompts): only the action.
   */
  inTurn<T>(fn: (ctx: LearnerContext) => Promise<T>, base?: LearnerContext): Promise<T>;
  curriculum(): Curriculum;
  profile(): Promise<Profile | undefined>;
  locale(): Promise<Locale>;
}

/**
 * Now, for every command: `MLPATH_NOW` (an ISO instant) wins, else `MLPATH_TODAY` (a date, at
 * noon local time), else the system clock. A value that is set but not valid is an error, never
 * silently ignored.
 */
export function clock(io: Pick<CliIo, 'env'>): Date {
  const locale = chooseLocale({ env: io.env });
  const now = io.env['MLPATH_NOW'];
  const day = io.env['MLPATH_TODAY'];
  if (now !== undefined && now !== '') {
    const date = new Date(now);
    // Outside the years a plan may start in, dates computed from now would run past year 9999.
    const year = date.getUTCFullYear();
    if (Number.isNaN(date.getTime()) || year < FIRST_START_YEAR || year > LAST_START_YEAR) {
      throw new MlpathError({
        code: 'INVALID_INPUT',
        message: msg(locale, 'env.badNow', { value: now }),
        hint: msg(locale, 'env.badNowHint'),
      });
    }
    return date;
  }
  if (day !== undefined && day !== '') {
    const year = Number(day.slice(0, 4));
    if (!isValidIsoDate(day) || year < FIRST_START_YEAR || year > LAST_START_YEAR) {
      throw new MlpathError({
        code: 'INVALID_INPUT',
        message: msg(locale, 'env.badToday', { value: day }),
        hint: msg(locale, 'env.badTodayHint'),
      });
    }
    return new Date(`${day}T12:00:00`);
  }
  return new Date();
}

/** The local calendar date of an instant: the learner layer's one rule. */
export { localDate } from '../learner/context.js';

/** The curriculum a command works from (MLPATH_CURRICULUM's folder, else the shipped one), from the cache when it can. */
export function curriculumOf(io: CliIo): Promise<Curriculum> {
  return loadCurriculumCached(
    curriculumDir(io.env['MLPATH_CURRICULUM'] || undefined, io.cwd),
    io.cwd,
    cacheDir(io.env, io.cwd),
  );
}
/** The language without a profile: MLPATH_LANG, then the system's (LC_ALL, LC_MESSAGES, LANG). */
export function systemLocale(env: CliIo['env']): Locale {
  return chooseLocale({ env });
}

export async function withSession<T>(io: CliIo, fn: (session: Session) => Promise<T>): Promise<T> {
  const now = clock(io);
  // One connection: a command's queries run one after the other (on SQLite as on PostgreSQL).
  // SQLite's integrity check runs before the command's first write, so one that only reads skips it.
  const store = await openStore(io.env, io.cwd, { maxConnections: 1, quickCheck: 'before-write' });
  try {
    await store.ensureLearner(LOCAL_LEARNER, LOCAL_LEARNER, now.toISOString());
    // Read now (the cache is a file read; the loader is imported only when the cache cannot serve),
    // thrown only by the command that asks for it, as when it was loaded on first use.
    const curriculum = await curriculumOf(io).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    let profile: Profile | undefined | null = null;
    // The language the command chose to speak (asked for through `session.locale()`).
    let spoken: Locale | undefined;
    const session: Session = {
      store,
      learner: LOCAL_LEARNER,
      now,
      today: localDate(now),
      io,
      context: () => ({
        store,
        curriculum: session.curriculum(),
        clock: () => now,
        learnerId: LOCAL_LEARNER,
        plans: planCache(cacheDir(io.env, io.cwd), session.curriculum(), LOCAL_LEARNER),
      }),
      inTurn: (fn, base) => {
        const ctx = base ?? session.context();
        return store.exclusive(ctx.learnerId, (bound) => fn({ ...ctx, store: bound }));
      },
      curriculum: () => {
        if ('error' in curriculum) throw curriculum.error;
        return curriculum.value;
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
      if (isLearnerError(error)) throw tellIn(error, spoken ?? systemLocale(io.env));
      throw spoken !== undefined && isMlpathError(error) ? tellIn(error, spoken) : error;
    }
  } finally {
    await store.close();
  }
}
