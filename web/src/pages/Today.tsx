/**
 * @module Today
 * This week, the learner's home: one action to start the next task, the week's hours against its
 * budget, the tasks to tick (a ticked row stays where it is, checked, with undo), a small
 * celebration when every task is done, and a form to log the hours spent today. Ticks and hours
 * made while the server is away are kept on this device and shown as made (see lib/outbox).
 */
import { useId, useRef, useState } from 'react';
import { useAction } from '../lib/action.js';
import type { PlanTask } from '../lib/api.js';
import type { Text } from '../../../src/core/model.js';
import { LIMITS } from '../../../src/contract/limits.js';
import { isEntryHours } from '../../../src/core/logged-hours.js';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { taskKey, useTaskTitle } from '../components/TaskLabel.js';
import { api, type TodayWeek } from '../lib/api.js';
import { weekShownFrom } from '../../../src/core/weeks.js';
import { useCurriculum, useProfile, useProgress, useToday } from '../lib/data.js';
import { Warnings } from '../components/Outlook.js';
import { useLocale } from '../lib/locale.js';
import { cancel, pendingHours, record, usePending, withPending } from '../lib/outbox.js';
import { invalidate, PROGRESS_KEYS } from '../lib/resource.js';
import { href } from '../lib/router.js';

interface Row {
  readonly key: string;
  /** The plan's task, when this week's plan has (or had, in this visit) one for the key. */
  readonly task: PlanTask | undefined;
  /** Its title, as the plan titles tasks (a ticked item's from `ticked`). */
  readonly title: Text | undefined;
}

/**
 * The week's rows in a fixed order. The plan is re-made from progress, so a ticked task leaves
 * `week.tasks`; its row is kept where it was (from `seen`, this visit's earlier rows) or, on a
 * fresh visit, listed first among what was ticked this week. A row seen earlier whose task the
 * re-made plan moved out of the week (a tick's hours used up the week's study time) and which is
 * not ticked leaves, as a reload would show it: the week's rows are the plan's, never an older read's.
 */
function rowsOf(
  week: TodayWeek,
  doneThisWeek: readonly { key: string; title: Text }[],
  seen: ReadonlyMap<string, Row>,
  isDone: (key: string) => boolean,
): Row[] {
  const planned = new Map(
    week.tasks.map((task): [string, Row] => [taskKey(task), { key: taskKey(task), task, title: task.title }]),
  );
  const ticked = doneThisWeek.map(({ key, title }): Row => ({ key, task: undefined, title }));
  const kept = [...seen.values()]
    .filter((row) => planned.has(row.key) || isDone(row.key))
    .map((row) => planned.get(row.key) ?? row);
  const order = seen.size === 0 ? [...ticked, ...planned.values()] : [...kept, ...planned.values(), ...ticked];
  const rows = new Map<string, Row>();
  for (const row of order) if (!rows.has(row.key)) rows.set(row.key, row);
  return [...rows.values()];
}

