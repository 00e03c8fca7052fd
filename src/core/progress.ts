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
}

export function itemIndex(curriculum: ProgressCurriculum): ItemIndex {
  const aliases = new Map<string, string>();
  for (const skill of curriculum.skills) for (const old of skill.aliases) aliases.set(old, skill.id);
  return {
    skills: new Set(curriculum.skills.map((s) => s.id)),
    aliases,
    resources: new Set(curriculum.resources.map((r) => r.id)),
    units: new Set(curriculum.resources.flatMap((r) => r.units.map((u) => `${r.id}/${u.id}`))),
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

export interface LoggedHours {
  readonly date: string;
  readonly hours: number;
  readonly item: string | undefined;
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
  readonly notes: readonly { readonly at: string; readonly text: string; readonly item: string | undefined }[];
  /** Events in force (not cancelled, not undo events). */
  readonly effectiveEvents: number;
}

const STATUS: Partial<Record<ProgressEvent['type'], ItemStatus>> = {
  started: 'learning',
  done: 'done',
  skipped: 'skipped',
};

/** The state the planner needs: statuses of skills and items, and hours logged. */
export function foldProgress(events: readonly ProgressEvent[], curriculum: ProgressCurriculum): ProgressState {
  const { skills, items, logged } = progressStats(events, curriculum, undefined);
  return { skills, items, logged };
}

/** The fold with everything the status screen shows. `today` (`YYYY-MM-DD`) anchors week and streak. */
export function progressStats(
  events: readonly ProgressEvent[],
  curriculum: ProgressCurriculum,
  today: string | undefined,
): ProgressStats {
  const index = itemIndex(curriculum);
  const ordered = orderEvents(events);
  const cancelled = cancelledInOrder(ordered);
  const weekOf = new Map<string, string>();
  const skills = new Map<string, ItemStatus>();
  const items = new Map<string, ItemStatus>();
  const unknown = new Map<string, ItemStatus>();
  const logged: LoggedHours[] = [];
  const hoursByWeek = new Map<string, number>();
  const days = new Set<string>();
  const projectTicks = new Map<string, Set<string>>();
  const notes: { at: string; text: string; item: string | undefined }[] = [];
  let totalHours = 0;
  let effective = 0;

  for (const event of ordered) {
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
        days.add(event.at.slice(0, 10));
        break;
      }
      case 'hours': {
        const hours = event.hours ?? 0;
        if (!(hours > 0)) break;
        const date = event.date ?? event.at.slice(0, 10);
        logged.push({ date, hours, item: key });
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
      case 'note':
        if (event.text !== undefined) notes.push({ at: event.at, text: event.text, item: key });
        break;
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
  const activeDays = [...days].sort();
  return {
    skills,
    items,
    logged,
    unknown,
    hoursByWeek,
    totalHours: round(totalHours),
    hoursThisWeek: today === undefined ? 0 : round(hoursByWeek.get(isoWeek(today)) ?? 0),
    streakDays: today === undefined ? 0 : streak(days, today),
    activeDays,
    projectTicks,
    notes,
    effectiveEvents: effective,
  };
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

const DAY_MS = 86_400_000;

function parseDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `n` days. */
export function addDays(date: string, n: number): string {
  return formatDate(parseDate(date) + n * DAY_MS);
}

/** The ISO 8601 week of a date, as `YYYY-Www` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  const ms = parseDate(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = ms + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of the ISO week a date falls in. */
export function weekStart(date: string): string {
  const ms = parseDate(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return formatDate(ms - weekday * DAY_MS);
}
