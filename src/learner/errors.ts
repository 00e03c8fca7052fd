/**
 * @module learner/errors
 * The learner layer's refusals: a coded MlpathError (so both faces map its code to an exit status or
 * an HTTP status in their one place, and word its catalogue key in the learner's language, each with
 * its own hint) that also carries a `reason` and the values behind it, for a face or a test to act on
 * without parsing a sentence.
 */
import { codedProblem, MlpathError } from '../core/errors.js';

export type LearnerReason =
  | 'unknown-item'
  | 'unknown-project'
  | 'unknown-template'
  | 'unknown-rubric-item'
  | 'project-exists'
  | 'bad-project-id'
  | 'bad-url'
  | 'bad-hours'
  | 'bad-date'
  | 'future-date'
  | 'day-full'
  | 'empty-note'
  | 'long-note'
  | 'too-long'
  | 'unknown-event'
  | 'already-undone'
  | 'event-id-taken'
  | 'event-id-other-step'
  | 'needs-profile'
  | 'import-not-empty'
  | 'bad-rating'
  | 'unknown-card'
  | 'unknown-cohort'
  | 'unknown-member'
  | 'bad-invite-code'
  | 'already-member'
  | 'cohort-full'
  | 'not-cohort-owner'
  | 'owner-role'
  | 'bad-role'
  | 'bad-cohort-name'
  | 'bad-cohort-kind'
  | 'bad-target-date'
  | 'profile';

export class LearnerError extends MlpathError {
  readonly reason: LearnerReason;
  /** The values the message is made of (ids, suggestions, limits), for a face to word them. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    options: ConstructorParameters<typeof MlpathError>[0] & {
      reason: LearnerReason;
      details?: Record<string, unknown>;
    },
  ) {
    super(options);
    this.reason = options.reason;
    this.details = options.details ?? {};
  }
}

export function isLearnerError(value: unknown): value is LearnerError {
  return value instanceof LearnerError;
}

/**
 * Refuse a text longer than `max` (an id, a title) before it is looked up, suggested for or stored:
 * INVALID_INPUT, reason `too-long`, details `{ field, length, max }`. Returns the text.
 */
export function withinLimit(value: string, max: number, field: string): string {
  if (value.length <= max) return value;
  throw new LearnerError({
    code: 'INVALID_INPUT',
    reason: 'too-long',
    key: 'learner.tooLong',
    params: { field, length: value.length, max },
    details: { field, length: value.length, max },
    problems: [codedProblem('learner.atMost', { max }, { path: field })],
  });
}

/**
 * The refusal for an action that needs a saved profile (NOT_FOUND, reason `needs-profile`). Its hint
 * says how to make one; `mlpath plan`, which can also plan from flags alone, says so too (`orFlags`).
 */
export function needsProfile(orFlags = false): LearnerError {
  return new LearnerError({
    code: 'NOT_FOUND',
    reason: 'needs-profile',
    key: 'learner.needsProfile',
    hintKey: orFlags ? 'hint.needsProfile.plan' : 'hint.needsProfile',
  });
}
