/**
 * @module SkillPanel
 * One skill in detail: summary, outcomes, prerequisites with their reasons, the resources that
 * teach it (link, kind, cost, effort) and the status buttons (keys d / l / s / r). The title, area,
 * status and buttons come from the roadmap's compact curriculum at once; the rest is read when the
 * skill is opened (GET /api/curriculum/skills/{id}).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { RoadmapCurriculum, SkillDetail } from '../lib/api.js';
import type { Status } from '../lib/api.js';
import { useSkillDetail } from '../lib/data.js';
import { useLocale } from '../lib/locale.js';
import { AREA_COLOURS } from '../lib/skills.js';
import { ErrorNote, Loading } from './Feedback.js';

export type StatusAction = 'done' | 'started' | 'skipped' | 'reset';

export const KEY_ACTIONS: Readonly<Record<string, StatusAction>> = {
  d: 'done',
  l: 'started',
  s: 'skipped',
  r: 'reset',
};

export function SkillPanel(props: {
  curriculum: RoadmapCurriculum;
  skillId: string;
  status: Status | undefined;
  inPlan: boolean;
  busy: boolean;
  onAction: (action: StatusAction) => void;
  onSelect: (skillId: string) => void;
  onClose: () => void;
}) {
  const { t, tx } = useLocale();
  const { curriculum, skillId } = props;
  const skill = curriculum.skills.find((s) => s.id === skillId);
  const detail = useSkillDetail(skillId);
  const heading = useRef<HTMLHeadingElement>(null);
  // Bring the panel to the reader (and into view on a phone) whenever another skill is chosen.
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, [skillId]);
  if (!skill) return null;
  const titleOf = (id: string) => {
    const other = curriculum.skills.find((s) => s.id === id);
    return other ? tx(other.title) : id;
  };
  const dependants = curriculum.skills.filter((s) => s.requires.includes(skill.id));
  const actions: { action: StatusAction; key: string; active: boolean }[] = [
    { action: 'done', key: 'd', active: props.status === 'done' },
    { action: 'started', key: 'l', active: props.status === 'learning' },
    { action: 'skipped', key: 's', active: props.status === 'skipped' },
    { action: 'reset', key: 'r', active: false },
  ];

  const leadsTo = dependants.length > 0 && (
    <section>
      <h3 className="font-semibold">{t('roadmap.leadsTo')}</h3>
      <ul className="flex flex-wrap gap-2">
        {dependants.map((other) => (
          <li key={other.id}>
            <button
              type="button"
              className="text-blue-700 underline dark:text-blue-300"
              onClick={() => props.onSelect(other.id)}
            >
              {tx(other.title)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <aside
      aria-labelledby="skill-panel-title"
      className="card space-y-4 border-t-4"
      style={{ borderTopColor: AREA_COLOURS[skill.area].band }}
      data-testid="skill-panel"
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <p className="text-sm muted">
            {t(`area.${skill.area}`)}
            {props.inPlan ? ` · ${t('roadmap.inPlan')}` : ''}
          </p>
          <h2 id="skill-panel-title" ref={heading} tabIndex={-1} className="text-xl font-bold outline-none">
            {tx(skill.title)}
          </h2>
          <p className="text-sm" data-testid="skill-status">
            {t('common.label', { label: t('roadmap.statusLabel') })}
            <strong>{t(`status.${props.status ?? 'none'}`)}</strong>
          </p>
        </div>
        <button type="button" className="btn" onClick={props.onClose} aria-label={t('roadmap.closePanel')}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>

      <div role="group" aria-label={t('roadmap.setStatus')} className="flex flex-wrap gap-2">
        {actions.map(({ action, key, active }) => (
          <button
            key={action}
            type="button"
            className={`btn ${active ? 'btn-primary' : ''}`}
            aria-pressed={action === 'reset' ? undefined : active}
            aria-keyshortcuts={key}
            disabled={props.busy}
            onClick={() => props.onAction(action)}
          >
            {t(`action.${action}`)} <kbd className="rounded border border-current px-1 text-xs">{key}</kbd>
          </button>
        ))}
      </div>

      {detail.error && !detail.data ? (
        <ErrorNote error={detail.error} onRetry={detail.reload} />
      ) : !detail.data ? (
        <Loading />
      ) : (
        <SkillDetails detail={detail.data} titleOf={titleOf} onSelect={props.onSelect}>
          {leadsTo}
        </SkillDetails>
      )}
    </aside>
  );
}

/** The part of the panel read on demand: summary, outcomes, prerequisites with reasons, resources. */
function SkillDetails(props: {
  detail: SkillDetail;
  titleOf: (id: string) => string;
  onSelect: (skillId: string) => void;
  /** What comes between the prerequisites and the resources (the skills it leads to). */
  children: ReactNode;
}) {
  const { t, tx, hoursNum, date } = useLocale();
  const { skill: whole, resources } = props.detail;
  const titleOf = props.titleOf;
  return (
    <>
      {whole.summary && <p>{tx(whole.summary)}</p>}

      {whole.outcomes.length > 0 && (
        <section>
          <h3 className="font-semibold">{t('roadmap.outcomes')}</h3>
          <ul className="list-disc space-y-1 pl-5">
            {whole.outcomes.map((outcome, index) => (
              <li key={index}>{tx(outcome)}</li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h3 className="font-semibold">{t('roadmap.prerequisites')}</h3>
        {whole.requires.length === 0 ? (
          <p className="muted">{t('roadmap.noPrerequisites')}</p>
        ) : (
          <ul className="space-y-2">
            {whole.requires.map((requirement) => (
              <li key={requirement.skill}>
                <button
                  type="button"
                  className="font-medium text-blue-700 underline dark:text-blue-300"
                  onClick={() => props.onSelect(requirement.skill)}
                >
                  {titleOf(requirement.skill)}
                </button>
                {requirement.corequisite && (
                  <span className="ml-1 text-sm muted">{t('common.inParens', { text: t('roadmap.corequisite') })}</span>
                )}
                {requirement.shortcut && (
                  <span className="ml-1 text-sm muted">{t('common.inParens', { text: t('roadmap.shortcut') })}</span>
                )}
                {requirement.reason && <p className="text-sm muted">{tx(requirement.reason)}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {props.children}

      <section>
        <h3 className="font-semibold">{t('roadmap.resources')}</h3>
        {resources.length === 0 ? (
          <p className="muted">{t('roadmap.noResources')}</p>
        ) : (
          <ul className="space-y-3">
            {resources.map((resource) => (
              <li key={resource.id}>
                {resource.url ? (
                  <a href={resource.url} target="_blank" rel="noreferrer noopener">
                    {resource.title}
                  </a>
                ) : (
                  <span className="font-medium">{resource.title}</span>
                )}
                {resource.localTitle && tx(resource.localTitle) !== resource.title && (
                  <span className="ml-1 text-sm muted">{t('common.inParens', { text: tx(resource.localTitle) })}</span>
                )}
                <p className="text-sm muted">
                  {t(`kind.${resource.kind}`)} · {t(`cost.${resource.cost}`)} ·{' '}
                  {t(resource.effort.estimate ? 'roadmap.effortEstimate' : 'roadmap.effort', {
                    value: hoursNum(resource.effort.hours),
                  })}
                  {resource.ambient ? ` · ${t('roadmap.ambient')}` : ''}
                </p>
                {resource.costCheck?.note && (
                  <p className="text-xs muted" data-testid="cost-note">
                    {t('roadmap.costNote', {
                      note: tx(resource.costCheck.note),
                      date: date(resource.costCheck.checked),
                    })}
                  </p>
                )}
                {resource.summary && <p className="text-sm">{tx(resource.summary)}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
