/**
 * @module items
 * Ids a learner types (skill, resource, resource/unit, an old skill id) checked against the
 * curriculum, with "did you mean" for a typo; and their titles for messages.
 */
import { MlpathError, suggest } from '../core/errors.js';
import { byId, textIn } from '../core/model.js';
import type { Curriculum, Locale } from '../core/model.js';
import { itemIndex, knownItemIds, resolveItem } from '../core/progress.js';
import type { ItemKind } from '../core/progress.js';
import { trackingMessages } from './tracking-messages.js';

export function requireItem(curriculum: Curriculum, id: string, locale: Locale): { kind: ItemKind; key: string } {
  const index = itemIndex(curriculum);
  const found = resolveItem(index, id.trim());
  if (found) return found;
  const m = trackingMessages(locale);
  const suggestions = suggest(id, knownItemIds(index), 5);
  throw new MlpathError({
    code: 'NOT_FOUND',
    message: m.unknownItem(id),
    hint: suggestions.length > 0 ? m.didYouMean(suggestions) : m.idHint,
  });
}

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
