/**
 * @module learner/context
 * What every learner action runs on: the store, the curriculum, the clock and the learner it acts for.
 * The CLI builds one per command, the server one per request; the actions in `src/learner/` take it as
 * their first argument, so both faces run the same code for the same input.
 */
import type { Curriculum } from '../core/model.js';
import type { Store } from '../store/store.js';

export interface LearnerContext {
  readonly store: Store;
  readonly curriculum: Curriculum;
  /** Now. Actions never read the system clock, so tests and `MLPATH_NOW` can pin it. */
  readonly clock: () => Date;
  /** The learner every read and write is keyed by. */
  readonly learnerId: string;
  /**
   * The IANA time zone the learner's days are counted in (the web app sends its browser's, the CLI
   * speaking to a server its machine's); undefined: the local time of the machine that answers.
   */
  readonly timeZone?: string | undefined;
  /**
   * Plans kept between processes (the CLI keeps them in its cache folder), by a key of everything
   * they are made from; without one, plans are made each time.
   */
  readonly plans?: PlanCache | undefined;
}

/** Text kept under a key: `get` answers only for the key last `set` (a miss costs a plan, never an error). */
export interface PlanCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** A date formatter per time zone (at most one per IANA zone: zones are checked before they come here). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The learner's calendar date (`YYYY-MM-DD`) at an instant, in `timeZone` (IANA) or else in the
 * machine's local time: the one rule for "today". Throws a RangeError for an unknown time zone.
 */
export function localDate(instant: Date, timeZone?: string): string {
  if (timeZone === undefined) {
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
  }
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today for a learner context: the date now in its time zone. */
export function today(ctx: Pick<LearnerContext, 'clock' | 'timeZone'>): string {
  return localDate(ctx.clock(), ctx.timeZone);
}
