/**
 * @module planner/earned
 * The planned hours a learner's progress has earned, the one rule the pace (`observedPace`) and the
 * burn-up's "done" share.
 *
 * - A task is **whole** when it is marked done (its unit or its resource), or when every skill it
 *   teaches is done: the re-plan leaves it out. It earns its estimate.
 * - A skill marked done that no whole task teaches was learned inside a bigger task (two chapters of a
 *   five-skill book): it earns its share (hours / skills taught) of the one task teaching it with the
 *   smallest share: the least planned work that accounts for it. A skill taught in several resources is
 *   credited once, not in each.
 */

/** What the rule reads of a task: its planned hours and the skills it teaches. */
export interface EarningTask {
  readonly hours: number;
  readonly skills: readonly string[];
}

export interface Earned {
  /** Per task (same order): the planned hours earned. */
  readonly hours: readonly number[];
  /** Per task: whether it is whole, or else the skills credited to it (none: empty). */
  readonly whole: readonly boolean[];
  readonly credited: readonly ReadonlySet<string>[];
  readonly total: number;
}

const NONE: ReadonlySet<string> = new Set();

export function earnedHours(
  tasks: readonly EarningTask[],
  skillDone: (skill: string) => boolean,
  taskDone: (task: EarningTask, index: number) => boolean,
): Earned {
  const partOf = (task: EarningTask): number => (task.skills.length > 0 ? task.hours / task.skills.length : 0);
  const whole = tasks.map((task, i) => taskDone(task, i) || (task.skills.length > 0 && task.skills.every(skillDone)));
  const covered = new Set(tasks.flatMap((task, i) => (whole[i] ? task.skills : [])));
  const cheapest = new Map<string, number>();
  tasks.forEach((task, i) => {
    for (const s of task.skills) {
      if (covered.has(s) || !skillDone(s)) continue;
      const best = cheapest.get(s);
      if (best === undefined || partOf(task) < partOf(tasks[best] as EarningTask)) cheapest.set(s, i);
    }
  });
  const credited: Set<string>[] = tasks.map(() => new Set<string>());
  for (const [s, i] of cheapest) credited[i]?.add(s);
  const hours = tasks.map((task, i) => (whole[i] ? task.hours : (credited[i]?.size ?? 0) * partOf(task)));
  return {
    hours,
    whole,
    credited: credited.map((c) => (c.size > 0 ? c : NONE)),
    total: hours.reduce((sum, h) => sum + h, 0),
  };
}
