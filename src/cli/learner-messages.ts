/**
 * @module learner-messages
 * The learner layer's refusals in the learner's language: each reason worded from its details
 * (ids, suggestions, values), with the same code, so exit statuses do not change. A reason the
 * CLI words elsewhere (a profile, named by its flags) passes through the edge translation.
 */
import { MlpathError } from '../core/errors.js';
import type { Locale } from '../core/model.js';
import type { LearnerError } from '../learner/errors.js';
import { errorIn } from './edge-messages.js';
import { rmsg } from './review-messages.js';
import { trackingMessages } from './tracking-messages.js';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function learnerErrorIn(locale: Locale, error: LearnerError): MlpathError {
  // A coded refusal is worded from the catalogue where it is shown (exit-codes.ts).
  if (error.coded) return error;
  const m = trackingMessages(locale);
  const d = error.details;
  const id = text(d['id']);
  const close = strings(d['suggestions']);
  const hinted = (fallback: string): string => (close.length > 0 ? m.didYouMean(close) : fallback);
  const make = (message: string, hint?: string): MlpathError =>
    new MlpathError({ code: error.code, message, ...(hint === undefined ? {} : { hint }), cause: error });
  switch (error.reason) {
    case 'unknown-item':
      return make(m.unknownItem(id), hinted(m.idHint));
    case 'unknown-project':
      return make(m.unknownProject(id), hinted(m.projectsHint));
    case 'unknown-template':
      return make(m.unknownTemplate(id), hinted(m.templatesHint(strings(d['templates']))));
    case 'unknown-rubric-item':
      return make(m.unknownRubric(id), hinted(m.rubricHint(strings(d['items']))));
    case 'project-exists':
      return make(m.projectExists(id), m.projectIdHint);
    case 'bad-project-id':
      return make(m.badProjectId(id));
    case 'bad-url':
      return make(m.badUrl(text(d['value'])));
    case 'bad-hours':
      return make(m.badHours(text(d['value'])));
    case 'bad-date':
      return make(m.badDate(text(d['value'])));
    case 'future-date':
      return make(m.futureDate(text(d['value']), text(d['today'])));
    case 'empty-note':
      return make(m.emptyNote);
    case 'long-note':
      return make(m.longNote(text(d['length']), text(d['max'])));
    case 'too-long':
      return make(m.tooLong(text(d['field']), text(d['length']), text(d['max'])));
    case 'already-undone':
      return make(m.alreadyUndone);
    case 'needs-profile':
      return make(m.needsProfile, m.needsProfileHint);
    case 'bad-rating':
      return make(rmsg(locale, 'badRating', { value: text(d['value']) }));
    case 'unknown-card':
      return make(rmsg(locale, 'unknownCard', { id }), rmsg(locale, 'cardsHint'));
    default:
      return errorIn(locale, error);
  }
}
