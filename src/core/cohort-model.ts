/**
 * @module cohort-model
 * The words of cohorts that cross boundaries (store, API, CLI, web): a cohort's kinds, its
 * members' roles and the longest name it may have. The rules of cohorts are the learner layer's
 * (`src/learner/cohorts.ts`).
 */

/** What a cohort is: a study group, a bootcamp or a team. */
export const COHORT_KINDS = ['study-group', 'bootcamp', 'team'] as const;
export type CohortKind = (typeof COHORT_KINDS)[number];

/** A member's role: the owner (one), mentors, members. */
export const COHORT_ROLES = ['owner', 'mentor', 'member'] as const;
export type CohortRole = (typeof COHORT_ROLES)[number];

/** The longest name a cohort may have, in characters. */
export const MAX_COHORT_NAME = 80;
