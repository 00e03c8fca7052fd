/**
 * @module planner/texts
 * How the planner says things: as records (`Said`), a key of the catalogue's `planner` namespace
 * with its values, never as words. Curriculum text (reasons, titles) is passed through as authored;
 * each face renders the records in its learner's language (i18n/planner.ts).
 */
import type { Text } from '../model.js';
import type { ListJoin, Said, SaidList, SaidParams, SaidValue, Words } from '../plan-model.js';

/** A sentence of the planner: its catalogue key and values. */
export function said(key: string, params: SaidParams = {}): Said {
  return { key, params };
}

/** Values shown as one list, joined as the locale writes `join`. */
export function listOf(items: readonly SaidValue[], join: ListJoin): SaidList {
  return { items, join };
}

/** Several sentences read as one text (one sentence stays itself); absent parts are left out. */
export function sentences(parts: readonly (Words | undefined)[]): Words {
  const kept = present(parts);
  if (kept.length === 1 && kept[0] !== undefined) return kept[0];
  return said('sentences', { list: listOf(kept, 'sentences') });
}

/** The parts that are there, in order, in a list sized to their count (a filtered list keeps room for 17). */
export function present<T>(parts: readonly (T | undefined)[]): T[] {
  let count = 0;
  for (const p of parts) if (p !== undefined) count++;
  const out = new Array<T>(count);
  count = 0;
  for (const p of parts) if (p !== undefined) out[count++] = p;
  return out;
}

/** Hours as a person says them: to a tenth (12.5, 3). */
export function tenths(hours: number): number {
  return Math.round(hours * 10) / 10;
}

/** A factor to two decimals, as factors are given (0.85). */
export function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A resource's title as text: its local titles where the curriculum gives them, the authored title
 * otherwise; English shows the authored title unless `localEnglish` (region notes use the local one).
 */
export function titled(title: string, local: Text | undefined, localEnglish = false): Text {
  const en = localEnglish ? (local?.['en'] ?? title) : title;
  // Without local titles (most resources) a plain pair: no copy of an absent object.
  if (local === undefined) return { en, 'zh-CN': title };
  return { ...local, en, 'zh-CN': local['zh-CN'] ?? title };
}
