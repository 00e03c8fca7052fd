/**
 * @module replan
 * The plan as it stands today: the planner's re-plan and forecast over the folded progress log.
 */
import type { Curriculum } from '../core/model.js';
import type { Forecast, Profile, ProgressState } from '../core/plan-model.js';
import { chooseRoute, forecastFrom } from '../core/planner/index.js';
import { foldProgress } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';

/**
 * Re-plan from today with the learner's progress and pace; says how the finish date moved.
 * Takes the event log, or its fold when the caller has folded it already.
 */
export function currentPlan(
  curriculum: Curriculum,
  profile: Profile,
  progress: readonly ProgressEvent[] | ProgressState,
  today: string,
): Forecast {
  const state = isEventLog(progress) ? foldProgress(progress, curriculum) : progress;
  return forecastFrom(curriculum, profile, state, today);
}

function isEventLog(value: readonly ProgressEvent[] | ProgressState): value is readonly ProgressEvent[] {
  return Array.isArray(value);
}

/** The stage ids of the learner's route, in order (undefined when the curriculum has no routes). */
export function routeStages(curriculum: Curriculum, profile: Profile): readonly string[] | undefined {
  return chooseRoute(curriculum, profile).route?.stages;
}
