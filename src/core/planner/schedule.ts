/**
 * @module planner/schedule
 * Week-by-week list scheduling of study tasks under a weekly hour budget.
 *
 * Time is counted in integer hundredths of an hour, so budgets are met exactly and the same input
 * always gives the same schedule. Each week:
 * - bedside (ambient) reading takes a thin slice first (0.5 h or more, enough to finish by the time
 *   the other work ends; never more than a quarter of the week). Nothing waits for it;
 * - the remaining hours go to at most two study tracks, the main one and the "alongside" one (maths
 *   alongside code and shallow ML). When both have work the alongside track gets its share of the
 *   week; any hour one track cannot use goes to the other, so no hour is left idle while any task
 *   is ready. A track works on one task at a time, taking ready tasks in priority order;
 * - a task is ready when all its prerequisites have finished (earlier, or earlier in the same week)
 *   and every corequisite has at least started.
 * Because the scheduler never idles while work remains, the finish (in hours) equals the total
 * work, which is the lower bound max(total / weekly hours, critical path) for one learner: a chain
 * of tasks can use every hour of a week, so the critical path never exceeds the total.
 */
import { IndexHeap } from '../heap.js';

export interface ScheduleTask {
  /** Work in hundredths of an hour (integer, > 0). */
  readonly centi: number;
  /** Tasks that must finish before this one starts. */
  readonly preds: readonly number[];
  /** Tasks that must have started before this one starts (corequisites, studied alongside). */
  readonly coPreds: readonly number[];
  /** 0 = main track, 1 = alongside track, -1 = ambient (bedside reading). */
  readonly track: number;
  /** Lower is taken first among ready tasks of a track; ties by index. */
  readonly priority: number;
  /**
   * An alongside task waits, once otherwise ready, until the main track starts a task of at least this
   * priority or has no ready work left (maths waits for shallow ML, not for coding). Absent: no wait.
   */
  readonly holdUntil?: number | undefined;
}

export interface ScheduleOptions {
  /** Budget of a week in hundredths of an hour (0 for a week off). */
  readonly capacity: (week: number) => number;
  /** The nominal weekly budget, in hundredths of an hour. */
  readonly nominal: number;
  /** The alongside track's share of a week when both tracks have work (0-1). */
  readonly alongsideShare: number;
  /** Give up past this many weeks (a guard against a budget of zero forever). */
  readonly maxWeeks: number;
}

export interface Chunk {
  readonly task: number;
  readonly centi: number;
}

export interface ScheduledWeek {
  readonly capacity: number;
  /** Work in the order it is done; one entry per task per week. */
  readonly chunks: readonly Chunk[];
  readonly used: number;
}

/**
 * The schedule's weeks as flat lists (no object per week or piece of work): week w's budget is
 * `capacity[w]`, what it used `used[w]`, and its pieces, in the order they are done (one per task per
 * week), are `chunkTask[k]` and `chunkCenti[k]` for k from `firstChunk[w]` to `firstChunk[w + 1]`.
 */
export interface ScheduledWeeks {
  readonly count: number;
  readonly capacity: readonly number[];
  readonly used: readonly number[];
  /** One entry per week and one more: where the next week's pieces would start. */
  readonly firstChunk: readonly number[];
  readonly chunkTask: readonly number[];
  readonly chunkCenti: readonly number[];
}

/** The weeks of a schedule as objects, each with its pieces (for tests and small schedules). */
export function scheduledWeeks(result: ScheduleResult): ScheduledWeek[] {
  const w = result.weeks;
  return Array.from({ length: w.count }, (_, i) => {
    const chunks: Chunk[] = [];
    for (let k = w.firstChunk[i] ?? 0; k < (w.firstChunk[i + 1] ?? 0); k++)
      chunks.push({ task: w.chunkTask[k] ?? 0, centi: w.chunkCenti[k] ?? 0 });
    return { capacity: w.capacity[i] ?? 0, chunks, used: w.used[i] ?? 0 };
  });
}

export interface ScheduleResult {
  readonly weeks: ScheduledWeeks;
  /** Week each task starts and ends in, and the budget used in its end week when it ends. */
  readonly startWeek: Int32Array;
  /** Budget used in the start week before the task starts. */
  readonly startPos: Int32Array;
  readonly endWeek: Int32Array;
  readonly endPos: Int32Array;
  /** Prerequisite edges dropped to break a cycle among tasks ([task, pred] pairs); normally none. */
  readonly dropped: readonly (readonly [number, number])[];
}

