/**
 * @module server/planning
 * The JSON answers GET /api/plan and /api/plan/roadmap make from the learner's progress snapshot
 * (src/learner/progress.ts: the profile, the stored fold, the first plan kept as the baseline, the
 * re-plan from today and its forecast, the same snapshot `mlpath status` and `mlpath plan` read).
 * The planner is pure and deterministic and the event log only grows, so each answer is kept as
 * bytes per learner until the profile, the number of events or the date changes; an unchanged state
 * is answered from the kept bytes after two small queries (none while the store's change token
 * stands), with its entity tag (so a client holding it gets 304, and compression.ts compresses it once).
 */
import { createHash } from 'node:crypto';
import type { LearnerContext } from '../learner/context.js';
import { progressSnapshot } from '../learner/progress.js';
import type { ProgressSnapshot } from '../learner/progress.js';
import type { Store } from '../store/store.js';

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
  readonly bodies: Map<string, Answer>;
}

export class Planning {
  /** Learners whose answers are kept; the least recently used is dropped first. */
  static readonly MAX_LEARNERS = 64;
  readonly #store: Store;
  readonly #entries = new Map<string, Entry>();

  constructor(store: Store) {
    this.#store = store;
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
    if (entry?.key !== key) entry = { key, today, token, bodies: new Map() };
    else entry.token = token;
    this.#entries.delete(learner);
    this.#entries.set(learner, entry);
    if (this.#entries.size > Planning.MAX_LEARNERS) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return entry;
  }

  /** The JSON answer `name` and its tag, built from the learner's progress snapshot once per state. */
  async json(
    ctx: LearnerContext,
    today: string,
    name: string,
    build: (snapshot: ProgressSnapshot) => unknown,
  ): Promise<Answer> {
    const entry = await this.#entry(ctx.learnerId, today);
    const kept = entry.bodies.get(name);
    if (kept !== undefined) return kept;
    const json = JSON.stringify(build(await progressSnapshot(ctx)));
    const answer = {
      body: new TextEncoder().encode(json),
      tag: `"${createHash('sha256').update(json).digest('hex').slice(0, 32)}"`,
    };
    entry.bodies.set(name, answer);
    return answer;
  }
}
