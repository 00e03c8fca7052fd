/**
 * @module progress
 * The fold of the progress log: events in, state out. Pure: the curriculum (for aliases and
 * to tell skills from resources) and "today" are arguments.
 *
 * Rules:
 * - Events apply in the order they happened (`at`), ties in the order recorded.
 * - `undo` cancels the event it names; an undo can itself be undone (a redo). A cancelled
 *   event counts for nothing, as if it had never been recorded.
 * - `started` / `done` / `skipped` set an item's status; `reset` clears it.
 * - An id an older curriculum used follows the skill's `aliases` to today's id.
 * - Ids the curriculum does not know are kept aside (a later curriculum may know them).
 */
import type { Curriculum } from './model.js';
import type { ProgressState } from './plan-model.js';
import type { ProgressEvent } from './progress-model.js';
import { addDays, fromDayNumber, isoWeekday, toDayNumber } from './dates.js';
import { newCard, rateCard } from './review.js';
import { MlpathError } from './errors.js';
import type { ReviewCard } from './review.js';
import { CARD_PHASES, isReviewRating } from './review-model.js';
import type { CardPhase, ReviewRating } from './review-model.js';

export type ItemStatus = 'learning' | 'done' | 'skipped';
export type ItemKind = 'skill' | 'resource' | 'unit';

/** What the fold needs of a curriculum. */
export type ProgressCurriculum = Pick<Curriculum, 'skills' | 'resources'>;

export interface ItemIndex {
  readonly skills: ReadonlySet<string>;
  /** Old skill id -> today's id. */
  readonly aliases: ReadonlyMap<string, string>;
  readonly resources: ReadonlySet<string>;
  /** `resourceId/unitId` keys. */
  readonly units: ReadonlySet<string>;
  /** Resource or `resourceId/unitId` key -> the skills it teaches. */
  readonly teaches: ReadonlyMap<string, readonly string[]>;
}

export function itemIndex(curriculum: ProgressCurriculum): ItemIndex {
  const aliases = new Map<string, string>();
  for (const skill of curriculum.skills) for (const old of skill.aliases) aliases.set(old, skill.id);
  const teaches = new Map<string, readonly string[]>();
  for (const r of curriculum.resources) {
    teaches.set(r.id, r.teaches);
    for (const u of r.units) teaches.set(`${r.id}/${u.id}`, u.teaches);
  }
  return {
    skills: new Set(curriculum.skills.map((s) => s.id)),
    aliases,
    resources: new Set(curriculum.resources.map((r) => r.id)),
    units: new Set(curriculum.resources.flatMap((r) => r.units.map((u) => `${r.id}/${u.id}`))),
    teaches,
  };
}

/** An id as the learner or an old event gives it -> what it is today, or undefined if unknown. */
export function resolveItem(index: ItemIndex, id: string): { kind: ItemKind; key: string } | undefined {
  if (index.skills.has(id)) return { kind: 'skill', key: id };
  const renamed = index.aliases.get(id);
  if (renamed !== undefined) return { kind: 'skill', key: renamed };
  if (index.resources.has(id)) return { kind: 'resource', key: id };
  if (index.units.has(id)) return { kind: 'unit', key: id };
  return undefined;
}

/** Every id a learner may name: skills, their old ids, resources and units. */
export function knownItemIds(index: ItemIndex): string[] {
  return [...index.skills, ...index.aliases.keys(), ...index.resources, ...index.units];
}

/** Events in the order they apply: by `at`, ties in recorded order. */
export function orderEvents(events: readonly ProgressEvent[]): ProgressEvent[] {
  // Logs are nearly always recorded in time order already: check that in one pass before sorting.
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) sorted = (events[i - 1]?.at ?? '') <= (events[i]?.at ?? '');
  if (sorted) return [...events];
  return events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : a.i - b.i))
    .map(({ event }) => event);
}

/** The ids of events cancelled by an undo that is itself in force. */
export function cancelledIds(events: readonly ProgressEvent[]): Set<string> {
  return cancelledInOrder(orderEvents(events));
}

function cancelledInOrder(ordered: readonly ProgressEvent[]): Set<string> {
  const cancelled = new Set<string>();
  // An undo always comes after what it cancels, so walking backwards settles undo-of-undo.
  for (let i = ordered.length - 1; i >= 0; i--) {
    const event = ordered[i];
    if (event === undefined || cancelled.has(event.id)) continue;
    if (event.type === 'undo' && event.undoes !== undefined) cancelled.add(event.undoes);
  }
  return cancelled;
}

