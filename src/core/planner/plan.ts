/**
 * @module planner/plan
 * `planFor`: the planner's facade. A plan is a pure function of (curriculum, profile, progress, today):
 * route -> needed skills -> resources -> tasks (effort) -> week-by-week schedule -> milestones and
 * explanations. With progress, finished work is left out, the rest is planned from today and the
 * remaining estimates are corrected by the learner's observed pace (see forecast.ts).
 */
import { MlpathError } from '../errors.js';
import type { Message } from '../errors.js';
import type { Curriculum, Stage } from '../model.js';
import type {
  Explanation,
  MarketReadyComparison,
  Milestone,
  Plan,
  PlanTask,
  PlanWeek,
  PlannedProject,
  Profile,
  ProgressState,
  Words,
} from '../plan-model.js';
import { addDays, addMonths, maxDate, monthsBetween, toDayNumber, fromDayNumber, weekStart } from '../dates.js';
import { closedDays, hoursLoggedBetween, studyCalendar } from '../weeks.js';
import { chooseOptions, chooseResources, regionRules } from './choose.js';
import { languageNote, regionNotes } from './region-notes.js';
import { analyse, DOMAIN_STAGE, JOB_SEARCH_STAGE, neededSkills, routeStages, stageName } from './needs.js';
import { effortFactorFor, startingPointOf, validateProfile } from './profile.js';
import { chooseRoute } from './route.js';
import { schedule } from './schedule.js';
import type { ScheduleTask } from './schedule.js';
import { earnedHours, vouched } from './earned.js';
import { buildTasks, centiOf, taskWords } from './tasks.js';
import type { PlannerTask, TaskWords } from './tasks.js';
import { hundredths, listOf, said } from './texts.js';

/** The alongside track's share of a week when both tracks have work (maths alongside code: a third). */
export const ALONGSIDE_SHARE = 1 / 3;
/** The one empty list of tasks that renumbered lists share. */
const NO_TASKS: readonly number[] = [];
/** Weeks off are read at most this far ahead (about 2,000 years). */
const MAX_OFF_DAYS = 730_000;

/**
 * The title of the `ready` milestone when the curriculum names none (`meta.ready`): neutral, since an
 * imported curriculum leads to no job in particular.
 */
export const READY_TITLE: Words = said('ready');
export const READY = 'ready';

export interface Prepared {
  readonly route: string;
  readonly stages: readonly Stage[];
  readonly tasks: readonly PlannerTask[];
  readonly factor: number;
  readonly explanations: readonly Explanation[];
  /** Each resource pick's reason (`kind: 'resource'`), when asked for (`PlanOptions.resourceReasons`); else none. */
  readonly reasons: readonly Explanation[];
  readonly skills: readonly string[];
  readonly withBlocks: boolean;
  /** The `ready` milestone's title: the curriculum's own, else READY_TITLE. */
  readonly readyTitle: Words;
}

/** What a plan aims at beyond the profile: `goal`, skill ids that replace the role's and domain's targets. */
export interface PlanOptions {
  readonly goal?: readonly string[] | undefined;
  /** The review time to reserve, see ScheduleSettings.reviewMinutes. */
  readonly reviewMinutes?: ReviewReservation | undefined;
  /**
   * Explain each resource pick too: `kind: 'resource'` explanations (what it covers, where its hours
   * come from, its alternatives), after the plan's other explanations. Off by default: only the faces
   * that show a whole plan (`mlpath plan`, GET /api/plan) show them, and a large plan's reasons weigh
   * more than its weeks (see `resourceReasons` to add them to a plan made without).
   */
  readonly resourceReasons?: boolean | undefined;
}

/**
 * Minutes of spaced review expected in a calendar week, keyed by its Monday (`YYYY-MM-DD`): the learner
 * layer works them out from the learner's cards; weeks not listed reserve none.
 */
export type ReviewReservation = Readonly<Record<string, number>>;

