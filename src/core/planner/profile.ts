/**
 * @module planner/profile
 * A learner's profile from a starting point's defaults plus their own overrides, and its validation.
 * Validation returns structured problems (field, value, valid choices) so each caller can name the
 * field its own way: the CLI names flags, the server names JSON fields.
 */
import { codedProblem, didYouMean, MlpathError, suggest } from '../errors.js';
import type { Message, MessageParams } from '../errors.js';
import { INTERFACE_LOCALES, LEARNING_STYLES } from '../model.js';
import { findRole } from '../model.js';
import type { Curriculum, LearningStyle, StartingPoint } from '../model.js';
import type { DateRange, Profile, ResourceChoices } from '../plan-model.js';
import { daysBetween, isValidIsoDate } from '../dates.js';
import { WEEKDAYS } from '../plan-model.js';
import type { StudyDays } from '../plan-model.js';
import {
  MAX_REMINDER_MINUTES,
  MAX_SESSION_HOURS,
  isKnownTimeZone,
  isValidTime,
  isWeekday,
} from '../calendar/sessions.js';

/** Hours per week a curriculum without starting points plans with, unless the learner says otherwise. */
export const DEFAULT_HOURS_PER_WEEK = 10;
/** The learner factor is kept within these bounds (beginners take up to twice the provider's figure). */
export const MIN_EFFORT_FACTOR = 0.8;
export const MAX_EFFORT_FACTOR = 2.0;
/**
 * Effective hours a week a plan needs at least: half an hour. Below it a plan runs for centuries
 * (0.01 h a week planned a developer to the year 2935), which is a typo, not a plan.
 */
export const MIN_HOURS_PER_WEEK = 0.5;
export const MAX_HOURS_PER_WEEK = 100;
/**
 * The longest id (a skill, resource, unit, project, rubric item, card, event) or item key
 * (`resource/unit`, `skill/question`) any way in accepts: far beyond every real id, and short
 * enough that a "did you mean" search over the curriculum stays instant.
 */
export const MAX_ID_LENGTH = 200;
/** The longest link (a project's repository, demo or write-up; an own resource's URL). */
export const MAX_LINK_LENGTH = 2000;
/** The longest title a learner gives (a project's, an own resource's, a kept posting's). */
export const MAX_TITLE_LENGTH = 500;
/**
 * The years a plan may start in. Far outside them a plan is a typing mistake, and its dates would run
 * past what a calendar date can hold (year 9999).
 */
export const FIRST_START_YEAR = 2000;
export const LAST_START_YEAR = 2100;
/**
 * The longest one range of weeks off may be, in days (a year and a day): a longer one is most
 * likely a mistyped year (2072 for 2027), which would silently push the finish decades out. A
 * longer break can be given as more than one range.
 */
export const MAX_WEEKS_OFF_DAYS = 366;

/** The days a break takes, its first and last included (checked against MAX_WEEKS_OFF_DAYS). */
export function daysOff(range: DateRange): number {
  return daysBetween(range.start, range.end) + 1;
}
/**
 * The word for full-time study (`--hours full-time`), and the effective hours a week it stands for:
 * a 40-hour week of which about 28 hours are effective study (the rest is breaks, review, planning
 * and being stuck). Hours a week are always effective hours; this is the article's "full time",
 * which the from-scratch starting point plans with (about 18 months to job-ready).
 */
export const FULL_TIME = 'full-time';
/** Whether hours a week as typed (a flag, a prompt's answer) are the word for full time, in any case. */
export const isFullTimeWord = (value: string): boolean => value.trim().toLowerCase() === FULL_TIME;
export const FULL_TIME_HOURS = 28;
/** The role planned for when the learner names none (if the curriculum has it). */
export const DEFAULT_ROLE = 'ml-engineer';
/** The starting point planned for when the learner names none (if the curriculum has it). */
export const DEFAULT_STARTING_POINT = 'from-scratch';

export const NO_CHOICES: ResourceChoices = { pin: [], exclude: [], swap: [], own: [] };

export type ProfileField =
  | 'startingPoint'
  | 'known'
  | 'hoursPerWeek'
  | 'weeksOff'
  | 'startDate'
  | 'style'
  | 'domain'
  | 'locale'
  | 'target'
  | 'route'
  | 'effortFactor'
  | 'region'
  | 'choices'
  | 'study'
  | 'targetDate';

/**
 * `study`: a study day, time, time zone or reminder that cannot be read (the message says which);
 * `session-length`: the weekly hours over the study days make sessions longer than MAX_SESSION_HOURS.
 */
/** What an unknown value was meant to be, for its message (`profile.noun.*` in the catalogue). */
type ProfileNoun =
  'startingPoint' | 'skill' | 'style' | 'domain' | 'locale' | 'target' | 'route' | 'region' | 'resource';

