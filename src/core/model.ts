/**
 * @module model
 * The curriculum as the core sees it: plain, validated, normalized data.
 * The content layer builds it from YAML; importers build it from other formats.
 * Ids are kebab-case slugs that stay stable across curriculum versions.
 */

/** A locale tag such as `en` or `zh-CN`. */
export type Locale = string;

/**
 * The languages mlpath's own words (CLI, server, web) are written in. A learner may pick any of
 * them whatever locales a curriculum declares: the interface speaks the learner's language and the
 * curriculum's text shows in the nearest locale it has (`textIn`).
 */
export const INTERFACE_LOCALES = ['en', 'zh-CN'] as const;

/** Text in each of a curriculum's declared locales. */
export type Text = Readonly<Record<Locale, string>>;

export const AREAS = ['software', 'data', 'math', 'ml', 'deep-learning', 'mlops', 'domain', 'career'] as const;
export type Area = (typeof AREAS)[number];

export const RESOURCE_KINDS = ['course', 'book', 'video', 'article', 'interactive', 'podcast', 'project'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const COSTS = ['free', 'free-to-audit', 'paid'] as const;
export type Cost = (typeof COSTS)[number];

export const STYLES = ['structured', 'university', 'practical', 'reference'] as const;
export type ResourceStyle = (typeof STYLES)[number];

/** The learning styles a learner can choose (a resource may also be plain reference). */
export const LEARNING_STYLES = ['structured', 'university', 'practical'] as const;
export type LearningStyle = (typeof LEARNING_STYLES)[number];

export interface Requirement {
  /** The prerequisite skill's id. */
  readonly skill: string;
  /** Why it is needed, per locale. */
  readonly reason: Text | undefined;
  /** May be studied alongside the dependant rather than strictly before it. */
  readonly corequisite: boolean;
  /** Only the prerequisite's shortcut (its smaller version) is needed (Metacademy's `shortcut: 1`). */
  readonly shortcut: boolean;
}

/** A smaller version of a skill: enough to serve as a prerequisite that asks only for the shortcut. */
export interface SkillShortcut {
  readonly hours: number;
  readonly requires: readonly Requirement[];
}

export interface Skill {
  readonly id: string;
  readonly area: Area;
  readonly title: Text;
  readonly summary: Text | undefined;
  /** Goals a learner can check off. */
  readonly outcomes: readonly Text[];
  readonly requires: readonly Requirement[];
  /** Old ids this skill replaces: progress recorded under them is kept. */
  readonly aliases: readonly string[];
  /** The skill's own hours, as imported curricula carry them; otherwise resources' effort counts. */
  readonly hours: number | undefined;
  readonly shortcut: SkillShortcut | undefined;
  /** Free-form tags, e.g. a domain id for domain skills. */
  readonly tags: readonly string[];
}

export interface Effort {
  /** Total hours as the provider states them (or weeks x hoursPerWeek). */
  readonly hours: number;
  readonly weeks: number | undefined;
  readonly hoursPerWeek: number | undefined;
  /**
   * Where the figure comes from: a URL or a citation. For an estimate, the page listing what its
   * reasoning counts (chapters, lessons, units) or the figure it builds on.
   */
  readonly source: string | undefined;
  /** True when no provider figure exists and the hours are our estimate. */
  readonly estimate: boolean;
  /** Why the estimate is what it is (required for estimates), per locale. */
  readonly reasoning: Text | undefined;
}

export interface ResourceUnit {
  readonly id: string;
  readonly title: Text;
  /** The unit's share of the resource's effort, in hours. */
  readonly hours: number;
  /** Skills this unit teaches (defaults to the resource's). */
  readonly teaches: readonly string[];
  readonly url: string | undefined;
}

/** Where a resource's cost was confirmed, and when (access terms change: Coursera ended free audit in 2025). */
export interface CostCheck {
  /** A URL or citation that states the cost. */
  readonly source: string;
  /** The day the cost was last confirmed, `YYYY-MM-DD`. */
  readonly checked: string;
  /** What the source says, where free and paid parts differ (a free PDF and a sold print edition, cloud bills). */
  readonly note?: Text | undefined;
}

export interface Resource {
  readonly id: string;
  /** The title as published (not translated). */
  readonly title: string;
  /** Common names in other locales, where one exists (e.g. a Chinese name). */
  readonly localTitle: Text | undefined;
  readonly summary: Text | undefined;
  readonly authors: readonly string[];
  readonly provider: string | undefined;
  readonly url: string | undefined;
  readonly kind: ResourceKind;
  readonly cost: Cost;
  /** Where the cost was confirmed and when; absent when nobody has recorded it. */
  readonly costCheck?: CostCheck | undefined;
  readonly languages: readonly string[];
  readonly style: ResourceStyle;
  readonly effort: Effort;
  readonly units: readonly ResourceUnit[];
  readonly teaches: readonly string[];
  /** Bedside reading: done a little each week, alongside everything else. */
  readonly ambient: boolean;
  /** The same resource's page in another locale (`{ zh-CN: "https://fullstackopen.com/zh/" }`). */
  readonly localUrl?: Text | undefined;
  /**
   * Hosts the content itself is delivered from when the page at `url` only links to it (lectures on
   * YouTube): these, not the page's host, decide whether a region can reach it.
   */
  readonly media?: readonly string[] | undefined;
  /**
   * Resources after which its units that teach only what they taught are skimmed rather than worked
   * through (the article: CS50 graduates can skim the Python course's first chapters).
   */
  readonly skimAfter?: readonly string[] | undefined;
  /** How learners in a region reach it, per region id (see `Region`). */
  readonly regions?: Readonly<Record<string, RegionAccess>> | undefined;
}

/** A resource in one region: the same content at another address, or another resource instead. */
export interface RegionAccess {
  /** The same content at an address reachable there (an official mirror or channel). */
  readonly url: string | undefined;
  /** A resource to take instead (it covers the same ground and is reachable there). */
  readonly instead: string | undefined;
  /** What the alternative is and how it was confirmed, per locale. */
  readonly note: Text | undefined;
}

/** A host learners in a region cannot reach, with where that is recorded. */
export interface UnreachableHost {
  /** A host name; its subdomains are covered too (`google.com` covers `colab.research.google.com`). */
  readonly host: string;
  /** A public, citable source that records the block. */
  readonly source: string;
  /** The day the entry was last checked, `YYYY-MM-DD`. */
  readonly checked: string;
  /** How it was checked, per locale. */
  readonly how: Text;
}

/** A region whose learners cannot reach some hosts (mainland China: `cn`). */
export interface Region {
  readonly id: string;
  readonly title: Text;
  /** Locales whose learners are offered this region (the learner confirms; it is never set silently). */
  readonly suggestFor: readonly Locale[];
  readonly unreachable: readonly UnreachableHost[];
}

export interface ChooseOneOption {
  readonly resources: readonly string[];
  /** The learning style this option suits, if any. */
  readonly style: LearningStyle | undefined;
  readonly note: Text | undefined;
}

/** Alternatives of which a learner takes exactly one (e.g. three deep-learning courses). */
export interface ChooseOneGroup {
  readonly id: string;
  readonly title: Text;
  readonly options: readonly ChooseOneOption[];
}

/** A stage that is a block of time rather than a sum of resources (projects, the job search). */
export interface StageBlock {
  /** Length in weeks at the learner's weekly hours (a calendar month is 4.35 weeks). */
  readonly weeks: number | undefined;
  /** Or a fixed number of hours, spread at the learner's weekly hours. */
  readonly hours: number | undefined;
  readonly reason: Text;
}

export interface Stage {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text | undefined;
  /** Skills this stage covers. */
  readonly skills: readonly string[];
  /** Resources taken by default for this stage. */
  readonly resources: readonly string[];
  readonly chooseOne: readonly ChooseOneGroup[];
  /** Studied alongside another stage (maths alongside shallow ML). */
  readonly alongside: string | undefined;
  /** Taken only when needed (e.g. software engineering for someone who already has it). */
  readonly optional: boolean;
  readonly block: StageBlock | undefined;
}

/** One argument for a route, addressed to some starting points (ids) or, when `for` is empty, to everyone. */
export interface RouteReason {
  readonly text: Text;
  readonly for: readonly string[];
}

export interface Route {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text | undefined;
  /** Stage ids in the order this route takes them. */
  readonly stages: readonly string[];
  /** The curriculum's arguments for this route; show them through `reasonsFor` (core/planner/route). */
  readonly reasons: readonly RouteReason[];
  /** Starting points this route is recommended for. */
  readonly recommendedFor: readonly string[];
  /** This route is a variant of another (the university path of data-science-first). */
  readonly variantOf: string | undefined;
}

export interface ExpectedDuration {
  /** Calendar months the article expects. */
  readonly months: number;
  /** The milestone the figure refers to: a stage id or `ready`. */
  readonly milestone: string;
  readonly note: Text | undefined;
}

export interface StartingPoint {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text | undefined;
  readonly known: readonly string[];
  readonly hoursPerWeek: number;
  readonly hoursNote: Text | undefined;
  readonly route: string | undefined;
  readonly style: LearningStyle | undefined;
  /** Learner factor on provider effort (beginners take longer than providers say). */
  readonly effortFactor: number | undefined;
  readonly expected: ExpectedDuration | undefined;
}

export interface RoleWeight {
  readonly skill: string;
  readonly weight: number;
}

export interface Role {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text | undefined;
  /** Old ids this role replaces (`ml-researcher` for `research-scientist`): a stored target keeps working. */
  readonly aliases: readonly string[];
  /**
   * What the curriculum's own plan teaches for this role and how central each skill is (1-5): the
   * planner's targets when a learner aims at the role.
   */
  readonly weights: readonly RoleWeight[];
  /**
   * What job postings for this role ask, weighted by how often (derived from a labelled set of postings,
   * see `evidence`); readiness and the posting analysis measure against these. Empty when the curriculum
   * has no such evidence, and then `weights` stand in.
   */
  readonly market: readonly RoleWeight[];
  /** Where `market` comes from: the labelled postings and the script that derived the weights. */
  readonly evidence: string | undefined;
}

/** Phrases that name a skill or a role in job postings, per locale (`{ en: [...], zh-CN: [...] }`). */
export type Phrases = Readonly<Record<Locale, readonly string[]>>;

/**
 * The words postings use for the curriculum's skills and roles, so a posting can be read against it.
 * Matching is case-insensitive; a phrase may name more than one skill ("strong Python" names both the
 * basics and idiomatic Python).
 */
export interface Vocabulary {
  /** Skill id -> phrases. */
  readonly skills: Readonly<Record<string, Phrases>>;
  /** Role id -> phrases (titles and wording typical of the role). */
  readonly roles: Readonly<Record<string, Phrases>>;
}

export interface RubricItem {
  readonly id: string;
  readonly title: Text;
}

export interface ProjectTemplate {
  readonly id: string;
  readonly domain: string;
  readonly title: Text;
  readonly summary: Text | undefined;
  readonly skills: readonly string[];
  readonly milestones: readonly Text[];
  readonly rubric: readonly RubricItem[];
  /** A paper or resource the project implements or builds on. */
  readonly resources: readonly string[];
}

export interface Domain {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text | undefined;
  readonly skills: readonly string[];
  readonly resources: readonly string[];
}

/**
 * A self-check question on a skill, with a model answer: used for placement and, once the skill is
 * done, as a spaced-review card. Its identity is `skill/id` (see `questionKey`), stable across versions.
 */
export interface SelfCheckQuestion {
  /** Unique within its skill. */
  readonly id: string;
  /** The skill it checks (a current skill id). */
  readonly skill: string;
  readonly question: Text;
  /** What a good answer contains. */
  readonly answer: Text;
}

export interface CurriculumMeta {
  readonly id: string;
  readonly version: string;
  readonly locales: readonly Locale[];
  readonly title: Text;
  readonly summary: Text | undefined;
  /** The rubric every portfolio project is judged by. */
  readonly rubric: readonly RubricItem[];
  /** Default hours a skill without own hours or resources counts (imports without times). */
  readonly defaultSkillHours: number | undefined;
  /**
   * What the curriculum leads to, as headings name it ("My progress: machine-learning engineer");
   * the title stands in when absent (`goalOf`).
   */
  readonly goal: Text | undefined;
  /**
   * The label of the milestone reached when everything but a closing stage such as the job search
   * is done ("Job-ready: ..."); a neutral label stands in when absent (`READY_TITLE`).
   */
  readonly ready: Text | undefined;
}

export interface Curriculum {
  readonly meta: CurriculumMeta;
  readonly skills: readonly Skill[];
  readonly resources: readonly Resource[];
  readonly stages: readonly Stage[];
  readonly routes: readonly Route[];
  readonly startingPoints: readonly StartingPoint[];
  readonly roles: readonly Role[];
  readonly projects: readonly ProjectTemplate[];
  readonly domains: readonly Domain[];
  /** How job postings name the skills and roles; undefined when the curriculum brings none. */
  readonly vocabulary: Vocabulary | undefined;
  /** Regions with hosts their learners cannot reach; absent or empty when the curriculum lists none. */
  readonly regions?: readonly Region[] | undefined;
  /** Self-check questions, in authored order; empty when the curriculum brings none (imports). */
  readonly selfCheck: readonly SelfCheckQuestion[];
}

/** Pick the text for a locale, falling back to English and then to any text there is. */
export function textIn(text: Text | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text['en'] ?? Object.values(text)[0] ?? '';
}

/** What a curriculum leads to, for headings: its `goal`, else its title. */
export function goalOf(meta: Pick<CurriculumMeta, 'goal' | 'title'>): Text {
  return meta.goal ?? meta.title;
}

/** The weights readiness measures a role by: its market weights when it has them, else its plan weights. */
export function readinessWeights(role: Role): readonly RoleWeight[] {
  return role.market.length > 0 ? role.market : role.weights;
}

/** A role by its id or one of its old ids (aliases). */
export function findRole(curriculum: Curriculum, id: string): Role | undefined {
  return curriculum.roles.find((r) => r.id === id) ?? curriculum.roles.find((r) => r.aliases.includes(id));
}

/** A question's stable key, `skill/id`: the id of its review card. */
export function questionKey(q: Pick<SelfCheckQuestion, 'skill' | 'id'>): string {
  return `${q.skill}/${q.id}`;
}

/** A skill's self-check questions, in authored order. */
export function questionsFor(curriculum: Pick<Curriculum, 'selfCheck'>, skill: string): SelfCheckQuestion[] {
  return curriculum.selfCheck.filter((q) => q.skill === skill);
}

/** Index a list of records by id. */
export function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
