/**
 * @module Roadmap
 * The roadmap: the path of stages and skills or its outline, and a panel for the selected skill.
 * With a skill selected, d / l / s / r mark it done, learning, skipped or reset, as on roadmap.sh.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { RoadmapOutline } from '../components/RoadmapOutline.js';
import RoadmapPath from '../components/RoadmapPath.js';
import { KEY_ACTIONS, SkillPanel, type StatusAction } from '../components/SkillPanel.js';
import { asError } from '../lib/action.js';
import { api, type RoadmapSkill } from '../lib/api.js';
import { prefetchRoadmap, useProfile, useProgress, useRoadmapCurriculum, useRoadmapPlan } from '../lib/data.js';
import { useLocale } from '../lib/locale.js';
import { invalidate, PROGRESS_KEYS } from '../lib/resource.js';
import { href, navigate, useRoute } from '../lib/router.js';
import { AREA_COLOURS, STATUS_STYLE } from '../lib/skills.js';
import { AREAS, textIn } from '../../../src/core/model.js';

// The page's reads start as soon as this module loads, beside the profile's.
prefetchRoadmap();

const EMPTY: Readonly<Record<string, never>> = {};

export default function Roadmap() {
  const { t, tx, locale } = useLocale();
  const route = useRoute();
  const view = route.params.get('view') === 'outline' ? 'outline' : 'graph';
  // The roadmap's own compact reads: a skill's details load when its panel opens.
  const curriculum = useRoadmapCurriculum();
  const progress = useProgress();
  const plan = useRoadmapPlan();
  const [selected, choose] = useState<string | undefined>(route.params.get('skill') ?? undefined);
  // The chosen skill is kept in the address (replacing, not adding, a history entry), so Back to
  // the roadmap and a reload come back to it.
  const setSelected = useCallback((skill: string | undefined) => {
    choose(skill);
    const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
    if (skill) params.set('skill', skill);
    else params.delete('skill');
    const query = params.toString();
    window.history.replaceState(window.history.state, '', `#/roadmap${query ? `?${query}` : ''}`);
  }, []);
  const [onlyPlan, setOnlyPlan] = useState(false);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<Error | undefined>();

  const statuses = progress.data?.skills ?? EMPTY;
  const planSkills = useMemo(() => new Set(plan.data?.skills ?? []), [plan.data]);
  // What the learner works on now: the skills of this week's tasks not yet done or skipped. They
  // are the way into a large graph, and the graph first opens on the first of them.
  const weekSkills = useMemo(
    () => (plan.data?.weekSkills ?? []).filter((id) => statuses[id] !== 'done' && statuses[id] !== 'skipped'),
    [plan.data, statuses],
  );
  // Taken at the first render when the plan is already here (the usual case: its read starts with
  // the page), so the page is not drawn a second time for it; else when the plan arrives.
  const [firstFocus, setFirstFocus] = useState<string | undefined>(() => weekSkills[0]);
  if (firstFocus === undefined && weekSkills[0] !== undefined) setFirstFocus(weekSkills[0]);

  // Status changes run one after another in the order they were asked for, so a quick "l" then
  // "r" is never lost or reordered while the previous change is still being saved and re-read.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const hasProfile = Boolean(useProfile().data?.profile);
  const [needProfile, setNeedProfile] = useState(false);
  const act = useCallback(
    (skillId: string, action: StatusAction) => {
      // Progress belongs to a plan: before onboarding the keys say so instead of recording.
      if (!hasProfile) {
        setNeedProfile(true);
        return Promise.resolve();
      }
      queue.current = queue.current.then(async () => {
        setBusy(true);
        setError(undefined);
        try {
          await api.record({ type: action, item: skillId });
        } catch (caught) {
          setError(asError(caught));
          return;
        } finally {
          setBusy(false);
        }
        const skill = curriculum.data?.skills.find((s) => s.id === skillId);
        setAnnouncement(t(`roadmap.marked.${action}`, { skill: skill ? tx(skill.title) : skillId }));
        await invalidate(...PROGRESS_KEYS);
      });
      return queue.current;
    },
    [curriculum.data, t, tx, hasProfile],
  );

  useEffect(() => {
    if (!selected) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const action = KEY_ACTIONS[event.key.toLowerCase()];
      if (action) {
        event.preventDefault();
        void act(selected, action);
      } else if (event.key === 'Escape') setSelected(undefined);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selected, act]);

  if (curriculum.error) return <ErrorNote error={curriculum.error} onRetry={curriculum.reload} />;
  if (!curriculum.data) return <Loading />;
  const c = curriculum.data;

  const panel = selected ? (
    <SkillPanel
      curriculum={c}
      skillId={selected}
      status={statuses[selected]}
      inPlan={planSkills.has(selected)}
      busy={busy}
      onAction={(action) => void act(selected, action)}
      onSelect={setSelected}
      onClose={() => setSelected(undefined)}
    />
  ) : (
    // On a phone the panel comes after the whole roadmap, where this hint would help no one.
    <p className="card muted max-lg:hidden">{t('roadmap.pick')}</p>
  );

  return (
    <section aria-labelledby="roadmap-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h1 id="roadmap-title" className="h1 mb-0">
          {t('roadmap.title')}
        </h1>
        <div role="group" aria-label={t('roadmap.view')} className="flex gap-1">
          <a
            href={href('roadmap')}
            aria-current={view === 'graph' ? 'page' : undefined}
            className={`btn no-underline ${view === 'graph' ? 'btn-primary' : ''}`}
            onClick={(event) => {
              event.preventDefault();
              navigate('roadmap');
            }}
          >
            {t('roadmap.graph')}
          </a>
          <a
            href={href('roadmap', { view: 'outline' })}
            aria-current={view === 'outline' ? 'page' : undefined}
            className={`btn no-underline ${view === 'outline' ? 'btn-primary' : ''}`}
          >
            {t('roadmap.outline')}
          </a>
        </div>
      </div>
      <p className="mb-2 text-sm muted">{t('roadmap.keys')}</p>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {needProfile && (
        <p role="status" className="warning mb-2">
          {t('roadmap.needProfile')} <a href={href('onboarding')}>{t('nav.onboarding')}</a>
        </p>
      )}
      {error && <ErrorNote error={error} />}
      {progress.error && <ErrorNote error={progress.error} onRetry={progress.reload} />}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          {view === 'graph' ? (
            <>
              <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                <SkillFinder
                  skills={c.skills}
                  locale={locale}
                  label={t('roadmap.find')}
                  placeholder={t('roadmap.findPlaceholder')}
                  onChoose={setSelected}
                />
                {planSkills.size > 0 && (
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={onlyPlan} onChange={(event) => setOnlyPlan(event.target.checked)} />
                    {t('roadmap.onlyPlan')}
                  </label>
                )}
              </div>
              {weekSkills.length > 0 && (
                <div className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm" data-testid="week-skills">
                  <span className="muted">{t('roadmap.thisWeek')}</span>
                  {weekSkills.slice(0, 6).map((id) => {
                    const skill = c.skills.find((s) => s.id === id);
                    return (
                      <button
                        key={id}
                        type="button"
                        className="rounded-full border border-blue-700 px-2 py-0.5 text-blue-800 hover:bg-blue-50 aria-pressed:bg-blue-700 aria-pressed:text-white dark:border-blue-300 dark:text-blue-200 dark:hover:bg-slate-800 dark:aria-pressed:bg-blue-300 dark:aria-pressed:text-slate-950"
                        aria-pressed={selected === id}
                        onClick={() => setSelected(id)}
                      >
                        {skill ? tx(skill.title) : id}
                      </button>
                    );
                  })}
                </div>
              )}
              {/* The first view depends on this week's skills and on the statuses, so the path waits
                  for both: drawn before the statuses, every tile would be drawn again as they came. */}
              {(plan.loading && !plan.data && !plan.error) ||
              (progress.loading && !progress.data && !progress.error) ? (
                <Loading />
              ) : (
                <RoadmapPath
                  focus={firstFocus ?? [...planSkills].find((id) => !statuses[id])}
                  curriculum={c}
                  route={plan.data?.route ?? undefined}
                  statuses={statuses}
                  planSkills={planSkills}
                  onlyPlan={onlyPlan}
                  selected={selected}
                  onSelect={setSelected}
                  onAct={(skillId, action) => void act(skillId, action)}
                />
              )}
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer">{t('roadmap.legend')}</summary>
                <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                  {AREAS.filter((area) => c.skills.some((s) => s.area === area)).map((area) => (
                    <li key={area} className="flex items-center gap-1">
                      <span
                        aria-hidden="true"
                        className="inline-block h-3 w-3 rounded-sm"
                        style={{ background: AREA_COLOURS[area].band }}
                      />
                      {t(`area.${area}`)}
                    </li>
                  ))}
                  {(['done', 'learning', 'skipped', 'none'] as const).map((status) => (
                    <li key={status} className="flex items-center gap-1">
                      <span aria-hidden="true">{STATUS_STYLE[status].mark}</span>
                      {t(`status.${status}`)}
                    </li>
                  ))}
                </ul>
              </details>
            </>
          ) : (
            <RoadmapOutline
              curriculum={c}
              route={plan.data?.route ?? undefined}
              statuses={statuses}
              selected={selected}
              onSelect={setSelected}
            />
          )}
        </div>
        <div className="lg:sticky lg:top-2 lg:self-start">{panel}</div>
      </div>
    </section>
  );
}

