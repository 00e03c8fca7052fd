/**
 * @module commands/plan
 * `mlpath plan`: a dated, explained, week-by-week plan for a learner profile given by flags
 * (`--start-point` plans from that starting point's defaults; without it, from the stored profile
 * and progress, and without a stored profile it says so and how to make one). Text for people,
 * `--json` for tools.
 */
import { planTaskWords } from '../../core/planner/task-words.js';
import { explanationIn, sayIn, wordedPlan } from '../../i18n/planner.js';
import { titled } from '../../core/planner/texts.js';
import { enumerationIn } from '../../i18n/catalogue.js';
import { formatHours } from '../../i18n/numbers.js';
import type { Command } from 'commander';
import { errorWords, isMlpathError, MlpathError } from '../../core/errors.js';
import { monthsBetween } from '../../core/dates.js';
import { weekShownFrom } from '../../core/weeks.js';
import { AREAS, textIn } from '../../core/model.js';
import type { Area, Curriculum, Locale, Text } from '../../core/model.js';
import type { Explanation, Plan, Profile, ProgressState } from '../../core/plan-model.js';
import { planFor } from '../../core/planner/plan.js';
import type { PlanOptions as PlannerOptions } from '../../core/planner/plan.js';
import { cacheDir, loadCurriculumCached } from '../curriculum-cache.js';
import type { CliIo } from '../io.js';
import { areaName, msg } from '../messages.js';
import type { MessageKey } from '../messages.js';
import { curriculumDir } from '../paths.js';
import { needsProfile } from '../../learner/errors.js';
import { regionToConfirm } from '../../learner/profile.js';
import { FULL_TIME_HOURS } from '../../core/planner/profile.js';
import { domainFor } from '../../core/planner/needs.js';
import { regionOf } from '../../core/regions.js';
import { tellIn } from '../exit-codes.js';
import { chooseLocale } from '../locale.js';
import { addProfileOptions, profileFromFlags } from '../profile-flags.js';
import { clock, curriculumOf, localDate } from '../session.js';
import type { ProfileFlags } from '../profile-flags.js';
import { storedPlanInput } from '../stored-plan.js';
import { helpFor } from '../help-messages.js';
import { planJobsCommand } from './job.js';

interface PlanOptions extends ProfileFlags {
  curriculum?: string;
  json?: boolean;
  jobs?: boolean;
}

export function registerPlan(program: Command, io: CliIo): Command {
  const h = helpFor(io.env);
  const command = program.command('plan').description(h('plan'));
  addProfileOptions(command, io)
    .option('--curriculum <dir>', h('plan.curriculum'))
    .option('--json', h('plan.json'))
    .option('--jobs', h('plan.jobs'))
    .action(async (options: PlanOptions) => {
      // The validated curriculum is cached (keyed by its files), as for the tracking commands. Without
      // --curriculum it is theirs (MLPATH_CURRICULUM, else the shipped one): the stored profile,
      // progress and kept postings were made with it.
      const curriculum = options.curriculum
        ? await loadCurriculumCached(curriculumDir(options.curriculum, io.cwd), io.cwd, cacheDir(io.env, io.cwd))
        : await curriculumOf(io);
      if (options.jobs) {
        await planJobsCommand(io, curriculum, options.json === true, (p, plan) => renderPlan(curriculum, p, plan));
        return;
      }
      // Every command's clock: MLPATH_NOW, else MLPATH_TODAY, else the system's (an invalid value is an error).
      const today = localDate(clock(io));
      // Without --start-point: the stored profile (other flags override single fields) and progress;
      // without a stored profile either, the learner is told how to make one (a curriculum without
      // starting points has no choice to make: it plans from its defaults).
      const stored = options.startPoint === undefined ? await storedPlanInput(io, curriculum) : undefined;
      if (options.startPoint === undefined && !stored && curriculum.startingPoints.length > 0) {
        throw tellIn(needsProfile(true), chooseLocale({ flag: options.locale, env: io.env }));
      }
      const profile = profileFromFlags(curriculum, options, { today, base: stored?.profile, env: io.env });
      const plan = planWithFlagNames(curriculum, profile, options, stored?.progress, stored ? today : undefined, {
        reviewMinutes: stored?.reviewMinutes,
      });
      if (options.json) io.out(`${JSON.stringify(planJson(curriculum, plan, profile), null, 2)}\n`);
      else io.out(renderPlan(curriculum, profile, plan));
    });
  return command;
}

