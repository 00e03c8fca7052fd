/**
 * @module Jobs
 * Target jobs: paste a posting, see it with the skills found marked, the role, the seniority, the
 * learner's readiness and gaps; add it to the plan and see how the finish date moves; list and remove
 * kept postings. Unreadable text is told in the page's language from the problem's kind.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { evidencePiece } from '../../../src/core/jobs/evidence.js';
import type { Text } from '../../../src/core/model.js';
import { enumerationIn } from '../../../src/i18n/options.js';
import { asError } from '../lib/action.js';
import type { Curriculum } from '../lib/api.js';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { api, ApiError, type JobAnalysis, type JobsPlanJson, type KeptJob } from '../lib/api.js';
import { useCurriculum } from '../lib/data.js';
import { formatAlternatives } from '../lib/format.js';
import { useLocale } from '../lib/locale.js';
import { invalidate } from '../lib/resource.js';

const BAD_KINDS = ['empty', 'binary', 'too-long', 'unsupported-language'] as const;
type BadKind = (typeof BAD_KINDS)[number];

/** The kind of unreadable text an API error reports, if it is one. */
function badKind(error: unknown): BadKind | undefined {
  if (!(error instanceof ApiError) || (error.code !== 'INVALID_INPUT' && error.code !== 'TOO_LARGE')) return undefined;
  const problem = error.problems[0];
  return problem?.path === 'text' && (BAD_KINDS as readonly string[]).includes(problem.message)
    ? (problem.message as BadKind)
    : undefined;
}

type Skill = JobAnalysis['skills'][number];

/** The text cut into plain runs and marked runs (one per span; overlapping spans never occur). */
function segments(text: string, skills: readonly Skill[]): Array<{ text: string; skill?: Skill }> {
  const marks = skills
    .flatMap((skill) => skill.spans.map((span) => ({ ...span, skill })))
    .sort((a, b) => a.start - b.start);
  const out: Array<{ text: string; skill?: Skill }> = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) out.push({ text: text.slice(at, mark.start) });
    out.push({ text: text.slice(mark.start, mark.end), skill: mark.skill });
    at = mark.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

const markClass = (skill: Skill): string =>
  !skill.taught
    ? 'bg-slate-200 text-slate-900 underline decoration-dotted dark:bg-slate-600 dark:text-white'
    : skill.required
      ? 'bg-amber-200 text-slate-900 dark:bg-amber-600 dark:text-slate-950'
      : 'bg-sky-100 text-slate-900 dark:bg-sky-700 dark:text-white';

function roleTitle(curriculum: Curriculum | undefined, id: string, tx: (text: Text) => string): string {
  const role = curriculum?.roles.find((r) => r.id === id);
  return role ? tx(role.title) : id;
}

