/**
 * @module commands/plan
 * `mlpath plan`: a dated, explained, week-by-week plan for a learner profile given by flags
 * (`--start-point` plans from that starting point's defaults). Text for people, `--json` for tools.
 */
import type { Command } from 'commander';
import { isMlpathError, MlpathError } from '../../core/errors.js';
import { monthsBetween } from '../../core/dates.js';
import { textIn } from '../../core/model.js';
import type { Curriculum } from '../../core/model.js';
import type { Plan, Profile } from '../../core/plan-model.js';
import { planFor } from '../../core/planner/plan.js';
import { loadCurriculum } from '../../content/load.js';
import type { CliIo } from '../io.js';
import { msg } from '../messages.js';
import type { MessageKey } from '../messages.js';
import { curriculumDir } from '../paths.js';
import { addProfileOptions, profileFromFlags, todayFrom } from '../profile-flags.js';
import type { ProfileFlags } from '../profile-flags.js';

interface PlanOptions extends ProfileFlags {
  curriculum?: string;
  json?: boolean;
}

export function registerPlan(program: Command, io: CliIo): Command {
  const command = program
    .command('plan')
    .description('make a dated week-by-week plan from where you are to ML engineer, with the reasons');
  addProfileOptions(command)
    .option('--curriculum <dir>', 'a curriculum folder (default: the shipped ML-engineer curriculum)')
    .option('--json', 'print the plan as JSON')
    .action((options: PlanOptions) => {
      const curriculum = loadCurriculum(curriculumDir(options.curriculum, io.cwd), io.cwd);
      const profile = profileFromFlags(curriculum, options, { today: todayFrom(io.env) });
      const plan = planWithFlagNames(curriculum, profile, options);
      if (options.json) io.out(`${JSON.stringify(planJson(plan, profile), null, 2)}\n`);
      else io.out(renderPlan(curriculum, profile, plan));
    });
  return command;
}

/** Plan, naming the flag behind an unreachable target in the error. */
export function planWithFlagNames(curriculum: Curriculum, profile: Profile, flags: ProfileFlags): Plan {
  try {
    return planFor(curriculum, profile);
  } catch (error) {
    if (isMlpathError(error) && error.code === 'UNREACHABLE') {
      const flag = flags.target !== undefined ? '--target' : flags.freeOnly ? '--free-only' : '--exclude';
      throw new MlpathError({
        code: 'UNREACHABLE',
        message: msg(profile.locale, 'flag.unreachable', { flag, message: error.message }),
        hint: error.hint,
      });
    }
    throw error;
  }
}

/** The JSON form: the plan itself, with the profile it was made for. */
export function planJson(plan: Plan, profile: Profile): Record<string, unknown> {
  return {
    startingPoint: profile.startingPoint,
    profile,
    ...plan,
  };
}

const round1 = (x: number): string => String(Math.round(x * 10) / 10);

/** The plan as readable text in the profile's locale. */
export function renderPlan(curriculum: Curriculum, profile: Profile, plan: Plan): string {
  const L = profile.locale;
  const m = (key: MessageKey, values: Record<string, string | number> = {}): string => msg(L, key, values);
  const lines: string[] = [];
  const route = curriculum.routes.find((r) => r.id === plan.route);
  const point = curriculum.startingPoints.find((p) => p.id === profile.startingPoint);
  const domain = curriculum.domains.find((d) => d.id === profile.domain) ?? curriculum.domains[0];
  const stageTitle = (id: string): string => {
    if (id === 'ready') return textIn(plan.milestones.find((x) => x.stage === 'ready')?.title, L);
    return textIn(curriculum.stages.find((s) => s.id === id)?.title, L) || id;
  };
  lines.push(m('plan.title', { route: route ? `${textIn(route.title, L)} (${route.id})` : plan.route || '-' }));
  lines.push(
    m('plan.profile', {
      point: point ? textIn(point.title, L) : profile.startingPoint,
      hours: round1(plan.hoursPerWeek),
      factor: round1(plan.effortFactor),
      style: m(`style.${profile.style}` as MessageKey),
      domain: domain ? textIn(domain.title, L) : '-',
    }),
  );
  if (plan.weeks.length === 0) {
    lines.push('', m('plan.empty'));
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    m('plan.span', {
      start: plan.startDate,
      finish: plan.finishDate,
      weeks: plan.weekCount,
      total: round1(plan.totalHours),
    }),
  );
  const ready = plan.milestones.find((x) => x.stage === 'ready');
  if (ready)
    lines.push(m('plan.ready', { date: ready.date, months: round1(monthsBetween(plan.startDate, ready.date)) }));

  const routeWhy = plan.explanations.find((e) => e.kind === 'route');
  if (routeWhy) lines.push('', m('plan.whyRoute'), `  ${textIn(routeWhy.text, L)}`);

  lines.push('', m('plan.milestones'));
  for (const ms of plan.milestones) lines.push(`  ${ms.date}  ${stageTitle(ms.stage)}`);

  if ((plan.projects ?? []).length > 0) {
    lines.push('', m('plan.projects'));
    for (const p of plan.projects ?? []) {
      lines.push(
        `  ${m('plan.project', { title: textIn(p.title, L), start: p.start, end: p.end, hours: round1(p.hours) })}`,
      );
      for (const pm of p.milestones) lines.push(`    ${pm.date}  ${textIn(pm.title, L)}`);
    }
  }

  lines.push('', m('plan.weeks'));
  for (const w of plan.weeks) {
    if (w.off) {
      lines.push(`  ${m('plan.weekOff', { n: w.index + 1, date: w.start })}`);
      continue;
    }
    lines.push(`  ${m('plan.week', { n: w.index + 1, date: w.start, hours: round1(w.hours) })}`);
    for (const t of w.tasks) {
      const title = textIn(t.title, L) || t.resource;
      lines.push(`    - ${title} · ${m('plan.hours', { hours: round1(t.hours) })} · ${stageTitle(t.stage)}`);
    }
  }

  lines.push('', m('plan.why'));
  for (const e of plan.explanations.filter((x) => x.kind === 'resource')) {
    const r = curriculum.resources.find((x) => x.id === e.subject);
    const name = r ? (r.localTitle?.[L] ?? r.title) : e.subject;
    lines.push(`  - ${name}: ${textIn(e.text, L)}`);
  }
  const notes = plan.explanations.filter((x) => x.kind !== 'resource' && x.kind !== 'route');
  if (notes.length > 0) {
    lines.push('', m('plan.notes'));
    for (const e of notes) lines.push(`  - ${textIn(e.text, L)}`);
  }
  const areas = Object.entries(plan.hoursByArea)
    .sort((a, b) => b[1] - a[1])
    .map(([area, h]) => `${area} ${round1(h)}`)
    .join(', ');
  lines.push('', m('plan.byArea', { areas }));
  return `${lines.join('\n')}\n`;
}
