/**
 * @module learner/profile
 * A learner profile from what a face received (flags, questions, a JSON body), saving it, and the
 * plan it gives. One rule each, whichever face asks:
 * - **start date**: the one given, else the stored profile's, else the Monday on or after today
 *   (plan weeks are calendar weeks);
 * - **trimming**: every id is trimmed (`" python-basics "` is `python-basics`);
 * - **spellings and aliases**: an id in another spelling (`python_basics`, `Python Basics`) resolves
 *   to the id it spells; old skill ids stay valid (the fold follows `aliases`);
 * - **bounds**: the core's (`checkProfile`): at least 0.5 and at most 100 hours a week, a learner
 *   factor from 0.8 to 2;
 * - **hours**: effective study hours a week; `full-time` stands for FULL_TIME_HOURS (28 of a 40-hour week);
 * - **suggestions**: an unknown id gets the core's "did you mean" list (`suggestIds`);
 * - **region**: a curriculum region id, case-insensitive; `none` (or empty) clears it; a learner whose
 *   locale a region lists in `suggestFor` is offered it (`regionToConfirm`), never given it silently.
 * A bad profile is refused before anything is stored (LearnerError, reason `profile`, with
 * `details.problems` the core's ProfileProblem list so a face can name its own fields).
 */
import { explanationText } from '../i18n/planner.js';
import { randomUUID } from 'node:crypto';
import { Profile as ProfileJson } from '../contract/profile.js';
import { codedProblem } from '../core/errors.js';
import type { Message, Problem } from '../core/errors.js';
import type { Curriculum, LearningStyle, Text } from '../core/model.js';
import type { DateRange, Forecast, Plan, Profile, StudyDays, Weekday } from '../core/plan-model.js';
import { DEFAULT_STUDY_TIME } from '../core/calendar/sessions.js';
import { checkProfile, chooseRoute, forecastFrom, planFor, profileFor, reasonsFor } from '../core/planner/index.js';
import { FULL_TIME, FULL_TIME_HOURS } from '../core/planner/profile.js';
import type { ProfileProblem } from '../core/planner/index.js';
import { foldProgress } from '../core/progress.js';
import { suggestedRegion } from '../core/regions.js';
import { normalizeSkillId } from '../core/skill-id.js';
import { today } from './context.js';
import { reviewMinutesOf } from './review.js';
import type { LearnerContext } from './context.js';
import { issueProblems } from '../i18n/issues.js';
import type { IssueLike } from '../i18n/issues.js';
import { LearnerError, needsProfile } from './errors.js';

/** What a face received; every field optional (the starting point's defaults fill the rest). */
export interface ProfileRequest {
  readonly startingPoint?: string | undefined;
  readonly known?: readonly string[] | undefined;
  /** Effective study hours a week, or `full-time` (FULL_TIME_HOURS). */
  readonly hoursPerWeek?: number | typeof FULL_TIME | undefined;
  readonly weeksOff?: readonly DateRange[] | undefined;
  readonly startDate?: string | undefined;
  readonly style?: string | undefined;
  /** A curriculum domain id; `""` or `none` clears it. */
  readonly domain?: string | undefined;
  readonly freeOnly?: boolean | undefined;
  readonly locale?: string | undefined;
  readonly target?: string | undefined;
  readonly route?: string | undefined;
  readonly effortFactor?: number | undefined;
  /** Plan for everything the role's job postings ask (`Profile.marketReady`). */
  readonly marketReady?: boolean | undefined;
  /** Where the learner studies from, a curriculum region id (`cn`); `""` or `none` clears it. */
  readonly region?: string | undefined;
  /** The date to finish by, `YYYY-MM-DD`; `""`, `none` or `null` clears it. */
  readonly targetDate?: string | null | undefined;
  readonly choices?:
    | {
        readonly pin?: readonly string[] | undefined;
        readonly exclude?: readonly string[] | undefined;
        readonly swap?: readonly { readonly from: string; readonly to: string }[] | undefined;
        readonly own?:
          | readonly {
              readonly id: string;
              readonly title: string;
              readonly url?: string | undefined;
              readonly hours: number;
              readonly teaches: readonly string[];
            }[]
          | undefined;
      }
    | undefined;
  /**
   * Study days: fields given replace the stored ones', the rest are kept (a new set starts at
   * DEFAULT_STUDY_TIME, in UTC unless a time zone is given); `null` removes them.
   */
  readonly study?:
    | {
        readonly days?: readonly string[] | undefined;
        readonly time?: string | undefined;
        readonly timeZone?: string | undefined;
        readonly reminderMinutes?: number | undefined;
      }
    | null
    | undefined;
}

