/**
 * @module planner/forecast
 * Re-plan and forecast from progress: plan what is left from today, with the remaining estimates
 * corrected by the learner's observed pace, and say how the finish date moved since the first plan
 * (the plan from the profile alone, with no progress).
 */
import type { Curriculum } from '../model.js';
import type { Forecast, Plan, Profile, ProgressState } from '../plan-model.js';
import { daysBetween } from '../dates.js';
import { observedPace, planFor } from './plan.js';
import type { PlanOptions } from './plan.js';

export function forecastFrom(
  curriculum: Curriculum,
  profile: Profile,
  progress: ProgressState,
  today: string,
  /** The first plan, when the caller has it already. */
  original: Plan = planFor(curriculum, profile),
  options: PlanOptions = {},
): Forecast {
  const plan = planFor(curriculum, profile, progress, today, options);
  const { pace, doneHours } = observedPace(curriculum, profile, progress);
  return {
    plan,
    originalFinishDate: original.finishDate,
    finishDate: plan.finishDate,
    movedDays: daysBetween(original.finishDate, plan.finishDate),
    pace,
    doneHours: Math.round(doneHours * 10) / 10,
    remainingHours: plan.totalHours,
  };
}
