/**
 * @module commands/progress-views
 * `mlpath today`, `mlpath week`, `mlpath status` and `mlpath burnup`: each is one call to the learner
 * layer (src/learner/progress.ts), rendered for people or, with --json, printed as the same record
 * GET /api/today, /api/status answer.
 */
import { planTaskWords } from '../../core/planner/task-words.js';
import { enumerationIn } from '../../i18n/catalogue.js';
import { sayIn, wordedPlan } from '../../i18n/planner.js';
import { titled } from '../../core/planner/texts.js';
import { needsProfile } from '../../learner/errors.js';
import type { Command } from 'commander';
import pc from 'picocolors';
import { byId, findRole, textIn } from '../../core/model.js';
import type { Curriculum, Locale } from '../../core/model.js';
import type { PlanTask } from '../../core/plan-model.js';
import type { LearnerContext } from '../../learner/context.js';
import { isoWeekday } from '../../core/dates.js';
import { weekShownFrom } from '../../core/weeks.js';
import { WEEKDAYS } from '../../core/plan-model.js';
import { MAX_HOURS_PER_WEEK } from '../../core/planner/profile.js';
import type { StudyWarning, TargetOutlook } from '../../core/planner/index.js';
import { burnup, currentWeek, progressSnapshot, showStatus } from '../../learner/progress.js';
import type { ProgressSnapshot, StatusReport, StudySession } from '../../learner/progress.js';
import type { TrackingMessages } from '../tracking-messages.js';
import type { WeekReview } from '../../learner/review.js';
import { rmsg } from '../review-messages.js';
import type { CliIo } from '../io.js';
import { withSession } from '../session.js';
import type { Session } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { helpFor } from '../help-messages.js';
import { displayWidth, measuring } from '../width.js';

/** The snapshot the views are made from; these commands need a profile. */
async function load(session: Session): Promise<{ ctx: LearnerContext; locale: Locale; snapshot: ProgressSnapshot }> {
  const locale = await session.locale();
  const ctx = session.context();
  const snapshot = await progressSnapshot(ctx);
  if (!snapshot.profile) throw needsProfile();
  return { ctx, locale, snapshot };
}

function taskTitle(task: PlanTask, curriculum: Curriculum, locale: Locale): string {
  return sayIn(locale, planTaskWords(curriculum, task).title);
}

function taskKey(task: PlanTask): string {
  return task.key || (task.unit ? `${task.resource}/${task.unit}` : task.resource);
}

function taskLine(task: PlanTask, curriculum: Curriculum, locale: Locale, io: CliIo): string {
  const color = io.isTty ? pc : { dim: (s: string) => s, bold: (s: string) => s };
  const m = trackingMessages(locale);
  return `  • ${color.bold(taskTitle(task, curriculum, locale))}  ${m.hours(m.hoursNum(task.hours))}  ${color.dim(taskKey(task))}`;
}

/** A task as `today` and `week` list it: its line, and under it why it is there. */
function taskLines(task: PlanTask, curriculum: Curriculum, locale: Locale, io: CliIo): string {
  const why = planTaskWords(curriculum, task).why;
  return `${taskLine(task, curriculum, locale, io)}\n${why ? `      ${sayIn(locale, why)}\n` : ''}`;
}