/** The id meant: trimmed; then as given when known, else its normalised spelling when that is known. */
function spell(value: string | undefined, known: ReadonlySet<string>): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (known.has(trimmed)) return trimmed;
  const normalized = normalizeSkillId(trimmed);
  return known.has(normalized) ? normalized : trimmed;
}

function idSets(curriculum: Curriculum) {
  const skills = new Set<string>();
  for (const s of curriculum.skills) {
    skills.add(s.id);
    for (const a of s.aliases) skills.add(a);
  }
  return {
    skills,
    targets: new Set([...curriculum.roles.flatMap((r) => [r.id, ...r.aliases]), ...skills]),
    points: new Set(curriculum.startingPoints.map((p) => p.id)),
    domains: new Set(curriculum.domains.map((d) => d.id)),
    routes: new Set(curriculum.routes.map((r) => r.id)),
    resources: new Set(curriculum.resources.map((r) => r.id)),
  };
}

/**
 * A profile problem as a coded message naming its field: by `path`, the place of the bad value in
 * what the face received (`known[2]`, `profile.hoursPerWeek`), where the reader wrote that path (the
 * command line, a backup), and in words on the web (`the target date`), whose learner never saw it.
 */
export function profileProblemMessage(problem: ProfileProblem, path: string): Message {
  const field: Message = { key: `profile.field.${problem.field}`, params: { path } };
  return { ...problem.coded, params: { ...problem.coded.params, field } };
}

/** A profile's problems as coded problems, their paths under `prefix` (`profile.` in a backup). */
export function profileProblems(problems: readonly ProfileProblem[], profile: Profile, prefix = ''): Problem[] {
  return problems.map((p) => {
    const path = `${prefix}${pathOf(p, profile)}`;
    const coded = profileProblemMessage(p, path);
    return codedProblem(coded.key, coded.params, { path });
  });
}

/** The region meant: trimmed and lower-cased; `""` or `none` clears it; absent keeps the stored one. */
function regionFrom(value: string | undefined, stored: string | undefined): string | undefined {
  if (value === undefined) return stored;
  const v = value.trim().toLowerCase();
  return v === '' || v === NO_REGION ? undefined : v;
}

/** The target date meant: trimmed; `""`, `none` or null clears it; absent keeps the stored one. */
function targetDateFrom(value: string | null | undefined, stored: string | undefined): string | undefined {
  if (value === undefined) return stored;
  const v = value?.trim() ?? '';
  return v === '' || v.toLowerCase() === NO_REGION ? undefined : v;
}

/** The word that clears a stored region (`--region none`) or domain (`--domain none`). */
export const NO_REGION = 'none';

/** Whether a value asks to clear its stored field (`""` or `none`). */
function clears(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  return v === '' || v === NO_REGION;
}

/**
 * The region a face should offer to confirm: the curriculum's region for the profile's locale
 * (`cn` for zh-CN) while the learner has chosen none. Never applied without the learner's word.
 */
export function regionToConfirm(curriculum: Curriculum, profile: Profile): string | undefined {
  return suggestedRegion(curriculum, profile.locale, profile.region)?.id;
}

/** The JSON path of a problem's value in a request (`known[2]`, `hoursPerWeek`). */
function pathOf(problem: ProfileProblem, profile: Profile): string {
  if (problem.field === 'known') {
    const i = profile.known.indexOf(problem.value);
    return i >= 0 ? `known[${i}]` : 'known';
  }
  if (problem.field === 'study' && problem.kind === 'study' && profile.study) {
    const { study } = profile;
    if (problem.value === study.time) return 'study.time';
    if (problem.value === study.timeZone) return 'study.timeZone';
    if (problem.value === String(study.reminderMinutes)) return 'study.reminderMinutes';
    const i = study.days.indexOf(problem.value as Weekday);
    return i >= 0 ? `study.days[${i}]` : 'study.days';
  }
  return problem.field;
}

