/**
 * @module replan
 * The plan as it stands today: the planner's re-plan and forecast over the folded progress log.
 */
import type { Curriculum } from '../core/model.js';
import type { Forecast, Profile } from '../core/plan-model.js';
import { chooseRoute, forecastFrom } from '../core/planner/index.js';
import { foldProgress } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';

/** Re-plan from today with the learner's progress and pace; says how the finish date moved. */
export function currentPlan(
  curriculum: Curriculum,
  profile: Profile,
  events: readonly ProgressEvent[],
  today: string,
): Forecast {
  return forecastFrom(curriculum, profile, foldProgress(events, curriculum), today);
}

/** The stage ids of the learner's route, in order (undefined when the curriculum has no routes). */
export function routeStages(curriculum: Curriculum, profile: Profile): readonly string[] | undefined {
  return chooseRoute(curriculum, profile).route?.stages;
}
