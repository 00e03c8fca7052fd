/**
 * @module stored-plan
 * What `mlpath plan` needs from the store when no `--start-point` is given: the stored profile
 * and the progress so far. Reads only: a learner who never ran `mlpath init` gets no database
 * file created behind their back.
 */
import { existsSync } from 'node:fs';
import type { Curriculum } from '../core/model.js';
import type { Profile, ProgressState } from '../core/plan-model.js';
import { statsOf } from '../core/progress.js';
import { storedFold } from '../learner/fold.js';
import type { ReviewReservation } from '../core/planner/index.js';
import { mayHaveCards, reviewMinutesOf } from '../learner/review.js';
import { planFor } from '../core/planner/plan.js';
import { databaseFile } from '../store/open.js';
import type { CliIo } from './io.js';
import { withSession } from './session.js';

export interface StoredPlanInput {
  readonly profile: Profile;
  readonly progress: ProgressState;
  /** The review time each week reserves, from the learner's cards. */
  readonly reviewMinutes: ReviewReservation;
  /** The learner's today (MLPATH_NOW / MLPATH_TODAY respected). */
  readonly today: string;
}

export async function storedPlanInput(io: CliIo, curriculum: Curriculum): Promise<StoredPlanInput | undefined> {
  const url = io.env['DATABASE_URL'];
  if ((url === undefined || url === '') && !existsSync(databaseFile(io.env, io.cwd))) return undefined;
  return withSession(io, async (session) => {
    const profile = await session.profile();
    if (!profile) return undefined;
    // The fold kept with the log (learner/fold.ts), not the whole log.
    const fold = await storedFold({ ...session.context(), curriculum });
    const { skills, items, logged, loggedByItem, loggedGeneral, loggedForeign, doneOn } = statsOf(fold, undefined);
    const progress = { skills, items, logged, loggedByItem, loggedGeneral, loggedForeign, doneOn };
    return {
      profile,
      progress,
      // A skill's work, for the cards, is the first plan's units (the plan from the profile alone),
      // made only when there can be cards at all.
      reviewMinutes: mayHaveCards(curriculum, progress)
        ? reviewMinutesOf(curriculum, fold, planFor(curriculum, profile), session.today, profile.startDate)
        : {},
      today: session.today,
    };
  });
}