export default function Jobs() {
  const { t, tx, locale, date } = useLocale();
  const curriculum = useCurriculum();
  const [text, setText] = useState('');
  const [analyzed, setAnalyzed] = useState<{ text: string; analysis: JobAnalysis } | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const [bad, setBad] = useState<BadKind | undefined>();
  const [added, setAdded] = useState<'added' | 'already' | undefined>();
  const [plan, setPlan] = useState<JobsPlanJson | undefined>();
  const [kept, setKept] = useState<KeptJob[] | undefined>();
  const textId = useId();
  const helpId = useId();
  const badId = useId();
  const resultRef = useRef<HTMLHeadingElement>(null);

  const loadKept = async (): Promise<void> => {
    try {
      setKept((await api.jobs(locale)).jobs);
    } catch (caught) {
      setError(asError(caught));
    }
  };

  // Skill and role names follow the page's language: read again when it changes.
  useEffect(() => {
    void loadKept();
    if (analyzed) void analyze(analyzed.text, false);
    if (plan) void api.jobsPlan(locale).then(setPlan, () => setPlan(undefined));
  }, [locale]);

  const fail = (caught: unknown): void => {
    const kind = badKind(caught);
    if (kind) setBad(kind);
    else setError(asError(caught));
  };

  async function analyze(posting: string, focus = true): Promise<void> {
    setBusy(true);
    setError(undefined);
    setBad(undefined);
    setAdded(undefined);
    try {
      const { analysis } = await api.analyzeJob(posting, locale);
      setAnalyzed({ text: posting, analysis });
      if (focus) requestAnimationFrame(() => resultRef.current?.focus());
    } catch (caught) {
      setAnalyzed(undefined);
      fail(caught);
    } finally {
      setBusy(false);
    }
  }

  async function addToPlan(): Promise<void> {
    if (!analyzed) return;
    setBusy(true);
    setError(undefined);
    try {
      try {
        await api.keepJob(analyzed.text, locale);
        setAdded('added');
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'CONFLICT') setAdded('already');
        else throw caught;
      }
      await loadKept();
      setPlan(await api.jobsPlan(locale));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await api.removeJob(id);
      await loadKept();
      setPlan(undefined);
      setAdded(undefined);
      await invalidate('plan');
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  }

  if (curriculum.error) return <ErrorNote error={curriculum.error} onRetry={curriculum.reload} />;
  if (!curriculum.data) return <Loading />;
  const c = curriculum.data;
  const a = analyzed?.analysis;
  const percent = (x: number): string => String(Math.round(x * 100));
  const evidence = (e: string): string => {
    const piece = evidencePiece(e);
    if (piece.kind === 'title') return t('jobs.evidenceTitle', { phrase: piece.words });
    if (piece.kind === 'phrase') return t('jobs.evidencePhrase', { phrase: piece.words });
    if (piece.kind === 'skills') {
      const names = piece.ids.map((id) => {
        const skill = c.skills.find((s) => s.id === id);
        return skill ? tx(skill.title) : id;
      });
      return t('jobs.evidenceSkills', { skills: enumerationIn(locale, names) });
    }
    return e;
  };

  return (
    <section aria-labelledby="jobs-title" className="space-y-4">
      <h1 id="jobs-title" className="h1">
        {t('jobs.title')}
      </h1>
      <p className="muted">{t('jobs.intro')}</p>

      <form
        className="card space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          void analyze(text);
        }}
      >
        <label htmlFor={textId} className="label">
          {t('jobs.pasteLabel')}
        </label>
        <textarea
          id={textId}
          className="field min-h-48 font-mono text-sm"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={bad ? `${helpId} ${badId}` : helpId}
          aria-invalid={bad ? true : undefined}
        />
        <p id={helpId} className="text-sm muted">
          {t('jobs.pasteHelp')}
        </p>
        {bad && (
          <div
            id={badId}
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
          >
            <p className="font-semibold">{t(`jobs.bad.${bad}`)}</p>
            <p>{t('jobs.nothingStored')}</p>
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy && !analyzed ? t('jobs.analyzing') : t('jobs.analyze')}
        </button>
      </form>

      {error && <ErrorNote error={error} />}

      {a && analyzed && (
        <section aria-labelledby="jobs-result" className="space-y-4">
          <h2 id="jobs-result" ref={resultRef} tabIndex={-1} className="h2">
            {t('jobs.result')}
          </h2>
          <dl className="grid gap-3 sm:grid-cols-3">
            <div className="card">
              <dt className="text-sm muted">{t('jobs.role')}</dt>
              <dd className="text-lg font-semibold" data-testid="job-role">
                {roleTitle(c, a.role.id, tx)}
              </dd>
              <dd className="text-sm">{t('jobs.confidence', { percent: percent(a.role.confidence) })}</dd>
              {a.role.evidence.length > 0 && (
                <dd className="text-sm muted">
                  {t('jobs.evidence', { evidence: enumerationIn(locale, a.role.evidence.map(evidence)) })}
                </dd>
              )}
            </div>
            <div className="card">
              <dt className="text-sm muted">{t('jobs.seniority')}</dt>
              <dd className="text-lg font-semibold">{t(`jobs.level.${a.seniority}`)}</dd>
            </div>
            <div className="card">
              <dt className="text-sm muted">{t('jobs.readiness')}</dt>
              <dd className="text-lg font-semibold" data-testid="job-readiness">
                {percent(a.readiness)}%
              </dd>
              <dd>
                <div className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
                  <div
                    className="h-2 rounded bg-green-700 dark:bg-green-400"
                    style={{ width: `${percent(a.readiness)}%` }}
                  />
                </div>
              </dd>
            </div>
          </dl>

          <div className="grid gap-4 lg:grid-cols-2">
            <section aria-labelledby="jobs-text" className="card">
              <h3 id="jobs-text" className="mb-1 font-semibold">
                {t('jobs.highlighted')}
              </h3>
              <p className="mb-2 text-sm">
                <span className="sr-only">{t('jobs.legend')}</span>
                <span aria-hidden="true" className="flex flex-wrap gap-2">
                  <mark className={`rounded px-1 ${markClass({ taught: true, required: true } as Skill)}`}>
                    {t('jobs.required')}
                  </mark>
                  <mark className={`rounded px-1 ${markClass({ taught: true, required: false } as Skill)}`}>
                    {t('jobs.nice')}
                  </mark>
                  <mark className={`rounded px-1 ${markClass({ taught: false, required: false } as Skill)}`}>
                    {t('jobs.notTaught')}
                  </mark>
                </span>
              </p>
              <div
                className="max-h-[32rem] overflow-auto text-sm break-words whitespace-pre-wrap"
                data-testid="job-highlighted"
                tabIndex={0}
                role="region"
                aria-labelledby="jobs-text"
              >
                {segments(analyzed.text, a.skills).map((part, index) =>
                  part.skill ? (
                    <mark
                      key={index}
                      className={`rounded px-0.5 ${markClass(part.skill)}`}
                      title={`${part.skill.title} · ${
                        part.skill.taught
                          ? part.skill.required
                            ? t('jobs.required')
                            : t('jobs.nice')
                          : t('jobs.notTaught')
                      }`}
                    >
                      {part.text}
                    </mark>
                  ) : (
                    <span key={index}>{part.text}</span>
                  ),
                )}
              </div>
            </section>

            <div className="space-y-4">
              <section aria-labelledby="jobs-skills" className="card">
                <h3 id="jobs-skills" className="mb-2 font-semibold">
                  {t('jobs.skills', { count: a.skills.length })}
                </h3>
                {a.skills.length === 0 ? (
                  <p className="muted">{t('jobs.noSkills')}</p>
                ) : (
                  <ul className="space-y-1 text-sm" data-testid="job-skills">
                    {a.skills.map((skill) => (
                      <li key={skill.id} className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{skill.title}</span>
                        <span className={`rounded px-1.5 text-xs ${markClass(skill)}`}>
                          {skill.required ? t('jobs.required') : t('jobs.nice')}
                        </span>
                        {!skill.taught && <span className="text-xs muted">{t('jobs.notTaught')}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </section>

              <section aria-labelledby="jobs-gaps" className="card">
                <h3 id="jobs-gaps" className="mb-2 font-semibold">
                  {t('jobs.gaps')}
                </h3>
                {a.gaps.length === 0 ? (
                  <p className="muted">{t('jobs.noGaps')}</p>
                ) : (
                  <ol className="list-decimal space-y-0.5 pl-5 text-sm" data-testid="job-gaps">
                    {a.gaps.map((gap) => (
                      <li key={gap.id}>
                        {gap.title}{' '}
                        <span className="muted">
                          · {gap.weight === 2 ? t('jobs.required') : t('jobs.nice')}
                          {gap.alternatives &&
                            ` · ${t('jobs.orInstead', {
                              titles: formatAlternatives(
                                gap.alternatives.map((o) => o.title),
                                locale,
                              ),
                            })}`}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
                <button type="button" className="btn btn-primary mt-3" disabled={busy} onClick={() => void addToPlan()}>
                  {busy ? t('jobs.adding') : t('jobs.add')}
                </button>
                <div role="status" className="mt-2 text-sm" data-testid="job-added">
                  {added && (
                    <p className="font-medium">{added === 'added' ? t('jobs.added') : t('jobs.alreadyKept')}</p>
                  )}
                  {added && plan && (
                    <>
                      <p>
                        {plan.movedDays === 0
                          ? t('jobs.movedNone', { withJobs: date(plan.finishDate.withJobs) })
                          : t(plan.movedDays < 0 ? 'jobs.movedEarlier' : 'jobs.movedLater', {
                              withJobs: date(plan.finishDate.withJobs),
                              current: date(plan.finishDate.current),
                              days: Math.abs(plan.movedDays),
                              count: Math.abs(plan.movedDays),
                            })}
                      </p>
                      {plan.goal.length > 0 && (
                        <p className="muted">
                          {t('jobs.goal', {
                            skills: enumerationIn(
                              locale,
                              plan.goal.map((g) => g.title),
                            ),
                          })}
                        </p>
                      )}
                    </>
                  )}
                </div>
              </section>
            </div>
          </div>
        </section>
      )}

      <section aria-labelledby="jobs-kept">
        <h2 id="jobs-kept" className="h2">
          {t('jobs.kept')}
        </h2>
        {kept === undefined ? (
          <Loading />
        ) : kept.length === 0 ? (
          <p className="card muted">{t('jobs.noneKept')}</p>
        ) : (
          <ul className="space-y-2" data-testid="job-kept">
            {kept.map((job) => (
              <li key={job.id} className="card flex flex-wrap items-center justify-between gap-2">
                <div>
                  <p className="font-medium">{job.title}</p>
                  <p className="text-sm muted">
                    {t('jobs.keptLine', {
                      role: roleTitle(c, job.role, tx),
                      percent: percent(job.readiness),
                      gaps: job.gaps.length,
                    })}{' '}
                    · {date(job.addedAt.slice(0, 10))}
                  </p>
                </div>
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  aria-label={t('jobs.removeLabel', { title: job.title })}
                  onClick={() => void remove(job.id)}
                >
                  {t('jobs.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
