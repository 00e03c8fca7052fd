/**
 * @module profile-flags
 * The learner-profile flags shared by `mlpath plan` and `mlpath init`: declaring them on a command,
 * parsing their text into a profile request, and naming the flag behind each problem the learner
 * layer finds (the bad value and the valid choices, with a did-you-mean) in the learner's locale.
 * The rules themselves are the learner layer's (`learner/profile.ts`).
 */
import type { Command } from 'commander';
import { MlpathError } from '../core/errors.js';
import type { ErrorCode, Problem } from '../core/errors.js';
import { isValidIsoDate } from '../core/dates.js';
import type { Curriculum, Locale } from '../core/model.js';
import type { DateRange, Profile } from '../core/plan-model.js';
import {
  FIRST_START_YEAR,
  FULL_TIME,
  isFullTimeWord,
  LAST_START_YEAR,
  MAX_WEEKS_OFF_DAYS,
} from '../core/planner/profile.js';
import { WEEKDAYS } from '../core/plan-model.js';
import {
  MAX_REMINDER_MINUTES,
  MAX_SESSION_HOURS,
  isKnownTimeZone,
  isValidTime,
  isWeekday,
} from '../core/calendar/sessions.js';
import type { ProfileField, ProfileProblem } from '../core/planner/profile.js';
import { isLearnerError } from '../learner/errors.js';
import type { LearnerError } from '../learner/errors.js';
import { profileFromInput } from '../learner/profile.js';
import type { BaseUse, ProfileRequest } from '../learner/profile.js';
import { helpFor } from './help-messages.js';
import type { CliIo } from './io.js';
import { chooseLocale } from './locale.js';
import { parseDecimal } from '../core/decimal.js';
import { isCliLocale, msg, unknownChoiceText } from './messages.js';
import type { MessageKey } from './messages.js';

/** The raw values commander collects for the profile flags. */
export interface ProfileFlags {
  startPoint?: string;
  hours?: string;
  style?: string;
  domain?: string;
  start?: string;
  known?: string;
  freeOnly?: boolean;
  target?: string;
  marketReady?: boolean;
  region?: string;
  route?: string;
  weeksOff?: string;
  locale?: string;
  factor?: string;
  pin?: string;
  exclude?: string;
  swap?: string;
  studyDays?: string;
  studyTime?: string;
  timeZone?: string;
  reminder?: string;
  targetDate?: string;
}

/** Declare the profile flags on a command. */
export function addProfileOptions(command: Command, io: Pick<CliIo, 'env'>): Command {
  const h = helpFor(io.env);
  return command
    .option('--start-point <id>', h('flag.startPoint'))
    .option('--hours <n>', h('flag.hours'))
    .option('--style <style>', h('flag.style'))
    .option('--domain <id>', h('flag.domain'))
    .option('--start <date>', h('flag.start'))
    .option('--known <ids>', h('flag.known'))
    .option('--free-only', h('flag.freeOnly'))
    .option('--target <id>', h('flag.target'))
    .option('--market-ready', h('flag.marketReady'))
    .option('--route <id>', h('flag.route'))
    .option('--weeks-off <ranges>', h('flag.weeksOff'))
    .option('--factor <n>', h('flag.factor'))
    .option('--pin <ids>', h('flag.pin'))
    .option('--exclude <ids>', h('flag.exclude'))
    .option('--swap <pairs>', h('flag.swap'))
    .option('--study-days <days>', h('flag.studyDays'))
    .option('--study-time <time>', h('flag.studyTime'))
    .option('--time-zone <zone>', h('flag.timeZone'))
    .option('--reminder <minutes>', h('flag.reminder'))
    .option('--locale <locale>', h('flag.locale'))
    .option('--region <id>', h('flag.region'))
    .option('--target-date <date>', h('flag.targetDate'));
}

/** The flag that sets each profile field. */
export const FLAG_OF: Record<Exclude<ProfileField, 'choices'>, string> = {
  startingPoint: '--start-point',
  known: '--known',
  hoursPerWeek: '--hours',
  weeksOff: '--weeks-off',
  startDate: '--start',
  style: '--style',
  domain: '--domain',
  locale: '--locale',
  target: '--target',
  route: '--route',
  effortFactor: '--factor',
  region: '--region',
  study: '--study-days',
  targetDate: '--target-date',
};

const NOUN: Record<ProfileField, MessageKey> = {
  startingPoint: 'noun.startingPoint',
  known: 'noun.skill',
  hoursPerWeek: 'noun.skill',
  weeksOff: 'noun.skill',
  startDate: 'noun.skill',
  style: 'noun.style',
  domain: 'noun.domain',
  locale: 'noun.locale',
  target: 'noun.target',
  route: 'noun.route',
  effortFactor: 'noun.skill',
  region: 'noun.region',
  choices: 'noun.resource',
  study: 'noun.skill',
  targetDate: 'noun.targetDate',
};

