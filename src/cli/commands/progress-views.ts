/**
 * @module commands/progress-views
 * `mlpath today`, `mlpath week`, `mlpath status` and `mlpath burnup`: each is one call to the learner
 * layer (src/learner/progress.ts), rendered for people or, with --json, printed as the same record
 * GET /api/today, /api/status answer.
 */
import stringWidth from 'string-width';
import type { Command } from 'commander';
import pc from 'picocolors';
import { MlpathError } from '../../core/errors.js';
import { byId, findRole, textIn } from '../../core/model.js';
import type { Curriculum, Locale } from '../../core/model.js';
import type { PlanTask } from '../../core/plan-model.js';
import type { LearnerContext } from '../../learner/context.js';
import { burnup, currentWeek, progressSnapshot, rememberForecast, status } from '../../learner/progress.js';
import type { ProgressSnapshot } from '../../learner/progress.js';
import type { WeekReview } from '../../learner/review.js';
import { rmsg } from '../review-messages.js';
import type { CliIo } from '../io.js';
import { withSession } from '../session.js';
import type { Session } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { formatHours } from './track.js';
import { helpFor } from '../help-messages.js';

/** The snapshot the views are made from; these commands need a profile. */
async function load(session: Session): Promise<{ ctx: LearnerContext; locale: Locale; snapshot: ProgressSnapshot }> {
  const locale = await session.locale();
  const ctx = session.context();
  const snapshot = await progressSnapshot(ctx);
  if (!snapshot.profile) throw new MlpathError({ code: 'NOT_FOUND', message: trackingMessages(locale).needsProfile });
  return { ctx, locale, snapshot };
}

function taskTitle(task: PlanTask, curriculum: Curriculum, locale: Locale): string {
  if (task.title) return textIn(task.title, locale);
  const resource = byId(curriculum.resources).get(task.resource);
  return resource ? textIn(resource.localTitle, locale) || resource.title : task.resource;
}

function taskKey(task: PlanTask): string {
  return task.key || (task.unit ? `${task.resource}/${task.unit}` : task.resource);
}

function taskLine(task: PlanTask, curriculum: Curriculum, locale: Locale, io: CliIo): string {
  const color = io.isTty ? pc : { dim: (s: string) => s, bold: (s: string) => s };
  const m = trackingMessages(locale);
  return `  • ${color.bold(taskTitle(task, curriculum, locale))}  ${m.hoursLeft(formatHours(task.hours))}  ${color.dim(taskKey(task))}`;
}

