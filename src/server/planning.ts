/**
 * @module server/planning
 * What the plan, status and today routes share: the learner's profile and progress read once,
 * and the re-plan from progress and today. The planner is pure and deterministic, so a result
 * is kept per learner until the profile, the event log or the date changes.
 */
import type { Curriculum } from '../core/model.js';
import type { Forecast, Plan, Profile, ProgressState } from '../core/plan-model.js';
import { forecastFrom, planFor } from '../core/planner/index.js';
import { foldProgress } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import type { Store } from '../store/store.js';

export interface LearnerState {
  readonly profile: Profile | undefined;
  readonly events: readonly ProgressEvent[];
  readonly progress: ProgressState;
  /** The re-planned plan and forecast; undefined without a profile. */
  readonly forecast: Forecast | undefined;
}

/** Re-plans per learner, keyed by what they depend on (bounded: the oldest learner is dropped). */
export class Planning {
  readonly #store: Store;
  readonly #curriculum: Curriculum;
  readonly #cache = new Map<string, { key: string; forecast: Forecast }>();
  static readonly MAX_LEARNERS = 256;

  constructor(store: Store, curriculum: Curriculum) {
    this.#store = store;
    this.#curriculum = curriculum;
  }

  readonly #originals = new Map<string, { key: string; plan: Plan }>();

  /** The first plan: from the profile alone, with no progress. */
  originalPlan(learner: string, profile: Profile): Plan {
    const key = JSON.stringify(profile);
    const cached = this.#originals.get(learner);
    if (cached?.key === key) return cached.plan;
    const plan = planFor(this.#curriculum, profile);
    this.#originals.delete(learner);
    this.#originals.set(learner, { key, plan });
    if (this.#originals.size > Planning.MAX_LEARNERS) {
      const oldest = this.#originals.keys().next().value;
      if (oldest !== undefined) this.#originals.delete(oldest);
    }
    return plan;
  }

  async stateOf(learner: string, today: string): Promise<LearnerState> {
    const [profile, events] = await Promise.all([this.#store.getProfile(learner), this.#store.listEvents(learner)]);
    const progress = foldProgress(events, this.#curriculum);
    if (!profile) return { profile, events, progress, forecast: undefined };
    // Events are append-only, so their count and the last id identify the log.
    const key = `${today}\u0000${events.length}\u0000${events.at(-1)?.id ?? ''}\u0000${JSON.stringify(profile)}`;
    const cached = this.#cache.get(learner);
    if (cached?.key === key) return { profile, events, progress, forecast: cached.forecast };
    const forecast = forecastFrom(this.#curriculum, profile, progress, today);
    this.#cache.delete(learner);
    this.#cache.set(learner, { key, forecast });
    if (this.#cache.size > Planning.MAX_LEARNERS) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    return { profile, events, progress, forecast };
  }
}
