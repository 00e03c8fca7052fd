/**
 * @module write
 * Serialises a core Curriculum into a folder of YAML files in mlpath's own format, one file per
 * kind (curriculum.yaml, skills.yaml, resources.yaml, ...), each starting with the
 * `# yaml-language-server: $schema=...` line so editors complete and check it.
 *
 * Writing is all or nothing: the files go to a temporary folder beside the destination, are loaded
 * back and validated there, and only then is the folder renamed into place. A failure at any point
 * leaves the destination as it was.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { shownPath } from './files.js';
import { Document } from 'yaml';
import { MlpathError } from '../core/errors.js';
import type {
  ChooseOneGroup,
  Curriculum,
  Effort,
  Requirement,
  Resource,
  SelfCheckQuestion,
  Skill,
  Stage,
  Text,
} from '../core/model.js';
import { tryLoadCurriculum } from './load.js';
import { curriculumJsonSchema } from './schema.js';

/** The schema's `$id`, which editors resolve wherever the curriculum folder lives. */
export const SCHEMA_URL = String(curriculumJsonSchema()['$id']);

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/** The YAML texts of a curriculum, by file name, in the order they are written. */
export function curriculumYamlFiles(curriculum: Curriculum): Array<{ name: string; text: string }> {
  const locales = curriculum.meta.locales;
  const text = (t: Text): Plain => {
    const keys = Object.keys(t);
    // A one-locale curriculum reads best with plain strings; the loader reads them as that locale.
    if (locales.length === 1 && keys.length === 1 && keys[0] === locales[0]) return t[keys[0] ?? ''] ?? '';
    const out: Record<string, Plain> = {};
    for (const l of [...locales, ...keys.filter((k) => !locales.includes(k))]) {
      const v = t[l];
      if (v !== undefined) out[l] = v;
    }
    return out;
  };
  const obj = (entries: Array<[string, Plain | undefined]>): Plain => {
    const out: Record<string, Plain> = {};
    for (const [k, v] of entries) if (v !== undefined) out[k] = v;
    return out;
  };
  const opt = <T>(value: T | undefined, f: (v: T) => Plain): Plain | undefined =>
    value === undefined ? undefined : f(value);
  const list = <T>(values: readonly T[], f: (v: T) => Plain): Plain | undefined =>
    values.length === 0 ? undefined : values.map(f);
  const ids = (values: readonly string[]): Plain | undefined => (values.length === 0 ? undefined : [...values]);

  const requirement = (r: Requirement): Plain =>
    obj([
      ['skill', r.skill],
      ['reason', opt(r.reason, text)],
      ['corequisite', r.corequisite ? true : undefined],
      ['shortcut', r.shortcut ? true : undefined],
    ]);
  const skill = (s: Skill): Plain =>
    obj([
      ['id', s.id],
      ['area', s.area],
      ['title', text(s.title)],
      ['summary', opt(s.summary, text)],
      ['outcomes', list(s.outcomes, text)],
      ['requires', list(s.requires, requirement)],
      ['aliases', ids(s.aliases)],
      ['hours', s.hours],
      [
        'shortcut',
        opt(s.shortcut, (sc) =>
          obj([
            ['hours', sc.hours],
            ['requires', list(sc.requires, requirement)],
          ]),
        ),
      ],
      ['tags', ids(s.tags)],
    ]);
  const effort = (e: Effort): Plain =>
    obj([
      ['hours', e.hours],
      ['weeks', e.weeks],
      ['hoursPerWeek', e.hoursPerWeek],
      ['source', e.source],
      ['estimate', e.estimate ? true : undefined],
      ['reasoning', opt(e.reasoning, text)],
    ]);
  const resource = (r: Resource): Plain =>
    obj([
      ['id', r.id],
      ['title', r.title],
      ['localTitle', opt(r.localTitle, text)],
      ['summary', opt(r.summary, text)],
      ['authors', ids(r.authors)],
      ['provider', r.provider],
      ['url', r.url],
      ['kind', r.kind],
      ['cost', r.cost],
      [
        'costCheck',
        r.costCheck
          ? obj([
              ['source', r.costCheck.source],
              ['checked', r.costCheck.checked],
            ])
          : undefined,
      ],
      ['languages', [...r.languages]],
      ['style', r.style],
      ['effort', effort(r.effort)],
      [
        'units',
        list(r.units, (u) =>
          obj([
            ['id', u.id],
            ['title', text(u.title)],
            ['hours', u.hours],
            ['teaches', [...u.teaches]],
            ['url', u.url],
          ]),
        ),
      ],
      ['teaches', ids(r.teaches)],
      ['ambient', r.ambient ? true : undefined],
    ]);
  const group = (g: ChooseOneGroup): Plain =>
    obj([
      ['id', g.id],
      ['title', text(g.title)],
      [
        'options',
        g.options.map((o) =>
          obj([
            ['resources', [...o.resources]],
            ['style', o.style],
            ['note', opt(o.note, text)],
          ]),
        ),
      ],
    ]);
  const stage = (s: Stage): Plain =>
    obj([
      ['id', s.id],
      ['title', text(s.title)],
      ['summary', opt(s.summary, text)],
      ['skills', ids(s.skills)],
      ['resources', ids(s.resources)],
      ['chooseOne', list(s.chooseOne, group)],
      ['alongside', s.alongside],
      ['optional', s.optional ? true : undefined],
      [
        'block',
        opt(s.block, (b) =>
          obj([
            ['weeks', b.weeks],
            ['hours', b.hours],
            ['reason', text(b.reason)],
          ]),
        ),
      ],
    ]);
  const rubric = (items: Curriculum['meta']['rubric']): Plain | undefined =>
    list(items, (i) =>
      obj([
        ['id', i.id],
        ['title', text(i.title)],
      ]),
    );

  const c = curriculum;
  const m = c.meta;
  const files: Array<[string, string, Plain | undefined]> = [
    [
      'curriculum.yaml',
      'curriculum',
      obj([
        ['id', m.id],
        ['version', m.version],
        ['locales', [...m.locales]],
        ['title', text(m.title)],
        ['summary', opt(m.summary, text)],
        ['rubric', rubric(m.rubric)],
        ['defaultSkillHours', m.defaultSkillHours],
        ['goal', opt(m.goal, text)],
        ['ready', opt(m.ready, text)],
      ]),
    ],
    ['skills.yaml', 'skills', list(c.skills, skill)],
    ['resources.yaml', 'resources', list(c.resources, resource)],
    ['stages.yaml', 'stages', list(c.stages, stage)],
    [
      'routes.yaml',
      'routes',
      list(c.routes, (r) =>
        obj([
          ['id', r.id],
          ['title', text(r.title)],
          ['summary', opt(r.summary, text)],
          ['stages', [...r.stages]],
          [
            'reasons',
            list(r.reasons, (reason) =>
              reason.for.length === 0
                ? text(reason.text)
                : obj([
                    ['for', [...reason.for]],
                    ['text', text(reason.text)],
                  ]),
            ),
          ],
          ['recommendedFor', ids(r.recommendedFor)],
          ['variantOf', r.variantOf],
        ]),
      ),
    ],
    [
      'starting-points.yaml',
      'startingPoints',
      list(c.startingPoints, (p) =>
        obj([
          ['id', p.id],
          ['title', text(p.title)],
          ['summary', opt(p.summary, text)],
          ['known', ids(p.known)],
          ['hoursPerWeek', p.hoursPerWeek],
          ['hoursNote', opt(p.hoursNote, text)],
          ['route', p.route],
          ['style', p.style],
          ['effortFactor', p.effortFactor],
          [
            'expected',
            opt(p.expected, (e) =>
              obj([
                ['months', e.months],
                ['milestone', e.milestone],
                ['note', opt(e.note, text)],
              ]),
            ),
          ],
        ]),
      ),
    ],
    [
      'roles.yaml',
      'roles',
      list(c.roles, (r) =>
        obj([
          ['id', r.id],
          ['title', text(r.title)],
          ['summary', opt(r.summary, text)],
          ['aliases', ids(r.aliases)],
          ['weights', Object.fromEntries(r.weights.map((w) => [w.skill, w.weight]))],
          ['market', r.market.length === 0 ? undefined : Object.fromEntries(r.market.map((w) => [w.skill, w.weight]))],
          ['evidence', r.evidence],
        ]),
      ),
    ],
    [
      'projects.yaml',
      'projects',
      list(c.projects, (p) =>
        obj([
          ['id', p.id],
          ['domain', p.domain],
          ['title', text(p.title)],
          ['summary', opt(p.summary, text)],
          ['skills', ids(p.skills)],
          ['milestones', list(p.milestones, text)],
          ['rubric', rubric(p.rubric)],
          ['resources', ids(p.resources)],
        ]),
      ),
    ],
    [
      'domains.yaml',
      'domains',
      list(c.domains, (d) =>
        obj([
          ['id', d.id],
          ['title', text(d.title)],
          ['summary', opt(d.summary, text)],
          ['skills', ids(d.skills)],
          ['resources', ids(d.resources)],
        ]),
      ),
    ],
    [
      'vocabulary.yaml',
      'vocabulary',
      opt(curriculum.vocabulary, (v) => {
        const phrases = (record: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>): Plain =>
          Object.fromEntries(
            Object.entries(record).map(([id, byLocale]) => [
              id,
              Object.fromEntries(Object.entries(byLocale).map(([l, words]) => [l, [...words]])),
            ]),
          );
        return obj([
          ['skills', Object.keys(v.skills).length === 0 ? undefined : phrases(v.skills)],
          ['roles', Object.keys(v.roles).length === 0 ? undefined : phrases(v.roles)],
        ]);
      }),
    ],
    [
      'self-check.yaml',
      'selfCheck',
      curriculum.selfCheck.length === 0
        ? undefined
        : selfCheckRuns(curriculum.selfCheck).map((run) =>
            obj([
              ['skill', run.skill],
              [
                'questions',
                run.questions.map((q) =>
                  obj([
                    ['id', q.id],
                    ['question', text(q.question)],
                    ['answer', text(q.answer)],
                  ]),
                ),
              ],
            ]),
          ),
    ],
  ];
  return files
    .filter(([, , value]) => value !== undefined)
    .map(([name, key, value]) => {
      const doc = new Document({ [key]: value });
      const body = doc.toString({ lineWidth: 0 });
      return { name, text: `# yaml-language-server: $schema=${SCHEMA_URL}\n${body}` };
    });
}

