/**
 * @module importers/common
 * What every importer shares: the result and summary shapes, id allocation, errors that point at
 * a file and line, and small text helpers. Importers read files; the core model they produce is
 * written out by `content/write.ts`.
 */
import { readFileSync, statSync } from 'node:fs';
import anyAscii from 'any-ascii';
import { codedProblem, MlpathError } from '../core/errors.js';
import type { Message, MessageParams } from '../core/errors.js';
import type { Area, Curriculum, Resource, Route, Skill, Stage, Text } from '../core/model.js';
import { jsonSyntaxWords } from '../core/json-position.js';
import { renderMessage } from '../i18n/catalogue.js';
import { normalizeSkillId } from '../core/skill-id.js';

/** Something an importer left out, and why: two notes (catalogue records each face words). */
export interface Dropped {
  readonly what: Message;
  readonly why: Message;
}

export interface ImportSummary {
  /** Counts of what was imported, by kind (skills, resources, stages, prerequisites, ...). */
  readonly imported: Readonly<Record<string, number>>;
  readonly dropped: readonly Dropped[];
  readonly warnings: readonly Message[];
}

/** An importer's note: a key of the catalogue's `notes` namespace and its values. */
export function note(key: string, params: MessageParams = {}): Message {
  return { key, params, ns: 'notes' };
}

/** A name, id or path shown as it is in a note (no words of its own). */
export function named(text: string): Message {
  return note('raw', { text });
}

/** A note in English (scripts, logs and tests read them so). */
export function noteText(message: Message): string {
  return renderMessage('en', message);
}

export interface ImportResult {
  readonly curriculum: Curriculum;
  readonly summary: ImportSummary;
}