/** The event `mlpath undo` cancels next: the latest one in force that is not itself an undo. */
export function lastUndoable(events: readonly ProgressEvent[]): ProgressEvent | undefined {
  const ordered = orderEvents(events);
  const cancelled = cancelledInOrder(ordered);
  for (let i = ordered.length - 1; i >= 0; i--) {
    const event = ordered[i];
    if (event !== undefined && event.type !== 'undo' && !cancelled.has(event.id)) return event;
  }
  return undefined;
}

export interface ProgressStats extends ProgressState {
  /** Statuses of ids the curriculum does not know (kept for a later curriculum). */
  readonly unknown: ReadonlyMap<string, ItemStatus>;
  /** ISO week (`2026-W48`) -> hours logged that week. */
  readonly hoursByWeek: ReadonlyMap<string, number>;
  readonly totalHours: number;
  readonly hoursThisWeek: number;
  /** Days in a row with any activity, ending today (or yesterday, when today has none yet). */
  readonly streakDays: number;
  /** Days with activity, ascending. */
  readonly activeDays: readonly string[];
  /** Project id -> rubric item ids ticked. */
  readonly projectTicks: ReadonlyMap<string, ReadonlySet<string>>;
  /** Events in force (not cancelled, not undo events). */
  readonly effectiveEvents: number;
  /** Item key (skill, resource, unit, or an id the curriculum does not know) -> the day it became done, for items done now. */
  readonly doneOn: ReadonlyMap<string, string>;
}

const STATUS: Partial<Record<ProgressEvent['type'], ItemStatus>> = {
  started: 'learning',
  done: 'done',
  skipped: 'skipped',
};

/** The state the planner needs: statuses of skills and items, and hours logged. */
export function foldProgress(events: readonly ProgressEvent[], curriculum: ProgressCurriculum): ProgressState {
  const { skills, items, logged, loggedByItem, loggedGeneral, loggedForeign, doneOn } = progressStats(
    events,
    curriculum,
    undefined,
  );
  return { skills, items, logged, loggedByItem, loggedGeneral, loggedForeign, doneOn };
}

/** The fold with everything the status screen shows. `today` (`YYYY-MM-DD`) anchors week and streak. */
export function progressStats(
  events: readonly ProgressEvent[],
  curriculum: ProgressCurriculum,
  today: string | undefined,
): ProgressStats {
  return statsOf(foldEvents(events, itemIndex(curriculum)), today);
}

/**
 * The fold of a log before `today` anchors it: what a store keeps next to the log and extends with
 * the events recorded since (extendFold), so reading progress does not read the whole log.
 */
export interface ProgressFold {
  readonly skills: Map<string, ItemStatus>;
  readonly items: Map<string, ItemStatus>;
  readonly unknown: Map<string, ItemStatus>;
  /** Day -> hours logged on it, in the order days were first logged. */
  readonly hoursByDay: Map<string, number>;
  /** Item key ('' for hours logged without one) -> hours logged on it, all days. */
  readonly hoursByItem: Map<string, number>;
  /** Day -> hours logged on it without an item. */
  readonly generalByDay: Map<string, number>;
  /**
   * Day -> hours logged on it on items this curriculum does not know (another curriculum's, the
   * learner having switched): logged time all the same, but no part of this curriculum's weeks.
   */
  readonly foreignByDay: Map<string, number>;
  readonly hoursByWeek: Map<string, number>;
  /** Unrounded. */
  readonly totalHours: number;
  readonly days: Set<string>;
  readonly projectTicks: Map<string, Set<string>>;
  readonly effectiveEvents: number;
  /** Events folded, undo events and cancelled ones included. */
  readonly events: number;
  /** The latest `at` folded ('' for none). */
  readonly lastAt: string;
  /** The `at` of the first event folded, in the order events apply ('' for none). */
  readonly firstAt: string;
  /** Item key -> the day it became done, for items done now. */
  readonly doneOn: Map<string, string>;
  /** Skill -> the latest `done` mark of it in force. */
  readonly marked: Map<string, string>;
  /** Skill -> the first `done` in force of a resource or unit teaching it. */
  readonly worked: Map<string, string>;
  /**
   * Review cards (`skill/question`, old skill ids followed) with the ratings given since their
   * skill's start (reviewSince) applied in time order; a card without such a rating is absent.
   */
  readonly cards: Map<string, ReviewCard>;
}

/**
 * When a skill's review cards start: its latest `done` mark, else the first `done` of a resource or
 * unit teaching it, else the first event of the log (core/review-events.ts).
 */
