/**
 * @module pace
 * How a pace (observed hours per estimated hour, `Forecast.pace`) is told to a learner: the one rule
 * every face words it by (the CLI's `status`, the web's Plan page). The difference from the estimate
 * is a whole percent; one that rounds to 0 reads as "as estimated", so no face says "0% slower" where
 * another says "as fast". The pace is already drawn towards the estimate by how little evidence there
 * is (`forecastPace`), so every whole percent of it is what the forecast plans with: on a plan of
 * 2,000 hours, 5% is about 100 hours, months at 10 hours a week, and is never called "as estimated".
 */

/** Differences from the estimate below this many percent read as "as estimated". */
export const PACE_NOISE_PERCENT = 1;

/** A pace as the learner reads it: as estimated, or slower or faster by a whole percent. */
export type PaceReading =
  | { readonly kind: 'even' }
  | { readonly kind: 'slower' | 'faster'; /** Whole percent, at least PACE_NOISE_PERCENT. */ readonly percent: number };

/** The reading of a pace: 1.2 is 20% slower, 0.9 10% faster, 1.03 as estimated. */
export function readPace(pace: number): PaceReading {
  const percent = Math.round(Math.abs(pace - 1) * 100);
  if (!Number.isFinite(percent) || percent < PACE_NOISE_PERCENT) return { kind: 'even' };
  return { kind: pace > 1 ? 'slower' : 'faster', percent };
}