function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function bar(share: number, width = 20): string {
  const filled = Math.round(Math.max(0, Math.min(1, share)) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

export function registerProgressViews(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  program
    .command('today')
    .description(h('today'))
    .option('--json', h('view.json'))
    .action(async (options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const { ctx, locale, snapshot } = await load(session);
        const view = await currentWeek(ctx, snapshot);
        if (options.json) {
          io.out(`${JSON.stringify(wordedPlan(view, ctx.curriculum), null, 2)}\n`);
          return;
        }
        const m = trackingMessages(locale);
        const week = view.week;
        for (const line of warningLines(m, view.warnings, ctx.curriculum, locale)) io.out(`${line}\n`);
        // With study days: today's session, or on another day the next study day's.
        if (view.studyDay && !view.beforeStart && !week?.off) {
          if (!view.studyDay.today)
            io.out(
              `${m.studyNotToday(
                m.weekday(weekdayOf(view.today)),
                view.today,
                view.studyDay.days.map((d) => m.weekday(d)),
              )}\n`,
            );
          if (view.session) {
            io.out(`${sessionTitle(m, view.session, view.session.date === view.today)}\n`);
            for (const piece of view.session.pieces)
              io.out(taskLines({ ...piece.task, hours: piece.minutes / 60 }, ctx.curriculum, locale, io));
            if (week && !week.off) io.out(`${budgetLine(m, week)}\n`);
            return;
          }
          if (!view.studyDay.today) {
            io.out(`${m.studyNoMore}\n`);
            return;
          }
        }
        if (!week || week.off) {
          io.out(`${week?.off ? m.weekOff : m.nothingPlanned}\n`);
          return;
        }
        if (week.tasks.length === 0) {
          const more = (snapshot.forecast?.plan.weeks.length ?? 0) > 0;
          io.out(`${emptyWeekLine(m, week, more)}\n`);
          if (more) io.out(`${budgetLine(m, week)}\n`);
          io.out(`${reviewLine(locale, view.review)}\n`);
          return;
        }
        // Before the first day of study, show what the first week holds.
        io.out(
          `${view.beforeStart ? m.weekUpcoming(snapshot.profile?.startDate ?? week.start, m.hoursNum(week.budgetHours)) : m.todayTitle(view.today)}\n`,
        );
        // The week's work in plan order; the first tasks are the ones to start with.
        for (const task of week.tasks.slice(0, 3)) io.out(taskLines(task, ctx.curriculum, locale, io));
        if (!view.beforeStart) io.out(`${budgetLine(m, week)}\n`);
        io.out(`${reviewLine(locale, view.review)}\n`);
      });
    });

  program
    .command('week')
    .description(h('week'))
    .option('--json', h('view.json'))
    .action(async (options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const { ctx, locale, snapshot } = await load(session);
        const view = await currentWeek(ctx, snapshot);
        if (options.json) {
          io.out(`${JSON.stringify(wordedPlan(view, ctx.curriculum), null, 2)}\n`);
          return;
        }
        const m = trackingMessages(locale);
        const week = view.week;
        if (!week) {
          io.out(`${m.nothingPlanned}\n`);
          return;
        }
        const start = snapshot.profile ? weekShownFrom(week.start, snapshot.profile.startDate) : week.start;
        io.out(`${m.weekSpan(week.number, start, week.end)}\n`);
        if (week.off) {
          io.out(`${m.weekOff}\n`);
          return;
        }
        for (const task of week.tasks) io.out(taskLines(task, ctx.curriculum, locale, io));
        for (const milestone of snapshot.forecast?.plan.milestones ?? []) {
          if (milestone.date < week.start || milestone.date > week.end) continue;
          io.out(`  ★ ${sayIn(locale, milestone.title) || milestone.stage} (${milestone.date})\n`);
        }
        if (week.tasks.length === 0) {
          const more = (snapshot.forecast?.plan.weeks.length ?? 0) > 0;
          io.out(`${emptyWeekLine(m, week, more)}\n`);
        }
        io.out(`${budgetLine(m, week)}\n`);
        io.out(`${reviewLine(locale, view.review)}\n`);
      });
    });

  program
    .command('status')
    .description(h('status'))
    .option('--json', h('view.json'))
    .action(async (options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const { ctx, locale, snapshot } = await load(session);
        const report = await showStatus(ctx, snapshot);
        if (options.json) {
          io.out(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const m = trackingMessages(locale);
        const { curriculum } = ctx;
        const stages = byId(curriculum.stages);
        const rows = report.stages.map((row) => ({ ...row, title: textIn(stages.get(row.id)?.title, locale) }));
        await measuring(rows.map((r) => r.title));
        const width = Math.max(...rows.map((r) => displayWidth(r.title)), 4);
        io.out(`${m.statusTitle}\n`);
        for (const row of rows)
          io.out(`  ${padColumns(row.title, width)}  ${bar(row.share)}  ${row.done}/${row.total}\n`);
        io.out(`${m.skillsDone(report.skills.done, report.skills.total, report.curriculumSkills.total)}\n`);
        io.out(`${m.hoursThisWeek(m.hoursNum(report.hoursThisWeek))}\n`);
        io.out(`${m.hoursTotal(m.hoursNum(report.totalHours))}\n`);
        io.out(`${m.streak(report.streakDays)}\n`);
        const role = report.readiness.role === null ? undefined : findRole(curriculum, report.readiness.role);
        io.out(`${m.readiness(report.readiness.percent, role ? textIn(role.title, locale) : '-')}\n`);
        if (report.readiness.gaps.length > 0) {
          const skills = byId(curriculum.skills);
          io.out(
            `  ${m.gaps(
              enumerationIn(
                locale,
                report.readiness.gaps.slice(0, 3).map((g) => textIn(skills.get(g.skill)?.title, locale) || g.skill),
              ),
            )}\n`,
          );
        }
        if (report.needsRefresh.length > 0) {
          const skills = byId(curriculum.skills);
          const titles = report.needsRefresh.map((id) => textIn(skills.get(id)?.title, locale) || id);
          io.out(`${rmsg(locale, 'needsRefresh', { skills: enumerationIn(locale, titles) })}\n`);
        }
        const forecast = report.forecast;
        if (!forecast) return;
        // Where the finish was when last shown; not repeated when that was the first plan's finish,
        // which the same line names (a learner with no status shown yet, or restored from a backup).
        const before = forecast.previousFinishDate;
        const previous =
          before !== null && before !== forecast.finishDate && before !== forecast.originalFinishDate
            ? m.sinceLast(before)
            : '';
        io.out(
          `${m.forecast(forecast.finishDate)}${previous} — ${m.moved(forecast.movedDays, forecast.originalFinishDate)}${locale.startsWith('zh') ? '；' : '; '}${m.pace(forecast.pace)}\n`,
        );
        for (const line of rangeLines(m, report)) io.out(`${line}\n`);
        for (const line of targetLines(m, report.target, curriculum, locale)) io.out(`${line}\n`);
        for (const line of warningLines(m, report.warnings, curriculum, locale)) io.out(`${line}\n`);
      });
    });

  program
    .command('burnup')
    .description(h('burnup'))
    .option('--json', h('view.json'))
    .action(async (options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const { ctx, locale, snapshot } = await load(session);
        const points = await burnup(ctx, snapshot);
        if (options.json) {
          io.out(`${JSON.stringify(points, null, 2)}\n`);
          return;
        }
        const m = trackingMessages(locale);
        const cell = (value: number | null): string => (value === null ? '-' : m.hoursNum(value));
        // Columns line up by the columns a text takes in the terminal (a Chinese heading takes two a character).
        const rows = points.map((p) => [
          p.week,
          ...[p.doneHours, p.loggedHours, p.plannedHours, p.forecastHours].map(cell),
        ]);
        const head = m.burnupHead;
        await measuring(head);
        const widths = head.map((title, i) =>
          Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[i] ?? ''))),
        );
        const line = (row: readonly string[]): string =>
          row
            .map((text, i) => {
              const pad = ' '.repeat((widths[i] ?? 0) - displayWidth(text));
              return i === 0 ? text + pad : `  ${pad}${text}`;
            })
            .join('');
        io.out(`${m.burnupTitle}\n${line(head)}\n`);
        for (const row of rows) io.out(`${line(row)}\n`);
        io.out(`${m.burnupDone}\n${m.burnupLogged}\n`);
      });
    });
}

