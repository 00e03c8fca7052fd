/**
 * @module ProfileForm
 * The learner's answers: where they start, their hours and weeks off, how they like to learn, the
 * domain that draws them, what they already know, when they start and in which language. Used by
 * onboarding, one step at a time (`step` 1-4, see STEPS), and by settings, all at once (where
 * saving re-plans). The draft can be kept by the caller (`onDraft`) and given back (`draft`).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { AREAS, LEARNING_STYLES, type LearningStyle } from '../../../src/core/model.js';
import { LIMITS } from '../../../src/contract/limits.js';
import { daysOff } from '../../../src/core/planner/profile.js';
import type { DateRange } from '../../../src/core/plan-model.js';
import type { Curriculum, Profile, ProfileInput } from '../lib/api.js';
import { localToday } from '../lib/format.js';
import { useLocale } from '../lib/locale.js';
import { LanguageOptions } from './LanguageOptions.js';

/** The onboarding steps, in order; each names the part of the form it shows. */
export const STEPS = ['start', 'time', 'style', 'known'] as const;
export type Step = (typeof STEPS)[number];

/** Below this many hours a week the form warns that the plan will run for years. */
export const FEW_HOURS = 5;

export interface Draft {
  startingPoint: string;
  hoursPerWeek: number;
  weeksOff: DateRange[];
  style: LearningStyle;
  domain: string;
  known: string[];
  startDate: string;
  locale: string;
  freeOnly: boolean;
  /** Where the learner studies from: a curriculum region id, or '' for none. */
  region: string;
  /** The learner answered the region question (chose a region or "anywhere"), so it is not offered again. */
  regionChosen?: boolean;
  /** Study days are not edited here; they are kept as they are. */
  study: Profile['study'];
  /** The target date is set on the progress page; kept as it is. */
  targetDate: Profile['targetDate'];
  /**
   * Settings this form does not edit (chosen with the command line or at onboarding): the route, the
   * role, the learner factor, resource choices and the market-ready plan. PUT /api/profile replaces the
   * whole profile, so they are sent back as they are, else saving the hours would drop them.
   */
  unedited: Pick<Profile, 'route' | 'target' | 'effortFactor' | 'marketReady'> & {
    /** Undefined before a profile exists (and then none are sent). */
    choices: Profile['choices'] | undefined;
  };
  /** The plan's language was chosen here (else it follows the page's language). */
  localeChosen?: boolean;
}

export function draftFrom(profile: Profile | null | undefined, curriculum: Curriculum, locale: string): Draft {
  const first = curriculum.startingPoints[0];
  return {
    startingPoint: profile?.startingPoint ?? first?.id ?? '',
    hoursPerWeek: profile?.hoursPerWeek ?? first?.hoursPerWeek ?? 10,
    weeksOff: [...(profile?.weeksOff ?? [])],
    style: profile?.style ?? first?.style ?? 'structured',
    domain: profile?.domain ?? '',
    known: [...(profile?.known ?? [])],
    startDate: profile?.startDate ?? localToday(),
    locale: profile?.locale ?? locale,
    freeOnly: profile?.freeOnly ?? false,
    region: profile?.region ?? '',
    study: profile?.study,
    targetDate: profile?.targetDate,
    unedited: {
      route: profile?.route,
      target: profile?.target,
      effortFactor: profile?.effortFactor,
      choices: profile?.choices,
      marketReady: profile?.marketReady,
    },
  };
}

export function toInput(draft: Draft): ProfileInput {
  return {
    startingPoint: draft.startingPoint,
    hoursPerWeek: draft.hoursPerWeek,
    weeksOff: draft.weeksOff.filter((range) => range.start && range.end),
    style: draft.style,
    domain: draft.domain || undefined,
    known: draft.known,
    startDate: draft.startDate,
    locale: draft.locale,
    freeOnly: draft.freeOnly,
    // Always explicit: `none` clears a stored region, where an absent field would keep it.
    region: draft.region || 'none',
    ...(draft.study ? { study: draft.study } : {}),
    ...(draft.targetDate ? { targetDate: draft.targetDate } : {}),
    ...unedited(draft.unedited),
  };
}

