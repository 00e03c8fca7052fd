/**
 * @module commands/job
 * `mlpath job analyze|add|list|remove` and `mlpath plan --jobs`: the learner's target jobs, over the
 * actions of `src/learner/jobs.ts`. A posting is read from a file or, with `-`, from standard input;
 * bad input (empty, binary, too long, another language, no such file) is told in the learner's
 * language with exit status 2, and nothing is stored.
 */
import { wordedPlan } from '../../i18n/planner.js';
import { evidencePiece } from '../../core/jobs/evidence.js';
import { enumerationIn } from '../../i18n/catalogue.js';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import { textIn } from '../../core/model.js';
import type { Curriculum, Locale } from '../../core/model.js';
import type { Plan, Profile } from '../../core/plan-model.js';
import type { LearnerContext } from '../../learner/context.js';
import {
  analyzeJob,
  jobsPlanJson,
  keepJob,
  listJobs,
  MAX_POSTING_LENGTH,
  planTowardJobs,
  postingProblemKind,
  removeJob,
} from '../../learner/jobs.js';
import type { JobAnalysis, JobsPlan } from '../../learner/jobs.js';
import { helpFor } from '../help-messages.js';
import type { CliIo } from '../io.js';
import { jmsg } from '../job-messages.js';
import type { JobMessageKey } from '../job-messages.js';
import { localeFromTag } from '../locale.js';
import { withSession } from '../session.js';
import type { Session } from '../session.js';

/** A file larger than this is refused as too long without being read (a posting is far smaller). */
const MAX_FILE_BYTES = MAX_POSTING_LENGTH * 4;

/** The posting's text from a file or standard input (`-`), decoded as UTF-8 without a BOM. */
export async function readPosting(io: CliIo, file: string, locale: Locale): Promise<{ text: string; name: string }> {
  const m = (key: JobMessageKey, values: Record<string, string | number> = {}): string => jmsg(locale, key, values);
  let bytes: Buffer;
  let name = file;
  if (file === '-') {
    name = m('stdinName');
    bytes = Buffer.from(io.readStdin ? await io.readStdin() : '', 'utf8');
  } else {
    const path = isAbsolute(file) ? file : resolve(io.cwd, file);
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory())
        throw new MlpathError({ code: 'INVALID_INPUT', message: m('notFile', { file }), hint: m('noFileHint') });
      size = stat.size;
    } catch (error) {
      if (error instanceof MlpathError) throw error;
      throw new MlpathError({ code: 'NOT_FOUND', message: m('noFile', { file }), hint: m('noFileHint') });
    }
    if (size > MAX_FILE_BYTES) throw badInput('too-long', name, locale, size);
    bytes = readFileSync(path);
  }
  if (bytes.length > MAX_FILE_BYTES) throw badInput('too-long', name, locale, bytes.length);
  return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), name };
}

function badInput(kind: string, name: string, locale: Locale, length: number): MlpathError {
  return new MlpathError({
    code: 'INVALID_INPUT',
    message: jmsg(locale, `bad.${kind}` as JobMessageKey, { file: name, length, limit: MAX_POSTING_LENGTH }),
    problems: [],
    hint: jmsg(locale, 'badHint'),
  });
}

/** Run a job action, telling bad input in the learner's language. */
async function wording<T>(name: string, text: string, locale: Locale, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const kind = postingProblemKind(error);
    if (kind) throw badInput(kind, name, locale, text.length);
    throw error;
  }
}

function contextOf(session: Session, curriculum?: Curriculum): LearnerContext {
  if (!curriculum) return session.context();
  return { store: session.store, curriculum, clock: () => session.now, learnerId: session.learner };
}

const percent = (x: number): string => String(Math.round(x * 100));