/**
 * How a stored profile fills what a request leaves out. `replace` (a plan from another starting
 * point): without `startingPoint` the stored profile fills every field, with it the starting
 * point's defaults do. `keep-settings` (setting the profile up again, `mlpath init --force`): the
 * learner's settings (hours, study days, weeks off, region, style…) are kept whatever the starting
 * point; the skills known go with the starting point (kept only while it stays the same) and the
 * start date with the new plan (today unless given).
 */
export type BaseUse = 'replace' | 'keep-settings';

/**
 * The profile a request describes, over `base` (the stored profile) as `use` says.
 * @throws LearnerError INVALID_INPUT (reason `profile`) listing every problem.
 */
export function profileFromInput(
  ctx: Pick<LearnerContext, 'curriculum' | 'clock'>,
  input: ProfileRequest,
  base?: Profile | undefined,
  use: BaseUse = 'replace',
): Profile {
  const { curriculum } = ctx;
  const ids = idSets(curriculum);
  const keep = use === 'keep-settings';
  const from = input.startingPoint !== undefined && !keep ? undefined : base;
  const point = spell(input.startingPoint, ids.points) ?? from?.startingPoint;
  const knownFrom = keep && point !== base?.startingPoint ? undefined : from?.known;
  const startFrom = keep ? undefined : from?.startDate;
  const trimmed = (v: string | undefined): string | undefined => v?.trim();
  const resource = (v: string): string => spell(v, ids.resources) ?? v;
  let choices = from?.choices;
  if (input.choices !== undefined) {
    choices = {
      pin: (input.choices.pin ?? from?.choices.pin ?? []).map(resource),
      exclude: (input.choices.exclude ?? from?.choices.exclude ?? []).map(resource),
      swap: (input.choices.swap ?? from?.choices.swap ?? []).map((s) => ({
        from: resource(s.from),
        to: resource(s.to),
      })),
      own: (input.choices.own ?? from?.choices.own ?? []).map((o) => ({
        id: o.id.trim(),
        title: o.title,
        url: o.url,
        hours: o.hours,
        teaches: o.teaches.map((t) => spell(t, ids.skills) ?? t),
      })),
    };
  }
  const known = input.known?.map((k) => spell(k, ids.skills) ?? k).filter((k) => k !== '');
  const profile = profileFor(curriculum, point, {
    startDate: trimmed(input.startDate) ?? startFrom ?? today(ctx),
    known: known ? [...new Set(known)] : knownFrom,
    hoursPerWeek: (input.hoursPerWeek === FULL_TIME ? FULL_TIME_HOURS : input.hoursPerWeek) ?? from?.hoursPerWeek,
    weeksOff: input.weeksOff ?? from?.weeksOff,
    style: (trimmed(input.style) as LearningStyle | undefined) ?? from?.style,
    domain: clears(input.domain) ? undefined : (spell(input.domain, ids.domains) ?? from?.domain),
    freeOnly: input.freeOnly ?? from?.freeOnly,
    locale: trimmed(input.locale) ?? from?.locale,
    target: spell(input.target, ids.targets) ?? from?.target,
    route: spell(input.route, ids.routes) ?? from?.route,
    effortFactor: input.effortFactor ?? from?.effortFactor,
    choices,
    study: studyOf(input.study, from?.study),
    marketReady: input.marketReady ?? from?.marketReady,
    region: regionFrom(input.region, from?.region),
    targetDate: targetDateFrom(input.targetDate, from?.targetDate),
  });
  const problems = checkProfile(curriculum, profile);
  const first = problems[0];
  if (first) {
    const listed = profileProblems(problems, profile);
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'profile',
      key: 'learner.invalidProfile',
      params: { problem: profileProblemMessage(first, listed[0]?.path ?? first.field) },
      details: { problems },
      problems: listed,
    });
  }
  return profile;
}

/** Study days from a request over the stored ones (see `ProfileRequest.study`). */
function studyOf(input: ProfileRequest['study'], stored: StudyDays | undefined): StudyDays | undefined {
  if (input === null) return undefined;
  if (input === undefined) return stored;
  return {
    days: (input.days?.map((d) => d.trim().toLowerCase()) as Weekday[] | undefined) ?? stored?.days ?? [],
    time: input.time?.trim() ?? stored?.time ?? DEFAULT_STUDY_TIME,
    timeZone: input.timeZone?.trim() ?? stored?.timeZone ?? 'UTC',
    reminderMinutes: input.reminderMinutes ?? stored?.reminderMinutes,
  };
}