/** Remove the fewest-priority back edges so the task graph is acyclic (Kahn with a tie-breaker). */
export function breakCycles(tasks: readonly ScheduleTask[]): {
  preds: (readonly number[])[];
  dropped: Array<[number, number]>;
} {
  const n = tasks.length;
  // Corequisite edges count too: "started before" can deadlock just like "finished before".
  const mark = new Int32Array(n);
  const preds = tasks.map((task, i) => distinctPreds(i, [task.preds, task.coPreds], mark, n));
  const deps = dependantsOf(preds);
  /** Edges dropped to break a cycle, by prerequisite: its finishing no longer counts for these tasks. */
  const released = new Map<number, Set<number>>();
  const indeg = new Int32Array(n);
  preds.forEach((ps, i) => {
    indeg[i] = ps.length;
  });
  const done = new Uint8Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
  let count = 0;
  const dropped: Array<[number, number]> = [];
  for (;;) {
    while (queue.length > 0) {
      const i = queue.pop() ?? 0;
      done[i] = 1;
      count++;
      const gone = released.size > 0 ? released.get(i) : undefined;
      for (let e = deps.start[i] ?? 0, end = deps.start[i + 1] ?? 0; e < end; e++) {
        const d = deps.list[e] ?? 0;
        if (gone?.has(d) === true) continue;
        indeg[d] = (indeg[d] ?? 0) - 1;
        if (indeg[d] === 0) queue.push(d);
      }
    }
    if (count >= n) break;
    // A cycle: release the stuck task that comes first by priority, dropping its open prerequisites.
    let pick = -1;
    for (let i = 0; i < n; i++) {
      if (done[i] || (indeg[i] ?? 0) === 0) continue;
      const ti = tasks[i];
      const tp = pick >= 0 ? tasks[pick] : undefined;
      if (pick < 0 || (ti && tp && ti.priority < tp.priority)) pick = i;
    }
    if (pick < 0) break;
    const open = (preds[pick] ?? []).filter((p) => !done[p]);
    for (const p of open) {
      dropped.push([pick, p]);
      released.set(p, (released.get(p) ?? new Set<number>()).add(pick));
    }
    preds[pick] = (preds[pick] ?? []).filter((p) => done[p]);
    indeg[pick] = 0;
    queue.push(pick);
  }
  return { preds, dropped };
}

/**
 * For each task, the tasks whose lists name it, in task order: those of task p are
 * `list[start[p] .. start[p + 1])` (no list per task).
 */
function dependantsOf(lists: readonly (readonly number[])[]): { start: Int32Array; list: Int32Array } {
  const n = lists.length;
  const start = new Int32Array(n + 1);
  for (const list of lists) for (const p of list) start[p + 1] = (start[p + 1] ?? 0) + 1;
  for (let p = 0; p < n; p++) start[p + 1] = (start[p + 1] ?? 0) + (start[p] ?? 0);
  const list = new Int32Array(start[n] ?? 0);
  const at = start.slice(0, n);
  lists.forEach((l, i) => {
    for (const p of l) {
      const k = at[p] ?? 0;
      list[k] = i;
      at[p] = k + 1;
    }
  });
  return { start, list };
}

/**
 * The distinct predecessors of task `i` in `lists`, in order, within 0..n-1 and not itself, minus
 * `skip`. `mark` is one scratch array for all tasks (mark[p] === i + 1: already taken for task i),
 * so no set is made per task.
 */
function distinctPreds(
  i: number,
  lists: readonly (readonly number[])[],
  mark: Int32Array,
  n: number,
  skip?: (p: number) => boolean,
): readonly number[] {
  // Counted first, then filled: an array grown by push keeps room for 17 entries, ten times what most
  // tasks need.
  let count = 0;
  let fromFirst = -1;
  for (const list of lists) {
    for (const p of list) {
      if (p < 0 || p >= n || p === i || mark[p] === i + 1 || skip?.(p) === true) continue;
      mark[p] = i + 1;
      count++;
    }
    if (fromFirst < 0) fromFirst = count;
  }
  // A first list taken whole, with nothing from the others (the usual case), serves as it is.
  const first = lists[0];
  if (first !== undefined && fromFirst === first.length && count === fromFirst) return first;
  const out = new Array<number>(count);
  if (count === 0) return out;
  count = 0;
  for (const list of lists) {
    for (const p of list) {
      if (mark[p] !== i + 1 || p < 0 || p >= n) continue;
      mark[p] = -(i + 1);
      out[count++] = p;
    }
  }
  for (const p of out) mark[p] = i + 1;
  return out;
}

/** The smallest piece a task is split into, in hundredths of an hour (15 minutes): no "0 h" tasks. */
export const MIN_CHUNK = 25;

