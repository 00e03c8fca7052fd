/**
 * @module commands/progress-views
 * `mlpath today`, `mlpath week` and `mlpath status`: the re-planned plan and the state of the
 * progress log, for people (or, with --json, for scripts).
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import pc from 'picocolors';
import { MlpathError } from '../../core/errors.js';
import { addDays, daysBetween } from '../../core/dates.js';
import { byId, findRole, textIn } from '../../core/model.js';
import type { Curriculum, Locale } from '../../core/model.js';
import type { Forecast, PlanTask, PlanWeek, Profile } from '../../core/plan-model.js';
import { readinessFor } from '../../core/planner/index.js';
import { progressStats } from '../../core/progress.js';
import type { ProgressStats } from '../../core/progress.js';
import type { CliIo } from '../io.js';
import { currentPlan, routeStages } from '../replan.js';
import { withSession } from '../session.js';
import type { Session } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { formatHours } from './track.js';
import { helpFor } from '../help-messages.js';

interface Loaded {
  readonly curriculum: Curriculum;
  readonly profile: Profile;
  readonly locale: Locale;
  readonly stats: ProgressStats;
  readonly forecast: Forecast;
}

async function load(session: Session): Promise<Loaded> {
  const locale = await session.locale();
  const profile = await session.profile();
  if (!profile) throw new MlpathError({ code: 'NOT_FOUND', message: trackingMessages(locale).needsProfile });
  const curriculum = session.curriculum();
  const events = await session.store.listEvents(session.learner);
  const stats = progressStats(events, curriculum, session.today);
  const forecast = currentPlan(curriculum, profile, stats, session.today);
  return { curriculum, profile, locale, stats, forecast };
}

/** The week of the re-planned plan that holds `today` (the plan starts today, or later when study has not begun). */
function currentWeek(forecast: Forecast, today: string): PlanWeek | undefined {
  const weeks = forecast.plan.weeks;
  return weeks.find((w) => w.start <= today && today < addDays(w.start, 7)) ?? weeks[0];
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

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
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
        const { curriculum, locale, forecast, stats } = await load(session);
        const m = trackingMessages(locale);
        const week = currentWeek(forecast, session.today);
        const tasks = week?.tasks ?? [];
        if (options.json) {
          io.out(
            `${JSON.stringify({ date: session.today, week: week ?? null, hoursThisWeek: stats.hoursThisWeek }, null, 2)}\n`,
          );
          return;
        }
        if (tasks.length === 0) {
          io.out(`${week?.off ? m.weekOff : m.nothingPlanned}\n`);
          return;
        }
        // Before the first day of study, show what the first week holds.
        io.out(`${week && week.start > session.today ? m.startsOn(week.start) : m.todayTitle(session.today)}\n`);
        // The week's work in plan order; the first tasks are the ones to start with.
        for (const task of tasks.slice(0, 3)) io.out(`${taskLine(task, curriculum, locale, io)}\n`);
        io.out(`${m.hoursThisWeek(`${formatHours(stats.hoursThisWeek)} / ${formatHours(week?.hours ?? 0)}`)}\n`);
      });
    });

  program
    .command('week')
    .description(h('week'))
    .option('--json', h('view.json'))
    .action(async (options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const { curriculum, locale, forecast, stats, profile } = await load(session);
        const m = trackingMessages(locale);
        const week = currentWeek(forecast, session.today);
        // Weeks are numbered from the first day of study, whatever day the re-plan starts on.
        const number = Math.max(0, Math.floor(daysBetween(profile.startDate, week?.start ?? session.today) / 7));
        if (options.json) {
          io.out(
            `${JSON.stringify({ weekNumber: number + 1, week: week ?? null, hoursThisWeek: stats.hoursThisWeek }, null, 2)}\n`,
          );
          return;
        }
        if (!week || week.tasks.length === 0) {
          io.out(`${week?.off ? m.weekOff : m.nothingPlanned}\n`);
          return;
        }
        io.out(`${m.weekOf(number, week.start)} — ${m.hoursLeft(formatHours(week.hours))}\n`);
        for (const task of week.tasks) {
          io.out(`${taskLine(task, curriculum, locale, io)}\n`);
          if (task.why) io.out(`      ${textIn(task.why, locale)}\n`);
        }
        const end = addDays(week.start, 7);
        for (const milestone of forecast.plan.milestones.filter((ms) => ms.date >= week.start && ms.date < end)) {
          io.out(`  ★ ${textIn(milestone.title, locale) || milestone.stage} (${milestone.date})\n`);
        }
        io.out(`${m.hoursThisWeek(formatHours(stats.hoursThisWeek))}\n`);
      });
    });

  program
    .command('status')
    .description(h('status'))
    .option('--json', h('view.json'))
    .action(async (options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const { curriculum, profile, locale, stats, forecast } = await load(session);
        const m = trackingMessages(locale);
        const point = curriculum.startingPoints.find((p) => p.id === profile.startingPoint);
        const known = [...(point?.known ?? []), ...profile.known];
        const knownSet = new Set(known);
        const readiness = readinessFor(curriculum, profile.target, stats, known);
        const stages = byId(curriculum.stages);
        const stageRows = (routeStages(curriculum, profile) ?? curriculum.stages.map((s) => s.id)).flatMap((id) => {
          const stage = stages.get(id);
          if (!stage || stage.skills.length === 0) return [];
          const done = stage.skills.filter((s) => stats.skills.get(s) === 'done' || knownSet.has(s)).length;
          return [{ id, title: textIn(stage.title, locale), done, total: stage.skills.length }];
        });
        const skills = byId(curriculum.skills);
        const role = findRole(curriculum, profile.target ?? 'ml-engineer') ?? curriculum.roles[0];
        const latest = await session.store.latestPlanSnapshot(session.learner);
        if (!latest || latest.finishDate !== forecast.finishDate) {
          await session.store.savePlanSnapshot(session.learner, {
            id: randomUUID(),
            at: session.now.toISOString(),
            reason: 'status',
            finishDate: forecast.finishDate,
            plan: forecast.plan,
          });
        }
        const json = {
          date: session.today,
          stages: stageRows,
          hoursThisWeek: stats.hoursThisWeek,
          totalHours: stats.totalHours,
          streakDays: stats.streakDays,
          readiness: { role: role?.id ?? null, percent: readiness.percent, gaps: readiness.gaps },
          forecast: {
            finishDate: forecast.finishDate,
            originalFinishDate: forecast.originalFinishDate,
            movedDays: forecast.movedDays,
            previousFinishDate: latest?.finishDate ?? null,
            pace: forecast.pace,
            doneHours: forecast.doneHours,
            remainingHours: forecast.remainingHours,
          },
        };
        if (options.json) {
          io.out(`${JSON.stringify(json, null, 2)}\n`);
          return;
        }
        const width = Math.max(...stageRows.map((r) => displayWidth(r.title)), 4);
        io.out(`${m.statusTitle}\n`);
        for (const row of stageRows) {
          io.out(
            `  ${padColumns(row.title, width)}  ${bar(row.total > 0 ? row.done / row.total : 0)}  ${row.done}/${row.total}\n`,
          );
        }
        io.out(`${m.hoursThisWeek(formatHours(stats.hoursThisWeek))}\n`);
        io.out(`${m.hoursTotal(formatHours(stats.totalHours))}\n`);
        io.out(`${m.streak(stats.streakDays)}\n`);
        io.out(`${m.readiness(readiness.percent, role ? textIn(role.title, locale) : '-')}\n`);
        if (readiness.gaps.length > 0) {
          io.out(
            `  ${m.gaps(
              readiness.gaps
                .slice(0, 3)
                .map((g) => textIn(skills.get(g.skill)?.title, locale) || g.skill)
                .join(', '),
            )}\n`,
          );
        }
        const previous = latest && latest.finishDate !== forecast.finishDate ? m.sinceLast(latest.finishDate) : '';
        io.out(
          `${m.forecast(forecast.finishDate)}${previous} — ${m.moved(forecast.movedDays, forecast.originalFinishDate)}${locale.startsWith('zh') ? '；' : '; '}${m.pace(Math.round(forecast.pace * 100) / 100)}\n`,
        );
      });
    });
}