const list = (value: string | undefined): string[] | undefined =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

function fail(code: ErrorCode, message: string, problems: Problem[] = []): never {
  throw new MlpathError({ code, message, problems });
}

/**
 * The flags' values as a profile request: numbers, lists, ranges and swaps parsed from their
 * text (the CLI's own syntax). What the values may be is the learner layer's rule.
 */
export function requestFromFlags(flags: ProfileFlags, locale: Locale): ProfileRequest {
  const number = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = parseDecimal(value);
    if (n === undefined) fail('INVALID_INPUT', msg(locale, 'flag.notNumber', { flag, value }));
    return n;
  };
  if (flags.start !== undefined && !isValidIsoDate(flags.start.trim())) {
    fail('INVALID_INPUT', msg(locale, 'flag.notDate', { flag: '--start', value: flags.start }));
  }
  let weeksOff: DateRange[] | undefined;
  if (flags.weeksOff !== undefined) {
    weeksOff = (list(flags.weeksOff) ?? []).map((range) => {
      const [start, end, extra] = range.split('..');
      if (
        start === undefined ||
        end === undefined ||
        extra !== undefined ||
        !isValidIsoDate(start) ||
        !isValidIsoDate(end)
      ) {
        fail('INVALID_INPUT', msg(locale, 'flag.notRange', { flag: '--weeks-off', value: range }));
      }
      return { start, end };
    });
  }
  const swap =
    flags.swap === undefined
      ? undefined
      : (list(flags.swap) ?? []).map((pair) => {
          const [from, to, extra] = pair.split('=');
          if (!from || !to || extra !== undefined)
            fail('INVALID_INPUT', msg(locale, 'flag.notSwap', { flag: '--swap', value: pair }));
          return { from, to };
        });
  const choices =
    flags.pin !== undefined || flags.exclude !== undefined || flags.swap !== undefined
      ? { pin: list(flags.pin), exclude: list(flags.exclude), swap }
      : undefined;
  return {
    startingPoint: flags.startPoint,
    hoursPerWeek: flags.hours !== undefined && isFullTimeWord(flags.hours) ? FULL_TIME : number('--hours', flags.hours),
    effortFactor: number('--factor', flags.factor),
    startDate: flags.start,
    weeksOff,
    known: list(flags.known),
    style: flags.style,
    domain: flags.domain,
    freeOnly: flags.freeOnly === true ? true : undefined,
    locale: flags.locale,
    target: flags.target,
    route: flags.route,
    choices,
    study: studyFromFlags(flags, locale),
    marketReady: flags.marketReady === true ? true : undefined,
    region: flags.region,
    targetDate: flags.targetDate,
  };
}

/**
 * Study days from `--study-days` (`none` removes them), `--study-time`, `--time-zone` and
 * `--reminder`; what is not given comes from the stored ones (the learner layer's rule). Each value
 * that cannot be read is an INVALID_INPUT naming its flag.
 */
function studyFromFlags(flags: ProfileFlags, locale: Locale): ProfileRequest['study'] {
  if (
    flags.studyDays === undefined &&
    flags.studyTime === undefined &&
    flags.timeZone === undefined &&
    flags.reminder === undefined
  )
    return undefined;
  if (flags.studyDays?.trim().toLowerCase() === 'none') return null;
  let days: string[] | undefined;
  if (flags.studyDays !== undefined) {
    const named = (list(flags.studyDays.toLowerCase()) ?? []).map((day) => {
      if (!isWeekday(day)) fail('INVALID_INPUT', msg(locale, 'flag.badStudyDay', { flag: '--study-days', value: day }));
      return day;
    });
    if (named.length === 0)
      fail('INVALID_INPUT', msg(locale, 'flag.badStudyDay', { flag: '--study-days', value: flags.studyDays }));
    if (new Set(named).size !== named.length)
      fail('INVALID_INPUT', msg(locale, 'flag.studyDayTwice', { flag: '--study-days', value: flags.studyDays }));
    days = WEEKDAYS.filter((day) => named.includes(day));
  }
  if (flags.studyTime !== undefined && !isValidTime(flags.studyTime.trim()))
    fail('INVALID_INPUT', msg(locale, 'flag.badTime', { flag: '--study-time', value: flags.studyTime }));
  if (flags.timeZone !== undefined && !isKnownTimeZone(flags.timeZone.trim()))
    fail('INVALID_INPUT', msg(locale, 'flag.badTimeZone', { flag: '--time-zone', value: flags.timeZone }));
  let reminderMinutes: number | undefined;
  if (flags.reminder !== undefined) {
    reminderMinutes = parseDecimal(flags.reminder);
    if (
      reminderMinutes === undefined ||
      !Number.isInteger(reminderMinutes) ||
      reminderMinutes < 0 ||
      reminderMinutes > MAX_REMINDER_MINUTES
    )
      fail('INVALID_INPUT', msg(locale, 'flag.badReminder', { flag: '--reminder', value: flags.reminder }));
  }
  return { days, time: flags.studyTime?.trim(), timeZone: flags.timeZone?.trim(), reminderMinutes };
}