/**
 * "Find a skill": every skill by title in the learner's language. The list is made when the learner
 * first reaches for it (focus, a press, a pointer over it), not with the page: sorting it is the
 * page's first use of a collator, which loads the locale's collation data (15-30 ms in Chromium),
 * and its options are elements to style, neither of which the closed control shows. Then one
 * collator sorts it once per curriculum and locale, and it is drawn again only when the list or the
 * language changes.
 */
const SkillFinder = memo(function SkillFinder(props: {
  skills: readonly RoadmapSkill[];
  locale: string;
  label: string;
  placeholder: string;
  onChoose: (skill: string) => void;
}) {
  const [wanted, setWanted] = useState(false);
  const want = useCallback(() => setWanted(true), []);
  const { skills, locale } = props;
  const byTitle = useMemo(() => {
    if (!wanted) return [];
    const collator = new Intl.Collator(locale);
    return skills
      .map((skill) => ({ id: skill.id, title: textIn(skill.title, locale) }))
      .sort((a, b) => collator.compare(a.title, b.title));
  }, [wanted, skills, locale]);
  return (
    <label className="flex items-center gap-2">
      <span>{props.label}</span>
      {/* As wide as its longest titles made it when the list was drawn with the page (14rem), before
          and after the list is made. */}
      <select
        className="field w-56 py-1 text-sm"
        value=""
        onFocus={want}
        onPointerDown={want}
        onPointerEnter={want}
        onChange={(event) => event.target.value && props.onChoose(event.target.value)}
      >
        <option value="">{props.placeholder}</option>
        {byTitle.map((skill) => (
          <option key={skill.id} value={skill.id}>
            {skill.title}
          </option>
        ))}
      </select>
    </label>
  );
});
