/**
 * @module contract/limits
 * Every limit on a way in, in one table (the constants live in the core, next to what they bound).
 * Request bodies have their own per-route limits (server/body-limits.ts).
 */
import { MAX_COHORT_NAME } from '../core/cohort-model.js';
import { MAX_POSTING_LENGTH } from '../core/jobs/text.js';
import {
  FIRST_START_YEAR,
  LAST_START_YEAR,
  MAX_EFFORT_FACTOR,
  MAX_HOURS_PER_WEEK,
  MIN_HOURS_PER_WEEK,
  MAX_ID_LENGTH,
  MAX_LINK_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_WEEKS_OFF_DAYS,
  MIN_EFFORT_FACTOR,
} from '../core/planner/profile.js';
import {
  MAX_EVENT_TEXT_LENGTH,
  MAX_HOURS_PER_DAY,
  MAX_HOURS_PER_ENTRY,
  MAX_NOTE_LENGTH,
} from '../core/progress-model.js';

export const LIMITS = {
  /** Characters in an id (skill, resource, unit, project, rubric item, event, card half). */
  id: MAX_ID_LENGTH,
  /** Characters in a link. */
  link: MAX_LINK_LENGTH,
  /** Characters in a title a learner gives. */
  title: MAX_TITLE_LENGTH,
  /** Characters in a cohort's name. */
  cohortName: MAX_COHORT_NAME,
  /** Characters in a note. */
  note: MAX_NOTE_LENGTH,
  /** Characters in any event's text. */
  eventText: MAX_EVENT_TEXT_LENGTH,
  /** Characters (UTF-16 code units) in a job posting. */
  posting: MAX_POSTING_LENGTH,
  /** Hours a week: at least `minHoursPerWeek`, at most this. */
  hoursPerWeek: MAX_HOURS_PER_WEEK,
  minHoursPerWeek: MIN_HOURS_PER_WEEK,
  /** Hours in one log entry: more than 0, at most this. */
  hoursPerEntry: MAX_HOURS_PER_ENTRY,
  /** Hours logged by hand for one day, all entries in force together (a tick's planned hours aside), on a day not in the future. */
  hoursPerDay: MAX_HOURS_PER_DAY,
  /** The years a plan may start in. */
  startYears: [FIRST_START_YEAR, LAST_START_YEAR],
  /** Days in one range of weeks off. */
  weeksOffDays: MAX_WEEKS_OFF_DAYS,
  /** The learner factor's range. */
  effortFactor: [MIN_EFFORT_FACTOR, MAX_EFFORT_FACTOR],
  /** Events in one page of GET /api/progress/events: at most this many, and the page without a limit asked. */
  eventsPage: 1000,
  eventsPageDefault: 200,
} as const;