/** An analysis as readable text. */
export function renderAnalysis(a: JobAnalysis, curriculum: Curriculum, text: string, locale: Locale): string {
  const m = (key: JobMessageKey, values: Record<string, string | number> = {}): string => jmsg(locale, key, values);
  const lines: string[] = [];
  const role = curriculum.roles.find((r) => r.id === a.role.id);
  lines.push(
    m('role', { title: role ? textIn(role.title, locale) : a.role.id, id: a.role.id, confidence: a.role.confidence }),
  );
  if (a.role.evidence.length > 0)
    lines.push(
      m('roleEvidence', {
        evidence: a.role.evidence.map((e) => evidenceText(e, curriculum, locale)).join(m('evidenceSep')),
      }),
    );
  lines.push(m('seniority', { level: m(`level.${a.seniority}` as JobMessageKey) }));
  lines.push(m('readiness', { percent: percent(a.readiness) }));
  lines.push('');
  if (a.skills.length === 0) lines.push(m('noSkills'));
  else {
    lines.push(m('skills', { count: a.skills.length }));
    const titleOf = new Map(a.skills.map((s) => [s.id, s.title]));
    for (const s of a.skills) {
      const tags = [
        s.required ? m('required') : m('nice'),
        ...(s.taught ? [] : [m('notTaught')]),
        ...(s.alternatives
          ? [m('orInstead', { titles: s.alternatives.map((id) => titleOf.get(id) ?? id).join(', ') })]
          : []),
      ];
      const spans = [...new Set(s.spans.map((p) => `"${text.slice(p.start, p.end).replace(/\s+/g, ' ')}"`))];
      lines.push(`  - ${s.title} (${s.id}) · ${tags.join(' · ')} · ${m('matched', { spans: spans.join(', ') })}`);
    }
  }
  lines.push('');
  if (a.gaps.length === 0) lines.push(m('noGaps'));
  else {
    lines.push(m('gaps'));
    for (const g of a.gaps) {
      const instead = g.alternatives
        ? ` · ${m('orInstead', { titles: g.alternatives.map((o) => o.title).join(', ') })}`
        : '';
      lines.push(`  - ${g.title} (${g.id}) · ${g.weight === 2 ? m('required') : m('nice')}${instead}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One piece of the role's evidence (`title: "..."`, `"..."` or `skills: a, b`) in the learner's language. */
function evidenceText(evidence: string, curriculum: Curriculum, locale: Locale): string {
  const piece = evidencePiece(evidence);
  if (piece.kind === 'title') return jmsg(locale, 'evidenceTitle', { phrase: piece.words });
  if (piece.kind === 'phrase') return jmsg(locale, 'evidencePhrase', { phrase: piece.words });
  if (piece.kind === 'skills') {
    const names = piece.ids.map((id) => {
      const skill = curriculum.skills.find((s) => s.id === id);
      return skill ? textIn(skill.title, locale) : id;
    });
    return jmsg(locale, 'evidenceSkills', { skills: enumerationIn(locale, names) });
  }
  return evidence;
}

/** How the finish date moves, in words. */
function moved(days: number, locale: Locale): string {
  if (days === 0) return jmsg(locale, 'movedNone');
  return jmsg(locale, days < 0 ? 'movedEarlier' : 'movedLater', { days: Math.abs(days), count: Math.abs(days) });
}

/** The plan toward the target jobs as readable text: the plan itself, then how it differs. */
export function renderJobsPlan(result: JobsPlan, curriculum: Curriculum, locale: Locale, plan: string): string {
  const m = (key: JobMessageKey, values: Record<string, string | number> = {}): string => jmsg(locale, key, values);
  const lines = [
    m(result.postings === 1 ? 'plansTowardOne' : 'plansToward', {
      count: result.postings,
      withJobs: result.withJobs.finishDate,
      current: result.current.finishDate,
      moved: moved(result.movedDays, locale),
    }),
    result.goal.length > 0
      ? m('goal', {
          count: result.goal.length,
          skills: enumerationIn(
            locale,
            result.goal.map((g) => g.title),
          ),
        })
      : m('goalNone'),
  ];
  if (result.notTaught.length > 0)
    lines.push(
      m('leftOut', {
        terms: enumerationIn(
          locale,
          result.notTaught.map((t) => t.title),
        ),
      }),
    );
  return `${lines.join('\n')}\n\n${plan}`;
}

/**
 * `mlpath plan --jobs`: the stored profile and progress, planned toward the kept postings; `render`
 * is `mlpath plan`'s own text for a plan.
 */
export async function planJobsCommand(
  io: CliIo,
  curriculum: Curriculum,
  json: boolean,
  render: (profile: Profile, plan: Plan) => string,
): Promise<void> {
  await withSession(io, async (session) => {
    const locale = await session.locale();
    const result = await planTowardJobs(contextOf(session, curriculum), locale);
    const profile = await session.profile();
    if (json) {
      io.out(`${JSON.stringify(wordedPlan(jobsPlanJson(result), curriculum), null, 2)}\n`);
    } else if (profile) {
      const text = render({ ...profile, locale }, result.withJobs.plan);
      io.out(renderJobsPlan(result, curriculum, locale, text));
    }
  });
}

export function registerJob(program: Command, io: CliIo): Command {
  const h = helpFor(io.env);
  const job = program.command('job').description(h('job'));

  job
    .command('analyze')
    .description(h('job.analyze'))
    .argument('<file>', h('job.file'))
    .option('--json', h('view.json'))
    .option('--locale <locale>', h('job.locale'))
    .action(async (file: string, options: { json?: boolean; locale?: string }) => {
      await withSession(io, async (session) => {
        const locale = options.locale ? localeFromTag(options.locale) : await session.locale();
        const { text, name } = await readPosting(io, file, locale);
        const ctx = contextOf(session);
        const analysis = await wording(name, text, locale, () => analyzeJob(ctx, text, locale));
        if (options.json) io.out(`${JSON.stringify(analysis, null, 2)}\n`);
        else io.out(renderAnalysis(analysis, ctx.curriculum, text, locale));
      });
    });

  job
    .command('add')
    .description(h('job.add'))
    .argument('<file>', h('job.file'))
    .option('--json', h('view.json'))
    .action(async (file: string, options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const { text, name } = await readPosting(io, file, locale);
        const { posting, analysis } = await wording(name, text, locale, () =>
          session.inTurn((ctx) => keepJob(ctx, text, locale)),
        );
        if (options.json) io.out(`${JSON.stringify({ posting, analysis }, null, 2)}\n`);
        else
          io.out(
            `${jmsg(locale, 'kept', { id: posting.id, title: posting.title })}\n${jmsg(locale, 'readiness', { percent: percent(posting.readiness) })}\n${jmsg(locale, 'keptNext')}\n`,
          );
      });
    });

  job
    .command('list')
    .description(h('job.list'))
    .option('--json', h('view.json'))
    .action(async (options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const ctx = contextOf(session);
        const jobs = await listJobs(ctx, locale);
        if (options.json) {
          io.out(`${JSON.stringify({ jobs }, null, 2)}\n`);
          return;
        }
        if (jobs.length === 0) {
          io.out(`${jmsg(locale, 'none')}\n`);
          return;
        }
        for (const j of jobs) {
          const role = ctx.curriculum.roles.find((r) => r.id === j.role);
          io.out(
            `${jmsg(locale, 'listLine', {
              id: j.id,
              title: j.title,
              role: role ? textIn(role.title, locale) : j.role,
              percent: percent(j.readiness),
              gaps: j.gaps.length,
              date: j.addedAt.slice(0, 10),
            })}\n`,
          );
        }
      });
    });

  job
    .command('remove')
    .description(h('job.remove'))
    .argument('<id>', h('job.id'))
    .action(async (id: string) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        await session.inTurn((ctx) => removeJob(ctx, id));
        io.out(`${jmsg(locale, 'removed', { id })}\n`);
      });
    });

  return job;
}