/**
 * The route a profile is recommended, with the curriculum's reasons for its starting point (the
 * planner's sentence when there are none).
 */
export function recommendationOf(
  curriculum: Curriculum,
  profile: Profile,
  plan: Plan,
): { route: string; reasons: Text[] } {
  const choice = chooseRoute(curriculum, profile);
  const route = choice.route;
  const reasons = route ? reasonsFor(route, profile.startingPoint) : [];
  return {
    route: route?.id ?? plan.route,
    reasons: reasons.length > 0 ? reasons : choice.explanation ? [explanationText(choice.explanation)] : [],
  };
}

/** The stored profile, or undefined. */
export async function storedProfile(ctx: LearnerContext): Promise<Profile | undefined> {
  return ctx.store.getProfile(ctx.learnerId);
}

/** The stored profile; throws `needsProfile()` without one. */
export async function requireProfile(ctx: LearnerContext): Promise<Profile> {
  const profile = await storedProfile(ctx);
  if (!profile) throw needsProfile();
  return profile;
}

export interface SavedProfile {
  readonly profile: Profile;
  /** The plan from today with the progress so far. */
  readonly forecast: Forecast;
  /** Whether an earlier profile was replaced. A replaced profile cannot be taken back with undo. */
  readonly replaced: boolean;
  /** Whether the first plan (the burn-up's baseline) was kept from an earlier profile. */
  readonly baselineKept: boolean;
}

/**
 * Save a profile (replacing the stored one). The work already done stays (the progress log is not
 * touched) and so does the first-plan snapshot, the baseline every later forecast is compared with;
 * only a learner's first profile records one. A profile no plan can be made for (UNREACHABLE) is not
 * stored. Saving a profile is not an event: `undo` does not take it back (`replaced` says so).
 */
export async function saveProfile(ctx: LearnerContext, profile: Profile, reason: string): Promise<SavedProfile> {
  const { store, curriculum, learnerId } = ctx;
  // The stored profile meets the contract the backup is read with, so whatever is saved exports and
  // imports back; every face's own checks come first, so this refuses only what slipped past them.
  const kept = ProfileJson.safeParse(profile);
  if (!kept.success) {
    const problems = issueProblems(kept.error.issues as unknown as IssueLike[]);
    const first = problems[0];
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'profile',
      key: 'learner.invalidProfile',
      params: {
        problem: first?.coded ?? {
          key: 'issue.other',
          params: { path: first?.path || 'profile', text: first?.message ?? '' },
        },
      },
      problems,
    });
  }
  const [previous, events, first] = await Promise.all([
    store.getProfile(learnerId),
    store.listEvents(learnerId),
    store.firstPlanSnapshot(learnerId),
  ]);
  const progress = foldProgress(events, curriculum);
  const day = today(ctx);
  // The plan from the profile alone: the first plan when there is none yet, and each skill's work for the cards.
  const plan = planFor(curriculum, profile);
  const forecast = forecastFrom(curriculum, profile, progress, day, plan, {
    reviewMinutes: reviewMinutesOf(curriculum, events, plan, day, profile.startDate),
  });
  const at = ctx.clock().toISOString();
  await store.saveProfile(learnerId, profile, at);
  if (!first) {
    await store.savePlanSnapshot(learnerId, { id: randomUUID(), at, reason, finishDate: plan.finishDate, plan });
  }
  return { profile, forecast, replaced: previous !== undefined, baselineKept: first !== undefined };
}

/**
 * Set the date the learner wants to finish by (`YYYY-MM-DD`), or clear it (null, `""` or `none`), on the
 * stored profile; everything else in it stays. Saving a profile is not a step of the log: undo does not
 * take it back.
 * @throws LearnerError NOT_FOUND without a profile; INVALID_INPUT (reason `profile`) for a date that is
 * not one or is not after the start date.
 */
export async function setTargetDate(ctx: LearnerContext, value: string | null): Promise<Profile> {
  const stored = await requireProfile(ctx);
  const profile = profileFromInput(ctx, { targetDate: value }, stored);
  await saveProfile(ctx, profile, 'target-date');
  return profile;
}
