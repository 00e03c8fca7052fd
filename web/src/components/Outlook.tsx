/**
 * @module Outlook
 * The finish range (p10, p50, p90) with its method in one line, the target date (set, cleared, what it
 * needs) and the warnings with their catch-up suggestion. Everything shown comes from GET /api/status
 * (the learner layer's `status`, the same record `mlpath status --json` prints).
 */
import { useId, useState, type FormEvent } from 'react';
import { MAX_HOURS_PER_WEEK } from '../../../src/core/planner/profile.js';
import { ErrorNote } from './Feedback.js';
import { asError, useAction } from '../lib/action.js';
import { api } from '../lib/api.js';
import type { StatusForecast, StudyWarning, TargetOutlook } from '../lib/api.js';
import { useCurriculum } from '../lib/data.js';
import { record } from '../lib/outbox.js';
import { invalidate, PROFILE_KEYS, PROGRESS_KEYS } from '../lib/resource.js';
import { useLocale } from '../lib/locale.js';
import { resourceName } from '../lib/task-title.js';

/** Whether the status gives a finish range (p10, p50 and p90 all known). */
function hasRange(
  forecast: StatusForecast,
): forecast is StatusForecast & { readonly p10: string; readonly p50: string; readonly p90: string } {
  return Boolean(forecast.p10 && forecast.p50 && forecast.p90);
}

/**
 * The finish range in one sentence (p10 to p90, and the middle), as every page that shows it words
 * it; nothing while the status has no range yet (too few weeks of study).
 */
export function RangeDates({ forecast }: { forecast: StatusForecast }) {
  const { t, date, num } = useLocale();
  if (!hasRange(forecast)) return null;
  const { p10, p50, p90, range } = forecast;
  return (
    <p data-testid="range-dates">
      {t(p10 === p90 ? 'outlook.rangeSingle' : 'outlook.range', {
        p10: date(p10, 'long'),
        p50: date(p50, 'long'),
        p90: date(p90, 'long'),
        weeks: num(range.weeks, 0),
        logged: num(range.loggedPerWeek ?? 0, 1),
        planned: num(range.plannedPerWeek ?? 0, 1),
      })}
    </p>
  );
}

export function FinishRange({ forecast }: { forecast: StatusForecast }) {
  const { t, num } = useLocale();
  const { range } = forecast;
  return (
    <section className="card" aria-labelledby="range-title" data-testid="finish-range">
      <h2 id="range-title" className="h2">
        {t('outlook.rangeTitle')}
      </h2>
      {hasRange(forecast) ? (
        <>
          <RangeDates forecast={forecast} />
          <p className="mt-1 text-sm muted">
            {t('outlook.method', { runs: num(range.runs, 0), weeks: num(range.weeks, 0) })}
          </p>
        </>
      ) : (
        <p className="muted">{t('outlook.tooLittle', { weeks: num(range.weeks, 0), needed: num(range.needed, 0) })}</p>
      )}
    </section>
  );
}

function useResourceTitle(): (id: string) => string {
  const { locale } = useLocale();
  const curriculum = useCurriculum();
  return (id) => {
    const resource = curriculum.data?.resources.find((r) => r.id === id);
    return resource ? resourceName(resource, locale) : id;
  };
}

/**
 * The target date: set or cleared here, with where the learner stands against it. `announce`, when
 * given, says the confirmation in the page's own status line (a page with one) instead of its own.
 */
