/**
 * @module contract/profile
 * The learner profile: `Profile` as stored, carried by the backup and answered by the API, and
 * `ProfileInput`, what a client sends (only the starting point is required). Bounds are the core's
 * constants; whether the ids exist in the curriculum is the core's `checkProfile`, run by every way in.
 */
import { z } from 'zod';
import { MAX_REMINDER_MINUTES, isKnownTimeZone, isValidTime } from '../core/calendar/sessions.js';
import { LEARNING_STYLES } from '../core/model.js';
import { WEEKDAYS } from '../core/plan-model.js';
import {
  FULL_TIME,
  FULL_TIME_HOURS,
  MAX_EFFORT_FACTOR,
  MAX_HOURS_PER_WEEK,
  MIN_HOURS_PER_WEEK,
  MAX_ID_LENGTH,
  MAX_TITLE_LENGTH,
  MIN_EFFORT_FACTOR,
} from '../core/planner/profile.js';
import { apiSchemas, Day, Id, IsoDate, Link, optional, StoredId, Title, coded } from './common.js';

/** The reminder's bounds, said once for each of its checks. */
const MINUTES = coded('contract.minutes', { max: MAX_REMINDER_MINUTES });

// ---------------------------------------------------------------- the stored profile

const StoredDateRange = z.strictObject({ start: Day, end: Day });

export const Profile = z
  .strictObject({
    startingPoint: StoredId,
    known: z.array(StoredId),
    hoursPerWeek: z.number().min(MIN_HOURS_PER_WEEK).max(MAX_HOURS_PER_WEEK),
    weeksOff: z.array(StoredDateRange),
    startDate: Day,
    style: z.enum(LEARNING_STYLES),
    domain: StoredId.optional(),
    freeOnly: z.boolean(),
    locale: StoredId,
    target: StoredId.optional(),
    route: StoredId.optional(),
    effortFactor: z.number().min(MIN_EFFORT_FACTOR).max(MAX_EFFORT_FACTOR).optional(),
    marketReady: z.boolean().optional(),
    region: StoredId.optional(),
    targetDate: Day.optional(),
    choices: z.strictObject({
      pin: z.array(StoredId),
      exclude: z.array(StoredId),
      swap: z.array(z.strictObject({ from: StoredId, to: StoredId })),
      own: z.array(
        z.strictObject({
          id: StoredId,
          title: Title,
          url: Link.optional(),
          hours: z.number().positive(),
          teaches: z.array(StoredId),
        }),
      ),
    }),
    study: z
      .strictObject({
        days: z.array(z.enum(WEEKDAYS)).min(1),
        time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        timeZone: z.string().min(1).max(100),
        reminderMinutes: z.number().int().min(0).max(MAX_REMINDER_MINUTES).optional(),
      })
      .optional(),
  })
  .register(apiSchemas, { id: 'Profile' });
export type Profile = z.output<typeof Profile>;

// ---------------------------------------------------------------- what a client sends

export const DateRangeInput = z
  .strictObject({ start: IsoDate, end: IsoDate })
  .refine((r) => r.start <= r.end, { error: coded('contract.startBeforeEnd'), path: ['end'] })
  .register(apiSchemas, { id: 'DateRange' });

export const OwnResourceInput = z
  .strictObject({
    id: Id,
    title: z
      .string()
      .min(1, { error: coded('contract.title') })
      .max(MAX_TITLE_LENGTH, { error: coded('contract.titleMax', { max: MAX_TITLE_LENGTH }) }),
    url: Link.optional(),
    hours: z.number({ error: coded('contract.hoursNumber') }).positive({ error: coded('contract.hoursPositive') }),
    teaches: z.array(Id),
  })
  .register(apiSchemas, { id: 'OwnResource' });

export const ResourceChoicesInput = z
  .strictObject({
    pin: z.array(Id).default([]),
    exclude: z.array(Id).default([]),
    swap: z.array(z.strictObject({ from: Id, to: Id })).default([]),
    own: z.array(OwnResourceInput).default([]),
  })
  .register(apiSchemas, { id: 'ResourceChoices' });

