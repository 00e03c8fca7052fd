import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEXT_RESOURCES } from './resources.js';

/**
 * Every key of the command line's and the server's namespaces is used somewhere: a key no code
 * names is a word no face can show, left behind when its code went (the old English-matching
 * translator left a set). A key counts as used when its name is written as a string in the code
 * of src/ or web/src (tests aside), or when it is one of the keys the code builds from a value,
 * listed here with the place that builds them. The web namespace (react-i18next builds most of its
 * keys from values) is not covered.
 */
const BUILT: Readonly<Record<string, ReadonlyArray<readonly [RegExp, string]>>> = {
  cli: [[/^cohort\.(kind|role)\./, 'cli/commands/cohort.ts: `cohort.kind.${kind}`, `cohort.role.${role}`']],
  curriculum: [
    [/^count\./, 'cli/curriculum-messages.ts: `count.${noun}`'],
    [/^kind\./, 'cli/curriculum-messages.ts: `kind.${kind}`'],
  ],
  errors: [
    [/^api\.(what|invalidField)\./, 'server/validate.ts: `api.what.${what}`, `api.invalidField.${what}`'],
    [/^backup\.(event|project|posting|calendarEvent)Twice$/, 'contract/backup.ts: `backup.${noun}Twice`'],
    [/^(hint\.)?file\./, 'cli/commands/exchange.ts: `file.write.${trouble}`, `hint.file.${trouble}`'],
    [/^cohort\.ownerOnly\./, 'learner/cohorts.ts: `cohort.ownerOnly.${what}`'],
    [/^issue\.(tooSmall|tooBig)\.(string|array|value)$/, 'i18n/issues.ts: `issue.${side}.${origin}`'],
    [/^issue\.(bound|type)\./, 'i18n/issues.ts: `issue.bound.${bound}`, `issue.type.${type}`'],
    [/^json\.expected\./, 'core/json-position.ts names them; server/validate.ts, export/backup.ts build them'],
    [/^posting\./, 'core/jobs/analyze.ts, learner/jobs.ts: `posting.${problem.kind}`'],
    [/^profile\.field\./, 'learner/profile.ts: `profile.field.${problem.field}`'],
    [/^profile\.noun\./, 'core/planner/profile.ts: `profile.noun.${noun}`'],
    [/^profile\.unknown(Valid)?(Mean)?(\.web)?$/, 'core/planner/profile.ts: `profile.unknown${Valid}${Mean}`'],
  ],
  help: [[/^title\./, 'cli/help-messages.ts: `title.${title}`']],
  job: [[/^(bad|level)\./, 'cli/commands/job.ts: `bad.${kind}`, `level.${seniority}`']],
  planner: [[/^join\./, 'i18n/planner.ts: `join.${list.join}`']],
  review: [[/^(placement|rating)\./, 'cli/placement.ts, cli/review-messages.ts']],
  // Exactly the core's areas: src/cli/messages.test.ts holds the keys equal to AREAS.
  areas: [[/^[a-z-]+$/, 'cli/messages.ts: areaName(area); web/src/i18n: the words of every area']],
  tracking: [[/^(doctor\.problem|weekday)\./, 'cli/commands/doctor.ts, cli/tracking-messages.ts']],
};

const SRC = fileURLToPath(new URL('../', import.meta.url));
const WEB_SRC = fileURLToPath(new URL('../../web/src/', import.meta.url));

/** The code files under a folder: TypeScript, tests and their fixtures aside. */
function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'test-support' && name !== 'locales') out.push(...codeFiles(path));
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Every string the code writes whole ('…', "…" or a template without a placeholder). */
function writtenStrings(): Set<string> {
  const out = new Set<string>();
  for (const file of [...codeFiles(SRC), ...codeFiles(WEB_SRC)]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(['"`])([A-Za-z][\w.-]*)\1/g)) out.add(m[2] ?? '');
  }
  return out;
}

/** A key as the code names it: without its plural ending or its face (`KEY.web`, `KEY.cli`). */
const named = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '').replace(/\.(web|cli)$/, '');

/** The keys of a namespace that no code names and none builds. */
export function unusedKeys(
  keys: Iterable<string>,
  written: ReadonlySet<string>,
  built: ReadonlyArray<readonly [RegExp, string]>,
): string[] {
  const out = new Set<string>();
  for (const key of keys) {
    const name = named(key);
    if (!written.has(name) && !built.some(([pattern]) => pattern.test(name))) out.add(name);
  }
  return [...out].sort();
}

describe('catalogue keys in use', () => {
  const written = writtenStrings();

  it('has no key that no code of src/ or web/src names or builds', () => {
    for (const [ns, table] of Object.entries(TEXT_RESOURCES.en)) {
      expect(unusedKeys(Object.keys(table), written, BUILT[ns] ?? []), ns).toEqual([]);
    }
  });

  it('finds a key added to the catalogue that nothing uses', () => {
    const keys = [...Object.keys(TEXT_RESOURCES.en.errors), 'backup.invalidType', 'profile.unused_one'];
    expect(unusedKeys(keys, written, BUILT['errors'] ?? [])).toEqual(['backup.invalidType', 'profile.unused']);
  });

  it('lists only patterns that some key of their namespace matches', () => {
    for (const [ns, patterns] of Object.entries(BUILT)) {
      const keys = Object.keys((TEXT_RESOURCES.en as Record<string, object>)[ns] ?? {}).map(named);
      for (const [pattern, where] of patterns)
        expect(
          keys.some((k) => pattern.test(k)),
          `${ns}: ${where}`,
        ).toBe(true);
    }
  });
});
