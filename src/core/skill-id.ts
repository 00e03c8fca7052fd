/**
 * @module skill-id
 * Skill ids typed by people or carried by other formats, turned into mlpath's kebab-case ids.
 * Metacademy spells its tags `linear_regression` (and sometimes `feed-forward-neural-nets`);
 * imported curricula use `linear-regression`. Every command that takes a skill id accepts either
 * spelling by resolving it here.
 */

/**
 * Normalise a tag the way Metacademy does (lower case, every character outside a-z and 0-9
 * becomes a separator), then as a kebab-case id: separators become single hyphens, none at the ends.
 */
export function normalizeSkillId(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The id a user meant: the input itself when it is a known id, else its normalised spelling when
 * that is known, else undefined (the caller reports it, with suggestions).
 */
export function resolveSkillId(
  input: string,
  known: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): string | undefined {
  if (known.has(input)) return input;
  const normalized = normalizeSkillId(input);
  return known.has(normalized) ? normalized : undefined;
}