/**
 * The review time the week reserves, the plan's figure (see learner/review.ts `weekReview`), and the
 * time the reviews take when the week's study hours leave less than that.
 */
function reviewLine(locale: Locale, review: WeekReview | null): string {
  if (!review || review.reviews === 0) return rmsg(locale, 'weekReviewNone');
  const params = { minutes: review.minutes, reviews: review.reviews, due: review.dueNow };
  if (review.minutes < review.expectedMinutes)
    return rmsg(locale, 'weekReviewShort', { ...params, expected: review.expectedMinutes });
  return rmsg(locale, 'weekReview', params);
}

function budgetLine(
  m: ReturnType<typeof trackingMessages>,
  week: { budgetHours: number; loggedHours: number; remainingHours: number },
): string {
  return m.weekBudget(m.hoursNum(week.loggedHours), m.hoursNum(week.budgetHours), m.hoursNum(week.remainingHours));
}

/** The finish range and its method in one line, or why there is none yet. */
export function rangeLines(m: TrackingMessages, report: Pick<StatusReport, 'forecast'>): string[] {
  const f = report.forecast;
  if (!f) return [];
  if (f.p10 === null || f.p50 === null || f.p90 === null) return [m.rangeTooLittle(f.range.weeks, f.range.needed)];
  const { weeks, runs, loggedPerWeek, plannedPerWeek } = f.range;
  return [
    m.range(f.p10, f.p50, f.p90, weeks, m.hoursNum(loggedPerWeek ?? 0), m.hoursNum(plannedPerWeek ?? 0)),
    m.rangeMethod(runs, weeks),
  ];
}

