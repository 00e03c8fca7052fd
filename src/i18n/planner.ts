/**
 * @module i18n/planner
 * The planner's words: it returns records (`Said`: a key of the `planner` namespace and its values;
 * see core/plan-model.ts) and every face renders them here, in its learner's language. Curriculum
 * text passes through as authored. A plan stored before the planner returned records holds its
 * words as text in each locale; those render as they are, so old stored plans still read.
 *
 * `sayIn` renders one value for one locale (the CLI, the exports); `sayAll` renders it in every
 * interface locale as curriculum-style text, and `wordedPlan` does so for a whole plan or any answer
 * holding one: the API sends that, so the web shows the same words in either language without
 * asking again.
 */
import type { Curriculum, Text } from '../core/model.js';
import { INTERFACE_LOCALES } from '../core/model.js';
import type { Explanation, PlanTask, Said, SaidList, SaidValue, Words } from '../core/plan-model.js';
import { wordedTask } from '../core/planner/task-words.js';
import { interfaceLocale, translate } from './catalogue.js';
import type { KeyOf } from './resources.js';

/** Whether a value is a record of the planner (not curriculum text). */
export function isSaid(value: unknown): value is Said {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { key?: unknown; params?: unknown };
  return typeof v.key === 'string' && typeof v.params === 'object' && v.params !== null;
}

function isList(value: unknown): value is SaidList {
  return typeof value === 'object' && value !== null && Array.isArray((value as { items?: unknown }).items);
}

/** Curriculum text in a locale: its own, else English, else any it has. */
function textOf(text: Text, locale: string): string {
  return text[locale] ?? text['en'] ?? Object.values(text)[0] ?? '';
}

function listIn(locale: string, list: SaidList): string {
  const items = list.items.map((v) => sayIn(locale, v)).filter((s) => s !== '');
  const join = (key: KeyOf<'planner'>, parts: readonly string[]): string =>
    parts.reduce((a, b) => translate(locale, 'planner', key, { a, b }));
  if (items.length === 0) return '';
  if (list.join !== 'and') return join(`join.${list.join}`, items);
  if (items.length === 1) return items[0] ?? '';
  const head = join('join.comma', items.slice(0, -1));
  return translate(locale, 'planner', 'join.and', { a: head, b: items[items.length - 1] ?? '' });
}

/** Han characters and the full-width marks that close or open a phrase around them. */
const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SPACE_BETWEEN_HAN = new RegExp(`([${HAN}）」』”])[ ]+(?=[${HAN}（「『“])`, 'g');

/**
 * A sentence as Chinese typography wants it: the catalogue's templates keep a space on each side of
 * a value (right before Latin text such as "NumPy"), so where the value turns out to be Chinese the
 * space between two Han characters goes ("涵盖 线性代数 和 微积分" → "涵盖线性代数和微积分").
 */
function tidy(locale: string, text: string): string {
  return interfaceLocale(locale) === 'zh-CN' ? text.replace(SPACE_BETWEEN_HAN, '$1') : text;
}

/** One value of the planner's in a locale (English for any other): a record, text, a list, an id. */
export function sayIn(locale: string, value: SaidValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isList(value)) return listIn(locale, value);
  if (isSaid(value)) {
    const params: Record<string, string | number> = {};
    for (const [name, v] of Object.entries(value.params)) params[name] = typeof v === 'number' ? v : sayIn(locale, v);
    return tidy(locale, translate(locale, 'planner', value.key as KeyOf<'planner'>, params));
  }
  return textOf(value, locale);
}

/** A value in every interface locale, as curriculum-style text. */
export function sayAll(value: Words): Text {
  if (!isSaid(value)) return value;
  return Object.fromEntries(INTERFACE_LOCALES.map((locale) => [locale, sayIn(locale, value)]));
}

/** What an explanation says, in a locale; one stored before explanations were records keeps its text. */
export function explanationIn(locale: string, explanation: Explanation | { readonly text: Text }): string {
  if ('says' in explanation) return sayIn(locale, { items: explanation.says, join: 'sentences' });
  return textOf(explanation.text, locale);
}

/** What an explanation says, in every interface locale. */
export function explanationText(explanation: Explanation): Text {
  return Object.fromEntries(INTERFACE_LOCALES.map((locale) => [locale, explanationIn(locale, explanation)]));
}

/** An explanation as the API sends it: its kind, subject and text in every interface locale. */
function explanationAll(explanation: Explanation | { kind: string; subject: string; text: Text }): {
  kind: string;
  subject: string;
  text: Text;
} {
  if (!('says' in explanation)) return explanation;
  return { kind: explanation.kind, subject: explanation.subject, text: explanationText(explanation) };
}

/** A task, week, milestone or project list as the API sends it: its words rendered in every locale. */
type Worded<T> = T extends Said
  ? Text
  : T extends Explanation
    ? { kind: string; subject: string; text: Text }
    : T extends readonly (infer U)[]
      ? Worded<U>[]
      : T extends object
        ? { [K in keyof T]: Worded<T[K]> }
        : T;

const WORDED_FIELDS = new Set(['why', 'title']);

/**
 * A plan (or an answer holding plans, weeks or tasks) with the planner's records rendered in every
 * interface locale: `why` and `title` become text, explanations get their `text`, and each task (a
 * `tasks` list's entries, a session piece's `task`) gets the title and reason the plan leaves to faces,
 * worded from `curriculum` (core/planner/task-words.ts). Everything else is kept as it is. Shapes stay
 * those of the API's contract (src/contract/api.ts).
 */
export function wordedPlan<T>(value: T, curriculum: Curriculum): Worded<T> {
  return worded(value, undefined, curriculum) as Worded<T>;
}

function worded(value: unknown, field: string | undefined, curriculum: Curriculum): unknown {
  if (Array.isArray(value)) {
    if (field === 'explanations') return value.map((e) => explanationAll(e as Explanation));
    if (field === 'tasks')
      return value.map((t) => worded(wordedTask(curriculum, t as PlanTask), undefined, curriculum));
    return value.map((v) => worded(v, undefined, curriculum));
  }
  if (typeof value !== 'object' || value === null) return value;
  if (field !== undefined && WORDED_FIELDS.has(field) && isSaid(value)) return sayAll(value);
  const from = field === 'task' ? wordedTask(curriculum, value as PlanTask) : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(from)) out[k] = worded(v, k, curriculum);
  return out;
}
