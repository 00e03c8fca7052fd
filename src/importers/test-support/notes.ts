/**
 * An import summary's notes in English, as the tests read them (the importers return catalogue
 * records; the faces word them).
 */
import { noteText } from '../common.js';
import type { ImportSummary } from '../common.js';

export function droppedText(summary: ImportSummary): { what: string; why: string }[] {
  return summary.dropped.map((d) => ({ what: noteText(d.what), why: noteText(d.why) }));
}

export function warningsText(summary: ImportSummary): string[] {
  return summary.warnings.map(noteText);
}
