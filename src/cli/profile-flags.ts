/**
 * @module profile-flags
 * The learner-profile flags shared by `mlpath plan` and `mlpath init`: declaring them on a command,
 * and turning their values into a validated Profile. Every bad value becomes an MlpathError that
 * names the flag, the bad value and the valid choices (with a did-you-mean), in the learner's locale.
 */
import type { Command } from 'commander';
import { resolveSkillId } from '../core/skill-id.js';
import { MlpathError } from '../core/errors.js';
import type { ErrorCode, Problem } from '../core/errors.js';
import { isValidIsoDate, nextMonday } from '../core/dates.js';
import type { Curriculum, LearningStyle } from '../core/model.js';
import type { DateRange, Profile, ResourceChoices, StudyDays } from '../core/plan-model.js';
import { WEEKDAYS } from '../core/plan-model.js';
import {
  DEFAULT_STUDY_TIME,
  MAX_REMINDER_MINUTES,
  MAX_SESSION_HOURS,
  isKnownTimeZone,
  isValidTime,
  isWeekday,
} from '../core/calendar/sessions.js';
import { checkProfile, profileFor } from '../core/planner/profile.js';
import type { ProfileField, ProfileProblem } from '../core/planner/profile.js';
import { helpFor } from './help-messages.js';
import type { CliIo } from './io.js';
import { chooseLocale } from './locale.js';
import { isCliLocale, msg } from './messages.js';
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
    .option('--locale <locale>', h('flag.locale'));
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
  study: '--study-days',
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
  choices: 'noun.resource',
  study: 'noun.skill',
};

/** Today as the learner's calendar shows it (MLPATH_TODAY overrides it, for tests and demos). */
export function todayFrom(env: Readonly<Record<string, string | undefined>>): string {
  const forced = env['MLPATH_TODAY'];
  if (forced !== undefined && isValidIsoDate(forced)) return forced;
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

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
 * A profile from flags. `--start-point` plans from that point's defaults and ignores `base` (a
 * stored profile); without it, flags override `base` field by field. The start date defaults to
 * the next Monday from `today`.
 */
