import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The core returns codes and records, never prose: its errors name a catalogue key with values,
 * and its words (English or Chinese) live in the catalogue. This scans the core's source (the
 * core itself does no I/O, so the scan lives beside the catalogue).
 */
const CORE = fileURLToPath(new URL('../core/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test-support' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [relative(CORE, path)] : [];
  });
}

const files = sources(CORE).map((file) => ({ file, text: readFileSync(join(CORE, file), 'utf8') }));

/** Chinese that is data, not prose: the phrases job postings use, matched in postings. */
const CHINESE_DATA = new Set(['jobs/terms.ts', 'jobs/postings.ts', 'jobs/analyze.ts']);

/**
 * Prose still written in the core, to be moved out (the planner's explanations become records a
 * face renders; a profile's problems become coded). A file leaves this list when it is converted;
 * the list may only shrink.
 */
const PENDING = new Set<string>([]);

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
/** An error or hint worded inline: `message: '...'`, `hint: \`...\``. */
const INLINE_WORDS = /\b(message|hint)\s*:\s*['"`][^'"`]*[A-Za-z]{3,}/;

describe('the core holds no prose', () => {
  it('has no Chinese outside posting-matching data and the files still being converted', () => {
    const offenders = files.filter(({ file, text }) => CJK.test(text) && !CHINESE_DATA.has(file) && !PENDING.has(file));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it('words no error or hint inline: every MlpathError of the core is coded', () => {
    const offenders = files.filter(({ file, text }) => INLINE_WORDS.test(text) && !PENDING.has(file));
    expect(offenders.map((f) => f.file)).toEqual([]);
    const coded = files.filter(({ text }) => /new MlpathError\(\{[^}]*\bkey:/s.test(text)).map((f) => f.file);
    expect(coded).toEqual(expect.arrayContaining(['jobs/analyze.ts', 'planner/plan.ts']));
  });

  it('lists as pending only files that still hold prose', () => {
    for (const file of PENDING) {
      const text = files.find((f) => f.file === file)?.text ?? '';
      expect(CJK.test(text) || INLINE_WORDS.test(text), file).toBe(true);
    }
  });
});