/** Everything up to the schedule: route, needs, resources and tasks. Exposed for forecasts and tests. */
export function prepare(
  curriculum: Curriculum,
  profile: Profile,
  extraKnown: Iterable<string> = [],
  options: PlanOptions = {},
): Prepared {
  validateProfile(curriculum, profile);
  const analysis = analyse(curriculum);
  const routeChoice = chooseRoute(curriculum, profile);
  const stages = routeStages(curriculum, routeChoice.route?.stages);
  const { passedOver } = chooseOptions(curriculum, profile, stages);
  // For a curriculum without roles: skills only the options not taken teach are not targets.
  const excludedOptionSkills = new Set<string>();
  if (curriculum.roles.length === 0 && passedOver.size > 0) {
    const teachers = new Map<string, number>();
    const passedTeach = new Set<string>();
    for (const r of curriculum.resources) {
      for (const s of new Set([...r.teaches, ...r.units.flatMap((u) => u.teaches)])) {
        if (passedOver.has(r.id)) passedTeach.add(s);
        else teachers.set(s, (teachers.get(s) ?? 0) + 1);
      }
    }
    for (const s of passedTeach) if (!teachers.has(s)) excludedOptionSkills.add(s);
  }
  const needs = neededSkills(curriculum, profile, stages, excludedOptionSkills, extraKnown, options.goal);
  const blockStages = needs.withBlocks ? needs.stages.filter((s) => s.block !== undefined) : [];
  const blockSkills = new Set(blockStages.flatMap((s) => s.skills).filter((s) => needs.needed.has(s)));
  const ownHours = new Set(
    needs.order.filter((s) => {
      const skill = analysis.skills.get(s);
      return (
        skill !== undefined && (skill.hours !== undefined || (needs.level.get(s) === 'shortcut' && skill.shortcut))
      );
    }),
  );
  const coveredElsewhere = new Set([...blockSkills, ...ownHours]);
  const domainStage =
    needs.stages.find((s) => s.id === DOMAIN_STAGE)?.id ?? needs.stages.find((s) => s.block !== undefined)?.id;
  const choice = chooseResources({
    curriculum,
    analysis,
    profile,
    stages: needs.stages,
    order: needs.order,
    needed: needs.needed,
    stageOf: needs.stageOf,
    coveredElsewhere,
    domainResources: needs.domain?.resources ?? [],
    domainStage,
    mustCover: needs.withBlocks ? undefined : new Set(needs.targets),
    explain: options.resourceReasons === true,
  });
  const hourSkills = [...ownHours].filter((s) => !blockSkills.has(s));
  const unreachable: string[] = [];
  for (const s of choice.uncovered) {
    if (curriculum.meta.defaultSkillHours !== undefined) hourSkills.push(s);
    else unreachable.push(s);
  }
  if (unreachable.length > 0) {
    const target: string | Message = profile.target ?? needs.role?.id ?? { key: 'plan.thePlan' };
    const shown = unreachable.slice(0, 5).join(', ');
    throw new MlpathError({
      code: 'UNREACHABLE',
      key: profile.freeOnly ? 'plan.unreachableFree' : 'plan.unreachable',
      params: {
        target,
        skills:
          unreachable.length > 5
            ? { key: 'plan.andMore', params: { list: shown, count: unreachable.length - 5 } }
            : shown,
      },
      hintKey: profile.freeOnly ? 'hint.unreachableFree' : 'hint.unreachable',
    });
  }
  const factor = effortFactorFor(curriculum, profile);
  const tasks = buildTasks({
    curriculum,
    analysis,
    needs,
    choice,
    factor,
    hoursPerWeek: profile.hoursPerWeek,
    hourSkills,
    blockStages,
  });

  const explanations: Explanation[] = [];
  if (routeChoice.explanation) explanations.push(routeChoice.explanation);
  if (needs.stages.length > 1) {
    explanations.push({
      kind: 'order',
      subject: routeChoice.route?.id ?? 'route',
      says: [said('order.stages', { stages: listOf(needs.stages.map(stageName), 'arrow') })],
    });
  }
  const point = startingPointOf(curriculum, profile.startingPoint);
  explanations.push({
    kind: 'effort',
    subject: profile.startingPoint,
    says: [
      profile.effortFactor !== undefined
        ? said('effort.own', { factor: hundredths(factor) })
        : point?.effortFactor !== undefined
          ? said(factor >= 1 ? 'effort.pointLonger' : 'effort.pointShorter', {
              // As the factor is set and stored (0.85), so the words and the plan's data agree.
              factor: hundredths(factor),
              point: point.title,
              percent: Math.round(Math.abs(factor - 1) * 100),
            })
          : said('effort.curriculum'),
    ],
  });
  if (needs.known.size > 0) {
    explanations.push({
      kind: 'skill',
      subject: 'known',
      says: [said('known', { count: needs.known.size })],
    });
  }
  explanations.push(
    ...regionNotes(curriculum, profile, regionRules(curriculum, profile), needs.stages, choice.picks, needs.needed),
  );
  explanations.push(...languageNote(curriculum, profile, choice.picks));
  if (choice.leftToOptions.length > 0) {
    const names = choice.leftToOptions.map((s) => analysis.skills.get(s)?.title ?? s);
    explanations.push({
      kind: 'skill',
      subject: choice.leftToOptions.join(','),
      says: [said('leftToOptions', { skills: listOf(names, 'comma') })],
    });
  }
  for (const s of blockStages) {
    if (s.block) explanations.push({ kind: 'stage', subject: s.id, says: [s.block.reason] });
  }
  if (needs.stages.some((s) => s.alongside !== undefined)) {
    const along = needs.stages.filter((s) => s.alongside !== undefined);
    const rank = new Map(needs.stages.map((s, i) => [s.id, i]));
    const partnerOf = (s: Stage): Stage | undefined => needs.stages.find((x) => x.id === s.alongside);
    const waits = along.filter((s) => {
      const p = partnerOf(s);
      return p !== undefined && (rank.get(p.id) ?? 0) < (rank.get(s.id) ?? 0);
    });
    explanations.push({
      kind: 'schedule',
      subject: along.map((s) => s.id).join(','),
      says: [
        said('schedule.alongside', { stages: listOf(along.map(stageName), 'comma') }),
        ...waits.map((s) => {
          const partner = partnerOf(s);
          return said('schedule.waits', { stage: stageName(s), partner: partner ? stageName(partner) : '' });
        }),
      ],
    });
  }
  if (tasks.some((task) => task.kind === 'ambient')) {
    explanations.push({
      kind: 'schedule',
      subject: 'ambient',
      says: [said('schedule.ambient')],
    });
  }
  return {
    route: routeChoice.route?.id ?? '',
    stages: needs.stages,
    tasks,
    factor,
    explanations,
    reasons: choice.picks.flatMap((p) => (p.explanation ? [p.explanation] : [])),
    skills: needs.order,
    withBlocks: needs.withBlocks,
    readyTitle: curriculum.meta.ready ?? READY_TITLE,
  };
}

/** Whether a task is finished or skipped in progress (by its own key or its resource's). */
export function taskSettled(task: PlannerTask, progress: ProgressState | undefined): 'done' | 'skipped' | undefined {
  if (!progress) return undefined;
  const own = progress.items.get(task.key);
  if (own === 'done' || own === 'skipped') return own;
  const whole = task.unit !== undefined ? progress.items.get(task.resource) : undefined;
  if (whole === 'done' || whole === 'skipped') return whole;
  return undefined;
}

