/**
 * @module commands/init
 * `mlpath init`: the learner's profile, asked question by question in a terminal (or taken from
 * the flags of `mlpath plan` with `--yes`), with an optional placement check whose answered skills
 * become known, saved in the store; then the recommended route, why, and the first weeks of the plan.
 */
import { planTaskWords } from '../../core/planner/task-words.js';
import { sayIn, wordedPlan } from '../../i18n/planner.js';
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import { weekShownFrom } from '../../core/weeks.js';
import { LEARNING_STYLES, textIn } from '../../core/model.js';
import type { Curriculum, Locale } from '../../core/model.js';
import type { Plan, Profile } from '../../core/plan-model.js';
import type { CliIo } from '../io.js';
import { status } from '../../learner/progress.js';
import { targetLines } from './progress-views.js';
import { routeWhyLines } from './plan.js';
import { addProfileOptions, keptFlags, profileFromFlags } from '../profile-flags.js';
import type { ProfileFlags } from '../profile-flags.js';
import { NO_REGION, regionToConfirm, saveProfile } from '../../learner/profile.js';
import { FULL_TIME_HOURS } from '../../core/planner/profile.js';
import { regionOf } from '../../core/regions.js';
import { msg } from '../messages.js';
import { chooseLocale } from '../locale.js';
import { runPlacement, terminalPlacementPrompter } from '../placement.js';
import { rmsg } from '../review-messages.js';
import { withSession } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { helpFor } from '../help-messages.js';
import { dateProblem, hoursProblem, optionIn, promptWords } from '../prompt-words.js';

/** An answer left empty: the prompt's default is taken. */
const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

interface InitOptions extends ProfileFlags {
  yes?: boolean;
  force?: boolean;
  json?: boolean;
}

/**
 * Ask the profile questions the flags did not answer, each offering the stored profile's answer
 * when there is one; undefined when the learner cancels.
 */
async function askProfile(
  curriculum: Curriculum,
  flags: ProfileFlags,
  locale: Locale,
  today: string,
  stored: Profile | undefined,
): Promise<ProfileFlags | undefined> {
  const prompts = await import('@clack/prompts');
  promptWords(prompts, locale);
  const m = trackingMessages(locale);
  const answers: ProfileFlags = { ...flags };
  prompts.intro(`mlpath · ${textIn(curriculum.meta.title, locale)}`);
  const cancelled = (value: unknown): boolean => {
    if (!prompts.isCancel(value)) return false;
    prompts.cancel(m.cancelled);
    return true;
  };
  if (answers.locale === undefined) {
    const value = await prompts.select({
      message: m.askLocale,
      options: [
        { value: 'en', label: 'English' },
        { value: 'zh-CN', label: '简体中文' },
      ],
      initialValue: locale,
    });
    if (cancelled(value)) return undefined;
    answers.locale = String(value);
  }
  const t = trackingMessages(answers.locale ?? locale);
  const loc = answers.locale ?? locale;
  // The library's words follow the language just chosen.
  const yesNo = promptWords(prompts, loc);
  if (answers.startPoint === undefined && curriculum.startingPoints.length > 0) {
    const value = await prompts.select({
      message: t.askStartingPoint,
      options: curriculum.startingPoints.map((p) =>
        optionIn(loc, { value: p.id, label: textIn(p.title, loc), hint: textIn(p.summary, loc) }),
      ),
      initialValue: stored?.startingPoint,
    });
    if (cancelled(value)) return undefined;
    answers.startPoint = String(value);
  }
  const point = curriculum.startingPoints.find((p) => p.id === answers.startPoint);
  if (answers.hours === undefined) {
    // The default is shown, not typed in: an answer replaces it rather than being added to it, and
    // Enter on nothing takes it.
    const hours = String(stored?.hoursPerWeek ?? point?.hoursPerWeek ?? 10);
    const value = await prompts.text({
      message: t.askHours,
      placeholder: hours,
      defaultValue: hours,
      validate: (v) => (blank(v) ? undefined : hoursProblem(loc, v)),
    });
    if (cancelled(value)) return undefined;
    answers.hours = String(value);
  }
  if (answers.style === undefined) {
    const value = await prompts.select({
      message: t.askStyle,
      options: LEARNING_STYLES.map((s) => ({ value: s, label: t.styles[s] ?? s })),
      initialValue: stored?.style ?? point?.style ?? 'structured',
    });
    if (cancelled(value)) return undefined;
    answers.style = String(value);
  }
  if (answers.domain === undefined && curriculum.domains.length > 0) {
    const value = await prompts.select({
      message: t.askDomain,
      options: [
        { value: '', label: t.anyDomain },
        ...curriculum.domains.map((d) =>
          optionIn(loc, { value: d.id, label: textIn(d.title, loc), hint: textIn(d.summary, loc) }),
        ),
      ],
      initialValue: stored?.domain ?? '',
    });
    if (cancelled(value)) return undefined;
    // Any domain clears a stored one, which would otherwise be kept.
    answers.domain = value === '' ? NO_REGION : String(value);
  }
  if (answers.freeOnly === undefined) {
    const value = await prompts.confirm({ ...yesNo, message: t.askFreeOnly, initialValue: stored?.freeOnly ?? false });
    if (cancelled(value)) return undefined;
    answers.freeOnly = value === true;
  }
  // A region suggested for the learner's language is asked, never set without their answer.
  const region = answers.region === undefined ? curriculum.regions?.find((r) => r.suggestFor.includes(loc)) : undefined;
  if (region) {
    const value = await prompts.confirm({
      ...yesNo,
      message: t.askRegion(textIn(region.title, loc)),
      initialValue: stored ? stored.region === region.id : true,
    });
    if (cancelled(value)) return undefined;
    answers.region = value === true ? region.id : NO_REGION;
  }
  if (answers.start === undefined) {
    const value = await prompts.text({
      message: t.askStartDate,
      placeholder: today,
      defaultValue: today,
      validate: (v) => (blank(v) ? undefined : dateProblem(loc, v, today)),
    });
    if (cancelled(value)) return undefined;
    answers.start = String(value);
  }
  // Placement: what the learner shows they know joins the starting point's known skills.
  const base = answers.known !== undefined ? answers.known.split(',').map((s) => s.trim()) : [...(point?.known ?? [])];
  const placed = await runPlacement(curriculum, base, await terminalPlacementPrompter(curriculum, loc));
  if (placed.length > 0) {
    answers.known = [...new Set([...base, ...placed])].join(',');
    prompts.log.info(rmsg(loc, 'placementKept', { count: placed.length }));
  }
  prompts.outro(t.profileSaved);
  return answers;
}