/** Plan, naming the flag behind an unreachable target in the error. */
export function planWithFlagNames(
  curriculum: Curriculum,
  profile: Profile,
  flags: ProfileFlags,
  progress?: ProgressState,
  today?: string,
  planOptions: PlannerOptions = {},
): Plan {
  try {
    // The whole plan is shown: with each resource's reason.
    return planFor(curriculum, profile, progress, today, { ...planOptions, resourceReasons: true });
  } catch (error) {
    if (isMlpathError(error) && error.code === 'UNREACHABLE') {
      const flag = flags.target !== undefined ? '--target' : flags.freeOnly ? '--free-only' : '--exclude';
      const words = errorWords(error, profile.locale, 'cli');
      throw new MlpathError({
        code: 'UNREACHABLE',
        message: msg(profile.locale, 'flag.unreachable', { flag, message: words.message }),
        ...(words.hint === undefined ? {} : { hint: words.hint }),
      });
    }
    throw error;
  }
}

/** The JSON form: the plan itself, with the profile it was made for. */
/**
 * The route's explanation as the terminal shows it, indented: the planner's words and, when the
 * curriculum has other routes, how to choose one here (the web offers its own route picker).
 */
export function routeWhyLines(
  locale: Locale,
  why: Explanation | { readonly text: Text },
  curriculum: Curriculum,
): string[] {
  const text = explanationIn(locale, why);
  const lines = [`  ${text}`];
  // A plan stored before explanations were records may already say how, in its own text.
  if (curriculum.routes.length > 1 && !text.includes('--route')) lines.push(`  ${msg(locale, 'plan.chooseRoute')}`);
  return lines;
}

export function planJson(curriculum: Curriculum, plan: Plan, profile: Profile): Record<string, unknown> {
  return {
    startingPoint: profile.startingPoint,
    profile,
    ...wordedPlan(plan, curriculum),
  };
}

/** Months to a milestone, to a tenth (hours have their own figure, `formatHours`). */
const round1 = (x: number): string => String(Math.round(x * 10) / 10);