export interface ScheduleSettings {
  /** The first day of study, or of the re-plan (today); the plan's weeks are the calendar weeks from its own. */
  readonly startDate: string;
  /** Hours already logged in the calendar week of `startDate`: they come off that week's budget. */
  readonly loggedThisWeek?: number;
  /** Of `loggedThisWeek`, the hours logged without an item (the week held the work they went to). */
  readonly generalThisWeek?: number;
  /**
   * Hours of study logged without an item that no work marked done accounts for (`generalPool`): work
   * under way, so they come off the plan's first tasks, in its order, as hours logged on a task do (a
   * tenth of each always remains until it is marked done).
   */
  readonly generalCredit?: number;
  /** Review minutes expected per week: they come off each week's budget (never below nothing). */
  readonly reviewMinutes?: ReviewReservation | undefined;
  /** Multiply the hours of study tasks (not time boxes) by this: the learner's observed pace. */
  readonly pace: number;
}

/** A plan from prepared tasks, leaving out the ones progress settled, starting on a given date. */
export function planFrom(
  curriculum: Curriculum,
  profile: Profile,
  prepared: Prepared,
  progress: ProgressState | undefined,
  settings: ScheduleSettings,
): Plan {
  // The new index of each prepared task, -1 where progress settled it; with nothing settled the
  // prepared tasks and their lists of predecessors are used as they are, with no copy.
  const newIndex = new Int32Array(prepared.tasks.length);
  let kept = 0;
  prepared.tasks.forEach((task, i) => {
    newIndex[i] = taskSettled(task, progress) === undefined ? kept++ : -1;
  });
  const allKept = kept === prepared.tasks.length;
  const tasks = allKept ? prepared.tasks : prepared.tasks.filter((_, i) => (newIndex[i] ?? -1) >= 0);
  const renumber = (list: readonly number[]): readonly number[] => {
    if (allKept) return list;
    let n = 0;
    for (const p of list) if ((newIndex[p] ?? -1) >= 0) n++;
    if (n === 0) return NO_TASKS;
    const out = new Array<number>(n);
    n = 0;
    for (const p of list) {
      const k = newIndex[p] ?? -1;
      if (k >= 0) out[n++] = k;
    }
    return out;
  };
  // Hours already logged on an unfinished task come off what is left of it (a tenth always remains
  // until the learner marks it done).
  const loggedOn = progress?.loggedByItem ?? new Map<string, number>();
  const centiLeft = (task: PlannerTask): number => {
    const estimate = task.block ? task.hours : task.hours * settings.pace;
    const spent = loggedOn.get(task.key) ?? 0;
    const left = spent > 0 ? Math.max(estimate - spent, estimate * 0.1) : estimate;
    return centiOf(left);
  };
  // With nothing to correct (nothing settled or logged, the estimated pace) the prepared tasks are the
  // schedule's tasks as they are, with no copy.
  const asPrepared = allKept && settings.pace === 1 && loggedOn.size === 0;
  const scheduleTasks: readonly ScheduleTask[] = asPrepared
    ? tasks
    : tasks.map((task) => ({
        centi: centiLeft(task),
        preds: renumber(task.preds),
        coPreds: renumber(task.coPreds),
        track: task.track,
        priority: task.priority,
        ...(task.holdUntil !== undefined ? { holdUntil: task.holdUntil } : {}),
      }));
  // Plan weeks are calendar weeks (Monday start): the grid begins on the Monday of the week study
  // starts or resumes in. Each week's budget is the weekly hours over its open days (weeks.ts); the
  // current week's is what remains after the hours already logged in it.
  const start = settings.startDate;
  const calendar = studyCalendar(profile);
  const firstDay = toDayNumber(start);
  const gridStart = toDayNumber(weekStart(start));
  const loggedCenti = Math.round((settings.loggedThisWeek ?? 0) * 100);
  const creditCenti = Math.round((settings.generalCredit ?? 0) * 100);
  const generalThisWeekCenti = Math.min(loggedCenti, Math.round((settings.generalThisWeek ?? 0) * 100));
  // What the current week's budget has lost to the hours logged in it (see the crediting below).
  let spentCenti = loggedCenti;
  // The days of the week last asked for (the plan asks week after week, each many times).
  let datingWeek = -1;
  let datingOpen: readonly number[] = [];
  const datingDays = (week: number): readonly number[] => {
    if (week !== datingWeek) {
      datingWeek = week;
      datingOpen = calendar.openDays(gridStart + week * 7, firstDay);
    }
    return datingOpen;
  };
  const studyBudget = (week: number): number => {
    const budget = calendar.budgetCenti(gridStart + week * 7);
    if (week !== 0) return budget;
    // No day left to study this week: nothing more goes in it.
    if (datingDays(0).length === 0) return 0;
    return Math.max(0, budget - spentCenti);
  };
  // Expected review time comes off what is left of the week, and takes no more than that.
  const reservedCenti = (week: number): number => {
    const minutes = settings.reviewMinutes?.[fromDayNumber(gridStart + week * 7)] ?? 0;
    return minutes > 0 ? Math.min(studyBudget(week), Math.round((minutes * 100) / 60)) : 0;
  };
  const capacity = (week: number): number => studyBudget(week) - reservedCenti(week);
  const nominal = calendar.nominalCenti;
  // A guard, never reached: even if every week had a single day of study, the work would fit in
  // 7 x (total / weekly budget) weeks, plus the weeks wholly off.
  const totalCenti = scheduleTasks.reduce((sum, task) => sum + task.centi, 0);
  const offDays = calendar.offDayCount(gridStart, MAX_OFF_DAYS);
  const maxWeeks = Math.ceil((7 * totalCenti) / Math.max(1, nominal)) + Math.ceil(offDays / 7) + 11;
  const options = { capacity, nominal, alongsideShare: ALONGSIDE_SHARE, maxWeeks };
  let toSchedule = scheduleTasks;
  if (creditCenti > 0 && scheduleTasks.length > 0) {
    // Study logged with no item that no finished work accounts for went to the work under way: it
    // comes off the tasks in the order the plan held them (the week's first, then on), as hours logged
    // on a task do (a tenth of each remains until it is marked done). Left on no task, it would only
    // shrink the week and move the finish later. The order is the plan's with this week's general
    // study not yet taken off its budget: the week that held the work it went to.
    spentCenti = loggedCenti - generalThisWeekCenti;
    const before = schedule(scheduleTasks, options).weeks;
    const credit = new Map<number, number>();
    let left = creditCenti;
    for (let c = before.firstChunk[0] ?? 0; c < before.chunkTask.length && left > 0; c++) {
      const k = before.chunkTask[c] ?? 0;
      const centi = scheduleTasks[k]?.centi ?? 0;
      const room = centi - Math.ceil(centi / 10) - (credit.get(k) ?? 0);
      const take = Math.min(left, room);
      if (take <= 0) continue;
      credit.set(k, (credit.get(k) ?? 0) + take);
      left -= take;
    }
    toSchedule = scheduleTasks.map((task, k) => {
      const taken = credit.get(k);
      return taken === undefined ? task : { ...task, centi: task.centi - taken };
    });
    spentCenti = loggedCenti;
  }
  const result = schedule(toSchedule, options);
  if (result.endWeek.some((w) => w < 0) && tasks.length > 0) {
    throw new MlpathError({
      code: 'UNREACHABLE',
      key: 'plan.doesNotFit',
      params: { weeks: maxWeeks, hours: profile.hoursPerWeek },
      hintKey: 'hint.doesNotFit',
    });
  }
  // A position in a week's budget, as a day: the budget spread evenly over the days left to study.
  const dayOf = (week: number, pos: number, cap: number, end: boolean): number => {
    const days = datingDays(week);
    const n = days.length;
    if (n === 0) return gridStart + week * 7;
    const frac = cap > 0 ? (n * pos) / cap : 0;
    const offset = end ? Math.ceil(frac) - 1 : Math.floor(frac);
    return days[Math.min(n - 1, Math.max(0, offset))] ?? gridStart + week * 7;
  };
  /** The day a task ends, as a day number. */
  const endDay = (k: number): number => {
    const w = result.endWeek[k] ?? 0;
    return dayOf(w, result.endPos[k] ?? 0, result.weeks.capacity[w] ?? 0, true);
  };
  const endDate = (k: number): string => fromDayNumber(endDay(k));
  const startDateOf = (k: number): string => {
    const w = result.startWeek[k] ?? 0;
    return fromDayNumber(dayOf(w, result.startPos[k] ?? 0, result.weeks.capacity[w] ?? 0, false));
  };

  // A task's title and reason are kept in the plan only where the planner alone knows them (a task
  // that is no unit of a curriculum resource); faces word the rest from the curriculum when they show
  // them (task-words.ts). Kept ones are worded once, and the task's chunks share them.
  const analysis = analyse(curriculum);
  const worded: (TaskWords | undefined)[] = new Array<TaskWords | undefined>(tasks.length);
  const wordsOf = (k: number, task: PlannerTask): TaskWords => (worded[k] ??= taskWords(task, analysis));
  const keptWords = (k: number, task: PlannerTask): TaskWords | undefined =>
    task.words !== undefined || task.candidate?.own === true ? wordsOf(k, task) : undefined;
  const scheduled = result.weeks;
  const weeks: PlanWeek[] = new Array<PlanWeek>(scheduled.count);
  for (let index = 0; index < scheduled.count; index++) {
    const closed = closedDays(calendar, gridStart + index * 7);
    const reserved = Math.round((reservedCenti(index) * 60) / 100);
    const first = scheduled.firstChunk[index] ?? 0;
    const pieces = new Array<PlanTask>((scheduled.firstChunk[index + 1] ?? 0) - first);
    for (let c = 0; c < pieces.length; c++) {
      const k = scheduled.chunkTask[first + c] ?? 0;
      const task = tasks[k];
      if (task) pieces[c] = pieceOf(task, round2((scheduled.chunkCenti[first + c] ?? 0) / 100), keptWords(k, task));
    }
    const monday = fromDayNumber(gridStart + index * 7);
    const hours = round2((scheduled.used[index] ?? 0) / 100);
    // A week with no day off and no review (most weeks) is written without spreads: an object of
    // its five fields only.
    weeks[index] =
      closed.length === 0 && reserved <= 0
        ? { index, start: monday, off: false, hours, tasks: pieces }
        : {
            index,
            start: monday,
            off: closed.length === 7,
            ...(closed.length > 0 ? { offDays: closed } : {}),
            ...(reserved > 0 ? { reviewMinutes: reserved } : {}),
            hours,
            tasks: pieces,
          };
  }
  // Trailing weeks with no work (weeks off after the last task) are not part of the plan.
  while (weeks.length > 0 && (weeks[weeks.length - 1]?.tasks.length ?? 0) === 0) weeks.pop();

  // The latest end overall, of each stage and of the study before the job search, as day numbers
  // (dates written only for the milestones; the start date stands when nothing ends after it).
  let finishDay = firstDay;
  let readyDay = firstDay;
  const stageEnd = new Map<string, number>();
  tasks.forEach((task, k) => {
    const end = endDay(k);
    finishDay = Math.max(finishDay, end);
    if (task.kind === 'ambient') return;
    stageEnd.set(task.stage, Math.max(stageEnd.get(task.stage) ?? end, end));
    if (task.stage !== JOB_SEARCH_STAGE) readyDay = Math.max(readyDay, end);
  });
  const finish = finishDay > firstDay ? fromDayNumber(finishDay) : start;
  const ready = readyDay > firstDay ? fromDayNumber(readyDay) : start;
  const milestones: Milestone[] = [];
  prepared.stages.forEach((s) => {
    const day = stageEnd.get(s.id);
    if (day !== undefined) milestones.push({ stage: s.id, date: fromDayNumber(day), title: stageName(s) });
  });
  if (tasks.length > 0)
    milestones.push({ stage: READY, date: prepared.withBlocks ? ready : finish, title: prepared.readyTitle });
  milestones.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const projects: PlannedProject[] = [];
  tasks.forEach((task, k) => {
    if (task.kind !== 'project') return;
    const from = startDateOf(k);
    const to = endDate(k);
    const span = toDayNumber(to) - toDayNumber(from);
    projects.push({
      id: task.resource,
      stage: task.stage,
      title: wordsOf(k, task).title,
      start: from,
      end: to,
      hours: round2(centiLeft(task) / 100),
      milestones: task.milestones.map((m, i) => ({
        title: m,
        date: addDays(from, Math.round((span * (i + 1)) / task.milestones.length)),
      })),
    });
  });

  // Each resource's first task by start (week, then place in the week): kept as the task's number
  // and compared by week and place, so no pair or boxed number is made per resource.
  const startsBefore = (a: number, b: number): number =>
    (result.startWeek[a] ?? 0) - (result.startWeek[b] ?? 0) || (result.startPos[a] ?? 0) - (result.startPos[b] ?? 0);
  const firstUse = new Map<string, number>();
  tasks.forEach((task, k) => {
    if (task.kind !== 'study' && task.kind !== 'ambient') return;
    if (task.resource === '') return;
    const seen = firstUse.get(task.resource);
    if (seen === undefined || startsBefore(k, seen) < 0) firstUse.set(task.resource, k);
  });
  const resources = [...firstUse.keys()].sort((a, b) => startsBefore(firstUse.get(a) ?? 0, firstUse.get(b) ?? 0));

  const byArea: Record<string, number> = {};
  let total = 0;
  tasks.forEach((task) => {
    const hours = centiLeft(task) / 100;
    total += hours;
    const count = task.skills.length;
    const share = count > 0 ? hours / count : hours;
    if (count === 0) byArea['career'] = (byArea['career'] ?? 0) + share;
    for (const s of task.skills) {
      const a = analysis.skills.get(s)?.area ?? 'career';
      byArea[a] = (byArea[a] ?? 0) + share;
    }
  });
  for (const a of Object.keys(byArea)) byArea[a] = Math.round((byArea[a] ?? 0) * 10) / 10;

  const explanations = [...prepared.explanations];
  if (result.dropped.length > 0) {
    explanations.push({
      kind: 'order',
      subject: 'cycle',
      says: [said('order.cycle', { count: result.dropped.length })],
    });
  }
  const farNote = farFinishNote(start, finish, profile.hoursPerWeek);
  if (farNote) explanations.push(farNote);
  explanations.push(...prepared.reasons);
  return {
    route: prepared.route,
    hoursPerWeek: profile.hoursPerWeek,
    totalHours: Math.round(total * 10) / 10,
    startDate: start,
    finishDate: finish,
    weekCount: weeks.length,
    milestones,
    weeks,
    skills: prepared.skills,
    resources,
    effortFactor: prepared.factor,
    hoursByArea: byArea,
    explanations,
    projects,
  };
}

