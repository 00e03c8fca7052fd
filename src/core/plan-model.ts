/**
 * @module plan-model
 * The planner's inputs and outputs. Dates are ISO calendar dates (`YYYY-MM-DD`) and times ISO
 * instants; the core never reads a clock, so "today" is always an argument.
 */
import type { LearningStyle, Locale, Text } from './model.js';

/** An inclusive range of calendar dates with no study (holidays, exams, a move). */
export interface DateRange {
  readonly start: string;
  readonly end: string;
}

/** A resource the learner brings (the article calls its resources suggestions, swappable). */
export interface OwnResource {
  readonly id: string;
  readonly title: string;
  readonly url: string | undefined;
  readonly hours: number;
  readonly teaches: readonly string[];
}

export interface ResourceChoices {
  /** Resources to take whatever the planner would pick. */
  readonly pin: readonly string[];
  /** Resources never to take. */
  readonly exclude: readonly string[];
  /** Take `to` wherever the planner would take `from`. */
  readonly swap: readonly { readonly from: string; readonly to: string }[];
  readonly own: readonly OwnResource[];
}

/** The days of the week, Monday first, as a profile names them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * When the learner studies: on these days, from this local time, in this time zone. Each week's hours
 * are shared out over the week's study days, so a session lasts the week's hours / the days available.
 */
export interface StudyDays {
  /** At least one; in week order. */
  readonly days: readonly Weekday[];
  /** The sessions' local start time, `HH:MM` (24-hour). */
  readonly time: string;
  /** An IANA time zone, e.g. `Europe/Berlin` or `Asia/Shanghai`. */
  readonly timeZone: string;
  /** A reminder this many minutes before each session (0-1440), or undefined for none. */
  readonly reminderMinutes: number | undefined;
}

export interface Profile {
  readonly startingPoint: string;
  /** Skills known beyond the starting point's own. */
  readonly known: readonly string[];
  readonly hoursPerWeek: number;
  readonly weeksOff: readonly DateRange[];
  /** The first day of study, `YYYY-MM-DD`. */
  readonly startDate: string;
  readonly style: LearningStyle;
  /** A domain id (nlp, computer-vision, ...), or undefined for the curriculum's default. */
  readonly domain: string | undefined;
  readonly freeOnly: boolean;
  readonly locale: Locale;
  /** A role id or a skill id; undefined means the curriculum's default role. */
  readonly target: string | undefined;
  /** A route id that overrides the recommendation. */
  readonly route: string | undefined;
  /** A learner factor that overrides the starting point's (kept within 0.8-2.0). */
  readonly effortFactor: number | undefined;
  readonly choices: ResourceChoices;
  /** Study days and time; absent, calendars show each week's work as week-long all-day blocks. */
  readonly study?: StudyDays | undefined;
  /**
   * Plan for the role's market-ready target: besides what the article's plan teaches for the role, every
   * skill the role's job postings ask (its market weights), including the optional market stages. Absent
   * or false: the article's plan.
   */
  readonly marketReady?: boolean | undefined;
  /**
   * Where the learner studies from, a curriculum region id (`cn`: mainland China). The planner then
   * prefers resources reachable there and says what it swapped. Absent: no region's limits apply.
   */
  readonly region?: string | undefined;
  /**
   * The date the learner wants to finish by, `YYYY-MM-DD` (after the start date). mlpath then says the
   * weekly hours it needs and warns when the forecast slips past it. Absent: no target date.
   */
  readonly targetDate?: string | undefined;
}

export type TaskKind = 'study' | 'ambient' | 'project' | 'job-search';

export interface PlanTask {
  readonly kind: TaskKind;
  readonly stage: string;
  /** The resource studied (or the project template, for project tasks). */
  readonly resource: string;
  /** The unit of the resource, where it has units. */
  readonly unit: string | undefined;
  /** Skills this task teaches. */
  readonly skills: readonly string[];
  readonly hours: number;
  /**
   * Why this task is here: curriculum text, or the planner's words as a record a face renders. Kept
   * only where the planner alone knows it (time boxes, projects, skills studied from their own hours,
   * a learner's own resources); a unit of a curriculum resource (nearly every task) is worded from the
   * curriculum when a face shows it. Faces read both words through `planTaskWords` (planner/task-words.ts).
   */
  readonly why?: Words | undefined;
  /** The progress key of this task: `resource`, `resource/unit`, a skill, project or stage id. */
  readonly key?: string;
  /** A display title (the resource's and unit's, or the project's); kept or worded as `why` is. */
  readonly title?: Words | undefined;
  /**
   * A skim: an earlier resource of the plan already taught everything the unit teaches that the plan
   * needs, so it is planned at a quarter of its hours (`SKIM_SHARE`). Absent otherwise.
   */
  readonly skim?: true;
}

export interface PlanWeek {
  /** 0-based week number from the plan's first week (a re-plan's first week is the current one). */
  readonly index: number;
  /** The week's Monday, `YYYY-MM-DD`: plan weeks are calendar weeks. */
  readonly start: string;
  /** No day of the week is open for study (see weeks.ts). */
  readonly off: boolean;
  /** Days of the week closed for study (declared off, or before the first day of study), when any. */
  readonly offDays?: readonly string[];
  /** Minutes of the week's budget reserved for spaced review (the reviews expected in it), when any. */
  readonly reviewMinutes?: number;
  readonly hours: number;
  readonly tasks: readonly PlanTask[];
}

