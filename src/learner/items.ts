/**
 * @module learner/items
 * The one rule for an id a learner types (a skill, an old skill id, a resource or `resource/unit`):
 * surrounding spaces are trimmed; another spelling of a skill id (`python_basics`, `Python Basics`)
 * resolves to it; an unknown id is refused with up to three "did you mean" suggestions.
 */
import { suggest } from '../core/errors.js';
import type { Curriculum } from '../core/model.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { itemIndex, knownItemIds, resolveItem } from '../core/progress.js';
import type { ItemIndex, ItemKind } from '../core/progress.js';
import { normalizeSkillId } from '../core/skill-id.js';
import { MAX_ID_LENGTH } from '../core/planner/profile.js';
import { codedProblem, didYouMean } from '../core/errors.js';
import { LearnerError, withinLimit } from './errors.js';

/** How many "did you mean" suggestions an unknown id gets, in every face. */
export const MAX_SUGGESTIONS = 3;

export interface ResolvedItem {
  readonly kind: ItemKind;
  /** Today's id: events are recorded under it, whatever spelling was typed. */
  readonly key: string;
}

const indexes = new WeakMap<Curriculum, ItemIndex>();

function indexOf(curriculum: Curriculum): ItemIndex {
  let index = indexes.get(curriculum);
  if (!index) {
    index = itemIndex(curriculum);
    indexes.set(curriculum, index);
  }
  return index;
}

/** The item an id names, or undefined. `python_basics` and ` python-basics ` both name `python-basics`. */
export function findItem(curriculum: Curriculum, id: string): ResolvedItem | undefined {
  const index = indexOf(curriculum);
  const trimmed = id.trim();
  return resolveItem(index, trimmed) ?? resolveItem(index, normalizeSkillId(trimmed));
}

/**
 * The skill an id names, by today's id: an old id (`aliases`) or another spelling of either resolves
 * as in `findItem`. Undefined for an unknown id and for a resource or unit.
 */
export function findSkill(curriculum: Curriculum, id: string): string | undefined {
  const found = findItem(curriculum, id);
  return found?.kind === 'skill' ? found.key : undefined;
}

/**
 * Up to MAX_SUGGESTIONS ids near an unknown one ("did you mean"): among every id a learner may name,
 * or with `skills`, among the skills' ids and their old ids only.
 */
export function suggestItems(curriculum: Curriculum, id: string, only?: 'skills'): string[] {
  const index = indexOf(curriculum);
  const ids = only === 'skills' ? [...index.skills, ...index.aliases.keys()] : knownItemIds(index);
  return suggest(id.trim(), ids, MAX_SUGGESTIONS);
}

/**
 * The item an id names; throws NOT_FOUND (reason `unknown-item`, details `{ id, suggestions }`)
 * naming `path`, the field or argument it came from.
 */
export function requireItem(curriculum: Curriculum, id: string, path = 'item'): ResolvedItem {
  // An item is an id or two (`resource/unit`); anything longer is refused before any search.
  withinLimit(id, 2 * MAX_ID_LENGTH + 1, path);
  // An empty id names nothing: no search, and no suggestions (they would be the first ids A to Z).
  if (id.trim() === '')
    throw new LearnerError({
      code: 'INVALID_INPUT',
      reason: 'unknown-item',
      key: 'learner.noItem',
      hintKey: 'hint.itemIds',
      details: { id, suggestions: [] },
      problems: [codedProblem('learner.noItem', {}, { path })],
    });
  const found = findItem(curriculum, id);
  if (found) return found;
  const suggestions = suggestItems(curriculum, id);
  throw new LearnerError({
    code: 'NOT_FOUND',
    reason: 'unknown-item',
    key: 'learner.unknownItem',
    params: { id },
    ...(suggestions.length > 0 ? { hint: didYouMean(suggestions) } : { hintKey: 'hint.itemIds' }),
    details: { id, suggestions },
    problems: [codedProblem('learner.unknownItem', { id }, { path })],
  });
}

/** Event types whose `item` names a curriculum item (a skill, a resource or `resource/unit`). */
const ITEM_EVENTS: ReadonlySet<ProgressEvent['type']> = new Set([
  'started',
  'done',
  'skipped',
  'reset',
  'hours',
  'note',
]);

/**
 * The ids a log's events name that this curriculum does not know, distinct and sorted: a skill,
 * resource or unit (a review card by its skill). A backup written with another curriculum, or an
 * older one that has since dropped an item, names such ids; their events are kept in the log (a
 * later curriculum may know them again) but count toward nothing, and the faces say so.
 */
export function unknownItemsOf(curriculum: Curriculum, events: readonly ProgressEvent[]): string[] {
  const unknown = new Set<string>();
  for (const event of events) {
    if (event.item === undefined) continue;
    const id =
      event.type === 'reviewed' ? (event.item.split('/')[0] ?? '') : ITEM_EVENTS.has(event.type) ? event.item : '';
    if (id !== '' && !unknown.has(id) && findItem(curriculum, id) === undefined) unknown.add(id);
  }
  return [...unknown].sort();
}