/**
 * How far ahead a plan can sensibly look, in years. Any hours a week in range make a plan, but at
 * the fewest a curriculum can take decades; beyond this the field, its resources and the learner
 * will have changed long before the finish, so the plan says so (and how to bring it closer).
 */
export const PLAN_HORIZON_YEARS = 10;

/** The note of a plan that finishes more than PLAN_HORIZON_YEARS after it starts, else undefined. */
export function farFinishNote(start: string, finish: string, hoursPerWeek: number): Explanation | undefined {
  if (finish <= addMonths(start, PLAN_HORIZON_YEARS * 12)) return undefined;
  return {
    kind: 'schedule',
    subject: 'horizon',
    says: [
      said('schedule.farFinish', {
        hours: hoursPerWeek,
        years: Math.round(monthsBetween(start, finish) / 12),
        finish,
        horizon: PLAN_HORIZON_YEARS,
      }),
    ],
  };
}

/** The re-plan of `planFor`, without the market-ready comparison. */
function replan(
  curriculum: Curriculum,
  profile: Profile,
  progress: ProgressState | undefined,
  today: string | undefined,
  options: PlanOptions,
): Plan {
  const prepared = prepare(curriculum, profile, settledSkills(progress), options);
  const startDate = today !== undefined ? maxDate(profile.startDate, today) : profile.startDate;
  // The first plan's tasks (from the profile alone), read by the pace and the general study's reading.
  const first = progress ? prepare(curriculum, profile) : undefined;
  const pace = progress ? observedPace(curriculum, profile, progress, first).pace : 1;
  const monday = weekStart(startDate);
  const inThisWeek = progress !== undefined && today !== undefined && weekStart(today) === monday;
  const sunday = addDays(monday, 6);
  const inWeek = (byDay: ReadonlyMap<string, number> | undefined): number => {
    let sum = 0;
    if (inThisWeek && byDay) for (const [date, hours] of byDay) if (date >= monday && date <= sunday) sum += hours;
    return sum;
  };
  // Hours on another curriculum's items are no part of this one's week.
  const loggedThisWeek = inThisWeek
    ? Math.max(0, hoursLoggedBetween(progress.logged, monday, sunday) - inWeek(progress.loggedForeign))
    : 0;
  return planFrom(curriculum, profile, prepared, progress, {
    startDate,
    pace,
    loggedThisWeek,
    generalThisWeek: inWeek(progress?.loggedGeneral),
    generalCredit: progress ? underWay(generalPool(curriculum, profile, progress, first?.tasks)) : 0,
    reviewMinutes: options.reviewMinutes,
  });
}