export const StudyDaysInput = z
  .strictObject({
    days: z
      .array(z.enum(WEEKDAYS, { error: coded('contract.days', { values: WEEKDAYS.join(', ') }) }))
      .min(1, { error: coded('contract.oneStudyDay') })
      .refine((days) => new Set(days).size === days.length, { error: coded('contract.dayOnce') }),
    time: z.string({ error: coded('contract.time') }).refine(isValidTime, { error: coded('contract.time24') }),
    timeZone: z
      .string({ error: coded('contract.timeZone') })
      .refine(isKnownTimeZone, { error: coded('contract.knownTimeZone') }),
    reminderMinutes: optional(
      z
        .number({ error: MINUTES })
        .int({ error: MINUTES })
        .min(0, { error: MINUTES })
        .max(MAX_REMINDER_MINUTES, { error: MINUTES }),
    ),
  })
  .register(apiSchemas, {
    id: 'StudyDays',
    description:
      'When the learner studies; each week’s hours are shared over its study days, and calendars show timed sessions',
  });

const HOURS_A_WEEK = coded('contract.hoursAWeek', {
  min: MIN_HOURS_PER_WEEK,
  max: MAX_HOURS_PER_WEEK,
  fullTime: FULL_TIME,
});
const FACTOR = coded('contract.factor', { min: MIN_EFFORT_FACTOR, max: MAX_EFFORT_FACTOR });

/** Hours a week as a client sends them: a number within the core's bounds, or "full-time". */
export const HoursPerWeekInput = z
  .union(
    [
      z
        .number({ error: HOURS_A_WEEK })
        .min(MIN_HOURS_PER_WEEK, { error: HOURS_A_WEEK })
        .max(MAX_HOURS_PER_WEEK, { error: HOURS_A_WEEK }),
      z.literal(FULL_TIME),
    ],
    { error: HOURS_A_WEEK },
  )
  .describe(
    `Effective study hours a week (time actually studying), or "${FULL_TIME}" for ${FULL_TIME_HOURS} (full time: a 40-hour week).`,
  );

/** The body of PUT /api/profile and POST /api/plan/preview: only the starting point is required. */
export const ProfileInput = z
  .strictObject({
    startingPoint: Id,
    known: z.array(Id).optional(),
    hoursPerWeek: optional(HoursPerWeekInput),
    weeksOff: z.array(DateRangeInput).optional(),
    startDate: optional(IsoDate),
    style: optional(
      z.enum(LEARNING_STYLES, { error: coded('contract.oneOf', { values: LEARNING_STYLES.join(', ') }) }),
    ),
    domain: optional(Id),
    freeOnly: optional(z.boolean({ error: coded('contract.boolean') })),
    locale: optional(
      z
        .string()
        .min(2, { error: coded('contract.locale') })
        .max(MAX_ID_LENGTH, { error: coded('contract.locale') }),
    ),
    target: optional(Id),
    route: optional(Id),
    effortFactor: optional(
      z.number({ error: FACTOR }).min(MIN_EFFORT_FACTOR, { error: FACTOR }).max(MAX_EFFORT_FACTOR, { error: FACTOR }),
    ),
    choices: ResourceChoicesInput.optional(),
    study: optional(StudyDaysInput),
    marketReady: optional(z.boolean({ error: coded('contract.boolean') })),
    region: optional(
      z
        .string({ error: coded('contract.region') })
        .max(MAX_ID_LENGTH, { error: coded('contract.region') })
        .describe(
          'Where the learner studies from (a curriculum region, e.g. cn for mainland China); none clears it. Never set without the learner saying so.',
        ),
    ),
    targetDate: optional(
      z
        .union([IsoDate, z.literal('none')], { error: coded('contract.targetDateNone') })
        .describe('The date the learner wants to finish by (after the start date); none clears it.'),
    ),
  })
  .register(apiSchemas, {
    id: 'ProfileInput',
    description: 'Profile fields; the rest default from the starting point.',
  });
/** A parsed profile input (defaults filled). */
export type ProfileInput = z.output<typeof ProfileInput>;
/** A profile input as a client writes it. */
export type ProfileInputBody = z.input<typeof ProfileInput>;

/** The body of PUT /api/profile/target-date. */
export const TargetDateInput = z
  .strictObject({
    targetDate: z
      .union([IsoDate, z.literal('none'), z.null()], {
        error: coded('contract.targetDateNull'),
      })
      .describe('The date to finish by (after the start date); null or none clears it.'),
  })
  .register(apiSchemas, {
    id: 'TargetDateInput',
    description: 'Set or clear the target date on the stored profile; the rest of the profile stays.',
  });