/** A resource's title, as plans name it (`itemTitleWords`). */
function resourceTitle(curriculum: Curriculum, locale: Locale, id: string): string {
  const resource = byId(curriculum.resources).get(id);
  return resource ? sayIn(locale, titled(resource.title, resource.localTitle)) : id;
}

/** The target date: on track or behind, the hours a week it needs, the optional work that would have to go. */
export function targetLines(
  m: TrackingMessages,
  target: TargetOutlook | null,
  curriculum: Curriculum,
  locale: Locale,
): string[] {
  if (!target) return [];
  const lines = [m.target(target.onTrack, target.date, target.finish)];
  if (target.hoursPerWeekNeeded === null) lines.push(m.targetUnreachable(MAX_HOURS_PER_WEEK));
  else lines.push(m.targetHours(m.hoursNum(target.hoursPerWeekNeeded), m.hoursNum(target.hoursPerWeek)));
  if (target.optional.length > 0) {
    const items = target.optional.map(
      (o) => `${resourceTitle(curriculum, locale, o.resource)} (${m.hours(m.hoursNum(o.hours))})`,
    );
    lines.push(m.targetOptional(m.hoursNum(target.hoursPerWeek), items), m.targetOptionalEnough(target.optionalEnough));
  }
  return lines;
}

/** Warnings with their catch-up suggestion. */
export function warningLines(
  m: TrackingMessages,
  warnings: readonly StudyWarning[],
  curriculum: Curriculum,
  locale: Locale,
): string[] {
  const lines: string[] = [];
  /** A task's progress key with its resource's title: "CS50x (cs50x/week-1)". */
  const itemLabel = (key: string): string => {
    const [resource = key] = key.split('/');
    const title = resourceTitle(curriculum, locale, resource);
    return title === resource ? key : `${title} (${key})`;
  };
  const catchUp = (hours: number | null): string =>
    hours === null ? m.catchUpNone(MAX_HOURS_PER_WEEK) : m.catchUpHours(m.hoursNum(hours));
  for (const w of warnings) {
    if (w.kind === 'behind-target') lines.push(m.warnBehind(w.finish, w.target), catchUp(w.hoursPerWeekNeeded));
    else if (w.kind === 'target-at-risk') lines.push(m.warnAtRisk(w.target, w.p90), catchUp(w.hoursPerWeekNeeded));
    else if (w.kind === 'unticked') {
      lines.push(m.warnUnticked(m.hoursNum(w.hours), m.hoursNum(w.underWay), w.hours > w.underWay));
      if (w.next !== null) lines.push(m.tickFinished(w.title ? textIn(w.title, locale) : w.next, w.next));
    } else {
      lines.push(m.warnNoStudy(w.days, w.lastStudy));
      if (w.next !== null) lines.push(m.catchUpNext(itemLabel(w.next)));
      // Behind the target, the catch-up hours are said with that warning already.
      if (
        w.hoursPerWeekNeeded !== null &&
        !warnings.some((x) => x.kind === 'behind-target' || x.kind === 'target-at-risk')
      )
        lines.push(catchUp(w.hoursPerWeekNeeded));
    }
  }
  return lines;
}

function weekdayOf(date: string): string {
  return WEEKDAYS[isoWeekday(date) - 1] ?? 'mon';
}

function sessionTitle(m: TrackingMessages, session: StudySession, today: boolean): string {
  const hours = session.minutes / 60;
  const duration =
    session.minutes % 60 === 0 || session.minutes > 60 ? m.hours(m.hoursNum(hours)) : m.minutes(session.minutes);
  const weekday = m.weekday(session.weekday);
  return today
    ? m.studyToday(weekday, session.date, session.time, session.timeZone, duration)
    : m.studyNext(weekday, session.date, session.time, session.timeZone, duration);
}

/**
 * What a week with no task left says: the whole plan is done only when no week follows; else its
 * hours are all logged, or what is left of them is taken (by review) and the plan goes on next week.
 */
function emptyWeekLine(m: TrackingMessages, week: { readonly remainingHours: number }, more: boolean): string {
  if (!more) return m.nothingPlanned;
  return week.remainingHours > 0 ? m.weekTasksDone : m.weekSpent;
}
