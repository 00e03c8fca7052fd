/**
 * @module server/planning
 * What GET /api/plan answers from: the learner's profile and progress, the re-plan from progress
 * and today, and the JSON answer made from them (status, progress and today are learner actions,
 * src/learner/progress.ts). The planner is pure and
 * deterministic and the event log only grows, so all of it is kept per learner until the
 * profile, the number of events or the date changes; an unchanged state is answered from the
 * kept JSON after two small queries.
 */
import type { Curriculum } from '../core/model.js';
import type { Forecast, Plan, Profile, ProgressState } from '../core/plan-model.js';
import { forecastFrom, planFor } from '../core/planner/index.js';
import { foldProgress } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';
import type { Store } from '../store/store.js';
import { reviewMinutesOf } from '../learner/review.js';

export interface LearnerState {
  readonly profile: Profile | undefined;
  readonly events: readonly ProgressEvent[];
  readonly progress: ProgressState;
  /** The re-planned plan and forecast; undefined without a profile. */
  readonly forecast: Forecast | undefined;
  /** The first plan (from the profile alone); undefined without a profile. */
  original(): Plan | undefined;
}

interface Entry {
  readonly key: string;
  state: Promise<LearnerState> | undefined;
  readonly bodies: Map<string, string>;
}

export class Planning {
  /** Learners whose state is kept; the least recently used is dropped first. */
  static readonly MAX_LEARNERS = 64;
  readonly #store: Store;
  readonly #curriculum: Curriculum;
  readonly #entries = new Map<string, Entry>();

  constructor(store: Store, curriculum: Curriculum) {
    this.#store = store;
    this.#curriculum = curriculum;
  }

  async #entry(learner: string, today: string): Promise<Entry> {
    const [profile, count] = await Promise.all([this.#store.getProfile(learner), this.#store.countEvents(learner)]);
    // Events are only ever appended (an undo is an event too), so their count identifies the log.
    const key = `${today}\u0000${count}\u0000${JSON.stringify(profile ?? null)}`;
    let entry = this.#entries.get(learner);
    if (entry?.key !== key) entry = { key, state: undefined, bodies: new Map() };
    this.#entries.delete(learner);
    this.#entries.set(learner, entry);
    if (this.#entries.size > Planning.MAX_LEARNERS) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return entry;
  }

  async #compute(learner: string, today: string): Promise<LearnerState> {
    const [profile, events] = await Promise.all([this.#store.getProfile(learner), this.#store.listEvents(learner)]);
    const progress = foldProgress(events, this.#curriculum);
    const forecast = profile
      ? forecastFrom(this.#curriculum, profile, progress, today, undefined, {
          reviewMinutes: reviewMinutesOf(this.#curriculum, events, today, profile.startDate),
        })
      : undefined;
    let original: Plan | undefined;
    return {
      profile,
      events,
      progress,
      forecast,
      original: () => {
        if (profile) original ??= planFor(this.#curriculum, profile);
        return original;
      },
    };
  }

  /** The JSON answer `name`, built from the state once per state. */
  async json(learner: string, today: string, name: string, build: (state: LearnerState) => unknown): Promise<string> {
    const entry = await this.#entry(learner, today);
    const kept = entry.bodies.get(name);
    if (kept !== undefined) return kept;
    entry.state ??= this.#compute(learner, today);
    entry.state.catch(() => {
      entry.state = undefined;
    });
    const body = JSON.stringify(build(await entry.state));
    entry.bodies.set(name, body);
    return body;
  }
}