/** The settings the form does not edit, as a profile input gives them (only those set). */
function unedited(kept: Draft['unedited'] | undefined): Partial<ProfileInput> {
  if (!kept) return {};
  const { route, target, effortFactor, choices, marketReady } = kept;
  const anyChoice =
    choices !== undefined && choices.pin.length + choices.exclude.length + choices.swap.length + choices.own.length > 0;
  return {
    ...(route !== undefined ? { route } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(effortFactor !== undefined ? { effortFactor } : {}),
    ...(anyChoice ? { choices } : {}),
    ...(marketReady === true ? { marketReady } : {}),
  };
}

export function ProfileForm(props: {
  curriculum: Curriculum;
  profile: Profile | null | undefined;
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: ProfileInput) => void;
  /** A kept draft to start from (onboarding after Back or a reload). */
  draft?: Draft | undefined;
  /** Called with every change, to keep the draft. */
  onDraft?: (draft: Draft) => void;
  /** Show one step only, with Back and Next (the last one submits). */
  step?: Step | undefined;
  onStep?: (step: Step) => void;
}) {
  const { t, tx, locale, date } = useLocale();
  const { curriculum, step, onDraft } = props;
  const [draft, setDraft] = useState<Draft>(() => props.draft ?? draftFrom(props.profile, curriculum, locale));
  const id = useId();
  const point = curriculum.startingPoints.find((sp) => sp.id === draft.startingPoint);
  const fromPoint = useMemo(() => new Set(point?.known ?? []), [point]);
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  // A new learner who switches the page's language before choosing one for the plan wants both alike.
  const localeChosen = props.profile != null || draft.localeChosen === true;
  useEffect(() => {
    if (!localeChosen) setDraft((current) => (current.locale === locale ? current : { ...current, locale }));
  }, [locale, localeChosen]);
  useEffect(() => onDraft?.(draft), [draft, onDraft]);
  const shows = (part: Step) => step === undefined || step === part;
  const index = step ? STEPS.indexOf(step) : -1;
  const last = step === undefined || index === STEPS.length - 1;
  const today = localToday();
  // A region is offered to learners whose plan language it lists, never set without their say.
  const suggested =
    draft.region || draft.regionChosen
      ? undefined
      : curriculum.regions?.find((r) => r.suggestFor.includes(draft.locale));

  // The app checks the hours itself, in the page's words (the browser's own bubble speaks the browser's
  // language, not the page's), with the limits every face shares.
  const hoursBad = !(draft.hoursPerWeek >= LIMITS.minHoursPerWeek && draft.hoursPerWeek <= LIMITS.hoursPerWeek);
  // So are the weeks off, each beside its own dates: one ending before it starts, or longer than a break may be.
  const offProblems = draft.weeksOff.map((range) => {
    if (!range.start || !range.end) return undefined;
    if (range.end < range.start) return t('profile.offBackwards');
    const days = daysOff(range);
    return days > LIMITS.weeksOffDays ? t('profile.offTooLong', { days, max: LIMITS.weeksOffDays }) : undefined;
  });
  const firstBadOff = offProblems.findIndex((problem) => problem !== undefined);

  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (hoursBad && shows('time')) {
          document.getElementById(`${id}-hours`)?.focus();
          return;
        }
        if (firstBadOff >= 0 && shows('time')) {
          document.getElementById(`${id}-off-${firstBadOff}-start`)?.focus();
          return;
        }
        if (!last && step) props.onStep?.(STEPS[index + 1] ?? step);
        else props.onSubmit(toInput(draft));
      }}
    >
      {shows('start') && (
        <fieldset className="card">
          <legend className="h2 px-1">{t('profile.startingPoint')}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {curriculum.startingPoints.map((sp) => (
              <label
                key={sp.id}
                className={`flex cursor-pointer gap-2 rounded-md border p-3 ${
                  draft.startingPoint === sp.id
                    ? 'border-blue-700 bg-blue-50 dark:border-blue-400 dark:bg-blue-950'
                    : 'border-slate-300 dark:border-slate-600'
                }`}
              >
                <input
                  type="radio"
                  name={`${id}-sp`}
                  value={sp.id}
                  checked={draft.startingPoint === sp.id}
                  onChange={() =>
                    update({
                      startingPoint: sp.id,
                      hoursPerWeek: sp.hoursPerWeek,
                      style: sp.style ?? draft.style,
                      known: draft.known.filter((skill) => !sp.known.includes(skill)),
                    })
                  }
                  className="mt-1"
                />
                <span>
                  <span className="block font-medium">{tx(sp.title)}</span>
                  {sp.summary && <span className="block text-sm muted">{tx(sp.summary)}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {shows('time') && (
        <div className="card grid gap-4 sm:grid-cols-2">
          <div>
            <label className="label" htmlFor={`${id}-hours`}>
              {t('profile.hoursPerWeek')}
            </label>
            <input
              id={`${id}-hours`}
              className="field"
              type="number"
              min={LIMITS.minHoursPerWeek}
              max={LIMITS.hoursPerWeek}
              step={0.5}
              required
              value={draft.hoursPerWeek}
              onChange={(event) => update({ hoursPerWeek: Number(event.target.value) })}
              aria-invalid={hoursBad}
              aria-describedby={`${id}-hours-error ${id}-hours-note ${id}-hours-warning`}
            />
            {hoursBad && (
              <p id={`${id}-hours-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
                {t('profile.hoursRange', { min: LIMITS.minHoursPerWeek, max: LIMITS.hoursPerWeek })}
              </p>
            )}
            {point?.hoursNote && (
              <p id={`${id}-hours-note`} className="mt-1 text-sm muted">
                {tx(point.hoursNote)}
              </p>
            )}
            {draft.hoursPerWeek > 0 && draft.hoursPerWeek < FEW_HOURS && (
              <p id={`${id}-hours-warning`} className="warning mt-1 text-sm" data-testid="few-hours">
                {t('profile.fewHours', { hours: draft.hoursPerWeek, usual: FEW_HOURS })}
              </p>
            )}
          </div>
          <div>
            <label className="label" htmlFor={`${id}-start`}>
              {t('profile.startDate')}
            </label>
            <input
              id={`${id}-start`}
              className="field"
              type="date"
              required
              min={`${LIMITS.startYears[0]}-01-01`}
              max={`${LIMITS.startYears[1]}-12-31`}
              value={draft.startDate}
              onChange={(event) => update({ startDate: event.target.value })}
              aria-describedby={`${id}-start-warning`}
            />
            {draft.startDate && draft.startDate < today && (
              <div id={`${id}-start-warning`} className="warning mt-1 text-sm" data-testid="past-start">
                <p>{t('profile.pastStart', { date: date(draft.startDate, 'long') })}</p>
                <button type="button" className="btn mt-1 py-0.5" onClick={() => update({ startDate: today })}>
                  {t('profile.startToday')}
                </button>
              </div>
            )}
          </div>
        </div>
      )}

      {shows('style') && (
        <fieldset className="card">
          <legend className="h2 px-1">{t('profile.style')}</legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {LEARNING_STYLES.map((style) => (
              <label
                key={style}
                className="flex cursor-pointer gap-2 rounded-md border border-slate-300 p-3 dark:border-slate-600"
              >
                <input
                  type="radio"
                  name={`${id}-style`}
                  value={style}
                  checked={draft.style === style}
                  onChange={() => update({ style })}
                  className="mt-1"
                />
                <span>
                  <span className="block font-medium">{t(`style.${style}`)}</span>
                  <span className="block text-sm muted">{t(`style.${style}Hint`)}</span>
                </span>
              </label>
            ))}
          </div>
          <label className="mt-3 flex items-center gap-2">
            <input
              type="checkbox"
              checked={draft.freeOnly}
              onChange={(event) => update({ freeOnly: event.target.checked })}
            />
            {t('profile.freeOnly')}
          </label>
        </fieldset>
      )}

      {shows('style') && (
        <div className="card grid gap-4 sm:grid-cols-2">
          <div>
            <label className="label" htmlFor={`${id}-domain`}>
              {t('profile.domain')}
            </label>
            <select
              id={`${id}-domain`}
              className="field"
              value={draft.domain}
              onChange={(event) => update({ domain: event.target.value })}
            >
              <option value="">{t('profile.domainDefault')}</option>
              {curriculum.domains.map((domain) => (
                <option key={domain.id} value={domain.id}>
                  {tx(domain.title)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="label" htmlFor={`${id}-locale`}>
              {t('profile.locale')}
            </label>
            <select
              id={`${id}-locale`}
              className="field"
              value={draft.locale}
              onChange={(event) => update({ locale: event.target.value, localeChosen: true })}
            >
              <LanguageOptions />
            </select>
          </div>
          {curriculum.regions && curriculum.regions.length > 0 && (
            <div className="sm:col-span-2">
              <label className="label" htmlFor={`${id}-region`}>
                {t('profile.region')}
              </label>
              <select
                id={`${id}-region`}
                className="field"
                value={draft.region}
                aria-describedby={`${id}-region-hint`}
                onChange={(event) => update({ region: event.target.value, regionChosen: true })}
              >
                <option value="">{t('profile.regionNone')}</option>
                {curriculum.regions.map((region) => (
                  <option key={region.id} value={region.id}>
                    {tx(region.title)}
                  </option>
                ))}
              </select>
              <p id={`${id}-region-hint`} className="mt-1 text-sm muted">
                {t('profile.regionHint')}
              </p>
              {suggested && (
                <div className="warning mt-2 text-sm" data-testid="region-suggestion">
                  <p>{t('profile.regionSuggest', { region: tx(suggested.title) })}</p>
                  <div className="mt-1 flex flex-wrap gap-2">
                    <button
                      type="button"
                      className="btn py-0.5"
                      onClick={() => update({ region: suggested.id, regionChosen: true })}
                    >
                      {t('profile.regionUse', { region: tx(suggested.title) })}
                    </button>
                    <button type="button" className="btn py-0.5" onClick={() => update({ regionChosen: true })}>
                      {t('profile.regionDecline')}
                    </button>
                  </div>
                </div>
              )}
            </div>
          )}
        </div>
      )}

      {shows('time') && (
        <fieldset className="card">
          <legend className="h2 px-1">{t('profile.weeksOff')}</legend>
          <p className="mb-2 text-sm muted">{t('profile.weeksOffHint')}</p>
          <ul className="space-y-2">
            {draft.weeksOff.map((range, index) => (
              <li key={index} className="flex flex-wrap items-end gap-2">
                <div>
                  <label className="label" htmlFor={`${id}-off-${index}-start`}>
                    {t('profile.offFrom')}
                  </label>
                  <input
                    id={`${id}-off-${index}-start`}
                    type="date"
                    className="field"
                    required
                    value={range.start}
                    aria-invalid={offProblems[index] !== undefined}
                    aria-describedby={offProblems[index] ? `${id}-off-${index}-error` : undefined}
                    onChange={(event) =>
                      update({
                        weeksOff: draft.weeksOff.map((r, i) => (i === index ? { ...r, start: event.target.value } : r)),
                      })
                    }
                  />
                </div>
                <div>
                  <label className="label" htmlFor={`${id}-off-${index}-end`}>
                    {t('profile.offTo')}
                  </label>
                  <input
                    id={`${id}-off-${index}-end`}
                    type="date"
                    className="field"
                    required
                    min={range.start}
                    value={range.end}
                    aria-invalid={offProblems[index] !== undefined}
                    aria-describedby={offProblems[index] ? `${id}-off-${index}-error` : undefined}
                    onChange={(event) =>
                      update({
                        weeksOff: draft.weeksOff.map((r, i) => (i === index ? { ...r, end: event.target.value } : r)),
                      })
                    }
                  />
                </div>
                <button
                  type="button"
                  className="btn"
                  onClick={() => update({ weeksOff: draft.weeksOff.filter((_, i) => i !== index) })}
                >
                  {t('profile.removeOff')}
                </button>
                {offProblems[index] && (
                  <p
                    id={`${id}-off-${index}-error`}
                    role="alert"
                    className="basis-full text-sm text-red-700 dark:text-red-300"
                  >
                    {offProblems[index]}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn mt-2"
            onClick={() => update({ weeksOff: [...draft.weeksOff, { start: draft.startDate, end: draft.startDate }] })}
          >
            {t('profile.addOff')}
          </button>
        </fieldset>
      )}

      {shows('known') && (
        <fieldset className="card">
          <legend className="h2 px-1">{t('profile.known')}</legend>
          <p className="mb-2 text-sm muted">{t('profile.knownHint')}</p>
          {AREAS.map((area) => {
            const skills = curriculum.skills.filter((skill) => skill.area === area);
            if (skills.length === 0) return null;
            return (
              <details key={area} className="border-t border-slate-200 py-2 dark:border-slate-700">
                <summary className="cursor-pointer font-medium">
                  {t(`area.${area}`)}{' '}
                  <span className="muted text-sm">
                    ({skills.filter((s) => fromPoint.has(s.id) || draft.known.includes(s.id)).length}/{skills.length})
                  </span>
                </summary>
                <ul className="mt-2 grid gap-1 sm:grid-cols-2">
                  {skills.map((skill) => {
                    const implied = fromPoint.has(skill.id);
                    return (
                      <li key={skill.id}>
                        <label className="flex items-start gap-2">
                          <input
                            type="checkbox"
                            className="mt-1"
                            disabled={implied}
                            checked={implied || draft.known.includes(skill.id)}
                            onChange={(event) =>
                              update({
                                known: event.target.checked
                                  ? [...draft.known, skill.id]
                                  : draft.known.filter((k) => k !== skill.id),
                              })
                            }
                          />
                          <span>
                            {tx(skill.title)}
                            {implied && (
                              <span className="ml-1 text-xs muted">
                                {t('common.inParens', { text: t('profile.fromStartingPoint') })}
                              </span>
                            )}
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </details>
            );
          })}
        </fieldset>
      )}

      <div className="flex flex-wrap gap-2">
        {step && index > 0 && (
          <button type="button" className="btn" onClick={() => props.onStep?.(STEPS[index - 1] ?? step)}>
            {t('onboarding.back')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={props.busy || !draft.startingPoint}>
          {props.busy ? t('common.working') : last ? props.submitLabel : t('onboarding.next')}
        </button>
      </div>
    </form>
  );
}
