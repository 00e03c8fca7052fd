/**
 * @module timeline
 * The plan as bars: for each stage the weeks from its first task to its last. Stages that run at
 * the same time (parallel tracks, as maths alongside code) overlap in time on rows of their own.
 * Pure; weeks are the plan's, indices from 0.
 */
import { weekNumber as weekNumberFrom } from '../../../src/core/weeks.js';
import type { Plan } from './api.js';
import { addDays } from './format.js';

export interface StageBar {
  readonly stage: string;
  /** First and last week index (inclusive) with a task of the stage. */
  readonly from: number;
  readonly to: number;
  /** First day of the first week and last day of the last week, `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
  readonly hours: number;
}

/**
 * Stage bars in the order the stages begin (ties: the longer first). Bedside reading (`ambient`
 * tasks, a little each week) does not stretch a stage's bar unless the stage has nothing else.
 */
export function stageBars(plan: Pick<Plan, 'weeks'>): StageBar[] {
  const spans = new Map<string, { from: number; to: number; hours: number }>();
  const solid = new Set(
    plan.weeks.flatMap((week) => week.tasks.filter((t) => t.kind !== 'ambient').map((t) => t.stage)),
  );
  plan.weeks.forEach((week, index) => {
    for (const task of week.tasks) {
      if (task.kind === 'ambient' && solid.has(task.stage)) continue;
      const span = spans.get(task.stage);
      if (span) {
        span.to = index;
        span.hours += task.hours;
      } else spans.set(task.stage, { from: index, to: index, hours: task.hours });
    }
  });
  const ordered = [...spans.entries()].sort(([, a], [, b]) => a.from - b.from || b.to - a.to);
  return ordered.map(([stage, span]) => {
    return {
      stage,
      from: span.from,
      to: span.to,
      start: plan.weeks[span.from]?.start ?? '',
      end: addDays(plan.weeks[span.to]?.start ?? '', 6),
      hours: Math.round(span.hours * 10) / 10,
    };
  });
}

/**
 * The learner's number for a plan week: counted from the week of their own start when known (the
 * rule `mlpath today` and This week use, core/weeks.ts), else from 1.
 */
export function weekNumber(weekStart: string | undefined, from: string | undefined, index: number): number {
  if (!weekStart || !from) return index + 1;
  return weekNumberFrom({ startDate: from }, weekStart);
}