/**
 * How general study (logged without an item) stands, read in the order it happened: each day's study
 * goes first to the work ticked done that day or later, as far as the hours logged on that work fall
 * short of its estimate (the first plan's, at the estimated pace); what is left (`pool`) no ticked work
 * accounts for. So studying three hours and then ticking the unit (which logs what its estimate
 * leaves) counts those hours once, in any week, and study logged after a tick goes to the work after
 * it. Of the pool, up to `underWayCap` is work under way; the pace lets the unticked units of skills
 * marked done take their part of it first (`bySkills`).
 */
export function generalPool(
  curriculum: Curriculum,
  profile: Profile,
  progress: ProgressState,
  /** The first plan's tasks (`prepare(curriculum, profile)`), when the caller has them. */
  tasks?: readonly PlannerTask[],
): GeneralStudy {
  const general = progress.loggedGeneral;
  if (!general || general.size === 0) return NO_GENERAL_STUDY;
  const firstTasks = tasks ?? prepare(curriculum, profile).tasks;
  const doneOn = progress.doneOn ?? new Map<string, string>();
  // Per day, the hours of work marked done that day that the hours logged on it do not account for.
  const unloggedOn = new Map<string, number>();
  // The same for work whose every skill is marked done but which is not ticked itself.
  let unloggedBySkills = 0;
  if (doneOn.size > 0) {
    // The tasks each tick settled, by the key ticked (a unit's own, or its resource ticked whole).
    const ticked = new Map<string, PlannerTask[]>();
    for (const task of firstTasks) {
      if (
        taskSettled(task, progress) === undefined &&
        task.skills.length > 0 &&
        task.skills.every((s) => progress.skills.get(s) === 'done')
      ) {
        unloggedBySkills += Math.max(0, task.hours - (progress.loggedByItem.get(task.key) ?? 0));
        continue;
      }
      const key = doneOn.has(task.key)
        ? task.key
        : task.unit !== undefined && doneOn.has(task.resource)
          ? task.resource
          : undefined;
      if (key === undefined || taskSettled(task, progress) !== 'done') continue;
      const tasksOfKey = ticked.get(key);
      if (tasksOfKey) tasksOfKey.push(task);
      else ticked.set(key, [task]);
    }
    for (const [key, tasksOfKey] of ticked) {
      const day = doneOn.get(key) ?? '';
      const estimate = tasksOfKey.reduce((sum, task) => sum + task.hours, 0);
      const unlogged = Math.max(0, estimate - loggedOnTick(key, tasksOfKey, progress.loggedByItem));
      unloggedOn.set(day, (unloggedOn.get(day) ?? 0) + unlogged);
    }
  }
  const days = [...new Set([...general.keys(), ...unloggedOn.keys()])].sort();
  let pool = 0;
  for (const day of days) {
    pool += general.get(day) ?? 0;
    pool -= Math.min(pool, unloggedOn.get(day) ?? 0);
  }
  // The task at hand, as the re-plan has it: not settled, and not left out for skills all settled.
  const settled = new Set(settledSkills(progress));
  const first = firstTasks.find(
    (task) =>
      taskSettled(task, progress) === undefined &&
      !(task.skills.length > 0 && task.skills.every((skill) => settled.has(skill))),
  );
  const round = (hours: number): number => Math.round(hours * 100) / 100;
  return {
    pool: round(pool),
    bySkills: round(Math.min(pool, unloggedBySkills)),
    underWayCap: Math.max(profile.hoursPerWeek, first?.hours ?? 0),
  };
}