function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
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
          io.out(`${JSON.stringify(view, null, 2)}\n`);
          return;
        }
        const m = trackingMessages(locale);
        const week = view.week;
        if (!week || week.off) {
          io.out(`${week?.off ? m.weekOff : m.nothingPlanned}\n`);
          return;
        }
        if (week.tasks.length === 0) {
          const more = (snapshot.forecast?.plan.weeks.length ?? 0) > 0;
          io.out(`${more ? m.weekSpent : m.nothingPlanned}\n`);
          if (more) io.out(`${budgetLine(m, week)}\n`);
          io.out(`${reviewLine(locale, view.review)}\n`);
          return;
        }
        // Before the first day of study, show what the first week holds.
        io.out(
          `${view.beforeStart ? m.weekUpcoming(snapshot.profile?.startDate ?? week.start, formatHours(week.budgetHours)) : m.todayTitle(view.today)}\n`,
        );
        // The week's work in plan order; the first tasks are the ones to start with.
        for (const task of week.tasks.slice(0, 3)) io.out(`${taskLine(task, ctx.curriculum, locale, io)}\n`);
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
          io.out(`${JSON.stringify(view, null, 2)}\n`);
          return;
        }
        const m = trackingMessages(locale);
        const week = view.week;
        if (!week) {
          io.out(`${m.nothingPlanned}\n`);
          return;
        }
        io.out(`${m.weekSpan(week.number, week.start, week.end)}\n`);
        if (week.off) {
          io.out(`${m.weekOff}\n`);
          return;
        }
        for (const task of week.tasks) {
          io.out(`${taskLine(task, ctx.curriculum, locale, io)}\n`);
          if (task.why) io.out(`      ${textIn(task.why, locale)}\n`);
        }
        for (const milestone of snapshot.forecast?.plan.milestones ?? []) {
          if (milestone.date < week.start || milestone.date > week.end) continue;
          io.out(`  ★ ${textIn(milestone.title, locale) || milestone.stage} (${milestone.date})\n`);
        }
        if (week.tasks.length === 0) io.out(`${week.remainingHours > 0 ? m.nothingPlanned : m.weekSpent}\n`);
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
        const report = await status(ctx, snapshot);
        // The finish date this machine showed last: kept with the plan snapshots, not in the shared record.
        const previousFinishDate = await rememberForecast(ctx, snapshot);
        if (options.json) {
          const forecast = report.forecast && { ...report.forecast, previousFinishDate };
          io.out(`${JSON.stringify({ ...report, forecast }, null, 2)}\n`);
          return;
        }
        const m = trackingMessages(locale);
        const { curriculum } = ctx;
        const stages = byId(curriculum.stages);
        const rows = report.stages.map((row) => ({ ...row, title: textIn(stages.get(row.id)?.title, locale) }));
        const width = Math.max(...rows.map((r) => stringWidth(r.title)), 4);
        io.out(`${m.statusTitle}\n`);
        for (const row of rows)
          io.out(`  ${padColumns(row.title, width)}  ${bar(row.share)}  ${row.done}/${row.total}\n`);
        io.out(`${m.skillsDone(report.skills.done, report.skills.total)}\n`);
        io.out(`${m.hoursThisWeek(formatHours(report.hoursThisWeek))}\n`);
        io.out(`${m.hoursTotal(formatHours(report.totalHours))}\n`);
        io.out(`${m.streak(report.streakDays)}\n`);
        const role = report.readiness.role === null ? undefined : findRole(curriculum, report.readiness.role);
        io.out(`${m.readiness(report.readiness.percent, role ? textIn(role.title, locale) : '-')}\n`);
        if (report.readiness.gaps.length > 0) {
          const skills = byId(curriculum.skills);
          io.out(
            `  ${m.gaps(
              report.readiness.gaps
                .slice(0, 3)
                .map((g) => textIn(skills.get(g.skill)?.title, locale) || g.skill)
                .join(', '),
            )}\n`,
          );
        }
        if (report.needsRefresh.length > 0) {
          const skills = byId(curriculum.skills);
          const titles = report.needsRefresh.map((id) => textIn(skills.get(id)?.title, locale) || id);
          io.out(`${rmsg(locale, 'needsRefresh', { skills: titles.join(', ') })}\n`);
        }
        const forecast = report.forecast;
        if (!forecast) return;
        const previous =
          previousFinishDate !== null && previousFinishDate !== forecast.finishDate
            ? m.sinceLast(previousFinishDate)
            : '';
        io.out(
          `${m.forecast(forecast.finishDate)}${previous} — ${m.moved(forecast.movedDays, forecast.originalFinishDate)}${locale.startsWith('zh') ? '；' : '; '}${m.pace(Math.round(forecast.pace * 100) / 100)}\n`,
        );
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
        const cell = (value: number | null, width: number): string =>
          (value === null ? '-' : formatHours(value)).padStart(width);
        io.out(`${m.burnupTitle}\n${m.burnupHead}\n`);
        for (const p of points) {
          io.out(
            `${p.week}${cell(p.doneHours, 7)}${cell(p.loggedHours, 8)}${cell(p.plannedHours, 9)}${cell(p.forecastHours, 10)}\n`,
          );
        }
        io.out(`${m.burnupDone}\n${m.burnupLogged}\n`);
      });
    });
}

/** The review time the week reserves (see learner/review.ts `weekReview`). */
function reviewLine(locale: Locale, review: WeekReview | null): string {
  if (!review || review.reviews === 0) return rmsg(locale, 'weekReviewNone');
  return rmsg(locale, 'weekReview', { minutes: review.minutes, reviews: review.reviews, due: review.dueNow });
}

function budgetLine(
  m: ReturnType<typeof trackingMessages>,
  week: { budgetHours: number; loggedHours: number; remainingHours: number },
): string {
  return m.weekBudget(formatHours(week.loggedHours), formatHours(week.budgetHours), formatHours(week.remainingHours));
}
