/**
 * @module Portfolio
 * Portfolio projects: start one from a template, tick its rubric, record its links (repo, demo,
 * write-up).
 */
import { useId, useState } from 'react';
import type { RubricItem } from '../../../src/core/model.js';
import { useAction } from '../lib/action.js';
import type { Curriculum } from '../lib/api.js';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { api, type Project, type ProjectLinks } from '../lib/api.js';
import { useCurriculum, useProfile, useProjects } from '../lib/data.js';
import { useLocale } from '../lib/locale.js';
import { invalidate } from '../lib/resource.js';

function rubricFor(curriculum: Curriculum, project: Project): RubricItem[] {
  const template = curriculum.projects.find((p) => p.id === project.template);
  const items = [...curriculum.meta.rubric, ...(template?.rubric ?? [])];
  const seen = new Set<string>();
  const list = items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
  // Items the server knows of but the curriculum no longer names still show, by id.
  for (const id of Object.keys(project.rubric)) if (!seen.has(id)) list.push({ id, title: { en: id } });
  return list;
}

export default function Portfolio() {
  const { t, tx } = useLocale();
  const curriculum = useCurriculum();
  const projects = useProjects();
  const profile = useProfile();
  const { busy, error, run: write } = useAction();
  // Ideas for the learner's domain first; the list can be narrowed to one domain.
  const [shown, setShown] = useState<string | undefined>();
  const filterId = useId();

  if (projects.error) return <ErrorNote error={projects.error} onRetry={projects.reload} />;
  if (!curriculum.data || !projects.data) return <Loading />;
  const c = curriculum.data;
  const domain = profile.data?.profile?.domain;
  const domainFilter = shown ?? domain ?? '';
  const templates = [...c.projects]
    .filter((template) => domainFilter === '' || template.domain === domainFilter)
    .sort((a, b) => Number(b.domain === domain) - Number(a.domain === domain));
  const started = new Set(projects.data.projects.map((project) => project.template));
  const domainsWithIdeas = c.domains.filter((d) => c.projects.some((p) => p.domain === d.id));

  /** Run a write and re-read; resolves whether it succeeded (a failure is shown). */
  const run = async (action: () => Promise<unknown>): Promise<boolean> =>
    (await write(async () => {
      await action();
      await invalidate('projects', 'status');
      return true;
    })) ?? false;

  return (
    <section aria-labelledby="portfolio-title" className="space-y-4">
      <h1 id="portfolio-title" className="h1">
        {t('portfolio.title')}
      </h1>
      <p className="muted">{t('portfolio.intro')}</p>
      {error && <ErrorNote error={error} />}

      <section aria-labelledby="mine-title">
        <h2 id="mine-title" className="h2">
          {t('portfolio.mine')}
        </h2>
        {projects.data.projects.length === 0 ? (
          <p className="card muted">{t('portfolio.none')}</p>
        ) : (
          <ul className="space-y-3">
            {projects.data.projects.map((project) => (
              <ProjectCard
                key={project.id}
                project={project}
                rubric={rubricFor(c, project)}
                title={(() => {
                  const template = c.projects.find((p) => p.id === project.template);
                  return tx(template?.title ?? project.title);
                })()}
                busy={busy}
                onTick={(item, checked) => void run(() => api.tickRubric(project.id, item, checked))}
                onLinks={(links) => run(() => api.saveLinks(project.id, links))}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="templates-title">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="templates-title" className="h2 mb-0">
            {t('portfolio.templates')}
          </h2>
          <div className="flex items-center gap-2 text-sm">
            <label htmlFor={filterId}>{t('portfolio.showFor')}</label>
            <select
              id={filterId}
              className="field w-auto py-1 text-sm"
              value={domainFilter}
              onChange={(event) => setShown(event.target.value)}
            >
              <option value="">{t('portfolio.allDomains')}</option>
              {domainsWithIdeas.map((d) => (
                <option key={d.id} value={d.id}>
                  {tx(d.title)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ul className="grid gap-3 md:grid-cols-2">
          {templates.map((template) => {
            const domainEntry = c.domains.find((d) => d.id === template.domain);
            return (
              <li key={template.id} className="card flex flex-col gap-2">
                <h3 className="font-semibold">{tx(template.title)}</h3>
                <p className="text-sm muted">{domainEntry ? tx(domainEntry.title) : template.domain}</p>
                {template.summary && <p className="text-sm">{tx(template.summary)}</p>}
                {template.milestones.length > 0 && (
                  <ol className="list-decimal pl-5 text-sm">
                    {template.milestones.map((milestone, index) => (
                      <li key={index}>{tx(milestone)}</li>
                    ))}
                  </ol>
                )}
                {started.has(template.id) ? (
                  <p className="mt-auto text-sm font-medium text-green-800 dark:text-green-300">
                    ✓ {t('portfolio.alreadyStarted')}
                  </p>
                ) : (
                  <button
                    type="button"
                    className="btn mt-auto self-start"
                    disabled={busy}
                    onClick={() => void run(() => api.startProject(template.id))}
                  >
                    {t('portfolio.start')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </section>
  );
}

function ProjectCard(props: {
  project: Project;
  title: string;
  rubric: RubricItem[];
  busy: boolean;
  onTick: (item: string, checked: boolean) => void;
  onLinks: (links: ProjectLinks) => Promise<boolean>;
}) {
  const { t, tx, date } = useLocale();
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [links, setLinks] = useState<ProjectLinks>(props.project.links);
  const ticked = props.rubric.filter((item) => props.project.rubric[item.id]).length;
  return (
    <li className="card space-y-3">
      <h3 className="text-lg font-semibold">{props.title}</h3>
      <p className="text-sm muted">
        {t('portfolio.started', { date: date(props.project.createdAt.slice(0, 10)) })} ·{' '}
        {t('portfolio.rubricCount', { done: ticked, total: props.rubric.length })}
      </p>
      <fieldset>
        <legend className="font-medium">{t('portfolio.rubric')}</legend>
        <ul className="mt-1 space-y-1">
          {props.rubric.map((item) => (
            <li key={item.id}>
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  className="mt-1"
                  disabled={props.busy}
                  checked={Boolean(props.project.rubric[item.id])}
                  onChange={(event) => props.onTick(item.id, event.target.checked)}
                />
                {tx(item.title)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <form
        className="grid gap-2 sm:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          const clean: Record<string, string> = {};
          for (const [key, value] of Object.entries(links))
            if (typeof value === 'string' && value.trim()) clean[key] = value.trim();
          setSaved(false);
          void props.onLinks(clean).then(setSaved);
        }}
      >
        {(['repo', 'demo', 'writeup'] as const).map((kind) => (
          <div key={kind}>
            <label className="label" htmlFor={`${id}-${kind}`}>
              {t(`portfolio.${kind}`)}
            </label>
            <input
              id={`${id}-${kind}`}
              className="field"
              type="url"
              pattern="https://.*"
              placeholder="https://"
              value={links[kind] ?? ''}
              onChange={(event) => {
                setSaved(false);
                setLinks({ ...links, [kind]: event.target.value });
              }}
            />
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <button type="submit" className="btn" disabled={props.busy}>
            {t('portfolio.saveLinks')}
          </button>
          <span role="status" className="text-sm text-green-800 dark:text-green-300">
            {saved ? t('portfolio.linksSaved') : ''}
          </span>
        </div>
      </form>
    </li>
  );
}