/**
 * The reading of general study (`generalPool`). `pool`: the hours no ticked work accounts for.
 * `bySkills`: of those, what the unticked units of skills marked done could take (a skill marked early
 * earns its later units as hours are spent on them: the pace's and the burn-up's reading,
 * planner/earned.ts). `underWayCap`: the most that can be work under way, the task at hand or a week of
 * study, whichever is more; beyond it, study that never turns into marks is not progress (the plan
 * takes no more off its tasks) and reads as slow where the pace has ticks to read it by (it counts it as
 * spent). The task at hand: the first plan's first task neither settled nor left out of the re-plan for
 * skills all settled.
 */
export interface GeneralStudy {
  readonly pool: number;
  readonly bySkills: number;
  readonly underWayCap: number;
}

const NO_GENERAL_STUDY: GeneralStudy = { pool: 0, bySkills: 0, underWayCap: 0 };

/** The general study the plan takes off its tasks as work under way. */
const underWay = (study: GeneralStudy): number => Math.min(study.pool, study.underWayCap);

/**
 * The hours logged on the work a tick of `key` settles, `tasks` being that work (one unit's task, or
 * the tasks of a resource ticked whole): each task's own hours and, for a resource ticked whole, the
 * hours logged on the resource itself, counted once besides its units'.
 */
function loggedOnTick(key: string, tasks: readonly PlannerTask[], loggedByItem: ReadonlyMap<string, number>): number {
  const own = tasks.some((task) => task.key !== key) ? (loggedByItem.get(key) ?? 0) : 0;
  return tasks.reduce((sum, task) => sum + (loggedByItem.get(task.key) ?? 0), own);
}

