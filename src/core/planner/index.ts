/**
 * @module planner
 * The planner's public API: profiles, plans, forecasts and readiness. Pure: time is an argument.
 */
export { profileFor, checkProfile, validateProfile, effortFactorFor, NO_CHOICES } from './profile.js';
export type { ProfileOverrides, ProfileProblem, ProfileField } from './profile.js';
export { recommendedRoute, chooseRoute, reasonsFor } from './route.js';
export {
  planFor,
  observedPace,
  hoursLeftToLog,
  hoursLeftOn,
  generalPool,
  READY,
  READY_TITLE,
  ALONGSIDE_SHARE,
} from './plan.js';
export { forecastFrom } from './forecast.js';
export { MIN_HISTORY_WEEKS, HISTORY_WEEKS, RANGE_RUNS } from './forecast-range.js';
export type { ForecastRange, HistoryWeek } from './forecast-range.js';
export type { PlanOptions, ReviewReservation } from './plan.js';
export { readinessFor } from './readiness.js';
export { WEEKS_PER_MONTH } from './tasks.js';
export { forecastRange, historyWeeksOf } from './forecast-range.js';
export { hoursNeededFor, targetOutlook, studyWarnings, NO_STUDY_WARNING_DAYS } from './target.js';
export type { OptionalWork, StudyWarning, TargetOutlook } from './target.js';
