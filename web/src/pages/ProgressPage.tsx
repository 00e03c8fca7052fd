/**
 * @module ProgressPage
 * How far along the learner is: readiness, the forecast, the streak, the burn-up and hours per
 * week (charts load on demand), and progress per area.
 */
import { lazy, Suspense } from 'react';
import { AREAS } from '../../../src/core/model.js';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { FinishRange, TargetDate, Warnings } from '../components/Outlook.js';
import { useCurriculum, useProfile, useProgress, useStatus, useToday } from '../lib/data.js';
import { formatPercent, localToday } from '../lib/format.js';
import { useLocale } from '../lib/locale.js';
import { href } from '../lib/router.js';

const ProgressCharts = lazy(() => import('../components/ProgressCharts.js'));

export default function ProgressPage() {
  const { t, date, num, hoursNum, locale } = useLocale();
  const progress = useProgress();
  const status = useStatus();
  const today = useToday();
  const profile = useProfile();

  if (progress.error) return <ErrorNote error={progress.error} onRetry={progress.reload} />;
  if (status.error) return <ErrorNote error={status.error} onRetry={status.reload} />;
  if (!progress.data || !status.data) return <Loading />;
  const { stats } = progress.data;
  const { readiness, forecast, burnup, target, warnings } = status.data;
  const areas = [
    ...AREAS.filter((area) => stats.doneByArea[area]),
    ...Object.keys(stats.doneByArea).filter((area) => !(AREAS as readonly string[]).includes(area)),
  ];

  return (
    <section aria-labelledby="progress-title" className="space-y-4">
      <h1 id="progress-title" className="h1">
        {t('progress.title')}
      </h1>
      <dl className="card grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div>
          <dt className="text-sm muted">{t('progress.readiness')}</dt>
          <dd className="text-2xl font-bold" data-testid="readiness">
            {formatPercent(readiness.percent / 100, locale)}
          </dd>
        </div>
        <div>
          <dt className="text-sm muted">{t('progress.skillsDone')}</dt>
          <dd className="text-2xl font-bold" data-testid="skills-done">
            {num(stats.skillsDone.done, 0)}
          </dd>
          <dd className="text-sm muted" data-testid="skills-of-plan">
            {t('progress.skillsOfPlan', {
              total: num(stats.skillsDone.total, 0),
              curriculum: num(stats.curriculumSkills.total, 0),
            })}
          </dd>
        </div>
        <div>
          <dt className="text-sm muted">{t('progress.totalHours')}</dt>
          <dd className="text-2xl font-bold" data-testid="hours-logged">
            {hoursNum(stats.totalHours)}
          </dd>
        </div>
        <div>
          <dt className="text-sm muted">{t('progress.streak')}</dt>
          <dd className="text-2xl font-bold">
            {t('progress.days', { count: stats.streakDays, value: num(stats.streakDays, 0) })}
          </dd>
        </div>
      </dl>
      {forecast && profile.data?.profile && (
        <p className="card">
          {t('progress.forecastText', {
            hours: num(profile.data.profile.hoursPerWeek, 1),
            date: date(forecast.finishDate, 'long'),
            done: hoursNum(forecast.doneHours),
            remaining: hoursNum(forecast.remainingHours),
          })}
        </p>
      )}
      <Warnings warnings={warnings} />
      {forecast && <FinishRange forecast={forecast} />}
      {profile.data?.profile && (
        <TargetDate
          key={profile.data.profile.targetDate ?? ''}
          target={target}
          current={profile.data.profile.targetDate}
        />
      )}
      <Suspense fallback={<Loading />}>
        <ProgressCharts
          burnup={burnup}
          hoursByWeek={stats.hoursByWeek}
          today={today.data?.today ?? localToday()}
          start={profile.data?.profile?.startDate}
        />
      </Suspense>
      <section className="card" aria-labelledby="areas-title">
        <h2 id="areas-title" className="h2">
          {t('progress.byArea')}
        </h2>
        <ul className="space-y-2" data-testid="area-progress">
          {areas.map((area) => {
            const entry = stats.doneByArea[area] ?? { done: 0, total: 0 };
            return (
              <li key={area} data-area={area}>
                <div className="flex justify-between text-sm">
                  <span id={`area-${area}`}>{t(`area.${area}`, { defaultValue: area })}</span>
                  <span data-testid={`area-count-${area}`}>
                    {t('progress.ofTotal', { done: num(entry.done, 0), total: num(entry.total, 0) })}
                  </span>
                </div>
                <div
                  role="progressbar"
                  aria-labelledby={`area-${area}`}
                  aria-valuemin={0}
                  aria-valuemax={Math.max(entry.total, 1)}
                  aria-valuenow={entry.done}
                  className="mt-1 h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
                >
                  <div
                    className="h-full rounded-full bg-green-700 dark:bg-green-400"
                    style={{ width: `${entry.total > 0 ? (100 * entry.done) / entry.total : 0}%` }}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <StageProgress doneByStage={stats.doneByStage} />
      {status.data.needsRefresh.length > 0 && <NeedsRefresh skills={status.data.needsRefresh} />}
      {readiness.gaps.length > 0 && <Gaps gaps={readiness.gaps} />}
    </section>
  );
}

/** Done skills whose review cards keep lapsing: study them again (see the Review page). */
function NeedsRefresh({ skills }: { skills: readonly string[] }) {
  const { t, tx } = useLocale();
  const curriculum = useCurriculum();
  return (
    <section className="card warning" aria-labelledby="refresh-title" data-testid="needs-refresh">
      <h2 id="refresh-title" className="h2">
        {t('progress.refresh')}
      </h2>
      <ul className="list-disc pl-5">
        {skills.map((id) => (
          <li key={id}>
            <a href={href('roadmap', { skill: id })}>
              {tx(curriculum.data?.skills.find((s) => s.id === id)?.title) || id}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm muted">{t('progress.refreshHint')}</p>
    </section>
  );
}

function Gaps({ gaps }: { gaps: readonly { skill: string; weight: number }[] }) {
  const { t } = useLocale();
  return (
    <section className="card" aria-labelledby="gaps-title">
      <h2 id="gaps-title" className="h2">
        {t('progress.gaps')}
      </h2>
      <GapList gaps={gaps} />
      <p className="mt-2 text-sm muted">{t('progress.gapsHint')}</p>
    </section>
  );
}

function GapList({ gaps }: { gaps: readonly { skill: string; weight: number }[] }) {
  const { tx } = useLocale();
  const curriculum = useCurriculum();
  return (
    <ul className="flex flex-wrap gap-2">
      {gaps.slice(0, 12).map((gap) => {
        const skill = curriculum.data?.skills.find((s) => s.id === gap.skill);
        return (
          <li key={gap.skill}>
            <a href={`#/roadmap?skill=${encodeURIComponent(gap.skill)}`}>{skill ? tx(skill.title) : gap.skill}</a>
          </li>
        );
      })}
    </ul>
  );
}

function StageProgress({ doneByStage }: { doneByStage: Readonly<Record<string, { done: number; total: number }>> }) {
  const { t, tx, num } = useLocale();
  const curriculum = useCurriculum();
  const stages = (curriculum.data?.stages ?? []).filter((stage) => doneByStage[stage.id]);
  if (stages.length === 0) return null;
  return (
    <section className="card" aria-labelledby="stages-title">
      <h2 id="stages-title" className="h2">
        {t('progress.byStage')}
      </h2>
      <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2" data-testid="stage-progress">
        {stages.map((stage) => {
          const entry = doneByStage[stage.id] ?? { done: 0, total: 0 };
          const complete = entry.total > 0 && entry.done >= entry.total;
          return (
            <li key={stage.id} className="flex justify-between gap-2 text-sm">
              <span>
                {complete && <span aria-hidden="true">✓ </span>}
                {tx(stage.title)}
              </span>
              <span className="muted">
                {t('progress.ofTotal', { done: num(entry.done, 0), total: num(entry.total, 0) })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
