/**
 * @module PlanTimeline
 * The plan as a picture: a row per stage with a bar across the weeks it runs (stages that run
 * together overlap in time), weeks off shaded, milestones marked, today as a line and the finish
 * date: for a re-made plan, the forecast at the learner's pace, the finish range once the status has
 * one (in the Progress page's words) and, apart, the first plan's date when the forecast moved it.
 * Below it, the same as text: each stage with its dates and hours. Plain HTML and CSS, so it
 * reflows down to 320 px.
 */
import type { Curriculum, Plan, StatusForecast } from '../lib/api.js';
import { evenTicks } from '../lib/charts.js';
import { addDays, formatMonth } from '../lib/format.js';
import { useLocale } from '../lib/locale.js';
import { stageBars, weekNumber } from '../lib/timeline.js';
import { RangeDates } from './Outlook.js';

/** Bar colours by stage order: distinct, and at least 3:1 against white and against slate-900. */
const PALETTE = ['#2563eb', '#7c3aed', '#0891b2', '#db2777', '#ea580c', '#16a34a', '#ca8a04', '#dc2626', '#4b5563'];

export function PlanTimeline(props: {
  curriculum: Curriculum;
  plan: Plan;
  today: string;
  /**
   * The first plan's finish, for a plan re-made from progress (then `plan` is the forecast at the
   * learner's pace); said apart from the forecast when the two differ, never as a range.
   */
  firstFinish?: string | undefined;
  /** The status's forecast: its finish range (p10 to p90) is shown once it has one. */
  outlook?: StatusForecast | undefined;
  /** Week numbers count from here (the learner's start), not from the re-made plan's first week. */
  numberFrom?: string | undefined;
}) {
  const { t, tx, date, num, hoursNum, locale } = useLocale();
  const { curriculum, plan, today } = props;
  const weeks = plan.weeks;
  const n = Math.max(1, weeks.length);
  const bars = stageBars(plan);
  const pct = (index: number) => `${(index / n) * 100}%`;
  const title = (stage: string) => {
    const found = curriculum.stages.find((s) => s.id === stage)?.title;
    const fromMilestone = plan.milestones.find((m) => m.stage === stage)?.title;
    return found ? tx(found) : fromMilestone ? tx(fromMilestone) : t('roadmap.otherSkills');
  };
  const indexOf = (day: string) => {
    const i = weeks.findIndex((w) => day >= w.start && day < addDays(w.start, 7));
    if (i < 0) return day < (weeks[0]?.start ?? day) ? 0 : n;
    const start = weeks[i]?.start ?? day;
    return i + (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / (7 * 86_400_000);
  };
  const ticks = evenTicks(
    weeks.map((w) => w.start),
    typeof window !== 'undefined' && window.innerWidth < 640 ? 3 : 7,
    120,
  );
  const showToday = today >= (weeks[0]?.start ?? today) && today <= plan.finishDate;
  const { firstFinish, outlook } = props;

  return (
    <figure className="card space-y-3" aria-labelledby="timeline-title" data-testid="plan-timeline">
      <h2 id="timeline-title" className="h2">
        {t('timeline.title')}
      </h2>
      <div className="space-y-1 text-sm" data-testid="timeline-finish">
        <p>
          {firstFinish
            ? t('timeline.forecast', { date: date(plan.finishDate, 'long'), hours: num(plan.hoursPerWeek, 1) })
            : t('timeline.finish', { date: date(plan.finishDate, 'long'), weeks: num(plan.weekCount, 0) })}
        </p>
        {outlook && <RangeDates forecast={outlook} />}
        {firstFinish && firstFinish !== plan.finishDate && (
          <p className="muted" data-testid="timeline-first-plan">
            {t('timeline.firstPlan', { date: date(firstFinish, 'long') })}
          </p>
        )}
      </div>
      {/* The picture; its words are in the list below, so assistive technology reads that instead. */}
      <div aria-hidden="true" className="space-y-1.5">
        {bars.map((bar, i) => (
          <div key={bar.stage} className="grid items-center gap-x-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
            {/* A long stage name wraps onto a second line rather than hiding its end. */}
            <div className="text-xs leading-snug [overflow-wrap:anywhere] sm:text-sm" data-testid="timeline-stage">
              {title(bar.stage)}
            </div>
            <div className="relative h-4 rounded-sm bg-slate-100 dark:bg-slate-800">
              <span
                className="absolute inset-y-0 rounded-sm"
                style={{
                  left: pct(bar.from),
                  width: `max(3px, ${((bar.to - bar.from + 1) / n) * 100}%)`,
                  background: PALETTE[i % PALETTE.length],
                }}
              />
              {/* Weeks off over the bars, so a break inside a stage shows too. */}
              {weeks.map((w, wi) =>
                w.off ? (
                  <span
                    key={wi}
                    className="absolute inset-y-0 bg-slate-400/70 dark:bg-slate-500/70"
                    style={{ left: pct(wi), width: pct(1) }}
                  />
                ) : null,
              )}
              {showToday && (
                <span
                  className="absolute inset-y-0 w-0.5 bg-slate-900 dark:bg-white"
                  style={{ left: pct(indexOf(today)) }}
                />
              )}
            </div>
          </div>
        ))}
        <div className="grid gap-x-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <div className="text-xs muted max-sm:hidden">{showToday ? `│ ${t('progress.todayLine')}` : ''}</div>
          <div className="relative h-5 text-xs muted">
            {ticks.map((tick) => (
              <span
                key={tick}
                className="absolute top-0 -translate-x-1/2 whitespace-nowrap first:translate-x-0"
                style={{ left: pct(indexOf(tick)) }}
              >
                {formatMonth(tick, locale)}
              </span>
            ))}
          </div>
        </div>
      </div>
      <details>
        <summary className="cursor-pointer text-sm">{t('timeline.asText')}</summary>
        <ol className="mt-2 space-y-1 text-sm" data-testid="timeline-text">
          {bars.map((bar, i) => (
            <li key={bar.stage} className="flex flex-wrap items-center gap-x-2">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-3 shrink-0 rounded-sm"
                style={{ background: PALETTE[i % PALETTE.length] }}
              />
              <span className="font-medium">{title(bar.stage)}</span>
              <span className="muted">
                {t('timeline.span', {
                  start: date(bar.start),
                  end: date(bar.end),
                  from: num(weekNumber(weeks[bar.from]?.start, props.numberFrom, bar.from), 0),
                  to: num(weekNumber(weeks[bar.to]?.start, props.numberFrom, bar.to), 0),
                  hours: hoursNum(bar.hours),
                })}
              </span>
            </li>
          ))}
          {weeks.some((w) => w.off) && (
            <li className="flex items-center gap-x-2">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-3 rounded-sm bg-slate-400/70 dark:bg-slate-500/70"
              />
              {t('timeline.weeksOff', { count: weeks.filter((w) => w.off).length })}
            </li>
          )}
        </ol>
      </details>
    </figure>
  );
}
