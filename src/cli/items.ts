/**
 * @module items
 * Titles of the items a learner names (skills, resources, units), for messages. Which id names
 * which item is the learner layer's rule (learner/items.ts).
 */
import type { Curriculum, Locale } from '../core/model.js';
import { itemTitleWords } from '../core/planner/tasks.js';
import { sayIn } from '../i18n/planner.js';

/**
 * A readable title for a skill, resource or unit key, named as plans name tasks (`itemTitleWords`),
 * falling back to the key itself.
 */
export function itemTitle(curriculum: Curriculum, key: string | undefined, locale: Locale): string {
  if (key === undefined) return '';
  const words = itemTitleWords(curriculum, key);
  return words === undefined ? key : sayIn(locale, words);
}