function firstWeeks(plan: Plan, curriculum: Curriculum, locale: Locale, count: number): string[] {
  const lines: string[] = [];
  const m = trackingMessages(locale);
  for (const week of plan.weeks.slice(0, count)) {
    const title = `  ${weekShownFrom(week.start, plan.startDate)}`;
    if (week.off) {
      lines.push(`${title}  ${m.weekOff}`);
      continue;
    }
    lines.push(msg(locale, 'aside', { text: title, aside: m.hours(m.hoursNum(week.hours)) }));
    for (const task of week.tasks) {
      const name = sayIn(locale, planTaskWords(curriculum, task).title);
      lines.push(`    • ${name}  ${m.hours(m.hoursNum(task.hours))}`);
    }
  }
  return lines;
}

export function registerInit(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  const command = program.command('init').description(h('init'));
  addProfileOptions(command, io)
    .option('-y, --yes', h('init.yes'))
    .option('--force', h('init.force'))
    .option('--json', h('init.json'))
    .action(async (options: InitOptions) => {
      await withSession(io, async (session) => {
        const stored = await session.profile();
        const locale = chooseLocale({ flag: options.locale, env: io.env, profile: stored?.locale });
        const m = trackingMessages(locale);
        if (stored && !options.force) {
          throw new MlpathError({ code: 'CONFLICT', message: m.initExists });
        }
        const curriculum = session.curriculum();
        let flags: ProfileFlags = options;
        if (!options.yes) {
          if (!io.isTty || !process.stdin.isTTY)
            throw new MlpathError({ code: 'INVALID_INPUT', message: m.initNeedsFlags });
          const answers = await askProfile(curriculum, options, locale, session.today, stored);
          if (!answers) return;
          flags = answers;
        }
        // Setting the profile up again keeps what the learner does not give again (BaseUse).
        const profile: Profile = profileFromFlags(
          curriculum,
          { ...flags, locale: flags.locale ?? locale },
          { today: session.today, base: stored, use: 'keep-settings' },
        );
        const kept = stored ? keptFlags(flags, stored, profile) : [];
        // A re-init keeps the progress and the first plan (the baseline); it plans what is left.
        const saved = await session.inTurn((ctx) => saveProfile(ctx, profile, 'init'));
        const forecast = saved.forecast;
        const plan = forecast.plan;
        const out = trackingMessages(profile.locale);
        if (options.json) {
          io.out(
            `${JSON.stringify({ profile, kept, route: plan.route, finishDate: plan.finishDate, weekCount: plan.weekCount, firstWeeks: wordedPlan(plan.weeks.slice(0, 3), curriculum) }, null, 2)}\n`,
          );
          return;
        }
        const route = curriculum.routes.find((r) => r.id === plan.route);
        const why = plan.explanations.find((e) => e.kind === 'route');
        // After the questions, the prompts have already said it.
        if (options.yes) io.out(`${out.profileSaved}\n`);
        if (saved.replaced) io.out(`${out.profileReplaced}\n`);
        if (kept.length > 0) io.out(`${out.profileKept(kept.join(' '))}\n`);
        if (options.yes || saved.replaced) io.out('\n');
        if (route) io.out(`${out.route(textIn(route.title, profile.locale))}\n`);
        if (why) for (const line of routeWhyLines(profile.locale, why, curriculum)) io.out(`${line}\n`);
        io.out(`${out.finish(plan.finishDate, plan.weekCount)}\n`);
        // With a target date: what it needs (the same outlook `mlpath status` shows).
        if (profile.targetDate !== undefined) {
          const report = await status(session.context());
          for (const line of targetLines(out, report.target, curriculum, profile.locale)) io.out(`${line}\n`);
        }
        io.out(`${msg(profile.locale, 'plan.effectiveHours', { fullTime: FULL_TIME_HOURS })}\n`);
        const toConfirm = regionOf(curriculum, regionToConfirm(curriculum, profile));
        if (toConfirm)
          io.out(
            `${msg(profile.locale, 'plan.regionHint', { region: textIn(toConfirm.title, profile.locale), id: toConfirm.id })}\n`,
          );
        io.out(`\n${out.firstWeeks}\n`);
        for (const line of firstWeeks(plan, curriculum, profile.locale, 3)) io.out(`${line}\n`);
        io.out(`\n${out.next}\n`);
      });
    });
}