/** The time zone this computer is set to (the default for new study days). */
function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * A profile from flags, by the learner layer's rules (`learner/profile.ts`: start date, spellings,
 * trimming, bounds, suggestions). Flags override `base` (a stored profile) field by field, except
 * that with `use: 'replace'` (the default) `--start-point` plans from that point's defaults and
 * ignores `base` (see `BaseUse`). A refusal names the flags, in the learner's language.
 */
export function profileFromFlags(
  curriculum: Curriculum,
  flags: ProfileFlags,
  options: {
    today: string;
    base?: Profile | undefined;
    use?: BaseUse;
    env?: Readonly<Record<string, string | undefined>>;
  },
): Profile {
  // Messages follow the CLI's rule (--locale, MLPATH_LANG, the stored profile, the system); with an
  // environment given, the plan is written in that language too.
  const locale = chooseLocale({
    flag: isCliLocale(flags.locale) ? flags.locale : undefined,
    env: options.env ?? {},
    profile: options.base?.locale,
  });
  const parsed = requestFromFlags(flags, locale);
  const use = options.use ?? 'replace';
  const storedStudy = flags.startPoint === undefined || use === 'keep-settings' ? options.base?.study : undefined;
  if (parsed.study && parsed.study.days === undefined && !storedStudy) {
    const flag =
      flags.studyTime !== undefined ? '--study-time' : flags.timeZone !== undefined ? '--time-zone' : '--reminder';
    fail('INVALID_INPUT', msg(locale, 'flag.studyNeedsDays', { flag }));
  }
  // New study days are in this computer's time zone unless --time-zone says otherwise.
  const request =
    parsed.study && parsed.study.timeZone === undefined && !storedStudy
      ? { ...parsed, study: { ...parsed.study, timeZone: systemTimeZone() } }
      : parsed;
  const ctx = { curriculum, clock: () => new Date(`${options.today}T12:00:00`) };
  // With an environment, the plan speaks the CLI's language; without one, the stored profile's.
  const withLocale = request.locale === undefined && options.env ? { ...request, locale } : request;
  try {
    return profileFromInput(ctx, withLocale, options.base, use);
  } catch (error) {
    throw isLearnerError(error) && error.reason === 'profile' ? flagError(error, flags, locale) : error;
  }
}

/** A refused profile, each problem named by its flag in the learner's language. */
function flagError(error: LearnerError, flags: ProfileFlags, locale: string): MlpathError {
  const problems = (error.details['problems'] ?? []) as ProfileProblem[];
  const messages = problems.map((p) => describeProblem(p, flags, locale));
  return new MlpathError({
    code: 'INVALID_INPUT',
    message: messages[0] ?? error.message,
    problems: messages.slice(1).map((message) => ({ message })),
  });
}

/** The flag a problem comes from, for resource choices the one holding the bad id. */
function flagFor(problem: ProfileProblem, flags: ProfileFlags): string {
  if (problem.field === 'study') {
    if (problem.value === flags.studyTime) return '--study-time';
    if (problem.value === flags.timeZone) return '--time-zone';
    if (problem.value === flags.reminder) return '--reminder';
    return '--study-days';
  }
  if (problem.field !== 'choices') return FLAG_OF[problem.field];
  if ((list(flags.pin) ?? []).includes(problem.value)) return '--pin';
  if ((list(flags.exclude) ?? []).includes(problem.value)) return '--exclude';
  return '--swap';
}

