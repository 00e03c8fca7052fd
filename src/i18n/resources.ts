/**
 * @module i18n/resources
 * The catalogue of every user-visible word: one JSON file per locale and namespace under
 * `locales/`. The CLI, the server's errors and the web app read the same files.
 *
 * Namespaces: `cli` (plan and flags), `tracking` (progress commands), `help` (commander's help and
 * its parse errors), `job`, `review`, `curriculum` (curriculum commands), `errors` (every coded
 * error of the layers below the faces), `notes` (what the curriculum importers dropped and why), `export` (the words
 * of the Markdown and iCalendar exports),
 * `planner` (the plan's reasons, notes and titles: the planner's records, see planner.ts),
 * `prompts` (the terminal prompt library's own words), `areas` (the curriculum's areas by id, the
 * one naming of them: the web app adds them to its own words), `web` (the web app; `{{name}}` placeholders).
 * Every other namespace fills `{name}` placeholders. Plurals use i18next's `_one`/`_other` keys.
 */
import { nodeBuiltin } from './node-builtin.js';
import type enCli from './locales/en/cli.json';
import type enTracking from './locales/en/tracking.json';
import type enHelp from './locales/en/help.json';
import type enJob from './locales/en/job.json';
import type enReview from './locales/en/review.json';
import type enCurriculum from './locales/en/curriculum.json';
import type enErrors from './locales/en/errors.json';
import type enExport from './locales/en/export.json';
import type enNotes from './locales/en/notes.json';
import type enPlanner from './locales/en/planner.json';
import type enPrompts from './locales/en/prompts.json';
import type enAreas from './locales/en/areas.json';

/** The namespaces the command line and the server speak (`{name}` placeholders). */
const TEXT_NAMESPACES = [
  'cli',
  'tracking',
  'help',
  'job',
  'review',
  'curriculum',
  'errors',
  'export',
  'notes',
  'planner',
  'prompts',
  'areas',
] as const;

/** A locale's tables, typed from the English files (the catalogue test holds both languages' keys equal). */
type TextTables = {
  readonly cli: typeof enCli;
  readonly tracking: typeof enTracking;
  readonly help: typeof enHelp;
  readonly job: typeof enJob;
  readonly review: typeof enReview;
  readonly curriculum: typeof enCurriculum;
  readonly errors: typeof enErrors;
  readonly export: typeof enExport;
  readonly notes: typeof enNotes;
  readonly planner: typeof enPlanner;
  readonly prompts: typeof enPrompts;
  readonly areas: typeof enAreas;
};

/**
 * A namespace's file, found from this module's place: `../i18n/locales/` is this folder's
 * `locales/` from `src/i18n` and `dist/i18n`, and the compiled catalogue's from the bundled CLI in
 * `dist/bin` (two folders below the project root like the others, see src/cli/paths.ts). Worked
 * out when first needed, so that merely importing this module (the web app's bundle does, through
 * the core's errors) does nothing.
 */
function localeFile(lng: 'en' | 'zh-CN', ns: TextNamespace): URL {
  // A path apart from `new URL(…)`: the web app's bundler would otherwise take every file it could
  // match as an asset of its own build.
  const path = `../i18n/locales/${lng}/${ns}.json`;
  return new URL(path, import.meta.url);
}

/**
 * A locale's namespaces, each read from its file the first time it is asked for: a command reads
 * only the language it speaks and the namespaces it uses (the whole catalogue, both languages,
 * took longer to load than a short command's own work).
 */
function lazyTables(lng: 'en' | 'zh-CN'): TextTables {
  const tables = {};
  for (const ns of TEXT_NAMESPACES)
    Object.defineProperty(tables, ns, {
      enumerable: true,
      configurable: true,
      get() {
        const { readFileSync } = nodeBuiltin<{ readFileSync(file: URL, encoding: 'utf8'): string }>('node:fs');
        const value = JSON.parse(readFileSync(localeFile(lng, ns), 'utf8')) as unknown;
        Object.defineProperty(tables, ns, { value, enumerable: true, writable: false });
        return value;
      },
    });
  return tables as TextTables;
}

/** The namespaces the command line and the server speak (`{name}` placeholders), by locale. */
export const TEXT_RESOURCES: { readonly en: TextTables; readonly 'zh-CN': TextTables } = {
  en: /* @__PURE__ */ lazyTables('en'),
  'zh-CN': /* @__PURE__ */ lazyTables('zh-CN'),
};

export type TextNamespace = (typeof TEXT_NAMESPACES)[number];

/** `streak_one` and `streak_other` are both looked up as `streak` (with a count). */
type PluralBase<K> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;

/** The keys of a namespace, plural forms folded into their base key. */
export type KeyOf<N extends TextNamespace> = PluralBase<keyof (typeof TEXT_RESOURCES)['en'][N] & string>;