export function reviewSince(fold: ProgressFold, skill: string): string {
  return fold.marked.get(skill) ?? fold.worked.get(skill) ?? (fold.firstAt || new Date(0).toISOString());
}

function emptyFold(): ProgressFold {
  return {
    skills: new Map(),
    items: new Map(),
    unknown: new Map(),
    hoursByDay: new Map(),
    hoursByItem: new Map(),
    generalByDay: new Map(),
    foreignByDay: new Map(),
    hoursByWeek: new Map(),
    totalHours: 0,
    days: new Set(),
    projectTicks: new Map(),
    effectiveEvents: 0,
    events: 0,
    lastAt: '',
    firstAt: '',
    doneOn: new Map(),
    marked: new Map(),
    worked: new Map(),
    cards: new Map(),
  };
}

/** Fold a whole log. */
export function foldEvents(events: readonly ProgressEvent[], index: ItemIndex): ProgressFold {
  const ordered = orderEvents(events);
  // Refusal is for review cards already folded, which an empty fold has none of.
  return applyEvents(emptyFold(), ordered, cancelledInOrder(ordered), index) as ProgressFold;
}

/**
 * The fold extended by events recorded after those it holds, or undefined when they cannot simply
 * be applied on top and the log must be folded again: an undo among them (it cancels an event
 * already folded), or one that happened before the latest folded (events apply in time order), or a
 * `done` that moves the start of a skill's review cards to the instant of a rating already folded.
 * The fold given is left as it was.
 */
export function extendFold(
  fold: ProgressFold,
  events: readonly ProgressEvent[],
  index: ItemIndex,
): ProgressFold | undefined {
  let last = fold.lastAt;
  for (const event of events) {
    if (event.type === 'undo' || event.at < last) return undefined;
    last = event.at;
  }
  const copy: ProgressFold = {
    ...fold,
    skills: new Map(fold.skills),
    items: new Map(fold.items),
    unknown: new Map(fold.unknown),
    hoursByDay: new Map(fold.hoursByDay),
    hoursByItem: new Map(fold.hoursByItem),
    generalByDay: new Map(fold.generalByDay),
    foreignByDay: new Map(fold.foreignByDay),
    hoursByWeek: new Map(fold.hoursByWeek),
    days: new Set(fold.days),
    projectTicks: new Map([...fold.projectTicks].map(([id, ticks]) => [id, new Set(ticks)])),
    doneOn: new Map(fold.doneOn),
    marked: new Map(fold.marked),
    worked: new Map(fold.worked),
    cards: new Map(fold.cards),
  };
  return applyEvents(copy, events, new Set(), index);
}

interface PendingReview {
  readonly card: string;
  readonly skill: string;
  readonly question: string;
  readonly rating: ReviewRating;
  readonly at: string;
}

/**
 * Apply events in order to a fold (whose collections it fills in place); undefined when a `done`
 * moves the start of a skill's cards to the instant of a rating already folded (see extendFold).
 */