export function describeProblem(problem: ProfileProblem, flags: ProfileFlags, locale: string): string {
  const flag = flagFor(problem, flags);
  switch (problem.kind) {
    case 'unknown':
      return unknownChoiceText(locale, {
        flag,
        noun: NOUN[problem.field],
        value: problem.value,
        suggestions: problem.suggestions,
        choices: problem.choices,
        valid: problem.field === 'target' ? 'flag.validTarget' : 'flag.valid',
        hint: problem.field === 'known' || problem.field === 'target' ? 'flag.skillsHint' : undefined,
      });
    case 'range':
      if (problem.field === 'startDate')
        return msg(locale, 'flag.dateRange', {
          flag,
          value: problem.value,
          first: FIRST_START_YEAR,
          last: LAST_START_YEAR,
        });
      return msg(locale, problem.field === 'effortFactor' ? 'flag.factorRange' : 'flag.hoursRange', {
        flag,
        value: problem.value,
      });
    case 'date':
      return msg(locale, problem.field === 'weeksOff' ? 'flag.notRange' : 'flag.notDate', {
        flag,
        value: problem.value,
      });
    case 'date-range':
      return msg(locale, problem.field === 'targetDate' ? 'flag.targetBeforeStart' : 'flag.rangeBackwards', {
        flag,
        value: problem.value,
      });
    case 'long-range':
      return msg(locale, 'flag.rangeTooLong', { flag, value: problem.value, max: MAX_WEEKS_OFF_DAYS });
    case 'session-length':
      return msg(locale, 'flag.sessionTooLong', { flag: '--study-days', hours: problem.value, max: MAX_SESSION_HOURS });
    case 'study': {
      // Flags are checked as they are read; these come from stored study days a flag did not replace.
      const key =
        flag === '--study-time'
          ? 'flag.badTime'
          : flag === '--time-zone'
            ? 'flag.badTimeZone'
            : flag === '--reminder'
              ? 'flag.badReminder'
              : 'flag.badStudyDay';
      return msg(locale, key, { flag, value: problem.value });
    }
  }
}

/**
 * The stored settings a profile set up again kept because no flag gave them, each as the flag that
 * would change it with the value kept (`--time-zone Europe/Berlin`), so the learner sees what
 * carried over and can type it differently.
 */
export function keptFlags(flags: ProfileFlags, stored: Profile, profile: Profile): string[] {
  const kept: string[] = [];
  const keep = (given: unknown, same: boolean, flag: string, value?: string): void => {
    if (given === undefined && same) kept.push(value === undefined ? flag : `${flag} ${value}`);
  };
  const csv = (values: readonly string[]): string => values.join(',');
  keep(flags.hours, profile.hoursPerWeek === stored.hoursPerWeek, '--hours', String(stored.hoursPerWeek));
  keep(flags.style, profile.style === stored.style, '--style', stored.style);
  if (stored.domain !== undefined) keep(flags.domain, profile.domain === stored.domain, '--domain', stored.domain);
  if (stored.freeOnly) keep(flags.freeOnly, profile.freeOnly, '--free-only');
  if (stored.known.length > 0)
    keep(flags.known, csv(profile.known) === csv(stored.known), '--known', csv(stored.known));
  if (stored.weeksOff.length > 0) {
    const ranges = (p: Profile): string => csv(p.weeksOff.map((r) => `${r.start}..${r.end}`));
    keep(flags.weeksOff, ranges(profile) === ranges(stored), '--weeks-off', ranges(stored));
  }
  if (stored.target !== undefined) keep(flags.target, profile.target === stored.target, '--target', stored.target);
  if (stored.route !== undefined) keep(flags.route, profile.route === stored.route, '--route', stored.route);
  if (stored.effortFactor !== undefined)
    keep(flags.factor, profile.effortFactor === stored.effortFactor, '--factor', String(stored.effortFactor));
  if (stored.marketReady === true) keep(flags.marketReady, profile.marketReady === true, '--market-ready');
  if (stored.region !== undefined) keep(flags.region, profile.region === stored.region, '--region', stored.region);
  if (stored.targetDate !== undefined)
    keep(flags.targetDate, profile.targetDate === stored.targetDate, '--target-date', stored.targetDate);
  const { pin, exclude, swap } = stored.choices;
  if (pin.length > 0) keep(flags.pin, csv(profile.choices.pin) === csv(pin), '--pin', csv(pin));
  if (exclude.length > 0) keep(flags.exclude, csv(profile.choices.exclude) === csv(exclude), '--exclude', csv(exclude));
  if (swap.length > 0) {
    const pairs = (p: Profile): string => csv(p.choices.swap.map((s) => `${s.from}=${s.to}`));
    keep(flags.swap, pairs(profile) === pairs(stored), '--swap', pairs(stored));
  }
  const study = stored.study;
  const now = profile.study;
  if (study && now) {
    keep(flags.studyDays, csv(now.days) === csv(study.days), '--study-days', csv(study.days));
    keep(flags.studyTime, now.time === study.time, '--study-time', study.time);
    keep(flags.timeZone, now.timeZone === study.timeZone, '--time-zone', study.timeZone);
    if (study.reminderMinutes !== undefined)
      keep(flags.reminder, now.reminderMinutes === study.reminderMinutes, '--reminder', String(study.reminderMinutes));
  }
  return kept;
}
