/**
 * @module export/anki
 * Self-check questions as a tab-separated text file that Anki imports (File > Import) as notes of
 * its built-in "Basic" type, with the file headers Anki reads (2.1.55 and later):
 *
 * ```
 * #separator:tab
 * #html:false
 * #notetype:Basic
 * #deck:mlpath::Machine-learning engineer
 * #guid column:1
 * #tags column:4
 * #columns:GUID	Front	Back	Tags
 * mlpath:ml-engineer:sql-databases/joins	Question…	Answer…	mlpath sql-databases
 * ```
 * The GUID is stable (curriculum id and card key), so importing a newer file updates the notes
 * instead of duplicating them. A field holding a tab, a line break or a double quote is quoted,
 * its quotes doubled, as Anki's importer expects.
 */
import { textIn } from '../core/model.js';
import type { Locale, Text } from '../core/model.js';

export interface AnkiNote {
  /** `skill/question`. */
  readonly key: string;
  readonly skill: string;
  readonly question: Text;
  readonly answer: Text;
}

export interface AnkiDeck {
  /** The curriculum's id: part of every GUID. */
  readonly curriculumId: string;
  /** The deck's name in Anki (`::` nests decks). */
  readonly deck: string;
  readonly locale: Locale;
  readonly notes: readonly AnkiNote[];
}

/** The file's text (UTF-8, `\n` line ends, a final line end). */
export function ankiText(deck: AnkiDeck): string {
  const lines = [
    '#separator:tab',
    '#html:false',
    '#notetype:Basic',
    `#deck:${oneLine(deck.deck)}`,
    '#guid column:1',
    '#tags column:4',
    '#columns:GUID\tFront\tBack\tTags',
    ...deck.notes.map((note) =>
      [
        `mlpath:${deck.curriculumId}:${note.key}`,
        textIn(note.question, deck.locale),
        textIn(note.answer, deck.locale),
        `mlpath ${note.skill}`,
      ]
        .map(field)
        .join('\t'),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function field(value: string): string {
  return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function oneLine(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ').trim();
}