export function profileFromFlags(
  curriculum: Curriculum,
  flags: ProfileFlags,
  options: { today: string; base?: Profile | undefined; env?: Readonly<Record<string, string | undefined>> },
): Profile {
  // Messages follow the CLI's rule (--locale, MLPATH_LANG, the stored profile, the system); with an
  // environment given, the plan is written in that language too.
  const locale = chooseLocale({
    flag: isCliLocale(flags.locale) ? flags.locale : undefined,
    env: options.env ?? {},
    profile: options.base?.locale,
  });
  const base = flags.startPoint !== undefined ? undefined : options.base;

  let hours: number | undefined;
  if (flags.hours !== undefined) {
    hours = Number(flags.hours);
    if (flags.hours.trim() === '' || !Number.isFinite(hours)) {
      fail('INVALID_INPUT', msg(locale, 'flag.notNumber', { flag: '--hours', value: flags.hours }));
    }
  }
  let factor: number | undefined;
  if (flags.factor !== undefined) {
    factor = Number(flags.factor);
    if (flags.factor.trim() === '' || !Number.isFinite(factor)) {
      fail('INVALID_INPUT', msg(locale, 'flag.notNumber', { flag: '--factor', value: flags.factor }));
    }
  }
  if (flags.start !== undefined && !isValidIsoDate(flags.start)) {
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
  let choices: ResourceChoices | undefined = base?.choices;
  if (flags.pin !== undefined || flags.exclude !== undefined || flags.swap !== undefined) {
    const swap = (list(flags.swap) ?? []).map((pair) => {
      const [from, to, extra] = pair.split('=');
      if (!from || !to || extra !== undefined)
        fail('INVALID_INPUT', msg(locale, 'flag.notSwap', { flag: '--swap', value: pair }));
      return { from, to };
    });
    choices = {
      pin: list(flags.pin) ?? base?.choices.pin ?? [],
      exclude: list(flags.exclude) ?? base?.choices.exclude ?? [],
      swap: flags.swap !== undefined ? swap : (base?.choices.swap ?? []),
      own: base?.choices.own ?? [],
    };
  }

  const study = studyFromFlags(flags, base?.study, locale);

  // Skill ids may be typed in another spelling (Metacademy's `linear_regression`): resolve them here.
  const skillIds = new Set(curriculum.skills.map((skill) => skill.id));
  const roleIds = new Set(curriculum.roles.flatMap((role) => [role.id, ...role.aliases]));
  const spelled = (id: string): string => (roleIds.has(id) ? id : (resolveSkillId(id, skillIds) ?? id));
  const profile = profileFor(curriculum, flags.startPoint ?? base?.startingPoint, {
    startDate: flags.start ?? base?.startDate ?? nextMonday(options.today),
    known: list(flags.known)?.map(spelled) ?? base?.known,
    hoursPerWeek: hours ?? base?.hoursPerWeek,
    weeksOff: weeksOff ?? base?.weeksOff,
    style: (flags.style as LearningStyle | undefined) ?? base?.style,
    domain: flags.domain ?? base?.domain,
    freeOnly: flags.freeOnly === true ? true : base?.freeOnly,
    locale: flags.locale ?? (options.env ? locale : base?.locale),
    target: flags.target !== undefined ? spelled(flags.target) : base?.target,
    route: flags.route ?? base?.route,
    effortFactor: factor ?? base?.effortFactor,
    choices,
    study,
  });

  const problems = checkProfile(curriculum, profile);
  if (problems.length === 0) return profile;
  const messages = problems.map((p) => describeProblem(p, flags, locale));
  const first = problems[0];
  fail(
    first?.kind === 'unknown' ? 'NOT_FOUND' : 'INVALID_INPUT',
    messages[0] ?? 'invalid flags',
    messages.slice(1).map((message) => ({ message })),
  );
}

/** The time zone this computer is set to (the default for study days). */
function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Study days from `--study-days`, `--study-time`, `--time-zone` and `--reminder` over the stored
 * ones; `--study-days none` removes them. Each bad value is an INVALID_INPUT naming its flag.
 */
function studyFromFlags(flags: ProfileFlags, base: StudyDays | undefined, locale: string): StudyDays | undefined {
  const given =
    flags.studyDays !== undefined ||
    flags.studyTime !== undefined ||
    flags.timeZone !== undefined ||
    flags.reminder !== undefined;
  if (!given) return base;
  if (flags.studyDays?.trim().toLowerCase() === 'none') return undefined;
  let days: StudyDays['days'] | undefined = base?.days;
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
  if (days === undefined) {
    const flag =
      flags.studyTime !== undefined ? '--study-time' : flags.timeZone !== undefined ? '--time-zone' : '--reminder';
    fail('INVALID_INPUT', msg(locale, 'flag.studyNeedsDays', { flag }));
  }
  if (flags.studyTime !== undefined && !isValidTime(flags.studyTime))
    fail('INVALID_INPUT', msg(locale, 'flag.badTime', { flag: '--study-time', value: flags.studyTime }));
  if (flags.timeZone !== undefined && !isKnownTimeZone(flags.timeZone))
    fail('INVALID_INPUT', msg(locale, 'flag.badTimeZone', { flag: '--time-zone', value: flags.timeZone }));
  let reminderMinutes = base?.reminderMinutes;
  if (flags.reminder !== undefined) {
    const value = Number(flags.reminder);
    if (flags.reminder.trim() === '' || !Number.isInteger(value) || value < 0 || value > MAX_REMINDER_MINUTES)
      fail('INVALID_INPUT', msg(locale, 'flag.badReminder', { flag: '--reminder', value: flags.reminder }));
    reminderMinutes = value;
  }
  return {
    days,
    time: flags.studyTime ?? base?.time ?? DEFAULT_STUDY_TIME,
    timeZone: flags.timeZone ?? base?.timeZone ?? systemTimeZone(),
    reminderMinutes,
  };
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
    case 'unknown': {
      const zh = locale === 'zh-CN';
      const parts = [
        msg(locale, 'flag.unknown', { flag, noun: msg(locale, NOUN[problem.field]), value: problem.value }) +
          (zh ? '。' : '.'),
      ];
      if (problem.suggestions.length > 0) {
        parts.push(msg(locale, 'flag.didYouMean', { choices: problem.suggestions.join(', ') }));
      }
      if (problem.choices.length > 0) {
        const key = problem.field === 'target' ? 'flag.validTarget' : 'flag.valid';
        parts.push(msg(locale, key, { choices: problem.choices.join(', ') }));
      } else if (problem.field === 'known' || problem.field === 'target') parts.push(msg(locale, 'flag.skillsHint'));
      const text = parts.join(zh ? '' : ' ');
      return text;
    }
    case 'range':
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
      return msg(locale, 'flag.rangeBackwards', { flag, value: problem.value });
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
