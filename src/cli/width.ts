/**
 * @module width
 * The columns a text takes in a terminal, for lining up columns and commander's help: printable
 * ASCII takes one column a character; anything else is measured by string-width. Its Unicode tables
 * cost more to load than `mlpath today` takes to run, so it is loaded only where a text needs it:
 * `measuring` before texts are measured, or `loadWidths` where they are not known in advance.
 */

let measure: ((text: string) => number) | undefined;

const PLAIN = /^[\x20-\x7e]*$/;

/** Load string-width (once). */
export async function loadWidths(): Promise<void> {
  measure ??= (await import('string-width')).default;
}

/** Load string-width when any of the texts needs it. */
export async function measuring(texts: Iterable<string>): Promise<void> {
  for (const text of texts) if (!PLAIN.test(text)) return loadWidths();
}

/**
 * Columns of a text. A text that is not printable ASCII needs string-width loaded first (measuring,
 * loadWidths); without it such a text counts one column a code point.
 */
export function displayWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  return measure ? measure(text) : [...text].length;
}
