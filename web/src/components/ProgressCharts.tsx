/**
 * @module ProgressCharts
 * The burn-up (hours done against the plan and the forecast) and hours per week, drawn with
 * recharts. Loaded on demand. Every week is drawn (zero weeks too) up to the current one, a
 * "today" line marks now, planned and forecast climb to the same (current) total with the first
 * plan as a faint reference (see lib/charts), and month ticks fall at an even step.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BurnupPoint } from '../lib/api.js';
import { burnupAgainstCurrent, evenTicks, everyWeek, type WeekHours } from '../lib/charts.js';
import { daysBetween, formatMonth } from '../lib/format.js';
import { weekStart } from '../../../src/core/dates.js';
import { useLocale } from '../lib/locale.js';
import { href } from '../lib/router.js';
import { useDark } from '../lib/theme.js';

/**
 * Axis and tooltip labels in the current language. A chart that spans most of a year or more
 * labels its weeks by month and year, since "Jan 14" after "Nov 26" hides that a year went by.
 */
function useAxis(weeks: readonly string[]) {
  const { date, num, hours, locale } = useLocale();
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const long = first !== undefined && last !== undefined && daysBetween(first, last) > 300;
  const tickDate = (value: unknown) =>
    typeof value !== 'string' ? String(value) : long ? formatMonth(value, locale) : date(value, 'short');
  return {
    /** A week axis's own props: its key, its labels, and recharts leaving out a label that would run into its neighbour. */
    weeks: { dataKey: 'week', tickFormatter: tickDate, interval: 'preserveStartEnd', minTickGap: 8 } as const,
    tooltipDate: (value: unknown) => (typeof value === 'string' ? date(value, 'medium') : String(value)),
    tickNumber: (value: unknown) => (typeof value === 'number' ? num(value, 0) : String(value)),
    tooltipHours: (value: unknown) => (typeof value === 'number' ? hours(value) : String(value)),
  };
}

/** At most this many ticks on a week axis: fewer on a phone, where four Chinese month labels ("2026年12月") run into each other. */
function useTickCount(): number {
  return typeof window !== 'undefined' && window.innerWidth < 640 ? 3 : 8;
}