/**
 * The hours a tick of `key` (a resource or `resource/unit`) logs: what the estimate of its tasks (the
 * learner factor applied, at the estimated pace) leaves after the hours logged on them and the general
 * study no finished work accounts for (`generalPool`: work under way, and the task ticked is the work
 * it was under way on), never below 0; 0 for work the plan does not hold. Whatever the order of ticks,
 * the hours logged in all are the estimates of the work ticked or the hours studied, whichever is more.
 */
export function hoursLeftToLog(curriculum: Curriculum, profile: Profile, progress: ProgressState, key: string): number {
  const left = hoursLeftOn(curriculum, profile, progress, key);
  if (left === undefined) return 0;
  return Math.round(Math.max(0, left - generalPool(curriculum, profile, progress).pool) * 100) / 100;
}

/**
 * What the estimate of the work a tick of `key` settles (a resource or `resource/unit`; the learner
 * factor applied, at the estimated pace) leaves after the hours logged on it, never below 0; undefined
 * for work the re-plan does not hold (a skill, or work settled already).
 */
export function hoursLeftOn(
  curriculum: Curriculum,
  profile: Profile,
  progress: ProgressState,
  key: string,
): number | undefined {
  // Units ticked (or skipped) before the whole resource: their hours were counted when they were.
  const tasks = prepare(curriculum, profile, settledSkills(progress)).tasks.filter(
    (task) =>
      (task.key === key || (task.unit !== undefined && task.resource === key)) &&
      taskSettled(task, progress) === undefined,
  );
  if (tasks.length === 0) return undefined;
  const estimate = tasks.reduce((sum, task) => sum + task.hours, 0);
  return Math.max(0, estimate - loggedOnTick(key, tasks, progress.loggedByItem));
}

/**
 * The plan for a profile. With progress, what is done or skipped is left out, the rest is planned
 * from `today` (when later than the start date) at the learner's observed pace.
 */
export function planFor(
  curriculum: Curriculum,
  profile: Profile,
  progress?: ProgressState,
  today?: string,
  options: PlanOptions = {},
): Plan {
  const plan = replan(curriculum, profile, progress, today, options);
  if (profile.marketReady !== true) return plan;
  // A market-ready plan says how much longer it is than the article's plan for the same learner.
  const article = planFor(curriculum, { ...profile, marketReady: false }, progress, today, {
    reviewMinutes: options.reviewMinutes,
  });
  const inArticle = new Set(article.skills);
  const comparison: MarketReadyComparison = {
    articleFinishDate: article.finishDate,
    articleWeekCount: article.weekCount,
    extraWeeks: plan.weekCount - article.weekCount,
    extraHours: Math.round((plan.totalHours - article.totalHours) * 10) / 10,
    addedSkills: plan.skills.filter((id) => !inArticle.has(id)),
  };
  return { ...plan, marketReady: comparison };
}

/**
 * Each resource pick's reason (`kind: 'resource'` explanations) for the plan `planFor` makes with the
 * same curriculum, profile, progress and options: what a face that shows them adds to a plan made
 * without them (`withResourceReasons`). The resources a plan picks do not depend on today or the pace.
 */
export function resourceReasons(
  curriculum: Curriculum,
  profile: Profile,
  progress?: ProgressState,
  options: PlanOptions = {},
): readonly Explanation[] {
  return prepare(curriculum, profile, settledSkills(progress), { ...options, resourceReasons: true }).reasons;
}

/** A plan with its resource reasons after its other explanations, as `planFor` makes it with `resourceReasons`. */
export function withResourceReasons(
  curriculum: Curriculum,
  profile: Profile,
  plan: Plan,
  progress?: ProgressState,
  options: PlanOptions = {},
): Plan {
  if (plan.explanations.some((e) => e.kind === 'resource')) return plan;
  return { ...plan, explanations: [...plan.explanations, ...resourceReasons(curriculum, profile, progress, options)] };
}

/**
 * A task's piece of a week: the task's fields, its hours in the week, the words the plan keeps for it
 * (only where the planner alone knows them) and a skim's flag. Most pieces are the literal's seven
 * fields and nothing more: a plan holds one per piece.
 */
function pieceOf(task: PlannerTask, hours: number, words: TaskWords | undefined): PlanTask {
  const piece: { -readonly [K in keyof PlanTask]: PlanTask[K] } = {
    kind: task.kind,
    stage: task.stage,
    resource: task.resource,
    unit: task.unit,
    skills: task.skills,
    hours,
    key: task.key,
  };
  if (words) {
    piece.why = words.why;
    piece.title = words.title;
  }
  if (task.studied?.skim !== undefined) piece.skim = true;
  return piece;
}

/** Skills done or skipped in progress: they count as known when re-planning. */
export function settledSkills(progress: ProgressState | undefined): string[] {
  if (!progress) return [];
  return [...progress.skills.entries()].filter(([, s]) => s === 'done' || s === 'skipped').map(([id]) => id);
}

/** Bounds on the observed pace: one unusually fast or slow week should not wreck the forecast. */
export const MIN_PACE = 0.5;
export const MAX_PACE = 2.0;
/**
 * Below this many hours of finished work (estimated) or of logged time the pace is not trusted:
 * it stays 1. Marking a skill done that one already knew, with an hour logged, says nothing about
 * pace, and must not pull the finish date months earlier.
 */
export const MIN_PACE_EVIDENCE_HOURS = 5;
/**
 * The planned hours earned at which the forecast weighs the learner's observed pace and the estimate
 * the same (see `forecastPace`). Early on, what the marks cannot see is a few hours in absolute terms
 * (general study on work still under way, about a week of study at 10 hours a week), so its error on
 * the pace falls as 1 / earned, while learners' true paces spread by about a quarter around the
 * estimate: 10 h / 0.25 = 40 planned hours, about four weeks at 10 h a week, the history the finish
 * range waits for too.
 */
