/**
 * @module jobs/evidence
 * Reading back a piece of a role's evidence (analyze.ts writes `title: "..."`, `"..."` or
 * `skills: a, b`), so each face words it in the learner's language from data, not from its own
 * reading of the string.
 */
/** One piece of a role's evidence, read back for a face to word: a phrase of the title or of the text, or the skills asked. */
export type EvidencePiece =
  | { readonly kind: 'title' | 'phrase'; readonly words: string }
  | { readonly kind: 'skills'; readonly ids: readonly string[] }
  | { readonly kind: 'other'; readonly text: string };

/** A piece of `role.evidence` (`title: "..."`, `"..."` or `skills: a, b`) as data; the one reading of that form. */
export function evidencePiece(evidence: string): EvidencePiece {
  const title = /^title: "(.*)"$/.exec(evidence);
  if (title) return { kind: 'title', words: title[1] ?? '' };
  const phrase = /^"(.*)"$/.exec(evidence);
  if (phrase) return { kind: 'phrase', words: phrase[1] ?? '' };
  const skills = /^skills: (.*)$/.exec(evidence);
  if (skills) return { kind: 'skills', ids: (skills[1] ?? '').split(', ').filter((id) => id !== '') };
  return { kind: 'other', text: evidence };
}
