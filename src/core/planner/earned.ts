/**
 * @module planner/earned
 * The planned hours a learner's progress has earned, the one rule the pace (`observedPace`) and the
 * burn-up's "done" share.
 *
 * The marks bound the planned work done; the hours logged place it within the bounds.
 * - **Sure** (the least the marks stand for): a task marked done (its unit or its resource) earns its
 *   estimate; a skill marked done that no marked task teaches earns its share (hours / skills taught)
 *   of the one task teaching it with the smallest share, the least planned work that accounts for it
 *   (two chapters of a five-skill book). A skill taught in several resources is credited once.
 * - **Most** (the most the marks could stand for): as sure, but a task whose every skill is done also
 *   earns its estimate (the re-plan leaves it out), studied or not. Where the plan spreads one skill
 *   over several units (CS50's weeks on computing basics), marking it done makes every unit teaching
 *   only it whole, including units not reached yet.
 * - **Earned** (`vouched`): the hours spent, read at the estimate, kept between sure and most. Hours
 *   placed on sure work beyond its estimate are slowness on it and vouch for nothing else. So a skill
 *   marked early earns its later units only as far as hours were spent on them: the work beyond the
 *   sure never reads faster than the hours logged, while work done ahead with its hours logged (as
 *   general study or on the skill) earns what the plan gave it.
 */

/** What the rule reads of a task: its planned hours and the skills it teaches. */
export interface EarningTask {
  readonly hours: number;
  readonly skills: readonly string[];
}

/** One reading of the marks: per task (same order) the planned hours earned, and how. */
export interface Credit {
  readonly hours: readonly number[];
  /** Per task: whether it is whole, or else the skills credited to it (none: empty). */
  readonly whole: readonly boolean[];
  readonly credited: readonly ReadonlySet<string>[];
  readonly total: number;
}

export interface Earned {
  /** The least the marks stand for: marked tasks, and each other done skill at its smallest share. */
  readonly sure: Credit;
  /** The most: as sure, and every task whose skills are all done in full. */
  readonly most: Credit;
}

const NONE: ReadonlySet<string> = new Set();

/** A task's share per skill taught (0 for a task teaching none). */
const partOf = (task: EarningTask): number => (task.skills.length > 0 ? task.hours / task.skills.length : 0);

/**
 * Per skill taught by any task, the index of the task teaching it with the smallest share (the first
 * such task on a tie): the task a done skill is credited to when no whole task covers it. It depends
 * on the tasks alone, so a reading at many dates (the burn-up's weeks) finds it once.
 */
function cheapestTeachers(tasks: readonly EarningTask[]): ReadonlyMap<string, number> {
  const cheapest = new Map<string, number>();
  tasks.forEach((task, i) => {
    for (const s of task.skills) {
      const best = cheapest.get(s);
      if (best === undefined || partOf(task) < partOf(tasks[best] as EarningTask)) cheapest.set(s, i);
    }
  });
  return cheapest;
}

/** The skills of the whole tasks: those credited by a whole task, never again at their share. */
function coveredBy(tasks: readonly EarningTask[], whole: readonly boolean[]): Set<string> {
  const covered = new Set<string>();
  tasks.forEach((task, i) => {
    if (whole[i]) for (const s of task.skills) covered.add(s);
  });
  return covered;
}

function credit(
  tasks: readonly EarningTask[],
  cheapest: ReadonlyMap<string, number>,
  skillDone: (skill: string) => boolean,
  whole: readonly boolean[],
): Credit {
  const covered = coveredBy(tasks, whole);
  const credited: Set<string>[] = tasks.map(() => new Set<string>());
  for (const [s, i] of cheapest) if (!covered.has(s) && skillDone(s)) credited[i]?.add(s);
  const hours = tasks.map((task, i) => (whole[i] ? task.hours : (credited[i]?.size ?? 0) * partOf(task)));
  return {
    hours,
    whole,
    credited: credited.map((c) => (c.size > 0 ? c : NONE)),
    total: hours.reduce((sum, h) => sum + h, 0),
  };
}

/** Per task: marked done (sure), or marked or teaching only done skills (most). */
function wholeTasks(
  tasks: readonly EarningTask[],
  skillDone: (skill: string) => boolean,
  taskDone: (task: EarningTask, index: number) => boolean,
): { marked: boolean[]; allDone: boolean[] } {
  const marked = tasks.map((task, i) => taskDone(task, i));
  const allDone = tasks.map(
    (task, i) => marked[i] === true || (task.skills.length > 0 && task.skills.every(skillDone)),
  );
  return { marked, allDone };
}

export function earnedHours(
  tasks: readonly EarningTask[],
  skillDone: (skill: string) => boolean,
  taskDone: (task: EarningTask, index: number) => boolean,
): Earned {
  const cheapest = cheapestTeachers(tasks);
  const { marked, allDone } = wholeTasks(tasks, skillDone, taskDone);
  return { sure: credit(tasks, cheapest, skillDone, marked), most: credit(tasks, cheapest, skillDone, allDone) };
}

/** The totals of an `Earned` alone: what `vouched` reads. */
export interface EarnedTotals {
  readonly sure: { readonly total: number };
  readonly most: { readonly total: number };
}

/**
 * `earnedHours` read many times over one task list, totals only: the same rule and the same sums
 * (each task's hours added in task order, as `credit` adds them), without the per-task detail.
 * For the burn-up, which reads the marks as they stood at the end of every past week.
 */
export function earnedTotalsOver(
  tasks: readonly EarningTask[],
): (skillDone: (skill: string) => boolean, taskDone: (task: EarningTask, index: number) => boolean) => EarnedTotals {
  const cheapest = cheapestTeachers(tasks);
  const counts = new Float64Array(tasks.length);
  const total = (skillDone: (skill: string) => boolean, whole: readonly boolean[]): number => {
    const covered = coveredBy(tasks, whole);
    counts.fill(0);
    for (const [s, i] of cheapest) if (!covered.has(s) && skillDone(s)) counts[i] = (counts[i] ?? 0) + 1;
    let sum = 0;
    tasks.forEach((task, i) => {
      sum += whole[i] ? task.hours : (counts[i] ?? 0) * partOf(task);
    });
    return sum;
  };
  return (skillDone, taskDone) => {
    const { marked, allDone } = wholeTasks(tasks, skillDone, taskDone);
    return { sure: { total: total(skillDone, marked) }, most: { total: total(skillDone, allDone) } };
  };
}

/**
 * The planned hours earned: `spent` (hours counted as spent), less `placed` hours (logged against
 * sure work) beyond the sure work's estimate, kept between the sure and the most.
 */
export function vouched(earned: EarnedTotals, spent: number, placed = 0): number {
  const read = spent - Math.max(0, placed - earned.sure.total);
  return Math.min(earned.most.total, Math.max(earned.sure.total, read));
}
