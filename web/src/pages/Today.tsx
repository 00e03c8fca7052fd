/**
 * @module Today
 * This week's tasks to tick off, and a form to log the hours spent today.
 */
import { useId, useState } from 'react';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { taskKey, useTaskTitle } from '../components/TaskLabel.js';
import { api } from '../lib/api.js';
import { useCurriculum, useProgress, useToday } from '../lib/data.js';
import { addDays } from '../lib/format.js';
import { useLocale } from '../lib/locale.js';
import { invalidate, PROGRESS_KEYS } from '../lib/resource.js';
import { href } from '../lib/router.js';

export default function Today() {
  const { t, tx, date, num } = useLocale();
  const today = useToday();
  const progress = useProgress();
  const curriculum = useCurriculum();
  const taskTitle = useTaskTitle(curriculum.data);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const [hours, setHours] = useState('1');
  const [item, setItem] = useState('');
  const [message, setMessage] = useState('');
  const id = useId();

  if (today.error) return <ErrorNote error={today.error} onRetry={today.reload} />;
  if (!today.data || !progress.data) return <Loading />;
  const week = today.data.week;
  const items = progress.data.items;
  const stats = progress.data.stats;
  // The plan is remade from progress, so a ticked task leaves the week's list; it is kept in
  // sight here (and can be unticked) for the rest of the week.
  const weekStart = week?.start ?? addDays(today.data.today, -6);
  const doneThisWeek = [
    ...new Set(
      progress.data.events
        .filter((e) => e.type === 'done' && e.item && e.at.slice(0, 10) >= weekStart && items[e.item] === 'done')
        .map((e) => e.item ?? ''),
    ),
  ];
  const itemLabel = (key: string) => {
    const [resource = key, unit] = key.split('/');
    const label = taskTitle({ kind: 'study', stage: '', resource, unit, skills: [], hours: 0, why: undefined });
    return label.unit ? `${label.title} — ${label.unit}` : label.title;
  };

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    try {
      setMessage(await action());
      await invalidate(...PROGRESS_KEYS);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="today-title" className="space-y-4">
      <h1 id="today-title" className="h1">
        {t('today.title')}
      </h1>
      <p className="muted">{date(today.data.today, 'long')}</p>
      <dl className="card grid grid-cols-3 gap-3">
        <div>
          <dt className="text-sm muted">{t('today.hoursThisWeek')}</dt>
          <dd className="text-xl font-bold">{num(stats.hoursThisWeek)}</dd>
        </div>
        <div>
          <dt className="text-sm muted">{t('today.planned')}</dt>
          <dd className="text-xl font-bold">{week ? num(week.hours) : '–'}</dd>
        </div>
        <div>
          <dt className="text-sm muted">{t('progress.streak')}</dt>
          <dd className="text-xl font-bold">
            {t('progress.days', { count: stats.streakDays, value: num(stats.streakDays, 0) })}
          </dd>
        </div>
      </dl>
      <p role="status" aria-live="polite" className="sr-only">
        {message}
      </p>
      {error && <ErrorNote error={error} />}

      <section className="card" aria-labelledby="tasks-title">
        <h2 id="tasks-title" className="h2">
          {week
            ? t('today.weekOf', { n: week.index + 1, start: date(week.start), end: date(addDays(week.start, 6)) })
            : t('today.noWeek')}
        </h2>
        {!week ? (
          <p>
            {t('today.noWeekHint')} <a href={href('plan')}>{t('nav.plan')}</a>
          </p>
        ) : week.off ? (
          <p>{t('plan.weekOff')}</p>
        ) : (
          <ul className="space-y-3">
            {week.tasks.map((task, index) => {
              const key = taskKey(task);
              const done = items[key] === 'done';
              const label = taskTitle(task);
              return (
                <li key={index} className="flex items-start gap-3">
                  <input
                    id={`${id}-task-${index}`}
                    type="checkbox"
                    className="mt-1 h-5 w-5"
                    checked={done}
                    disabled={busy}
                    onChange={() =>
                      void run(async () => {
                        await api.record({ type: done ? 'reset' : 'done', item: key });
                        return t(done ? 'today.unticked' : 'today.ticked', { task: label.title });
                      })
                    }
                  />
                  <div>
                    <label htmlFor={`${id}-task-${index}`} className={`font-medium ${done ? 'line-through' : ''}`}>
                      {label.title}
                      {label.unit ? ` — ${label.unit}` : ''}
                    </label>{' '}
                    <span className="text-sm whitespace-nowrap muted">
                      {t('common.pairInParens', {
                        a: t(`taskKind.${task.kind}`),
                        b: t('common.hours', { value: num(task.hours) }),
                      })}
                    </span>
                    {label.url && (
                      <a className="ml-2 text-sm" href={label.url} target="_blank" rel="noreferrer noopener">
                        {t('today.open')}
                        <span className="sr-only"> {label.title}</span>
                      </a>
                    )}
                    {task.why && <p className="text-sm muted">{tx(task.why)}</p>}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {doneThisWeek.length > 0 && (
        <section className="card" aria-labelledby="done-title">
          <h2 id="done-title" className="h2">
            {t('today.doneThisWeek')}
          </h2>
          <ul className="space-y-2" data-testid="done-this-week">
            {doneThisWeek.map((key) => (
              <li key={key}>
                <label className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    className="mt-1 h-5 w-5"
                    checked
                    disabled={busy}
                    onChange={() =>
                      void run(async () => {
                        await api.record({ type: 'reset', item: key });
                        return t('today.unticked', { task: itemLabel(key) });
                      })
                    }
                  />
                  <span className="line-through">{itemLabel(key)}</span>
                </label>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form
        className="card space-y-3"
        aria-labelledby="log-title"
        onSubmit={(event) => {
          event.preventDefault();
          const value = Number(hours);
          void run(async () => {
            await api.record({
              type: 'hours',
              hours: value,
              date: today.data?.today,
              ...(item ? { item } : {}),
            });
            return t('today.logged', { value: num(value) });
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
              min={0.25}
              max={24}
              step={0.25}
              required
              value={hours}
              onChange={(event) => setHours(event.target.value)}
            />
          </div>
          {week && !week.off && week.tasks.length > 0 && (
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
                {week.tasks.map((task, index) => (
                  <option key={index} value={taskKey(task)}>
                    {taskTitle(task).title}
                    {taskTitle(task).unit ? ` — ${taskTitle(task).unit}` : ''}
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
          disabled={busy || progress.data.events.length === 0}
          onClick={() =>
            void run(async () => {
              await api.undo();
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