function applyEvents(
  fold: ProgressFold,
  ordered: readonly ProgressEvent[],
  cancelled: ReadonlySet<string>,
  index: ItemIndex,
): ProgressFold | undefined {
  const {
    skills,
    items,
    unknown,
    hoursByDay,
    hoursByItem,
    generalByDay,
    foreignByDay,
    hoursByWeek,
    days,
    projectTicks,
  } = fold;
  const { doneOn, marked, worked, cards } = fold;
  const weekOf = new Map<string, string>();
  let totalHours = fold.totalHours;
  let effective = fold.effectiveEvents;
  let lastAt = fold.lastAt;
  const firstAt = fold.firstAt || (ordered[0]?.at ?? '');
  // Ratings are applied after the pass, from each skill's start as it is then; the skills whose
  // start a `done` may move, with their start before.
  const reviews: PendingReview[] = [];
  const moved = new Map<string, string>();
  const startOf = (skill: string): string => marked.get(skill) ?? worked.get(skill) ?? firstAt;
  const move = (skill: string): void => {
    if (!moved.has(skill)) moved.set(skill, startOf(skill));
  };
  for (const event of ordered) {
    if (event.at > lastAt) lastAt = event.at;
    if (event.type === 'undo' || cancelled.has(event.id)) continue;
    effective++;
    const resolved = event.item === undefined ? undefined : resolveItem(index, event.item);
    const key = resolved?.key ?? event.item;
    switch (event.type) {
      case 'started':
      case 'done':
      case 'skipped':
      case 'reset': {
        if (event.item === undefined) break;
        const target = resolved === undefined ? unknown : resolved.kind === 'skill' ? skills : items;
        const status = STATUS[event.type];
        if (status === undefined) target.delete(key ?? event.item);
        else target.set(key ?? event.item, status);
        if (event.type === 'done') doneOn.set(key ?? event.item, event.at.slice(0, 10));
        else doneOn.delete(key ?? event.item);
        if (event.type === 'done' && resolved !== undefined) {
          // A mark of the skill restarts its cards (the latest counts); work teaching it only starts them (the first counts).
          if (resolved.kind === 'skill') {
            move(resolved.key);
            marked.set(resolved.key, event.at);
          } else
            for (const skill of index.teaches.get(resolved.key) ?? [])
              if (!worked.has(skill)) {
                move(skill);
                worked.set(skill, event.at);
              }
        }
        days.add(event.at.slice(0, 10));
        break;
      }
      case 'reviewed': {
        const slash = event.item?.indexOf('/') ?? -1;
        if (event.item === undefined || slash <= 0 || !isReviewRating(event.text ?? '')) break;
        const skill = resolveItem(index, event.item.slice(0, slash));
        if (skill?.kind !== 'skill') break;
        const question = event.item.slice(slash + 1);
        const card = `${skill.key}/${question}`;
        reviews.push({ card, skill: skill.key, question, rating: event.text as ReviewRating, at: event.at });
        break;
      }
      case 'hours': {
        const hours = event.hours ?? 0;
        if (!(hours > 0)) break;
        const date = event.date ?? event.at.slice(0, 10);
        hoursByDay.set(date, (hoursByDay.get(date) ?? 0) + hours);
        hoursByItem.set(key ?? '', (hoursByItem.get(key ?? '') ?? 0) + hours);
        if (key === undefined) generalByDay.set(date, (generalByDay.get(date) ?? 0) + hours);
        else if (resolved === undefined) foreignByDay.set(date, (foreignByDay.get(date) ?? 0) + hours);
        totalHours += hours;
        let week = weekOf.get(date);
        if (week === undefined) {
          week = isoWeek(date);
          weekOf.set(date, week);
        }
        hoursByWeek.set(week, (hoursByWeek.get(week) ?? 0) + hours);
        days.add(date);
        break;
      }
      case 'project-milestone': {
        if (event.item === undefined || event.text === undefined) break;
        const ticks = projectTicks.get(event.item) ?? new Set<string>();
        ticks.add(event.text);
        projectTicks.set(event.item, ticks);
        days.add(event.at.slice(0, 10));
        break;
      }
    }
  }
  // A skill whose start moved starts its cards afresh; a rating folded at the new start itself would
  // still count, and the fold no longer has it apart: refuse.
  for (const [skill, before] of moved) {
    const start = startOf(skill);
    if (start === before) continue;
    for (const [key, card] of cards) {
      if (card.skill !== skill) continue;
      if (card.lastReview !== undefined && card.lastReview >= start) return undefined;
      cards.delete(key);
    }
  }
  for (const review of reviews) {
    const start = startOf(review.skill);
    if (review.at < start) continue;
    const card = cards.get(review.card) ?? newCard({ skill: review.skill, id: review.question }, new Date(start));
    cards.set(review.card, rateCard(card, review.rating, new Date(review.at)));
  }
  return { ...fold, totalHours, effectiveEvents: effective, events: fold.events + ordered.length, lastAt, firstAt };
}

/** The statistics of a fold, anchored on `today` (week and streak; none without a today). */
export function statsOf(fold: ProgressFold, today: string | undefined): ProgressStats {
  return {
    skills: fold.skills,
    items: fold.items,
    logged: [...fold.hoursByDay].map(([date, hours]) => ({ date, hours })),
    loggedByItem: fold.hoursByItem,
    loggedGeneral: fold.generalByDay,
    loggedForeign: fold.foreignByDay,
    unknown: fold.unknown,
    hoursByWeek: fold.hoursByWeek,
    totalHours: round(fold.totalHours),
    hoursThisWeek: today === undefined ? 0 : round(fold.hoursByWeek.get(isoWeek(today)) ?? 0),
    streakDays: today === undefined ? 0 : streak(fold.days, today),
    activeDays: [...fold.days].sort(),
    projectTicks: fold.projectTicks,
    effectiveEvents: fold.effectiveEvents,
    doneOn: fold.doneOn,
  };
}

/** The version of foldToJson's text; a stored fold of another version is folded again. */
export const FOLD_FORMAT = 7;

