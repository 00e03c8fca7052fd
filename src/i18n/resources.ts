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
 * `prompts` (the terminal prompt library's own words), `web` (the web app; `{{name}}` placeholders).
 * Every other namespace fills `{name}` placeholders. Plurals use i18next's `_one`/`_other` keys.
 */
import enCli from './locales/en/cli.json' with { type: 'json' };
import enCurriculum from './locales/en/curriculum.json' with { type: 'json' };
import enErrors from './locales/en/errors.json' with { type: 'json' };
import enExport from './locales/en/export.json' with { type: 'json' };
import enHelp from './locales/en/help.json' with { type: 'json' };
import enJob from './locales/en/job.json' with { type: 'json' };
import enNotes from './locales/en/notes.json' with { type: 'json' };
import enPlanner from './locales/en/planner.json' with { type: 'json' };
import enPrompts from './locales/en/prompts.json' with { type: 'json' };
import enReview from './locales/en/review.json' with { type: 'json' };
import enTracking from './locales/en/tracking.json' with { type: 'json' };
import zhCli from './locales/zh-CN/cli.json' with { type: 'json' };
import zhCurriculum from './locales/zh-CN/curriculum.json' with { type: 'json' };
import zhErrors from './locales/zh-CN/errors.json' with { type: 'json' };
import zhExport from './locales/zh-CN/export.json' with { type: 'json' };
import zhHelp from './locales/zh-CN/help.json' with { type: 'json' };
import zhJob from './locales/zh-CN/job.json' with { type: 'json' };
import zhNotes from './locales/zh-CN/notes.json' with { type: 'json' };
import zhPlanner from './locales/zh-CN/planner.json' with { type: 'json' };
import zhPrompts from './locales/zh-CN/prompts.json' with { type: 'json' };
import zhReview from './locales/zh-CN/review.json' with { type: 'json' };
import zhTracking from './locales/zh-CN/tracking.json' with { type: 'json' };

/** The namespaces the command line and the server speak (`{name}` placeholders). */
export const TEXT_RESOURCES = {
  en: {
    cli: enCli,
    tracking: enTracking,
    help: enHelp,
    job: enJob,
    review: enReview,
    curriculum: enCurriculum,
    errors: enErrors,
    export: enExport,
    notes: enNotes,
    planner: enPlanner,
    prompts: enPrompts,
  },
  'zh-CN': {
    cli: zhCli,
    tracking: zhTracking,
    help: zhHelp,
    job: zhJob,
    review: zhReview,
    curriculum: zhCurriculum,
    errors: zhErrors,
    export: zhExport,
    notes: zhNotes,
    planner: zhPlanner,
    prompts: zhPrompts,
  },
} as const;

export type TextNamespace = keyof (typeof TEXT_RESOURCES)['en'];

/** `streak_one` and `streak_other` are both looked up as `streak` (with a count). */
type PluralBase<K> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;

/** The keys of a namespace, plural forms folded into their base key. */
export type KeyOf<N extends TextNamespace> = PluralBase<keyof (typeof TEXT_RESOURCES)['en'][N] & string>;