export type ProfileProblemKind =
  'unknown' | 'range' | 'date' | 'date-range' | 'long-range' | 'study' | 'session-length';

/** One thing wrong with a profile: which field, the bad value, and what would be valid. */
export interface ProfileProblem {
  readonly field: ProfileField;
  readonly kind: ProfileProblemKind;
  readonly value: string;
  /** Valid values (all of them for short lists; the closest ones for long lists). */
  readonly choices: readonly string[];
  /** Close matches for an unknown id ("did you mean"). */
  readonly suggestions: readonly string[];
  /** The problem as a catalogue message (the `errors` namespace), naming the field; each face words it. */
  readonly coded: Message;
}

/** A problem with its message: the catalogue's key and values. */
function problemOf(
  field: ProfileField,
  kind: ProfileProblemKind,
  value: string,
  key: string,
  params: MessageParams,
  choices: readonly string[] = [],
  suggestions: readonly string[] = [],
): ProfileProblem {
  const coded: Message = { key, params: { field, ...params } };
  return { field, kind, value, choices, suggestions, coded };
}

export interface ProfileOverrides {
  readonly known?: readonly string[] | undefined;
  readonly hoursPerWeek?: number | undefined;
  readonly weeksOff?: readonly DateRange[] | undefined;
  readonly startDate: string;
  readonly style?: LearningStyle | undefined;
  readonly domain?: string | undefined;
  readonly freeOnly?: boolean | undefined;
  readonly locale?: string | undefined;
  readonly target?: string | undefined;
  readonly route?: string | undefined;
  readonly effortFactor?: number | undefined;
  readonly choices?: ResourceChoices | undefined;
  readonly study?: StudyDays | undefined;
  readonly marketReady?: boolean | undefined;
  readonly region?: string | undefined;
  readonly targetDate?: string | undefined;
}

/** The starting point of a curriculum, or undefined when the curriculum has none (an import). */
export function startingPointOf(curriculum: Curriculum, id: string): StartingPoint | undefined {
  return curriculum.startingPoints.find((p) => p.id === id);
}

/**
 * A profile from a starting point's defaults and the learner's overrides. The start date is
 * required: the core reads no clock. Does not validate; call `validateProfile` (planFor does).
 */
export function profileFor(
  curriculum: Curriculum,
  startingPointId: string | undefined,
  overrides: ProfileOverrides,
): Profile {
  const id =
    startingPointId ??
    (startingPointOf(curriculum, DEFAULT_STARTING_POINT) ? DEFAULT_STARTING_POINT : curriculum.startingPoints[0]?.id) ??
    DEFAULT_STARTING_POINT;
  const point = startingPointOf(curriculum, id);
  return {
    startingPoint: id,
    known: [...(overrides.known ?? [])],
    hoursPerWeek: overrides.hoursPerWeek ?? point?.hoursPerWeek ?? DEFAULT_HOURS_PER_WEEK,
    weeksOff: [...(overrides.weeksOff ?? [])],
    startDate: overrides.startDate,
    style: overrides.style ?? point?.style ?? 'structured',
    domain: overrides.domain,
    freeOnly: overrides.freeOnly ?? false,
    locale: overrides.locale ?? curriculum.meta.locales[0] ?? 'en',
    target: overrides.target,
    route: overrides.route,
    effortFactor: overrides.effortFactor,
    choices: overrides.choices ?? NO_CHOICES,
    ...(overrides.study === undefined ? {} : { study: overrides.study }),
    ...(overrides.marketReady === true ? { marketReady: true } : {}),
    ...(overrides.region !== undefined ? { region: overrides.region } : {}),
    ...(overrides.targetDate !== undefined ? { targetDate: overrides.targetDate } : {}),
  };
}

