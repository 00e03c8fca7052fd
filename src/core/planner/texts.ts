/**
 * @module planner/texts
 * The sentences the planner writes itself, in English and Simplified Chinese. Curriculum text
 * (reasons, titles) is passed through as authored; these only glue it together.
 */
import type { Text } from '../model.js';

/** Build a Text from its two renderings. */
export function t(en: string, zh: string): Text {
  return { en, 'zh-CN': zh };
}

/** Join several Texts sentence by sentence, locale by locale. */
export function joinText(parts: readonly (Text | undefined)[], separator = ' ', zhSeparator = ''): Text {
  const present = parts.filter((p): p is Text => p !== undefined);
  const en = present.map((p) => p['en'] ?? Object.values(p)[0] ?? '').filter((s) => s !== '');
  const zh = present.map((p) => p['zh-CN'] ?? p['en'] ?? Object.values(p)[0] ?? '').filter((s) => s !== '');
  return { en: en.join(separator), 'zh-CN': zh.join(zhSeparator) };
}

/** Hours as a person would say them: 12.5 h, 3 h. */
export function hoursText(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** A list in prose: "a, b and c" / "a、b 和 c". */
export function listText(items: readonly string[]): Text {
  if (items.length === 0) return t('', '');
  if (items.length === 1) return t(items[0] ?? '', items[0] ?? '');
  const head = items.slice(0, -1);
  const last = items[items.length - 1] ?? '';
  return t(`${head.join(', ')} and ${last}`, `${head.join('、')} 和 ${last}`);
}