export function schedule(tasks: readonly ScheduleTask[], options: ScheduleOptions): ScheduleResult {
  const n = tasks.length;
  const { dropped } = breakCycles(tasks);
  // Dropped edges by task (normally none): looked up without making a key per edge.
  const droppedOf = new Map<number, Set<number>>();
  for (const [i, p] of dropped) droppedOf.set(i, (droppedOf.get(i) ?? new Set()).add(p));
  const mark = new Int32Array(n);
  const keep = (i: number, list: readonly number[], also?: (p: number) => boolean): readonly number[] => {
    const gone = droppedOf.get(i);
    return distinctPreds(i, [list], mark, n, (p) => gone?.has(p) === true || also?.(p) === true);
  };
  const preds = tasks.map((task, i) => keep(i, task.preds));
  const deps = dependantsOf(preds);
  const waitFinish = new Int32Array(n);
  const waitStart = new Int32Array(n);
  preds.forEach((ps, i) => {
    waitFinish[i] = ps.length;
  });
  mark.fill(0);
  // A corequisite that is also a prerequisite waits as a prerequisite: taken out with the marks.
  const isPred = new Int32Array(n);
  const coPreds = tasks.map((task, i) => {
    for (const p of preds[i] ?? []) isPred[p] = i + 1;
    const cps = keep(i, task.coPreds, (p) => isPred[p] === i + 1);
    waitStart[i] = cps.length;
    return cps;
  });
  const coDeps = dependantsOf(coPreds);
  const remaining = new Int32Array(n);
  const started = new Uint8Array(n);
  const startWeek = new Int32Array(n).fill(-1);
  const startPos = new Int32Array(n).fill(-1);
  const endWeek = new Int32Array(n).fill(-1);
  const endPos = new Int32Array(n).fill(-1);
  let mainLeft = 0;
  let ambientLeft = 0;
  tasks.forEach((task, i) => {
    remaining[i] = Math.max(0, Math.round(task.centi));
    if (task.track < 0) ambientLeft += remaining[i] ?? 0;
    else mainLeft += remaining[i] ?? 0;
  });
  // Ready queues: index 0 main, 1 alongside, 2 ambient.
  // Ready tasks by (priority, index): the index breaks ties, so the schedule is deterministic.
  const byPriority = (a: number, b: number): boolean => {
    const pa = tasks[a]?.priority ?? 0;
    const pb = tasks[b]?.priority ?? 0;
    return pa < pb || (pa === pb && a < b);
  };
  const queues = [new IndexHeap(byPriority), new IndexHeap(byPriority), new IndexHeap(byPriority)];
  const queueOf = (i: number): IndexHeap => {
    const track = tasks[i]?.track ?? 0;
    return queues[track < 0 ? 2 : track === 1 ? 1 : 0] ?? (queues[0] as IndexHeap);
  };
  const current = [-1, -1, -1];
  /** The highest priority the main track has started so far; held tasks wait for it. */
  let mainReached = -Infinity;
  const held: number[] = [];
  const makeReady = (i: number): void => {
    if ((waitFinish[i] ?? 0) !== 0 || (waitStart[i] ?? 0) !== 0) return;
    const hold = tasks[i]?.holdUntil;
    if (hold !== undefined && mainReached < hold) held.push(i);
    else queueOf(i).push(i);
  };
  /** Release held tasks whose threshold is reached, or all of them when the main track is idle. */
  const release = (all: boolean): void => {
    for (let k = held.length - 1; k >= 0; k--) {
      const i = held[k] ?? 0;
      if (all || mainReached >= (tasks[i]?.holdUntil ?? -Infinity)) {
        held.splice(k, 1);
        queueOf(i).push(i);
      }
    }
  };
  for (let i = 0; i < n; i++) makeReady(i);

  const capacities: number[] = [];
  const useds: number[] = [];
  const firstChunk: number[] = [0];
  const chunkTask: number[] = [];
  const chunkCenti: number[] = [];
  const chunkWeek = new Int32Array(n);
  const chunkAt = new Int32Array(n);
  let week = 0;
  let finished = 0;
  while (finished < n) {
    if (week >= options.maxWeeks) break;
    const cap = Math.max(0, Math.floor(options.capacity(week)));
    let used = 0;
    const record = (task: number, centi: number): void => {
      // chunkWeek/chunkAt: the week a task last got a piece and where that piece is in the lists.
      if (chunkWeek[task] !== week + 1) {
        chunkWeek[task] = week + 1;
        chunkAt[task] = chunkTask.length;
        chunkTask.push(task);
        chunkCenti.push(centi);
      } else {
        const at = chunkAt[task] ?? 0;
        chunkCenti[at] = (chunkCenti[at] ?? 0) + centi;
      }
    };
    const hasWork = (q: number): boolean => current[q] !== -1 || (queues[q]?.size ?? 0) > 0;
    /** Priority of the task a queue would work on next (Infinity when it has none). */
    const nextPriority = (q: number): number => {
      const cur = current[q] ?? -1;
      const next = cur !== -1 ? cur : queues[q]?.peek();
      return next === undefined ? Infinity : (tasks[next]?.priority ?? Infinity);
    };
    /** Spend up to `budget` on queue q's tasks; returns what was spent. */
    const work = (q: number, budget: number): number => {
      let spent = 0;
      while (budget - spent > 0) {
        let cur = current[q] ?? -1;
        if (cur === -1) {
          const next = queues[q]?.pop();
          if (next === undefined) break;
          cur = next;
          current[q] = cur;
        }
        const left = remaining[cur] ?? 0;
        let h = Math.min(budget - spent, left);
        if (h < left && options.nominal >= 4 * MIN_CHUNK) {
          // A split leaves no piece under MIN_CHUNK (a quarter hour) on either side of the week's end
          // (with at least an hour a week; below that every piece is small anyway).
          if (left - h < MIN_CHUNK) h = left - MIN_CHUNK;
          // A task already worked on this week grows its piece, so a small addition makes no small piece.
          if (h < MIN_CHUNK && !(chunkWeek[cur] === week + 1 && h > 0)) {
            // Not worth starting here: put it back for next week (the track waits on it).
            if (!started[cur]) {
              queues[q]?.push(cur);
              current[q] = -1;
            }
            break;
          }
        }
        if (!started[cur]) {
          started[cur] = 1;
          startWeek[cur] = week;
          startPos[cur] = used;
          if (q === 0 && (tasks[cur]?.priority ?? -Infinity) > mainReached) {
            mainReached = tasks[cur]?.priority ?? mainReached;
            release(false);
          }
          for (let e = coDeps.start[cur] ?? 0, end = coDeps.start[cur + 1] ?? 0; e < end; e++) {
            const d = coDeps.list[e] ?? 0;
            waitStart[d] = (waitStart[d] ?? 0) - 1;
            if (waitStart[d] === 0) makeReady(d);
          }
        }
        spent += h;
        used += h;
        remaining[cur] = (remaining[cur] ?? 0) - h;
        if ((tasks[cur]?.track ?? 0) < 0) ambientLeft -= h;
        else mainLeft -= h;
        if (h > 0) record(cur, h);
        if ((remaining[cur] ?? 0) <= 0) {
          endWeek[cur] = week;
          endPos[cur] = used;
          finished++;
          current[q] = -1;
          for (let e = deps.start[cur] ?? 0, end = deps.start[cur + 1] ?? 0; e < end; e++) {
            const d = deps.list[e] ?? 0;
            waitFinish[d] = (waitFinish[d] ?? 0) - 1;
            if (waitFinish[d] === 0) makeReady(d);
          }
        }
      }
      return spent;
    };
    if (held.length > 0) {
      // The main track is about to start its next task: what waits for that task's stage comes along.
      const next = nextPriority(0);
      if (next === Infinity) release(true);
      else if (next > mainReached) {
        mainReached = next;
        release(false);
      }
    }
    if (cap > 0) {
      // Bedside reading first: a thin slice, enough to end with the rest of the work.
      if (hasWork(2)) {
        const weeksLeft = Math.max(1, Math.ceil(mainLeft / Math.max(1, options.nominal)));
        const need = Math.ceil(ambientLeft / weeksLeft);
        // A quarter of the week at most, unless that would leave bedside reading running on after
        // the rest of the work (a budget of an hour or two): then the share it needs to end with it.
        const want =
          mainLeft <= 0 && !hasWork(0) && !hasWork(1)
            ? cap
            : need > Math.floor(cap / 4)
              ? need
              : Math.min(Math.max(50, need), Math.floor(cap / 4));
        work(2, Math.min(want, cap));
      }
      const rest = cap - used;
      const both = hasWork(0) && hasWork(1);
      if (both && nextPriority(1) < nextPriority(0)) {
        // The main track has only later work ready (it waits on the alongside track): no split.
        work(1, rest);
      } else {
        const along = both ? Math.floor(rest * options.alongsideShare) : 0;
        work(0, rest - along);
        work(1, cap - used);
      }
      // Work-conserving: hand unused hours to whichever track can use them, earliest work first.
      let progress = true;
      while (cap - used > 0 && progress) {
        if (held.length > 0 && !hasWork(0)) release(true);
        const before = used;
        const first = nextPriority(1) < nextPriority(0) ? 1 : 0;
        work(first, cap - used);
        work(1 - first, cap - used);
        if (cap - used > 0 && mainLeft <= 0) work(2, cap - used);
        progress = used > before;
      }
    }
    capacities.push(cap);
    useds.push(used);
    firstChunk.push(chunkTask.length);
    week++;
  }
  const weeks: ScheduledWeeks = { count: week, capacity: capacities, used: useds, firstChunk, chunkTask, chunkCenti };
  return { weeks, startWeek, startPos, endWeek, endPos, dropped };
}
