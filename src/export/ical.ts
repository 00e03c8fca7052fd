/**
 * @module export/ical
 * The plan as an iCalendar file (RFC 5545) for any calendar app: each week's study blocks as
 * all-day events spanning that week's open days (nothing on a day off; title, hours, the skills, why,
 * and a link), and each
 * milestone as a one-day event. UIDs are derived from the plan's content, so importing a
 * newer export updates the same events instead of adding copies. ical-generator folds long
 * lines at 75 octets without splitting a UTF-8 character, as the RFC asks.
 */
import ical from 'ical-generator';
import { addDays } from '../core/dates.js';
import { openSpans } from '../core/weeks.js';
import { byId, textIn } from '../core/model.js';
import type { Curriculum, Locale } from '../core/model.js';
import { regionOf, resourceUrl } from '../core/regions.js';
import type { Plan, PlanTask } from '../core/plan-model.js';
import { exportText } from './text.js';

export interface IcsOptions {
  readonly locale: Locale;
  /** When the file is made (DTSTAMP); an argument so that output is reproducible. */
  readonly now: Date;
  /** Label for the calendar; defaults to the curriculum's title. */
  readonly name?: string;
  /** The learner's region id: links point to addresses reachable there (`resourceUrl`). */
  readonly region?: string | undefined;
}

export function planToIcs(plan: Plan, curriculum: Curriculum, options: IcsOptions): string {
  const t = exportText(options.locale);
  const resources = byId(curriculum.resources);
  const skills = byId(curriculum.skills);
  const stages = byId(curriculum.stages);
  const projects = byId(curriculum.projects);
  const calendar = ical({
    name: options.name ?? `mlpath: ${textIn(curriculum.meta.title, options.locale)}`,
    prodId: { company: 'mlpath', product: 'mlpath', language: options.locale === 'zh-CN' ? 'ZH' : 'EN' },
  });

  const taskTitle = (task: PlanTask): { title: string; url: string | undefined } => {
    const resource = resources.get(task.resource);
    if (resource) {
      const unit = task.unit === undefined ? undefined : resource.units.find((u) => u.id === task.unit);
      const local = textIn(resource.localTitle, options.locale) || resource.title;
      return {
        title: textIn(task.title, options.locale) || (unit ? `${local}: ${textIn(unit.title, options.locale)}` : local),
        url: resourceUrl(resource, options.locale, regionOf(curriculum, options.region), unit?.id),
      };
    }
    const project = projects.get(task.resource);
    if (project)
      return { title: textIn(task.title, options.locale) || textIn(project.title, options.locale), url: undefined };
    return { title: textIn(task.title, options.locale) || task.resource, url: undefined };
  };

  for (const week of plan.weeks) {
    if (week.off) continue;
    // Study goes on the week's open days only: a run of them per event (one, unless days off split it).
    const spans = openSpans(week);
    week.tasks.forEach((task, i) => {
      const { title, url } = taskTitle(task);
      const stage = stages.get(task.stage);
      const lines = [
        t.blockHours(task.hours),
        stage ? `${t.stage}${t.colon}${textIn(stage.title, options.locale)}` : undefined,
        task.skills.length > 0
          ? `${t.skills}${t.colon}${task.skills.map((s) => textIn(skills.get(s)?.title, options.locale) || s).join(t.comma)}`
          : undefined,
        task.why ? `${t.why}${t.colon}${textIn(task.why, options.locale)}` : undefined,
        url,
      ].filter((line): line is string => line !== undefined && line !== '');
      spans.forEach((span, k) => {
        calendar.createEvent({
          id: `${plan.startDate}-w${week.index}-${i}-${(task.key || `${task.resource}${task.unit ? `/${task.unit}` : ''}`).replace(/[^a-z0-9-]+/gi, '-')}${k > 0 ? `-${k}` : ''}@mlpath`,
          start: span.start,
          end: span.end,
          allDay: true,
          summary: `${t.kind[task.kind]} ${title} (${formatHours(task.hours)} h)`,
          description: lines.join('\n'),
          stamp: options.now,
          ...(url === undefined ? {} : { url }),
        });
      });
    });
  }
  for (const milestone of plan.milestones) {
    const stage = stages.get(milestone.stage);
    const title = textIn(milestone.title, options.locale) || textIn(stage?.title, options.locale) || milestone.stage;
    calendar.createEvent({
      id: `${plan.startDate}-milestone-${milestone.stage}@mlpath`,
      start: milestone.date,
      end: addDays(milestone.date, 1),
      allDay: true,
      summary: `${t.milestone}${t.colon}${title}`,
      stamp: options.now,
    });
  }
  return calendar.toString();
}

function formatHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}
