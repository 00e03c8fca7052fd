/**
 * @module PlanPage
 * The plan as a timeline by week: milestones, projects and weeks off, every task with the reason
 * it is there, the finish date with its forecast, and the plan's own reasons (the route's, how it
 * was made, each resource's), as `mlpath plan` gives them.
 */
import { useState } from 'react';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { useTaskTitle } from '../components/TaskLabel.js';
import { PlanTimeline } from '../components/PlanTimeline.js';
import { useCurriculum, usePlan, useProfile, useStatus } from '../lib/data.js';
import { PACE_NOISE_PERCENT, readPace } from '../../../src/core/pace.js';
import { weekShownFrom } from '../../../src/core/weeks.js';
import { weekNumber } from '../lib/timeline.js';
import { addDays, formatPercent, localToday } from '../lib/format.js';
import { useLocale } from '../lib/locale.js';
import { href } from '../lib/router.js';
import { resourceName } from '../lib/task-title.js';

const FIRST_WEEKS = 12;

export default function PlanPage() {
  const { t, tx, date, num, hoursNum, locale } = useLocale();
  const plan = usePlan();
  const profile = useProfile();
  // Only for the finish range beside the timeline: the page shows without it (loading, offline).
  const status = useStatus();
  const curriculum = useCurriculum();
  const taskTitle = useTaskTitle(curriculum.data);
  const [all, setAll] = useState(false);

  if (plan.error) return <ErrorNote error={plan.error} onRetry={plan.reload} />;
  if (!plan.data || !curriculum.data) return <Loading />;
  const { forecast } = plan.data;
  const current = plan.data.plan;
  if (!current)
    return (
      <section>
        <h1 className="h1">{t('plan.title')}</h1>
        <p>
          {t('plan.none')} <a href={href('onboarding')}>{t('nav.onboarding')}</a>
        </p>
      </section>
    );
  const c = curriculum.data;
  // What the plan changed for where the learner studies, and which resources are English-only.
  const region = c.regions?.find((r) => r.id === profile.data?.profile?.region);
  const regionNotes = current.explanations.filter((e) => e.kind === 'region');
  const languageNotes = current.explanations.filter((e) => e.kind === 'language');
  // The plan's other reasons, as `mlpath plan` gives them: the route's, how the plan was made, and
  // each resource's (what it covers, where its hours come from, its alternatives).
  const routeReasons = current.explanations.filter((e) => e.kind === 'route');
  const resourceReasons = current.explanations.filter((e) => e.kind === 'resource');
  const notes = current.explanations.filter(
    (e) => e.kind !== 'route' && e.kind !== 'resource' && e.kind !== 'region' && e.kind !== 'language',
  );
  const resourceTitle = (id: string) => {
    const resource = c.resources.find((r) => r.id === id);
    return resource ? resourceName(resource, locale) : id;
  };
  const route = c.routes.find((r) => r.id === current.route);
  const today = localToday();
  const stageTitle = (id: string) => {
    const stage = c.stages.find((s) => s.id === id);
    // A stage the planner adds (skills outside every stage) is known by its milestone's title.
    const title = stage?.title ?? current.milestones.find((m) => m.stage === id)?.title;
    return title ? tx(title) : id === 'ready' ? t('plan.ready') : id;
  };
  const nowIndex = Math.max(
    0,
    current.weeks.findIndex((week) => addDays(week.start, 6) >= today),
  );
  const weeks = all ? current.weeks : current.weeks.slice(nowIndex, nowIndex + FIRST_WEEKS);
  const finish = forecast?.finishDate ?? current.finishDate;
  // The pace is observed hours per estimated hour, read by the rule the CLI's status reads it by;
  // a learner reads it better as more or less time.
  const paceText = (pace: number) => {
    const reading = readPace(pace);
    if (reading.kind === 'even')
      return t('plan.paceSame', { percent: formatPercent(PACE_NOISE_PERCENT / 100, locale) });
    return t(reading.kind === 'slower' ? 'plan.paceMore' : 'plan.paceLess', {
      percent: formatPercent(reading.percent / 100, locale),
    });
  };

  return (
    <section aria-labelledby="plan-title" className="space-y-4">
      <h1 id="plan-title" className="h1">
        {t('plan.title')}
      </h1>
      <dl className="card grid gap-3 sm:grid-cols-4">
        <div>
          <dt className="text-sm muted">{t('plan.route')}</dt>
          <dd className="font-semibold">{route ? tx(route.title) : current.route}</dd>
        </div>
        <div>
          <dt className="text-sm muted">{t('plan.finish')}</dt>
          <dd className="text-lg font-bold" data-testid="plan-finish">
            {date(finish, 'long')}
          </dd>
        </div>
        <div>
          <dt className="text-sm muted">{t('plan.forecast')}</dt>
          <dd>
            {forecast
              ? forecast.movedDays === 0
                ? t('plan.onTrack')
                : t(forecast.movedDays > 0 ? 'plan.later' : 'plan.earlier', {
                    days: num(Math.abs(forecast.movedDays), 0),
                    count: Math.abs(forecast.movedDays),
                    original: date(forecast.originalFinishDate),
                  })
              : t('plan.noForecast')}
            {forecast && (
              <span className="block text-sm muted" data-testid="plan-pace">
                {paceText(forecast.pace)}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm muted">{t('plan.totalHours')}</dt>
          <dd>
            {t('plan.hoursAndWeeks', {
              hours: hoursNum(current.totalHours),
              perWeek: hoursNum(current.hoursPerWeek),
              weeks: num(current.weekCount, 0),
            })}
          </dd>
        </div>
      </dl>

      {(regionNotes.length > 0 || languageNotes.length > 0) && (
        <section className="card space-y-2" aria-labelledby="reach-title" data-testid="plan-reach">
          <h2 id="reach-title" className="h2">
            {region ? t('plan.reachTitle', { region: tx(region.title) }) : t('plan.languageTitle')}
          </h2>
          {regionNotes.length > 0 && (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {regionNotes.map((note) => (
                <li key={note.subject}>{tx(note.text)}</li>
              ))}
            </ul>
          )}
          {languageNotes.map((note) => (
            <p key={note.subject} className="text-sm muted">
              {tx(note.text)}
            </p>
          ))}
        </section>
      )}

      <PlanTimeline
        curriculum={c}
        plan={current}
        today={today}
        firstFinish={forecast?.originalFinishDate}
        outlook={status.data?.forecast ?? undefined}
        numberFrom={profile.data?.profile?.startDate}
      />

      <section className="card" aria-labelledby="milestones-title">
        <h2 id="milestones-title" className="h2">
          {t('plan.milestones')}
        </h2>
        <ol className="relative space-y-2 border-l-2 border-slate-300 pl-4 dark:border-slate-600">
          {[...current.milestones]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((milestone) => (
              <li key={milestone.stage} className="relative">
                <span
                  aria-hidden="true"
                  className={`absolute top-1.5 -left-[1.4rem] h-3 w-3 rounded-full ${
                    milestone.date < today ? 'bg-green-700' : 'bg-blue-700 dark:bg-blue-400'
                  }`}
                />
                <span className="font-medium">
                  {milestone.title ? tx(milestone.title) : stageTitle(milestone.stage)}
                </span>
                <span className="ml-2 text-sm whitespace-nowrap muted">{date(milestone.date)}</span>
              </li>
            ))}
        </ol>
      </section>

      <section aria-labelledby="weeks-title">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="weeks-title" className="h2 mb-0">
            {t('plan.byWeek')}
          </h2>
          {current.weeks.length > FIRST_WEEKS && (
            <button type="button" className="btn" onClick={() => setAll(!all)} aria-expanded={all}>
              {all ? t('plan.showUpcoming') : t('plan.showAll', { count: current.weeks.length })}
            </button>
          )}
        </div>
        <ol className="space-y-3">
          {weeks.map((week) => {
            const end = addDays(week.start, 6);
            const milestones = current.milestones.filter((m) => m.date >= week.start && m.date <= end);
            const isNow = week.start <= today && today <= end;
            return (
              <li
                key={week.index}
                className={`card ${isNow ? 'ring-2 ring-blue-700 dark:ring-blue-400' : ''} ${
                  week.off ? 'bg-slate-100 dark:bg-slate-800' : ''
                }`}
              >
                <h3 className="flex flex-wrap items-baseline gap-x-3 font-semibold">
                  <span>
                    {t('plan.week', {
                      n: num(weekNumber(week.start, profile.data?.profile?.startDate, week.index), 0),
                    })}
                  </span>
                  <span className="text-sm font-normal muted">
                    {date(weekShownFrom(week.start, profile.data?.profile?.startDate ?? current.startDate))} –{' '}
                    {date(end)}
                  </span>
                  <span className="text-sm font-normal muted">
                    {t('common.hours', { value: hoursNum(week.hours) })}
                  </span>
                  {week.reviewMinutes !== undefined && (
                    <span className="text-sm font-normal muted" data-testid="week-review-reserved">
                      {t('plan.weekReview', { minutes: num(week.reviewMinutes, 0) })}
                    </span>
                  )}
                  {isNow && <span className="text-sm text-blue-800 dark:text-blue-300">{t('plan.thisWeek')}</span>}
                </h3>
                {week.off ? (
                  <p className="muted">{t('plan.weekOff')}</p>
                ) : (
                  <ul className="mt-2 space-y-2">
                    {week.tasks.map((task, index) => {
                      const label = taskTitle(task);
                      return (
                        <li key={index} className="border-l-4 pl-2" style={{ borderColor: kindColour(task.kind) }}>
                          {label.url ? (
                            <a className="font-medium" href={label.url} target="_blank" rel="noreferrer noopener">
                              {label.title}
                            </a>
                          ) : (
                            <span className="font-medium">{label.title}</span>
                          )}{' '}
                          <span className="text-sm whitespace-nowrap muted">
                            {t('common.pairInParens', {
                              a: t(`taskKind.${task.kind}`),
                              b: t('common.hours', { value: hoursNum(task.hours) }),
                            })}
                          </span>
                          {task.why && (
                            <p className="text-sm">
                              <span className="muted">{t('common.label', { label: t('plan.why') })}</span>
                              {tx(task.why)}
                            </p>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                {milestones.map((milestone) => (
                  <p key={milestone.stage} className="mt-2 text-sm font-semibold text-green-800 dark:text-green-300">
                    ★{' '}
                    {t('plan.milestoneReached', {
                      what: milestone.title ? tx(milestone.title) : stageTitle(milestone.stage),
                    })}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
      </section>

      {(routeReasons.length > 0 || notes.length > 0 || resourceReasons.length > 0) && (
        <section className="card space-y-3" aria-labelledby="reasons-title" data-testid="plan-reasons">
          <h2 id="reasons-title" className="h2">
            {t('plan.reasonsTitle')}
          </h2>
          {routeReasons.length > 0 && (
            <div>
              <h3 className="font-semibold">{t('plan.reasonsRoute')}</h3>
              {routeReasons.map((reason) => (
                <p key={reason.subject} className="text-sm">
                  {tx(reason.text)}
                </p>
              ))}
            </div>
          )}
          {notes.length > 0 && (
            <div>
              <h3 className="font-semibold">{t('plan.reasonsNotes')}</h3>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {notes.map((note) => (
                  <li key={`${note.kind}:${note.subject}`}>{tx(note.text)}</li>
                ))}
              </ul>
            </div>
          )}
          {resourceReasons.length > 0 && (
            <details data-testid="plan-resource-reasons">
              <summary className="cursor-pointer font-semibold">
                {t('plan.reasonsResources', { n: num(resourceReasons.length, 0) })}
              </summary>
              <ul className="mt-2 space-y-1 pl-5 text-sm">
                {resourceReasons.map((reason) => (
                  <li key={reason.subject} className="list-disc">
                    {t('common.label', { label: resourceTitle(reason.subject) })}
                    {tx(reason.text)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </section>
  );
}

function kindColour(kind: string): string {
  switch (kind) {
    case 'project':
      return '#db2777';
    case 'ambient':
      return '#7c3aed';
    case 'job-search':
      return '#4b5563';
    default:
      return '#2563eb';
  }
}