export interface Milestone {
  /** A stage id, or `ready` (job-ready: everything but the job search done). */
  readonly stage: string;
  /** The day the stage's last task ends, `YYYY-MM-DD`. */
  readonly date: string;
  readonly title: Words | undefined;
}

/** A portfolio project of a plan: a month-long block with its milestones. */
export interface PlannedProject {
  /** The project template's id. */
  readonly id: string;
  readonly stage: string;
  readonly title: Words;
  readonly start: string;
  readonly end: string;
  readonly hours: number;
  readonly milestones: readonly { readonly title: Text; readonly date: string }[];
}

export type ExplanationKind =
  'route' | 'resource' | 'order' | 'effort' | 'stage' | 'skill' | 'schedule' | 'region' | 'language';

/**
 * One reason the plan gives, as data: its sentences are curriculum text as authored or the planner's
 * words as records (`Said`), which each face renders in its learner's language (i18n/planner.ts).
 */
export interface Explanation {
  readonly kind: ExplanationKind;
  /** What it explains: a route, resource, stage or skill id. */
  readonly subject: string;
  readonly says: readonly Words[];
}

/**
 * A sentence (or phrase) of the planner as a record: a key of the catalogue's `planner` namespace
 * and its values. The core words nothing; faces render it (i18n/planner.ts `sayIn`).
 */
export interface Said {
  readonly key: string;
  readonly params: SaidParams;
}

/** How a list of values reads: `and` "a, b and c", `pair` "a and b", `comma`, `semicolon`, `arrow` "a -> b". */
export type ListJoin = 'and' | 'pair' | 'comma' | 'semicolon' | 'arrow' | 'sentences';

/** Values shown as a list, joined the way the locale writes `join`. */
export interface SaidList {
  readonly items: readonly SaidValue[];
  readonly join: ListJoin;
}

/** A value in a sentence: a number or an id (shown as they are), curriculum text, a sentence, a list. */
export type SaidValue = string | number | Text | Said | SaidList;
export type SaidParams = Readonly<Record<string, SaidValue>>;

/** What a plan shows: curriculum text as authored, or the planner's words as a record. */
export type Words = Text | Said;

export interface Plan {
  readonly route: string;
  readonly hoursPerWeek: number;
  readonly totalHours: number;
  readonly startDate: string;
  readonly finishDate: string;
  readonly weekCount: number;
  readonly milestones: readonly Milestone[];
  readonly weeks: readonly PlanWeek[];
  /** Needed skill ids in study order. */
  readonly skills: readonly string[];
  /** Resource ids chosen, in first-use order. */
  readonly resources: readonly string[];
  readonly effortFactor: number;
  readonly hoursByArea: Readonly<Record<string, number>>;
  readonly explanations: readonly Explanation[];
  /** Portfolio projects with their dates and milestones. */
  readonly projects?: readonly PlannedProject[];
  /** For a market-ready plan: how it compares with the article's plan for the same learner. */
  readonly marketReady?: MarketReadyComparison | undefined;
}

/** How much a market-ready plan adds to the article's plan for the same learner and progress. */
export interface MarketReadyComparison {
  /** Finish date and length in weeks of the article's plan. */
  readonly articleFinishDate: string;
  readonly articleWeekCount: number;
  /** Weeks and study hours the market-ready plan adds (weeks from finish to finish). */
  readonly extraWeeks: number;
  readonly extraHours: number;
  /** Skills the market-ready plan teaches that the article's plan does not, in study order. */
  readonly addedSkills: readonly string[];
}

/** What the planner needs to know of progress (the fold of the event log). */
export interface ProgressState {
  /** Skill id -> status (absent = not started). */
  readonly skills: ReadonlyMap<string, 'learning' | 'done' | 'skipped'>;
  /** `resourceId` or `resourceId/unitId` -> status. */
  readonly items: ReadonlyMap<string, 'learning' | 'done' | 'skipped'>;
  /** Hours logged per day (`YYYY-MM-DD`), each day once. */
  readonly logged: readonly { readonly date: string; readonly hours: number }[];
  /** Hours logged per item (a skill, resource or unit key), all days; hours logged without an item under ''. */
  readonly loggedByItem: ReadonlyMap<string, number>;
  /**
   * Hours logged without an item, per day (`YYYY-MM-DD`). The re-plan credits those of the current
   * week to the work the plan had for it; absent, none is credited.
   */
  readonly loggedGeneral?: ReadonlyMap<string, number>;
  /**
   * Hours logged on items the curriculum does not know (another curriculum's), per day: they are
   * not this curriculum's work, so the re-plan does not take them off the current week.
   */
  readonly loggedForeign?: ReadonlyMap<string, number>;
  /**
   * Item key -> the day (`YYYY-MM-DD`) it became done, for items done now: the re-plan credits this
   * week's hours without an item to the work done this week first. Absent, to none.
   */
  readonly doneOn?: ReadonlyMap<string, string>;
}

export interface Forecast {
  readonly plan: Plan;
  /** The finish date of the first plan (from the profile alone). */
  readonly originalFinishDate: string;
  readonly finishDate: string;
  /** Days the finish moved (positive = later) since the first plan. */
  readonly movedDays: number;
  /** Observed hours per estimated hour (1 = on estimate; 1.2 = 20% slower). */
  readonly pace: number;
  readonly doneHours: number;
  readonly remainingHours: number;
}

export interface Readiness {
  /** 0-100: the share of the role's weighted skills done. */
  readonly percent: number;
  readonly gaps: readonly { readonly skill: string; readonly weight: number }[];
}
