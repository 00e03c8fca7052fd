/**
 * @module ProgressCharts
 * The burn-up (hours done against the plan and the forecast) and hours per week, drawn with
 * recharts. Loaded on demand. Each chart also has a text summary for screen readers.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BurnupPoint } from '../lib/api.js';
import { daysBetween, formatMonth } from '../lib/format.js';
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
  return {
    tickDate: (value: unknown) =>
      typeof value !== 'string' ? String(value) : long ? formatMonth(value, locale) : date(value, 'short'),
    tooltipDate: (value: unknown) => (typeof value === 'string' ? date(value, 'medium') : String(value)),
    tickNumber: (value: unknown) => (typeof value === 'number' ? num(value, 0) : String(value)),
    tooltipHours: (value: unknown) => (typeof value === 'number' ? hours(value) : String(value)),
  };
}

export function BurnupChart({ points }: { points: readonly BurnupPoint[] }) {
  const { t } = useLocale();
  const axis = useAxis(points.map((point) => point.week));
  const dark = useDark();
  const ink = dark ? '#e2e8f0' : '#1e293b';
  return (
    <div className="h-72 w-full" data-testid="burnup-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#334155' : '#cbd5e1'} />
          {/* Padding keeps the first and last dates clear of the Y labels and the card's edge. */}
          <XAxis
            dataKey="week"
            tickFormatter={axis.tickDate}
            stroke={ink}
            minTickGap={24}
            padding={{ left: 24, right: 24 }}
          />
          {/* Sized to its widest label, so "2,800" or "2800" is never cut at the left edge. */}
          <YAxis tickFormatter={axis.tickNumber} stroke={ink} width="auto" allowDecimals={false} />
          <Tooltip labelFormatter={axis.tooltipDate} formatter={(value) => axis.tooltipHours(value)} />
          {/* In the order the lines are drawn, the same in every language (not sorted by name). */}
          <Legend itemSorter={null} />
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

export function HoursChart({ weeks }: { weeks: readonly { week: string; hours: number }[] }) {
  const { t } = useLocale();
  const axis = useAxis(weeks.map((week) => week.week));
  const dark = useDark();
  const ink = dark ? '#e2e8f0' : '#1e293b';
  return (
    <div className="h-56 w-full" data-testid="hours-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...weeks]} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#334155' : '#cbd5e1'} />
          <XAxis dataKey="week" tickFormatter={axis.tickDate} stroke={ink} minTickGap={16} />
          {/* Whole hours on the axis: with 1.5 h logged, ticks of 0.5 rounded to "0, 0, 1, 1, 2" would repeat. */}
          <YAxis tickFormatter={axis.tickNumber} stroke={ink} width="auto" allowDecimals={false} />
          <Tooltip labelFormatter={axis.tooltipDate} formatter={(value) => axis.tooltipHours(value)} />
          <Bar
            maxBarSize={48}
            dataKey="hours"
            name={t('progress.hoursLogged')}
            fill={dark ? '#60a5fa' : '#2563eb'}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export default function ProgressCharts(props: {
  burnup: readonly BurnupPoint[];
  hoursByWeek: readonly { week: string; hours: number }[];
}) {
  const { t } = useLocale();
  return (
    <>
      <section className="card" aria-labelledby="burnup-title">
        <h2 id="burnup-title" className="h2">
          {t('progress.burnup')}
        </h2>
        <p className="mb-2 text-sm muted">{t('progress.burnupHint')}</p>
        <BurnupChart points={props.burnup} />
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
          <HoursChart weeks={props.hoursByWeek} />
        )}
      </section>
    </>
  );
}