/** The plan as readable text in the profile's locale. */
export function renderPlan(curriculum: Curriculum, profile: Profile, plan: Plan): string {
  const L = profile.locale;
  const m = (key: MessageKey, values: Record<string, string | number> = {}): string => msg(L, key, values);
  const hours = (value: number): string => formatHours(value, L);
  const lines: string[] = [];
  const route = curriculum.routes.find((r) => r.id === plan.route);
  const point = curriculum.startingPoints.find((p) => p.id === profile.startingPoint);
  // The planner's domain: the learner's, else the curriculum's first, which the line says was not chosen.
  const domain = domainFor(curriculum, profile);
  const domainTitle = domain
    ? profile.domain === undefined
      ? m('plan.domainDefault', { domain: textIn(domain.title, L) })
      : textIn(domain.title, L)
    : '-';
  const stageTitle = (id: string): string => {
    if (id === 'ready') return sayIn(L, plan.milestones.find((x) => x.stage === 'ready')?.title);
    // A stage the planner adds (skills outside every stage) is known by its milestone's title.
    const title =
      curriculum.stages.find((s) => s.id === id)?.title ?? plan.milestones.find((x) => x.stage === id)?.title;
    return (title && sayIn(L, title)) || id;
  };
  // Without a route (an imported curriculum may have none), the plan is named after the curriculum.
  lines.push(
    m('plan.title', {
      route: route
        ? m('aside', { text: textIn(route.title, L), aside: route.id })
        : textIn(curriculum.meta.title, L) || plan.route,
    }),
  );
  lines.push(
    m('plan.profile', {
      // A curriculum without starting points (an import) plans from the profile's known skills alone.
      point: point
        ? textIn(point.title, L)
        : curriculum.startingPoints.length === 0
          ? m('plan.noStartingPoint')
          : profile.startingPoint,
      hours: hours(plan.hoursPerWeek),
      // Two decimals, as the factors are set (0.85), so the text and --json agree.
      factor: Math.round(plan.effortFactor * 100) / 100,
      style: m(`style.${profile.style}` as MessageKey),
      domain: domainTitle,
    }),
  );
  lines.push(m('plan.effectiveHours', { fullTime: FULL_TIME_HOURS }));
  const toConfirm = regionOf(curriculum, regionToConfirm(curriculum, profile));
  if (toConfirm) lines.push(m('plan.regionHint', { region: textIn(toConfirm.title, L), id: toConfirm.id }));
  if (plan.weeks.length === 0) {
    lines.push('', m('plan.empty'));
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    m('plan.span', {
      start: plan.startDate,
      finish: plan.finishDate,
      weeks: plan.weekCount,
      total: hours(plan.totalHours),
    }),
  );
  const ready = plan.milestones.find((x) => x.stage === 'ready');
  if (ready)
    lines.push(
      m('plan.ready', {
        milestone: sayIn(L, ready.title),
        date: ready.date,
        months: round1(monthsBetween(plan.startDate, ready.date)),
      }),
    );

  if (plan.marketReady) {
    const titles = plan.marketReady.addedSkills.map(
      (id) => textIn(curriculum.skills.find((s) => s.id === id)?.title, L) || id,
    );
    lines.push(
      m('plan.marketReady', {
        weeks: plan.marketReady.extraWeeks,
        hours: hours(plan.marketReady.extraHours),
        date: plan.marketReady.articleFinishDate,
        skills: enumerationIn(L, titles),
      }),
    );
  }

  const routeWhy = plan.explanations.find((e) => e.kind === 'route');
  if (routeWhy) lines.push('', m('plan.whyRoute'), ...routeWhyLines(L, routeWhy, curriculum));

  lines.push('', m('plan.milestones'));
  for (const ms of plan.milestones) lines.push(`  ${ms.date}  ${stageTitle(ms.stage)}`);

  if ((plan.projects ?? []).length > 0) {
    lines.push('', m('plan.projects'));
    for (const p of plan.projects ?? []) {
      lines.push(
        `  ${m('plan.project', { title: sayIn(L, p.title), start: p.start, end: p.end, hours: hours(p.hours) })}`,
      );
      for (const pm of p.milestones) lines.push(`    ${pm.date}  ${textIn(pm.title, L)}`);
    }
  }

  lines.push('', m('plan.weeks'));
  for (const w of plan.weeks) {
    const date = weekShownFrom(w.start, plan.startDate);
    if (w.off) {
      lines.push(`  ${m('plan.weekOff', { n: w.index + 1, date })}`);
      continue;
    }
    const review = w.reviewMinutes !== undefined ? ` · ${m('plan.weekReview', { minutes: w.reviewMinutes })}` : '';
    lines.push(`  ${m('plan.week', { n: w.index + 1, date, hours: hours(w.hours) })}${review}`);
    for (const t of w.tasks) {
      const title = sayIn(L, planTaskWords(curriculum, t).title);
      lines.push(`    - ${title} · ${m('plan.hours', { hours: hours(t.hours) })} · ${stageTitle(t.stage)}`);
    }
  }

  lines.push('', m('plan.why'));
  for (const e of plan.explanations.filter((x) => x.kind === 'resource')) {
    const r = curriculum.resources.find((x) => x.id === e.subject);
    const name = r ? sayIn(L, titled(r.title, r.localTitle)) : e.subject;
    lines.push(`  - ${m('labelled', { label: name, text: explanationIn(L, e) })}`);
  }
  const notes = plan.explanations.filter((x) => x.kind !== 'resource' && x.kind !== 'route');
  if (notes.length > 0) {
    lines.push('', m('plan.notes'));
    for (const e of notes) lines.push(`  - ${explanationIn(L, e)}`);
  }
  const areas = Object.entries(plan.hoursByArea)
    .sort((a, b) => b[1] - a[1])
    .map(([area, h]) => `${AREAS.includes(area as Area) ? areaName(L, area as Area) : area} ${hours(h)}`)
    .join(L === 'zh-CN' ? '，' : ', ');
  lines.push('', m('plan.byArea', { areas }));
  return `${lines.join('\n')}\n`;
}