/** Every problem in a profile against a curriculum (empty when valid). */
export function checkProfile(curriculum: Curriculum, profile: Profile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const skillIds = new Set<string>();
  for (const s of curriculum.skills) {
    skillIds.add(s.id);
    for (const a of s.aliases) skillIds.add(a);
  }
  const unknown = (
    field: ProfileField,
    value: string,
    candidates: readonly string[],
    noun: ProfileNoun,
    shownChoices?: readonly string[],
  ): void => {
    const suggestions = suggestIds(value, candidates);
    const shown = shownChoices ?? (candidates.length <= 12 ? candidates : []);
    const valid = candidates.length <= 12;
    const mean = suggestions.length > 0;
    const key = `profile.unknown${valid ? 'Valid' : ''}${mean ? 'Mean' : ''}`;
    const params: MessageParams = {
      noun: { key: `profile.noun.${noun}` },
      value,
      ...(valid ? { valid: candidates } : {}),
      ...(mean ? { mean: didYouMean(suggestions) ?? '' } : {}),
    };
    problems.push(problemOf(field, 'unknown', value, key, params, shown, suggestions));
  };

  if (curriculum.startingPoints.length > 0 && !startingPointOf(curriculum, profile.startingPoint)) {
    unknown(
      'startingPoint',
      profile.startingPoint,
      curriculum.startingPoints.map((p) => p.id),
      'startingPoint',
    );
  }
  for (const k of profile.known) {
    if (!skillIds.has(k)) unknown('known', k, [...skillIds], 'skill');
  }
  const hoursInRange =
    Number.isFinite(profile.hoursPerWeek) &&
    profile.hoursPerWeek >= MIN_HOURS_PER_WEEK &&
    profile.hoursPerWeek <= MAX_HOURS_PER_WEEK;
  if (!hoursInRange) {
    problems.push(
      problemOf('hoursPerWeek', 'range', String(profile.hoursPerWeek), 'profile.hoursRange', {
        value: String(profile.hoursPerWeek),
        min: MIN_HOURS_PER_WEEK,
        max: MAX_HOURS_PER_WEEK,
      }),
    );
  }
  if (!isValidIsoDate(profile.startDate)) {
    problems.push(
      problemOf('startDate', 'date', profile.startDate, 'profile.notDate', {
        value: profile.startDate,
        example: '2027-01-04',
      }),
    );
  } else {
    const year = Number(profile.startDate.slice(0, 4));
    if (year < FIRST_START_YEAR || year > LAST_START_YEAR) {
      problems.push(
        problemOf('startDate', 'range', profile.startDate, 'profile.startRange', {
          value: profile.startDate,
          first: FIRST_START_YEAR,
          last: LAST_START_YEAR,
        }),
      );
    }
  }
  if (profile.targetDate !== undefined) {
    const value = profile.targetDate;
    if (!isValidIsoDate(value)) {
      problems.push(problemOf('targetDate', 'date', value, 'profile.notDate', { value, example: '2027-09-01' }));
    } else if (value <= profile.startDate || Number(value.slice(0, 4)) > LAST_START_YEAR + 50) {
      problems.push(
        problemOf('targetDate', 'date-range', value, 'profile.targetBeforeStart', { value, start: profile.startDate }),
      );
    }
  }
  profile.weeksOff.forEach((r) => {
    const value = `${r.start}..${r.end}`;
    if (!isValidIsoDate(r.start) || !isValidIsoDate(r.end)) {
      problems.push(problemOf('weeksOff', 'date', value, 'profile.notRange', { value }));
    } else if (r.end < r.start) {
      problems.push(problemOf('weeksOff', 'date-range', value, 'profile.rangeBackwards', { value }));
    } else if (daysOff(r) > MAX_WEEKS_OFF_DAYS) {
      const days = daysOff(r);
      problems.push(
        problemOf('weeksOff', 'long-range', value, 'profile.rangeTooLong', { value, days, max: MAX_WEEKS_OFF_DAYS }),
      );
    }
  });
  if (!(LEARNING_STYLES as readonly string[]).includes(profile.style)) {
    unknown('style', profile.style, LEARNING_STYLES, 'style');
  }
  if (profile.domain !== undefined && !curriculum.domains.some((d) => d.id === profile.domain)) {
    unknown(
      'domain',
      profile.domain,
      curriculum.domains.map((d) => d.id),
      'domain',
    );
  }
  // The interface's languages are always open: an English-only curriculum under a Chinese
  // interface shows the interface in Chinese and the curriculum's text in English.
  const locales = [...new Set<string>([...INTERFACE_LOCALES, ...curriculum.meta.locales])];
  if (!locales.includes(profile.locale)) {
    unknown('locale', profile.locale, locales, 'locale');
  }
  if (
    profile.target !== undefined &&
    findRole(curriculum, profile.target) === undefined &&
    !skillIds.has(profile.target)
  ) {
    const roles = curriculum.roles.map((r) => r.id);
    unknown('target', profile.target, [...roles, ...skillIds], 'target', roles);
  }
  if (profile.route !== undefined && !curriculum.routes.some((r) => r.id === profile.route)) {
    unknown(
      'route',
      profile.route,
      curriculum.routes.map((r) => r.id),
      'route',
    );
  }
  if (
    profile.effortFactor !== undefined &&
    (!Number.isFinite(profile.effortFactor) ||
      profile.effortFactor < MIN_EFFORT_FACTOR ||
      profile.effortFactor > MAX_EFFORT_FACTOR)
  ) {
    problems.push(
      problemOf('effortFactor', 'range', String(profile.effortFactor), 'profile.factorRange', {
        value: String(profile.effortFactor),
        min: MIN_EFFORT_FACTOR,
        max: MAX_EFFORT_FACTOR,
      }),
    );
  }
  if (profile.region !== undefined && !(curriculum.regions ?? []).some((r) => r.id === profile.region)) {
    unknown(
      'region',
      profile.region,
      (curriculum.regions ?? []).map((r) => r.id),
      'region',
    );
  }
  if (profile.study !== undefined) {
    problems.push(...checkStudyDays(profile.study));
    const days = new Set(profile.study.days).size;
    // Sessions are measured only from hours in range: out of range, the hours' own problem is the
    // root, and a session length made of the same bad figure would only repeat it.
    if (hoursInRange && days > 0 && profile.hoursPerWeek / days > MAX_SESSION_HOURS) {
      const hours = Math.round((profile.hoursPerWeek / days) * 10) / 10;
      problems.push(
        problemOf('study', 'session-length', String(hours), 'profile.sessionTooLong', {
          hours: profile.hoursPerWeek,
          count: days,
          session: hours,
          max: MAX_SESSION_HOURS,
        }),
      );
    }
  }
  const resourceIds = curriculum.resources.map((r) => r.id);
  const ownIds = profile.choices.own.map((o) => o.id);
  const known = new Set([...resourceIds, ...ownIds]);
  const choiceIds = [
    ...profile.choices.pin,
    ...profile.choices.exclude,
    ...profile.choices.swap.flatMap((s) => [s.from, s.to]),
  ];
  for (const id of choiceIds) {
    if (!known.has(id)) unknown('choices', id, [...known], 'resource');
  }
  for (const own of profile.choices.own) {
    for (const s of own.teaches) if (!skillIds.has(s)) unknown('choices', s, [...skillIds], 'skill');
  }
  return problems;
}