export function TargetDate({
  target,
  current,
  announce,
}: {
  target: TargetOutlook | null;
  current: string | undefined;
  announce?: (text: string) => void;
}) {
  const { t, date, num, hoursNum } = useLocale();
  const id = useId();
  const titleOf = useResourceTitle();
  const [value, setValue] = useState(current ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [said, setSaid] = useState('');

  const save = async (next: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await api.setTargetDate(next);
      const text = next ? t('outlook.saved', { date: date(next, 'long') }) : t('outlook.cleared');
      if (announce) announce(text);
      else setSaid(text);
      if (!next) setValue('');
      await invalidate(...PROFILE_KEYS);
    } catch (caught) {
      setError(asError(caught));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value) void save(value);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="target-date">
      <h2 id={`${id}-title`} className="h2">
        {t('outlook.targetTitle')}
      </h2>
      <form className="flex flex-wrap items-end gap-2" onSubmit={submit}>
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm">
            {t('outlook.targetLabel')}
          </label>
          <input
            id={`${id}-date`}
            className="field"
            type="date"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </div>
        <button type="submit" className="btn" disabled={busy || !value}>
          {t('outlook.save')}
        </button>
        {target && (
          <button type="button" className="btn" disabled={busy} onClick={() => void save(null)}>
            {t('outlook.clear')}
          </button>
        )}
      </form>
      {!announce && (
        <p role="status" className="mt-1 text-sm">
          {said}
        </p>
      )}
      {error && <ErrorNote error={error} />}
      {target && (
        <div className="mt-2 space-y-1" data-testid="target-outlook">
          <p>
            {t(target.onTrack ? 'outlook.onTrack' : 'outlook.behind', {
              date: date(target.date, 'long'),
              finish: date(target.finish, 'long'),
            })}
          </p>
          <p data-testid="hours-needed">
            {target.hoursPerWeekNeeded === null
              ? t('outlook.unreachable', { max: num(MAX_HOURS_PER_WEEK, 0) })
              : t('outlook.hoursNeeded', {
                  hours: hoursNum(target.hoursPerWeekNeeded),
                  planned: hoursNum(target.hoursPerWeek),
                })}
          </p>
          {target.optional.length > 0 && (
            <p>
              {t('outlook.optional', {
                planned: hoursNum(target.hoursPerWeek),
                items: target.optional.map((o) => `${titleOf(o.resource)} (${hoursNum(o.hours)} h)`).join(', '),
              })}{' '}
              {t(target.optionalEnough ? 'outlook.optionalEnough' : 'outlook.optionalNotEnough')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** Warnings with what catches up; nothing when there are none. */
export function Warnings({ warnings }: { warnings: readonly StudyWarning[] }) {
  const { t, tx, date, num, hoursNum } = useLocale();
  const titleOf = useResourceTitle();
  // Said here, not in the warning: a tick usually takes the warning away with it.
  const [ticked, setTicked] = useState('');
  const status = (
    // Out of the layout while it has nothing to say (the pages space their sections apart).
    <p role="status" className={ticked ? 'text-sm' : 'sr-only'} data-testid="warning-tick-status">
      {ticked}
    </p>
  );
  if (warnings.length === 0) return status;
  const catchUp = (hours: number | null) =>
    hours === null
      ? t('outlook.catchUpNone', { max: num(MAX_HOURS_PER_WEEK, 0) })
      : t('outlook.catchUpHours', { hours: hoursNum(hours) });
  return (
    <>
      {status}
      <ul className="warning space-y-2 rounded-md p-3" data-testid="warnings">
        {warnings.map((w) => (
          <li key={w.kind}>
            {(w.kind === 'behind-target' || w.kind === 'target-at-risk') && (
              <>
                <p className="font-semibold">
                  {w.kind === 'behind-target'
                    ? t('outlook.warnBehind', { finish: date(w.finish, 'long'), target: date(w.target, 'long') })
                    : t('outlook.warnAtRisk', { target: date(w.target, 'long'), p90: date(w.p90, 'long') })}
                </p>
                <p>{catchUp(w.hoursPerWeekNeeded)}</p>
              </>
            )}
            {w.kind === 'unticked' && (
              <>
                <p className="font-semibold">
                  {w.hours > w.underWay
                    ? t('outlook.warnUntickedBeyond', { hours: hoursNum(w.hours), underWay: hoursNum(w.underWay) })
                    : t('outlook.warnUnticked', { hours: hoursNum(w.hours) })}
                </p>
                {w.next && (
                  <TickNext key={w.next} item={w.next} title={w.title ? tx(w.title) : w.next} onTicked={setTicked} />
                )}
              </>
            )}
            {w.kind === 'no-study' && (
              <>
                <p className="font-semibold">
                  {w.lastStudy
                    ? t('outlook.warnNoStudy', { days: num(w.days, 0), since: date(w.lastStudy, 'long') })
                    : t('outlook.warnNoStudyYet', { days: num(w.days, 0) })}
                </p>
                {w.next && <p>{t('outlook.catchUpNext', { item: titleOf(w.next.split('/')[0] ?? w.next) })}</p>}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The question a warning about unticked study asks, with the task at hand's tick beside it: the same
 * step as its box on the This week page (recorded through the outbox; the tick logs what its estimate
 * leaves), for a task the week's list no longer shows once the week's hours are all logged.
 */
function TickNext(props: { item: string; title: string; onTicked: (said: string) => void }) {
  const { item, title, onTicked } = props;
  const { t } = useLocale();
  const { busy, error, run } = useAction();
  // Ticked from here (sent, or kept to send): not offered again while the warning still stands.
  const [done, setDone] = useState(false);
  const tick = () =>
    void run(async () => {
      const { how } = await record({ type: 'done', item });
      setDone(true);
      const said = t('today.ticked', { task: title });
      onTicked(how === 'kept' ? `${said} ${t('offline.kept')}` : said);
      if (how === 'sent') await invalidate(...PROGRESS_KEYS);
    });
  return (
    <>
      <p>{t('outlook.tickFinished', { item: title })}</p>
      <button type="button" className="btn mt-1 py-1" disabled={busy || done} onClick={tick}>
        {t('outlook.tickNext', { item: title })}
      </button>
      {error && <ErrorNote error={error} />}
    </>
  );
}
