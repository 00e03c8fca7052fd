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
import { useLocale } from '../lib/locale.js';
import { useDark } from '../lib/theme.js';

function useAxis() {
  const { date, num } = useLocale();
  return {
    tickDate: (value: unknown) => (typeof value === 'string' ? date(value, 'short') : String(value)),
    tickNumber: (value: unknown) => (typeof value === 'number' ? num(value, 0) : String(value)),
  };
}

export function BurnupChart({ points }: { points: readonly BurnupPoint[] }) {
  const { t } = useLocale();
  const axis = useAxis();
  const dark = useDark();
  const ink = dark ? '#e2e8f0' : '#1e293b';
  return (
    <div className="h-72 w-full" data-testid="burnup-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#334155' : '#cbd5e1'} />
          <XAxis dataKey="week" tickFormatter={axis.tickDate} stroke={ink} minTickGap={24} />
          <YAxis tickFormatter={axis.tickNumber} stroke={ink} width={44} />
          <Tooltip labelFormatter={axis.tickDate} formatter={(value) => axis.tickNumber(value)} />
          <Legend />
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
            dot={false}
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
  const axis = useAxis();
  const dark = useDark();
  const ink = dark ? '#e2e8f0' : '#1e293b';
  return (
    <div className="h-56 w-full" data-testid="hours-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...weeks]} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#334155' : '#cbd5e1'} />
          <XAxis dataKey="week" tickFormatter={axis.tickDate} stroke={ink} minTickGap={16} />
          <YAxis tickFormatter={axis.tickNumber} stroke={ink} width={36} />
          <Tooltip labelFormatter={axis.tickDate} formatter={(value) => axis.tickNumber(value)} />
          <Bar
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
          <p className="muted">{t('progress.noHours')}</p>
        ) : (
          <HoursChart weeks={props.hoursByWeek} />
        )}
      </section>
    </>
  );
}