/** Consecutive questions on one skill, so the written file keeps the authored order. */
function selfCheckRuns(
  questions: readonly SelfCheckQuestion[],
): Array<{ skill: string; questions: SelfCheckQuestion[] }> {
  const runs: Array<{ skill: string; questions: SelfCheckQuestion[] }> = [];
  for (const q of questions) {
    const last = runs[runs.length - 1];
    if (last && last.skill === q.skill) last.questions.push(q);
    else runs.push({ skill: q.skill, questions: [q] });
  }
  return runs;
}

export interface WriteOptions {
  /** Replace a destination folder that holds an mlpath curriculum and nothing else (default: refuse). */
  readonly force?: boolean;
  /** Paths in messages are shown from this folder (`shownPath`). */
  readonly cwd?: string;
}

/** The temporary folders a write of `dir` makes beside it: `.<name>.tmp-XXXXXX` (and `...-old`). */
function tempPrefix(dir: string): string {
  return `.${basename(dir)}.tmp-`;
}

/**
 * Whether a folder holds an mlpath curriculum and nothing else: only YAML files (no sub-folders, no
 * hidden files such as `.git`), one of them declaring `curriculum:`. Returns the entries that are
 * not, or undefined when the folder is such a curriculum.
 */
export function notCurriculumEntries(dir: string): string[] | undefined {
  const entries = readdirSync(dir, { withFileTypes: true });
  const others = entries.filter((e) => !e.isFile() || !/\.ya?ml$/i.test(e.name) || e.name.startsWith('.'));
  if (others.length > 0) return others.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
  const declares = entries.some((e) => /^curriculum:/m.test(readFileSync(join(dir, e.name), 'utf8')));
  return declares ? undefined : entries.map((e) => e.name).sort();
}