export function BurnupChart({ points, today }: { points: readonly BurnupPoint[]; today: string }) {
  const { t } = useLocale();
  const rows = burnupAgainstCurrent(points);
  const weeks = rows.map((row) => row.week);
  const axis = useAxis(weeks);
  const ticks = evenTicks(weeks, useTickCount());
  const now = weekStart(today);
  const dark = useDark();
  const ink = dark ? '#e2e8f0' : '#1e293b';
  return (
    <div className="h-72 w-full" data-testid="burnup-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 18, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#334155' : '#cbd5e1'} />
          {/* Padding keeps the first and last dates clear of the Y labels and the card's edge. */}
          <XAxis {...axis.weeks} stroke={ink} ticks={ticks} padding={{ left: 24, right: 24 }} />
          {/* Sized to its widest label, so "2,800" or "2800" is never cut at the left edge. */}
          <YAxis tickFormatter={axis.tickNumber} stroke={ink} width="auto" allowDecimals={false} />
          <Tooltip labelFormatter={axis.tooltipDate} formatter={(value) => axis.tooltipHours(value)} />
          {/* In the order the lines are drawn, the same in every language (not sorted by name). */}
          <Legend itemSorter={null} />
          {weeks.includes(now) && (
            <ReferenceLine
              x={now}
              stroke={ink}
              strokeWidth={1.5}
              label={{ value: t('progress.todayLine'), position: 'top', fill: ink, fontSize: 12 }}
            />
          )}
          <Line
            type="monotone"
            dataKey="firstPlanHours"
            name={t('progress.firstPlan')}
            stroke={dark ? '#64748b' : '#94a3b8'}
            strokeOpacity={0.6}
            strokeDasharray="2 4"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            type="monotone"
            dataKey="plannedHours"
            name={t('progress.planned')}
            stroke={dark ? '#94a3b8' : '#64748b'}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            type="monotone"
            dataKey="forecastHours"
            name={t('progress.forecastLine')}
            stroke={dark ? '#fbbf24' : '#b45309'}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            type="monotone"
            dataKey="doneHours"
            name={t('progress.doneLine')}
            stroke={dark ? '#4ade80' : '#15803d'}
            strokeWidth={3}
            // Dots keep the first weeks visible: a single week done is a point, not yet a line.
            dot={{ r: 3, fill: dark ? '#4ade80' : '#15803d' }}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function HoursChart({ weeks }: { weeks: readonly WeekHours[] }) {
  const { t } = useLocale();
  const axis = useAxis(weeks.map((week) => week.week));
  const ticks = evenTicks(
    weeks.map((week) => week.week),
    useTickCount(),
  );
  const current = weeks.find((week) => week.current)?.week;
  const dark = useDark();
  const ink = dark ? '#e2e8f0' : '#1e293b';
  const bar = dark ? '#60a5fa' : '#2563eb';
  return (
    <div className="h-56 w-full" data-testid="hours-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...weeks]} margin={{ top: 18, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#334155' : '#cbd5e1'} />
          <XAxis {...axis.weeks} stroke={ink} ticks={ticks} />
          {/* Whole hours on the axis: with 1.5 h logged, ticks of 0.5 rounded to "0, 0, 1, 1, 2" would repeat. */}
          <YAxis tickFormatter={axis.tickNumber} stroke={ink} width="auto" allowDecimals={false} />
          <Tooltip labelFormatter={axis.tooltipDate} formatter={(value) => axis.tooltipHours(value)} />
          <Bar maxBarSize={48} dataKey="hours" name={t('progress.hoursLogged')} fill={bar} isAnimationActive={false}>
            {/* The current week, still filling, is drawn lighter. */}
            {weeks.map((week) => (
              <Cell key={week.week} fill={bar} fillOpacity={week.current ? 0.55 : 1} />
            ))}
          </Bar>
          {current && (
            <ReferenceLine
              x={current}
              stroke={ink}
              strokeDasharray="3 3"
              label={{ value: t('progress.thisWeek'), position: 'top', fill: ink, fontSize: 12 }}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export default function ProgressCharts(props: {
  burnup: readonly BurnupPoint[];
  hoursByWeek: readonly { week: string; hours: number }[];
  /** `YYYY-MM-DD` */
  today: string;
  /** The plan's start, `YYYY-MM-DD`: the hours chart begins there. */
  start: string | undefined;
}) {
  const { t, date, hours } = useLocale();
  const weeks = everyWeek(props.hoursByWeek, props.today, props.start);
  return (
    <>
      <section className="card" aria-labelledby="burnup-title">
        <h2 id="burnup-title" className="h2">
          {t('progress.burnup')}
        </h2>
        <p className="mb-2 text-sm muted">{t('progress.burnupHint')}</p>
        <BurnupChart points={props.burnup} today={props.today} />
      </section>
      <section className="card" aria-labelledby="hours-title">
        <h2 id="hours-title" className="h2">
          {t('progress.hoursPerWeek')}
        </h2>
        {props.hoursByWeek.length === 0 ? (
          <p className="muted">
            {t('progress.noHours')} <a href={href('today')}>{t('nav.today')}</a>
          </p>
        ) : (
          <>
            <HoursChart weeks={weeks} />
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer">{t('progress.asTable')}</summary>
              <table className="mt-1" data-testid="hours-table">
                <thead>
                  <tr>
                    <th scope="col" className="pr-4 text-left">
                      {t('progress.weekOf')}
                    </th>
                    <th scope="col" className="text-right">
                      {t('progress.hoursLogged')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((week) => (
                    <tr key={week.week}>
                      <td className="pr-4">
                        {date(week.week)}
                        {week.current ? ` ${t('common.inParens', { text: t('progress.thisWeek') })}` : ''}
                      </td>
                      <td className="text-right">{hours(week.hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>
    </>
  );
}
