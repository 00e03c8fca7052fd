/**
 * @module progress-view
 * The progress screen's data (GET /api/progress): skill statuses by the one progress model
 * (skill-state.ts), item statuses, the events, and statistics keyed by the Monday of each week,
 * with skills done per area and per stage. Pure.
 */
import type { Curriculum } from './model.js';
import { weekStart } from './dates.js';
import type { ItemStatus, ProgressStats } from './progress.js';
import type { ProgressEvent } from './progress-model.js';
import { countsByArea, skillTotals } from './skill-state.js';
import type { DoneOfTotal, SkillStates, SkillStatus } from './skill-state.js';

export type { DoneOfTotal } from './skill-state.js';

export interface ProgressView {
  /** Skill id -> derived status (absent = not started). */
  skills: Record<string, SkillStatus>;
  /** Skill id -> share of its planned hours done (0-1), for skills begun but not done. */
  partial: Record<string, number>;
  /** `resource` or `resource/unit` -> status as marked. */
  items: Record<string, ItemStatus>;
  events: readonly ProgressEvent[];
  stats: {
    totalHours: number;
    hoursThisWeek: number;
    streakDays: number;
    /** Hours logged per calendar week, keyed by its Monday. */
    hoursByWeek: { week: string; hours: number }[];
    /** Skills done of those in the learner's plan (skill-state.ts `skillTotals`). */
    skillsDone: DoneOfTotal;
    /** Skills done of every skill in the curriculum. */
    curriculumSkills: DoneOfTotal;
    /** Area -> done of the curriculum's skills in it. */
    doneByArea: Record<string, DoneOfTotal>;
    /** Stage -> done of the plan's skills in it (each under its first stage in the route). */
    doneByStage: Record<string, DoneOfTotal>;
  };
}

export function progressView(input: {
  readonly events: readonly ProgressEvent[];
  readonly stats: ProgressStats;
  readonly states: SkillStates;
  readonly curriculum: Pick<Curriculum, 'skills' | 'stages'>;
  /** The learner's route's stages in order (undefined: the curriculum's), for `skillsDone`. */
  readonly stageOrder: readonly string[] | undefined;
  /** The skills of the plan from the profile alone; undefined without a profile. */
  readonly planSkills: readonly string[] | undefined;
}): ProgressView {
  const totals = skillTotals(input.curriculum, input.stageOrder, input.planSkills, input.states);
  const { events, stats, states, curriculum } = input;
  const byWeek = new Map<string, number>();
  for (const entry of stats.logged) {
    const week = weekStart(entry.date);
    byWeek.set(week, (byWeek.get(week) ?? 0) + entry.hours);
  }
  const hoursByWeek = [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, hours]) => ({ week, hours: Math.round(hours * 1000) / 1000 }));
  const partial: Record<string, number> = {};
  for (const [id, state] of states.bySkill) {
    if (state.status !== 'done' && state.share > 0) partial[id] = Math.round(state.share * 1000) / 1000;
  }
  return {
    skills: Object.fromEntries(states.statuses),
    partial,
    items: Object.fromEntries(stats.items),
    events,
    stats: {
      totalHours: stats.totalHours,
      hoursThisWeek: stats.hoursThisWeek,
      streakDays: stats.streakDays,
      hoursByWeek,
      skillsDone: totals.plan,
      curriculumSkills: totals.curriculum,
      doneByArea: countsByArea(curriculum, states),
      doneByStage: Object.fromEntries(totals.byStage.map(({ id, ...count }) => [id, count])),
    },
  };
}