export default function Today() {
  const { t, tx, date, num, hoursNum } = useLocale();
  const today = useToday();
  const progress = useProgress();
  const profile = useProfile();
  const curriculum = useCurriculum();
  const pending = usePending();
  const taskTitle = useTaskTitle(curriculum.data);
  const { busy, error, run: write } = useAction();
  const [hours, setHours] = useState('1');
  // The app checks the hours itself, by the rule the API applies and in the page's words (the
  // browser's own bubble speaks the browser's language, not the page's).
  const hoursBad = hours.trim() === '' || !isEntryHours(Number(hours));
  const [item, setItem] = useState('');
  const [message, setMessage] = useState('');
  const [lastTick, setLastTick] = useState<{ key: string; done: boolean; id: string } | undefined>();
  const seen = useRef<{ week: string; rows: Map<string, Row> }>({ week: '', rows: new Map() });
  const startDate = profile.data?.profile?.startDate;
  const id = useId();

  if (!today.data || !progress.data) {
    const failed = today.error ?? progress.error;
    return failed ? <ErrorNote error={failed} onRetry={() => void invalidate(...PROGRESS_KEYS)} /> : <Loading />;
  }
  const week = today.data.week;
  const items = withPending(progress.data.items, pending);
  const stale = today.error ?? progress.error;

  const labelOf = (row: Row) => {
    const [resource = row.key, unit] = row.key.split('/');
    const label = taskTitle({ resource, unit, title: row.title });
    return { ...label, full: label.title };
  };

  let rows: Row[] = [];
  if (week && !week.off) {
    if (seen.current.week !== week.start) seen.current = { week: week.start, rows: new Map() };
    // Ticked this week as the server has it, and still done here (an untick not yet sent undoes it).
    const doneThisWeek = today.data.ticked.filter(({ key }) => items[key] === 'done');
    rows = rowsOf(week, doneThisWeek, seen.current.rows, (key) => items[key] === 'done');
    seen.current.rows = new Map(rows.map((row) => [row.key, row]));
  }
  const next = rows.find((row) => items[row.key] !== 'done' && row.task);
  const allDone = rows.length > 0 && !next;
  const logged = week ? week.loggedHours + pendingHours(pending, week.start, week.end) : 0;
  const budget = week?.budgetHours ?? 0;

  /** Runs a write whose confirmation the page shows once it is done. */
  const run = async (action: () => Promise<string>) => {
    const said = await write(action);
    if (said !== undefined) setMessage(said);
  };
  /** Record one event; progress is re-read when it reached the server. */
  const send = async (event: Parameters<typeof record>[0]) => {
    const sent = await record(event);
    if (sent.how === 'sent') await invalidate(...PROGRESS_KEYS);
    return sent;
  };
  const tick = (row: Row, done: boolean) =>
    void run(async () => {
      const title = labelOf(row).full;
      const { how, id } = await send({ type: done ? 'done' : 'reset', item: row.key });
      setLastTick({ key: row.key, done, id });
      const said = t(done ? 'today.ticked' : 'today.unticked', { task: title });
      return how === 'kept' ? `${said} ${t('offline.kept')}` : said;
    });
  /** Take a tick back exactly (with the hours it logged): unsent, it is dropped; sent, undone. */
  const untick = (row: Row, id: string) =>
    void run(async () => {
      setLastTick(undefined);
      if (!cancel(id)) {
        await api.undo(id);
        await invalidate(...PROGRESS_KEYS);
      }
      return t('today.tickUndone', { task: labelOf(row).full });
    });

  return (
    <section aria-labelledby="today-title" className="space-y-4">
      <div>
        <h1 id="today-title" className="h1 mb-1">
          {t('today.title')}
        </h1>
        <p className="muted" data-testid="week-heading">
          {week
            ? t('today.weekOf', {
                n: num(week.number, 0),
                start: date(startDate ? weekShownFrom(week.start, startDate) : week.start),
                end: date(week.end),
              })
            : date(today.data.today, 'long')}
        </p>
      </div>
      {stale && <ErrorNote error={stale} onRetry={() => void invalidate(...PROGRESS_KEYS)} />}
      {today.data.warnings && <Warnings warnings={today.data.warnings} />}
      {!today.data.beforeStart && !week?.off && today.data.studyDay && today.data.session && (
        <p className="card" data-testid="study-day">
          {today.data.studyDay.today && today.data.session.date === today.data.today
            ? t('outlook.studyDay', {
                time: today.data.session?.time ?? '',
                zone: today.data.session?.timeZone ?? '',
              })
            : t('outlook.notStudyDay', {
                days: today.data.studyDay.days.map((d) => t(`outlook.weekday.${d}`)).join(', '),
                date: today.data.session ? date(today.data.session.date, 'long') : '-',
                time: today.data.session?.time ?? '',
                zone: today.data.session?.timeZone ?? '',
              })}
        </p>
      )}
      {today.data.beforeStart && profile.data?.profile && (
        <p className="card" data-testid="before-start">
          {t('today.beforeStart', { date: date(profile.data.profile.startDate, 'long') })}
        </p>
      )}

      {week && !week.off && (
        <div className="card space-y-3">
          {/* The slot keeps the Start block's height, so swapping it for the celebration (the last
              tick) does not move the rows below under the learner's pointer. */}
          {allDone ? (
            <div className="celebrate flex min-h-24 items-center gap-3" data-testid="week-done">
              {/* Drawn, not an emoji: a system without an emoji font would show a box. */}
              <svg
                aria-hidden="true"
                className="celebrate-mark h-10 w-10 shrink-0 text-emerald-600 dark:text-emerald-400"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.5"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <circle cx="12" cy="12" r="10" />
                <path d="M7 12.5l3.2 3.2L17 9" />
              </svg>
              <div>
                <p className="text-lg font-bold">{t('today.weekDone', { n: num(week.number, 0) })}</p>
                {/* Every task ticked, or the week's hours all logged and the rest moved on to next week. */}
                <p className="muted" data-testid="week-done-hint">
                  {t(budget - logged <= 0 ? 'today.weekSpentHint' : 'today.weekDoneHint')}
                </p>
              </div>
            </div>
          ) : next ? (
            <NextAction label={labelOf(next)} task={next.task} />
          ) : null}
          <HoursMeter logged={logged} budget={budget} />
          {today.data.review && today.data.review.reviews > 0 && (
            <p className="mt-3 text-sm" data-testid="week-review">
              {t(today.data.review.minutes < today.data.review.expectedMinutes ? 'today.reviewShort' : 'today.review', {
                minutes: num(today.data.review.minutes, 0),
                expected: num(today.data.review.expectedMinutes, 0),
                reviews: num(today.data.review.reviews, 0),
                due: num(today.data.review.dueNow, 0),
              })}{' '}
              {today.data.review.dueNow > 0 && <a href={href('review')}>{t('today.reviewNow')}</a>}
            </p>
          )}
        </div>
      )}

      <p role="status" aria-live="polite" className="sr-only">
        {message}
      </p>
      {error && <ErrorNote error={error} />}

      <section className="card" aria-labelledby="tasks-title">
        <h2 id="tasks-title" className="h2">
          {week ? t('today.tasks', { n: num(week.number, 0) }) : t('today.noWeek')}
        </h2>
        {!week ? (
          <p>
            {t(today.data.beforeStart ? 'today.noWeekYet' : 'today.noWeekHint')}{' '}
            <a href={href('plan')}>{t('nav.plan')}</a>
          </p>
        ) : week.off ? (
          <p>{t('plan.weekOff')}</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-700" data-testid="week-tasks">
            {rows.map((row, index) => {
              const done = items[row.key] === 'done';
              const label = labelOf(row);
              const boxId = `${id}-task-${index}`;
              return (
                <li key={row.key} className="flex items-start gap-3 py-2">
                  <input
                    id={boxId}
                    type="checkbox"
                    className="mt-1 h-5 w-5 shrink-0"
                    checked={done}
                    disabled={busy}
                    onChange={() =>
                      // Unticking the tick just made takes it back exactly, with the hours it logged.
                      done && lastTick?.key === row.key && lastTick.done ? untick(row, lastTick.id) : tick(row, !done)
                    }
                  />
                  <div className="min-w-0 flex-1">
                    <label htmlFor={boxId} className={`font-medium ${done ? 'muted line-through' : ''}`}>
                      {label.full}
                    </label>{' '}
                    {row.task && (
                      <span className="text-sm whitespace-nowrap muted">
                        {t('common.pairInParens', {
                          a: t(`taskKind.${row.task.kind}`),
                          b: t('common.hours', { value: hoursNum(row.task.hours) }),
                        })}
                      </span>
                    )}
                    {label.url && !done && (
                      <a className="ml-2 text-sm" href={label.url} target="_blank" rel="noreferrer noopener">
                        {t('today.open')}
                        <span className="sr-only"> {label.full}</span>
                      </a>
                    )}
                    {row.task?.why && !done && <p className="text-sm muted">{tx(row.task.why)}</p>}
                  </div>
                  {lastTick?.key === row.key && lastTick.done === done && (
                    <button
                      type="button"
                      className="btn shrink-0 py-0.5"
                      disabled={busy}
                      onClick={() => untick(row, lastTick.id)}
                    >
                      {t('today.undoTick')}
                      <span className="sr-only"> {label.full}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <form
        className="card space-y-3"
        aria-labelledby="log-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const value = Number(hours);
          if (hoursBad) {
            document.getElementById(`${id}-hours`)?.focus();
            return;
          }
          void run(async () => {
            const { how } = await send({
              type: 'hours',
              hours: value,
              date: today.data?.today,
              ...(item ? { item } : {}),
            });
            const said = t('today.logged', { value: hoursNum(value) });
            return how === 'kept' ? `${said} ${t('offline.kept')}` : said;
          });
        }}
      >
        <h2 id="log-title" className="h2">
          {t('today.logTitle')}
        </h2>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label className="label" htmlFor={`${id}-hours`}>
              {t('today.hours')}
            </label>
            <input
              id={`${id}-hours`}
              className="field h-10 w-28"
              type="number"
              // Any amount the API takes (isEntryHours): 0.1 h too, so no step the browser would enforce.
              min={0}
              max={LIMITS.hoursPerEntry}
              step="any"
              required
              value={hours}
              onChange={(event) => setHours(event.target.value)}
              aria-invalid={hoursBad}
              aria-describedby={hoursBad ? `${id}-hours-error` : undefined}
            />
            {hoursBad && (
              <p id={`${id}-hours-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
                {t('today.hoursRange', { max: LIMITS.hoursPerEntry })}
              </p>
            )}
          </div>
          {rows.length > 0 && (
            <div className="min-w-0 flex-1 basis-60">
              <label className="label" htmlFor={`${id}-item`}>
                {t('today.on')}
              </label>
              <select
                id={`${id}-item`}
                className="field h-10"
                value={item}
                onChange={(event) => setItem(event.target.value)}
              >
                <option value="">{t('today.general')}</option>
                {rows.map((row) => (
                  <option key={row.key} value={row.key}>
                    {labelOf(row).full}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('today.log')}
          </button>
        </div>
        {message && (
          <p aria-hidden="true" className="text-sm text-green-800 dark:text-green-300">
            {message}
          </p>
        )}
        <button
          type="button"
          className="btn"
          disabled={busy || progress.data.events.count === 0}
          onClick={() =>
            void run(async () => {
              await api.undo();
              await invalidate(...PROGRESS_KEYS);
              return t('today.undone');
            })
          }
        >
          {t('today.undo')}
        </button>
      </form>
    </section>
  );
}

/** The one primary action: start the next task, opening its resource (or the page it lives on). */
function NextAction({ label, task }: { label: { full: string; url: string | undefined }; task: PlanTask | undefined }) {
  const { t, hoursNum } = useLocale();
  const target = label.url ?? (task?.kind === 'project' ? href('portfolio') : href('plan'));
  const external = label.url !== undefined;
  return (
    <div className="min-h-24 space-y-1">
      <p className="text-sm muted">{t('today.nextUp')}</p>
      <a
        className="btn btn-primary min-h-12 max-w-full justify-start px-4 py-2 text-base no-underline"
        href={target}
        data-testid="start-next"
        {...(external ? { target: '_blank', rel: 'noreferrer noopener' } : {})}
      >
        <span className="text-left">{t('today.start', { task: label.full })}</span>
      </a>
      {task && (
        <p className="text-sm muted">
          {t('common.pairInParens', {
            a: t(`taskKind.${task.kind}`),
            b: t('common.hours', { value: hoursNum(task.hours) }),
          })}
        </p>
      )}
    </div>
  );
}

/** The week's hours logged against its budget, as a bar and in words. */
function HoursMeter({ logged, budget }: { logged: number; budget: number }) {
  const { t, hoursNum } = useLocale();
  const share = budget > 0 ? Math.min(1, logged / budget) : 0;
  const words = t('today.hoursOfBudget', { logged: hoursNum(logged), budget: hoursNum(budget) });
  return (
    <div data-testid="week-hours">
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <span className="font-medium">{words}</span>
        <span className="muted">
          {logged >= budget ? t('today.budgetMet') : t('today.hoursToGo', { value: hoursNum(budget - logged) })}
        </span>
      </div>
      <div
        role="meter"
        aria-label={t('today.hoursThisWeek')}
        aria-valuemin={0}
        aria-valuemax={budget}
        aria-valuenow={Math.min(logged, budget)}
        aria-valuetext={words}
        className="mt-1 h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full rounded-full bg-green-700 dark:bg-green-400" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
