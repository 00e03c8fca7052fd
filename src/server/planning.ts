/**
 * @module server/planning
 * What GET /api/plan answers from: the learner's profile and progress, the re-plan from progress
 * and today, and the JSON answer made from them (status, progress and today are learner actions,
 * src/learner/progress.ts). The planner is pure and
 * deterministic and the event log only grows, so all of it is kept per learner until the
 * profile, the number of events or the date changes; an unchanged state is answered from the
 * kept JSON after two small queries, with its entity tag (so a client holding it gets 304, and
 * compression.ts compresses it once).
 */
import { createHash } from 'node:crypto';
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

/** A JSON answer as bytes, and its strong entity tag (a digest of them). */
export interface Answer {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly tag: string;
}

interface Entry {
  readonly key: string;
  readonly today: string;
  /** The store's change token when the key was last read (undefined: read it again each time). */
  token: string | undefined;
  state: Promise<LearnerState> | undefined;
  readonly bodies: Map<string, Answer>;
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
    // While the store's change token and the date stay, the kept entry stands without a query.
    const token = await this.#store.changeToken();
    const kept = this.#entries.get(learner);
    if (token !== undefined && kept?.token === token && kept.today === today) return kept;
    const [profile, count] = await Promise.all([this.#store.getProfile(learner), this.#store.countEvents(learner)]);
    // Events are only ever appended (an undo is an event too), so their count identifies the log.
    const key = `${today}\u0000${count}\u0000${JSON.stringify(profile ?? null)}`;
    let entry = this.#entries.get(learner);
    if (entry?.key !== key) entry = { key, today, token, state: undefined, bodies: new Map() };
    else entry.token = token;
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

  /** The JSON answer `name` and its tag, built from the state once per state. */
  async json(learner: string, today: string, name: string, build: (state: LearnerState) => unknown): Promise<Answer> {
    const entry = await this.#entry(learner, today);
    const kept = entry.bodies.get(name);
    if (kept !== undefined) return kept;
    entry.state ??= this.#compute(learner, today);
    entry.state.catch(() => {
      entry.state = undefined;
    });
    const json = JSON.stringify(build(await entry.state));
    const answer = {
      body: new TextEncoder().encode(json),
      tag: `"${createHash('sha256').update(json).digest('hex').slice(0, 32)}"`,
    };
    entry.bodies.set(name, answer);
    return answer;
  }
}