export const PACE_PRIOR_HOURS = 40;

/**
 * The pace a forecast plans with: the observed pace (spent / earned) shrunk towards the estimate (1;
 * the learner's effort factor is already in the estimates) with the weight earned^2 / (earned^2 + K^2),
 * K = PACE_PRIOR_HOURS. A fixed-size error in hours weighs as 1 / earned, so the weight grows with the
 * square: after 7 planned hours it is 3%, after 40 a half, after 200 planned hours 96% (an observed 1.30
 * plans as 1.29). Not clamped here.
 */
export function forecastPace(spent: number, earned: number): number {
  if (!(earned > 0)) return 1;
  const weight = (earned * earned) / (earned * earned + PACE_PRIOR_HOURS * PACE_PRIOR_HOURS);
  return 1 + weight * (spent / earned - 1);
}

/**
 * The learner's observed pace: hours spent / planned hours earned, over the tasks of the first plan
 * (the plan from the profile alone).
 *
 * Earned (`earnedHours` and `vouched`, the burn-up's rule too): the marks bound the planned work done,
 * from the sure (tasks marked done, and each other done skill at its smallest share among the tasks
 * teaching it) to the most (also every task whose skills are all done, whole); the hours spent, read at
 * the estimate, place it within those bounds, less hours logged on sure work beyond its estimate (that
 * is slowness on it). So a skill marked done after the first of the units teaching it earns the later
 * units only as far as hours were spent on them, while work done ahead by marking skills, with its
 * hours logged, earns what the plan gave it; a skill taught in several resources is credited once.
 * Spent: hours logged with no item, or on a done skill, count in full (they went to some of the work,
 * and a learner who logs much and finishes little is slow); hours logged against a unit or resource
 * count in the share of it the most credit earns (all of it for a whole unit, none for work not begun
 * or outside the first plan, half for a resource whose planned hours are half earned).
 * The pace returned is the one forecasts plan with: shrunk towards 1 by the evidence (`forecastPace`),
 * clamped to 0.5-2.0, and 1 until at least 5 hours are earned and 5 counted as spent.
 */
export function observedPace(
  curriculum: Curriculum,
  profile: Profile,
  progress: ProgressState,
  /** The first plan's preparation (`prepare(curriculum, profile)`), when the caller has it. */
  first?: Prepared,
): { pace: number; doneHours: number; loggedHours: number } {
  const prepared = first ?? prepare(curriculum, profile);
  /**
   * Per progress key (task key, resource, skill: its share of each task teaching it): the planned hours,
   * and those earned at most and surely.
   */
  const planned = new Map<string, number>();
  const mostOf = new Map<string, number>();
  const sureOf = new Map<string, number>();
  const add = (key: string, hours: number, most: number, sure: number): void => {
    planned.set(key, (planned.get(key) ?? 0) + hours);
    mostOf.set(key, (mostOf.get(key) ?? 0) + most);
    sureOf.set(key, (sureOf.get(key) ?? 0) + sure);
  };
  const tasks = prepared.tasks;
  const earned = earnedHours(
    tasks,
    (s) => progress.skills.get(s) === 'done',
    (_task, i) => taskSettled(tasks[i] as PlannerTask, progress) === 'done',
  );
  const { most, sure } = earned;
  tasks.forEach((task, i) => {
    const hours = most.hours[i] ?? 0;
    const surely = sure.hours[i] ?? 0;
    add(task.key, task.hours, hours, surely);
    if (task.resource !== '' && task.resource !== task.key) add(task.resource, task.hours, hours, surely);
    const part = task.hours / task.skills.length;
    const has = (c: typeof most, s: string): boolean => c.whole[i] === true || c.credited[i]?.has(s) === true;
    for (const s of task.skills) {
      if (s !== task.key) add(s, part, has(most, s) ? part : 0, has(sure, s) ? part : 0);
    }
  });
  // Work outside the first plan earns nothing, so the hours logged on it do not count either.
  const shareOf = (item: string, of: ReadonlyMap<string, number>): number => {
    const hours = planned.get(item) ?? 0;
    return hours > 0 ? (of.get(item) ?? 0) / hours : 0;
  };
  // General study that no finished work accounts for (`generalPool`) is work under way, like hours
  // logged on an unfinished task: as much of it as the task under way (the first not settled) or a
  // week of study holds is not read as spent yet (else three hours of study after a tick read as
  // slowness on the ticked work); beyond that, study that never turns into marks counts, so it still
  // reads as slow.
  const study = generalPool(curriculum, profile, progress, tasks);
  const underWayHours = Math.min(Math.max(0, study.pool - study.bySkills), study.underWayCap);
  let logged = 0;
  let placed = 0;
  for (const [item, hours] of progress.loggedByItem) {
    if (item === '') logged += Math.max(0, hours - underWayHours);
    else if (progress.skills.get(item) === 'done' && planned.has(item)) logged += hours;
    else {
      logged += hours * shareOf(item, mostOf);
      placed += hours * shareOf(item, sureOf);
    }
  }
  const estimated = vouched(earned, logged, placed);
  if (estimated < MIN_PACE_EVIDENCE_HOURS || logged < MIN_PACE_EVIDENCE_HOURS) {
    return { pace: 1, doneHours: estimated, loggedHours: logged };
  }
  const pace = Math.min(MAX_PACE, Math.max(MIN_PACE, forecastPace(logged, estimated)));
  return { pace, doneHours: estimated, loggedHours: logged };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