/**
 * Put right what an interrupted write of `dir` left beside it: when `dir` is missing but the old
 * folder set aside is there, it goes back to `dir`; temporary folders that hold only YAML files are
 * removed. Returns the names of the folders removed or restored.
 */
export function cleanInterruptedWrite(dir: string): string[] {
  const parent = dirname(dir);
  const prefix = tempPrefix(dir);
  let siblings: string[];
  try {
    siblings = readdirSync(parent).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
  const touched: string[] = [];
  let present = existsSync(dir);
  for (const name of siblings.filter((n) => n.endsWith('-old')).sort()) {
    if (present) continue;
    renameSync(join(parent, name), dir);
    present = true;
    touched.push(name);
  }
  for (const name of readdirSync(parent).filter((n) => n.startsWith(prefix))) {
    const path = join(parent, name);
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      continue;
    }
    // Only what a write makes: YAML files. Anything else is someone's, and stays.
    if (entries.every((e) => e.isFile() && /\.ya?ml$/i.test(e.name))) {
      rmSync(path, { recursive: true, force: true });
      touched.push(name);
    }
  }
  return touched;
}

/**
 * Write a curriculum folder atomically: into a temporary sibling folder, validated by loading it
 * back, then renamed to `dir`. Throws CONFLICT when `dir` holds files (unless `force`, and then
 * only when what it holds is an mlpath curriculum and nothing else), and CURRICULUM_INVALID when
 * the written files do not load; in each case `dir` is untouched. What an interrupted earlier
 * write left beside `dir` is put right first (`cleanInterruptedWrite`). Returns the names of the
 * files written.
 */