export interface ImportOptions {
  /** Paths in messages are shown from this folder (`shownPath`; default: the process's). */
  readonly cwd?: string;
  /** Hours a node counts when the source gives no time (roadmap.sh; OSSU courses without figures). */
  readonly defaultHours?: number;
  /** Called as the import goes, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** English text, the only locale imported curricula carry. */
export function en(value: string): Text {
  return { en: value };
}

const HAN = /\p{Script=Han}/gu;

/**
 * Text spelled for an id: the symbols that tell names apart are said in words (`C#` -> `C sharp`,
 * `C++` -> `C plus plus`, `R&D` -> `R and D`, `.NET` -> `dot NET`), and non-Latin scripts are
 * transliterated (any-ascii), each Chinese character as its own pinyin syllable (`线性代数` ->
 * `xian xing dai shu`), so that an id stays readable and "C", "C#" and "C++" stay apart.
 */
export function spelledForId(text: string): string {
  const words = text
    .replace(/([\p{L}\p{N}])\+\+/gu, '$1 plus plus ')
    .replace(/([\p{L}\p{N}])\+(?![\p{L}\p{N}])/gu, '$1 plus ')
    .replace(/([\p{L}])#(?![\p{L}\p{N}])/gu, '$1 sharp ')
    .replace(/&/g, ' and ')
    .replace(/(^|[\s(/])\.(?=\p{L})/gu, '$1dot ')
    .replace(HAN, (ch) => ` ${anyAscii(ch)} `);
  return anyAscii(words);
}

/**
 * A kebab-case id from any text, readable whatever its script (see `spelledForId`); `fallback`
 * when nothing of the text survives; at most 60 characters, cut at a word.
 */
export function idFrom(text: string, fallback = 'item'): string {
  const id = normalizeSkillId(spelledForId(text));
  if (id.length === 0) return fallback;
  if (id.length <= 60) return id;
  const cut = id.slice(0, 60);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut;
}

/**
 * The id of a source's stable key (a roadmap.sh node id such as `MEL6y3vwiqwAV6FQihF34`, a legacy
 * roadmap's control name): lower case, every run of other characters a hyphen. Unlike `idFrom` it
 * keeps every character that tells keys apart and is never cut; `fallback` when nothing is left.
 */
export function idFromKey(key: string, fallback = 'node'): string {
  const id = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id.length > 0 ? id : fallback;
}

/** Hands out unique ids: the first `x` is `x`, later ones `x-2`, `x-3`, ... */
export class IdAllocator {
  private readonly taken = new Set<string>();
  take(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
  has(id: string): boolean {
    return this.taken.has(id);
  }
}

/**
 * An import error that names the file and, when known, the line and column: `reason` is a key of
 * the catalogue's `errors` namespace (with its values), `hint` another.
 */
export function importError(
  file: string,
  reason: string | Message,
  options: { line?: number; column?: number; hint?: string; hintParams?: MessageParams } = {},
): MlpathError {
  const why: Message = typeof reason === 'string' ? { key: reason, params: {} } : reason;
  return new MlpathError({
    code: 'IMPORT_INVALID',
    key: 'import.cannot',
    params: { file, message: why },
    problems: [
      codedProblem(why.key, why.params ?? {}, { place: { file, line: options.line, column: options.column } }),
    ],
    ...(options.hint === undefined ? {} : { hintKey: options.hint, hintParams: options.hintParams ?? {} }),
  });
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Read a UTF-8 text file, or fail with a message naming it. */
export function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'import.noSuchFile' : 'import.cannotRead';
    throw importError(shown, reason);
  }
}

/** Parse JSON, turning a syntax error into an import error at its line and column. */
export function parseJson(text: string, shown: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const { line, column, params } = jsonSyntaxWords(text);
    throw importError(shown, { key: 'import.malformedJson', params }, { line, column, hint: 'hint.fixJson' });
  }
}

const MATH =
  /\b(math|mathematics|algebra|calculus|geometry|topology|probability|statistic|statistics|linear|matri|matrix|matrices|vector|vectors|derivative|integral|differential|discrete|proof|proofs|logic|theorem|analysis|trigonometry|arithmetic|precalculus|eigen\w*|gaussian|distribution)\b/i;
const DEEP =
  /\b(neural|deep learning|cnn|rnn|lstm|transformer|attention|autoencoder|gan|gans|backpropagation|convolutional)\b/i;
const ML =
  /\b(machine learning|learning|regression|classification|clustering|bayesian|inference|model|models|kernel|boosting|svm|reinforcement)\b/i;
const MLOPS = /\b(mlops|deployment|monitoring|docker|kubernetes|ci\/cd|pipeline|serving)\b/i;
const DATA = /\b(data|sql|database|databases|pandas|visuali[sz]ation|warehouse)\b/i;

/** A best guess at a skill's area from its title, falling back to the curriculum's own area. */
export function guessArea(title: string, fallback: Area): Area {
  if (DEEP.test(title)) return 'deep-learning';
  if (MLOPS.test(title)) return 'mlops';
  if (MATH.test(title)) return 'math';
  if (ML.test(title)) return 'ml';
  if (DATA.test(title)) return 'data';
  return fallback;
}

/** Round to one decimal place, for hours in summaries and efforts. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * An imported curriculum: English only, version and texts as given, and none of what only an
 * authored curriculum has (roles, starting points, project templates, domains, a project rubric),
 * so the planner targets all of its skills.
 */
export function importedCurriculum(parts: {
  id: string;
  version: string;
  title: string;
  summary: string;
  defaultSkillHours: number | undefined;
  skills: readonly Skill[];
  resources?: readonly Resource[];
  stages?: readonly Stage[];
  routes?: readonly Route[];
}): Curriculum {
  return {
    meta: {
      id: parts.id,
      version: parts.version,
      locales: ['en'],
      title: en(parts.title),
      summary: en(parts.summary),
      rubric: [],
      defaultSkillHours: parts.defaultSkillHours,
      // Headings name the curriculum by its title, and the last milestone gets the planner's
      // neutral label: an imported curriculum says nothing of machine-learning engineers.
      goal: undefined,
      ready: undefined,
    },
    skills: parts.skills,
    resources: parts.resources ?? [],
    stages: parts.stages ?? [],
    routes: parts.routes ?? [],
    startingPoints: [],
    roles: [],
    projects: [],
    domains: [],
    vocabulary: undefined,
    selfCheck: [],
  };
}
