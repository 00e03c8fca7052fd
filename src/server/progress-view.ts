/**
 * @module server/progress-view
 * The progress screen's data (GET /api/progress) from the event log: statuses, the events,
 * and statistics keyed by the Monday of each week, with done counts per area and per stage.
 */
import type { Curriculum } from '../core/model.js';
import { weekStart } from '../core/dates.js';
import { progressStats } from '../core/progress.js';
import type { ItemStatus } from '../core/progress.js';
import type { ProgressEvent } from '../core/progress-model.js';

export interface DoneOfTotal {
  done: number;
  total: number;
}

export interface ProgressView {
  skills: Record<string, ItemStatus>;
  items: Record<string, ItemStatus>;
  events: readonly ProgressEvent[];
  stats: {
    totalHours: number;
    hoursThisWeek: number;
    streakDays: number;
    hoursByWeek: { week: string; hours: number }[];
    doneByArea: Record<string, DoneOfTotal>;
    doneByStage: Record<string, DoneOfTotal>;
  };
}

export function progressView(events: readonly ProgressEvent[], curriculum: Curriculum, today: string): ProgressView {
  const stats = progressStats(events, curriculum, today);
  const byWeek = new Map<string, number>();
  for (const entry of stats.logged) {
    const week = weekStart(entry.date);
    byWeek.set(week, (byWeek.get(week) ?? 0) + entry.hours);
  }
  const hoursByWeek = [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, hours]) => ({ week, hours: Math.round(hours * 1000) / 1000 }));

  const doneByArea: Record<string, DoneOfTotal> = {};
  for (const skill of curriculum.skills) {
    const entry = (doneByArea[skill.area] ??= { done: 0, total: 0 });
    entry.total++;
    if (stats.skills.get(skill.id) === 'done') entry.done++;
  }
  const doneByStage: Record<string, DoneOfTotal> = {};
  for (const stage of curriculum.stages) {
    doneByStage[stage.id] = {
      done: stage.skills.filter((s) => stats.skills.get(s) === 'done').length,
      total: stage.skills.length,
    };
  }
  return {
    skills: Object.fromEntries(stats.skills),
    items: Object.fromEntries(stats.items),
    events,
    stats: {
      totalHours: stats.totalHours,
      hoursThisWeek: stats.hoursThisWeek,
      streakDays: stats.streakDays,
      hoursByWeek,
      doneByArea,
      doneByStage,
    },
  };
}