/** A fold as text, for a store to keep. */
export function foldToJson(fold: ProgressFold): string {
  return JSON.stringify({
    format: FOLD_FORMAT,
    skills: [...fold.skills],
    items: [...fold.items],
    unknown: [...fold.unknown],
    hoursByDay: [...fold.hoursByDay],
    hoursByItem: [...fold.hoursByItem],
    generalByDay: [...fold.generalByDay],
    foreignByDay: [...fold.foreignByDay],
    hoursByWeek: [...fold.hoursByWeek],
    totalHours: fold.totalHours,
    days: [...fold.days],
    projectTicks: [...fold.projectTicks].map(([id, ticks]) => [id, [...ticks]]),
    effectiveEvents: fold.effectiveEvents,
    events: fold.events,
    lastAt: fold.lastAt,
    firstAt: fold.firstAt,
    doneOn: [...fold.doneOn],
    marked: [...fold.marked],
    worked: [...fold.worked],
    // Per card: [key, phase, due, stability, difficulty, reps, lapses, scheduled days, elapsed days, learning steps, last review].
    cards: [...fold.cards.values()].map((c) => [
      c.key,
      c.phase,
      c.due,
      c.stability,
      c.difficulty,
      c.reps,
      c.lapses,
      c.scheduledDays,
      c.elapsedDays,
      c.learningSteps,
      c.lastReview ?? null,
    ]),
  });
}

type CardRow = [string, CardPhase, string, number, number, number, number, number, number, number, string | null];

function cardFromRow(row: CardRow): ReviewCard {
  const [key, phase, due, stability, difficulty, reps, lapses, scheduledDays, elapsedDays, learningSteps, last] = row;
  const slash = key.indexOf('/');
  if (!CARD_PHASES.includes(phase))
    throw new MlpathError({ code: 'INTERNAL', key: 'internal.cardPhase', params: { card: key, phase } });
  return {
    key,
    skill: key.slice(0, slash),
    question: key.slice(slash + 1),
    phase,
    due,
    stability,
    difficulty,
    reps,
    lapses,
    scheduledDays,
    elapsedDays,
    learningSteps,
    lastReview: last ?? undefined,
  };
}

/** A fold from foldToJson's text; undefined for another format or a text that is not one. */
export function foldFromJson(text: string): ProgressFold | undefined {
  try {
    const j = JSON.parse(text) as {
      format: number;
      skills: [string, ItemStatus][];
      items: [string, ItemStatus][];
      unknown: [string, ItemStatus][];
      hoursByDay: [string, number][];
      hoursByItem: [string, number][];
      generalByDay: [string, number][];
      foreignByDay: [string, number][];
      hoursByWeek: [string, number][];
      totalHours: number;
      days: string[];
      projectTicks: [string, string[]][];
      effectiveEvents: number;
      events: number;
      lastAt: string;
      firstAt: string;
      doneOn: [string, string][];
      marked: [string, string][];
      worked: [string, string][];
      cards: CardRow[];
    };
    if (j.format !== FOLD_FORMAT) return undefined;
    return {
      skills: new Map(j.skills),
      items: new Map(j.items),
      unknown: new Map(j.unknown),
      hoursByDay: new Map(j.hoursByDay),
      hoursByItem: new Map(j.hoursByItem),
      generalByDay: new Map(j.generalByDay),
      foreignByDay: new Map(j.foreignByDay),
      hoursByWeek: new Map(j.hoursByWeek),
      totalHours: j.totalHours,
      days: new Set(j.days),
      projectTicks: new Map(j.projectTicks.map(([id, ticks]) => [id, new Set(ticks)])),
      effectiveEvents: j.effectiveEvents,
      events: j.events,
      lastAt: j.lastAt,
      firstAt: j.firstAt,
      doneOn: new Map(j.doneOn),
      marked: new Map(j.marked),
      worked: new Map(j.worked),
      cards: new Map(j.cards.map((row) => [row[0], cardFromRow(row)])),
    };
  } catch {
    return undefined;
  }
}

function round(hours: number): number {
  return Math.round(hours * 1000) / 1000;
}

function streak(days: ReadonlySet<string>, today: string): number {
  let day = days.has(today) ? today : addDays(today, -1);
  let count = 0;
  while (days.has(day)) {
    count++;
    day = addDays(day, -1);
  }
  return count;
}

/** The ISO 8601 week of a date, as `YYYY-Www` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  const thursday = toDayNumber(date) + 4 - isoWeekday(date);
  const year = Number(fromDayNumber(thursday).slice(0, 4));
  const week = Math.floor((thursday - toDayNumber(`${String(year).padStart(4, '0')}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