export function writeCurriculum(curriculum: Curriculum, dir: string, options: WriteOptions = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const shown = shownPath(dir, cwd);
  cleanInterruptedWrite(dir);
  let existing: string[] | undefined;
  try {
    existing = readdirSync(dir);
  } catch {
    existing = undefined;
  }
  if (existing !== undefined && existing.length > 0) {
    if (options.force !== true) {
      throw new MlpathError({
        code: 'CONFLICT',
        key: 'import.outputFull',
        params: { dir: shown },
        hintKey: 'hint.emptyFolder',
      });
    }
    const others = notCurriculumEntries(dir);
    if (others !== undefined) {
      throw new MlpathError({
        code: 'CONFLICT',
        key: 'import.outputNotCurriculum',
        params: { dir: shown, entries: `${others.slice(0, 5).join(', ')}${others.length > 5 ? ', ...' : ''}` },
        hintKey: 'hint.newFolder',
      });
    }
  }
  const parent = dirname(dir);
  let temp: string;
  try {
    temp = mkdtempSync(join(parent, tempPrefix(dir)));
  } catch (error) {
    throw new MlpathError({
      code: 'STORAGE',
      key: 'import.outputCreate',
      params: { dir: shown, message: error instanceof Error ? error.message : String(error) },
      hintKey: 'hint.parentFolder',
    });
  }
  try {
    const files = curriculumYamlFiles(curriculum);
    for (const file of files) writeFileSync(join(temp, file.name), file.text, 'utf8');
    const loaded = tryLoadCurriculum(temp, cwd);
    if (!loaded.ok) {
      throw new MlpathError({
        code: 'CURRICULUM_INVALID',
        key: 'import.doesNotPass',
        problems: loaded.problems.map((p) => ({
          ...p,
          place: p.place ? { ...p.place, file: p.place.file.replace(shownPath(temp, cwd), shown) } : undefined,
        })),
      });
    }
    if (existing === undefined) {
      renameSync(temp, dir);
    } else {
      // Move the old folder aside first, so a failed rename can put it back.
      const aside = `${temp}-old`;
      renameSync(dir, aside);
      try {
        renameSync(temp, dir);
      } catch (error) {
        renameSync(aside, dir);
        throw error;
      }
      rmSync(aside, { recursive: true, force: true });
    }
    return files.map((f) => f.name);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