/** Every problem with study days (empty when they can be used). */
export function checkStudyDays(study: StudyDays): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const problem = (value: string, key: string, params: MessageParams, choices: readonly string[] = []): void => {
    problems.push(problemOf('study', 'study', value, key, { value, ...params }, choices));
  };
  const days = WEEKDAYS.join(', ');
  if (study.days.length === 0) problem('', 'profile.study.noDays', { days }, WEEKDAYS);
  for (const day of study.days) {
    if (!isWeekday(day)) problem(day, 'profile.study.notDay', { days }, WEEKDAYS);
  }
  if (new Set(study.days).size !== study.days.length) problem(study.days.join(','), 'profile.study.twice', {});
  if (!isValidTime(study.time)) problem(study.time, 'profile.study.notTime', {});
  if (!isKnownTimeZone(study.timeZone)) problem(study.timeZone, 'profile.study.notZone', {});
  const reminder = study.reminderMinutes;
  if (reminder !== undefined && (!Number.isInteger(reminder) || reminder < 0 || reminder > MAX_REMINDER_MINUTES)) {
    problem(String(reminder), 'profile.study.reminder', { max: MAX_REMINDER_MINUTES });
  }
  return problems;
}

/**
 * Close matches for an unknown id: by edit distance on the whole id, else on its dash-separated
 * words ("pyton" finds python-basics and python-idiomatic).
 */
export function suggestIds(value: string, ids: readonly string[]): string[] {
  const whole = suggest(value, ids);
  if (whole.length > 0) return whole;
  const words = new Map<string, string[]>();
  for (const id of ids) {
    for (const w of id.split('-')) {
      if (w.length < 3) continue;
      const list = words.get(w) ?? [];
      list.push(id);
      words.set(w, list);
    }
  }
  const close = suggest(value, [...words.keys()], 2);
  return [...new Set(close.flatMap((w) => words.get(w) ?? []))].slice(0, 3);
}

/** Throw an MlpathError listing every problem of a profile; unknown ids are NOT_FOUND, the rest INVALID_INPUT. */
export function validateProfile(curriculum: Curriculum, profile: Profile): void {
  const problems = checkProfile(curriculum, profile);
  if (problems.length === 0) return;
  const first = problems[0];
  if (!first) return;
  throw new MlpathError({
    code: first.kind === 'unknown' ? 'NOT_FOUND' : 'INVALID_INPUT',
    key: first.coded.key,
    params: first.coded.params ?? {},
    problems: problems.slice(1).map((p) => codedProblem(p.coded.key, p.coded.params, { path: p.field })),
  });
}

/** The learner factor for a profile: the learner's own, else the starting point's, else 1. */
export function effortFactorFor(curriculum: Curriculum, profile: Profile): number {
  const own = profile.effortFactor ?? startingPointOf(curriculum, profile.startingPoint)?.effortFactor ?? 1;
  return Math.min(MAX_EFFORT_FACTOR, Math.max(MIN_EFFORT_FACTOR, own));
}

/** Resolve old skill ids (aliases) to the skills that replaced them. */
export function resolveSkillIds(curriculum: Curriculum, ids: Iterable<string>): string[] {
  const alias = new Map<string, string>();
  for (const s of curriculum.skills) for (const a of s.aliases) alias.set(a, s.id);
  return [...ids].map((id) => alias.get(id) ?? id);
}
