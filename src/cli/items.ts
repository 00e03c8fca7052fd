/**
 * @module items
 * Titles of the items a learner names (skills, resources, units), for messages. Which id names
 * which item is the learner layer's rule (learner/items.ts).
 */
import { byId, textIn } from '../core/model.js';
import type { Curriculum, Locale } from '../core/model.js';

/** A readable title for a skill, resource or unit key, falling back to the key itself. */
export function itemTitle(curriculum: Curriculum, key: string | undefined, locale: Locale): string {
  if (key === undefined) return '';
  const skill = byId(curriculum.skills).get(key);
  if (skill) return textIn(skill.title, locale);
  const [resourceId, unitId] = key.split('/');
  const resource = byId(curriculum.resources).get(resourceId ?? '');
  if (!resource) return key;
  const name = textIn(resource.localTitle, locale) || resource.title;
  if (unitId === undefined) return name;
  const unit = resource.units.find((u) => u.id === unitId);
  return unit ? `${name}: ${textIn(unit.title, locale)}` : key;
}
