/**
 * @module RoadmapPath
 * The roadmap as a vertical path: the stages in study order as numbered sections down a line, the
 * skills of each as tiles inside. A tile keeps its area's colour band in every state; done is a
 * strong fill in that colour, learning a half fill, skipped a dashed outline. Skills outside the
 * learner's plan are plain. It is ordinary page content, so the wheel and touch scroll the page and
 * the browser's zoom keeps it sharp.
 *
 * Keyboard: the path is one Tab stop (a roving tabindex); arrow keys move between skills (Up and
 * Down to the nearest tile in the row above or below), Home and End to the ends, Enter or Space
 * chooses, d / l / s / r set done, learning, skipped or reset on the skill in focus.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { RoadmapCurriculum, RoadmapSkill } from '../lib/api.js';
import type { Status } from '../lib/api.js';
import { useLocale } from '../lib/locale.js';
import { AREAS, textIn, type Area } from '../../../src/core/model.js';
import { AREA_COLOURS, skillsByStage, STATUS_STYLE } from '../lib/skills.js';
import { KEY_ACTIONS, type StatusAction } from './SkillPanel.js';
import { useDark } from '../lib/theme.js';
import { prefetchSkillDetail } from '../lib/data.js';
import { settledCount, StageHeading } from './StageHeading.js';

export default function RoadmapPath(props: {
  curriculum: RoadmapCurriculum;
  route: string | undefined;
  statuses: Readonly<Record<string, Status>>;
  planSkills: ReadonlySet<string>;
  onlyPlan: boolean;
  selected: string | undefined;
  onSelect: (skillId: string) => void;
  onAct: (skillId: string, action: StatusAction) => void;
  /** The skill to show and put the Tab stop on when the path opens (the next one to learn). */
  focus: string | undefined;
}) {
  const { t, locale } = useLocale();
  const dark = useDark();
  const { curriculum, statuses, planSkills, onlyPlan, selected } = props;
  const groups = useMemo(
    () =>
      skillsByStage(curriculum, props.route)
        .map((group) => ({
          ...group,
          skills: onlyPlan && planSkills.size > 0 ? group.skills.filter((s) => planSkills.has(s.id)) : group.skills,
        }))
        .filter((group) => group.skills.length > 0),
    [curriculum, props.route, onlyPlan, planSkills],
  );
  const order = useMemo(() => groups.flatMap((group) => group.skills.map((skill) => skill.id)), [groups]);
  const [active, setActive] = useState<string | undefined>(undefined);
  const current = active && order.includes(active) ? active : (selected ?? props.focus ?? order[0]);
  const tiles = useRef(new Map<string, HTMLButtonElement>());

  // Open with the next skill in view (once; later status changes must not scroll the page).
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !props.focus) return;
    opened.current = true;
    tiles.current.get(props.focus)?.scrollIntoView({ block: 'center' });
  }, [props.focus]);
  // A skill chosen elsewhere (the finder, the panel's links) comes into view and takes the Tab stop.
  useEffect(() => {
    if (!selected) return;
    setActive(selected);
    const tile = tiles.current.get(selected);
    if (tile && !isInView(tile)) tile.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selected]);

  const move = (to: string | undefined) => {
    if (!to) return;
    setActive(to);
    tiles.current.get(to)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !current) return;
    const index = order.indexOf(current);
    const action = KEY_ACTIONS[event.key.toLowerCase()];
    let to: string | undefined;
    if (event.key === 'ArrowRight') to = order[index + 1];
    else if (event.key === 'ArrowLeft') to = order[index - 1];
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') to = nearestInRow(current, event.key, tiles.current);
    else if (event.key === 'Home') to = order[0];
    else if (event.key === 'End') to = order[order.length - 1];
    else if (action) {
      event.preventDefault();
      // Handled here for the skill in focus; the page's own key handler is for the chosen skill.
      event.stopPropagation();
      props.onSelect(current);
      props.onAct(current, action);
      return;
    } else return;
    event.preventDefault();
    move(to);
  };

  // The words every tile shows, looked up once per language rather than three times per tile.
  const labels = useMemo<TileLabels>(
    () => ({
      status: Object.fromEntries(STATUSES.map((status) => [status, t(`status.${status}`)])) as TileLabels['status'],
      area: Object.fromEntries(AREAS.map((area) => [area, t(`area.${area}`)])) as TileLabels['area'],
      inPlan: t('roadmap.inPlan'),
    }),
    [t, locale],
  );
  const register = useCallback((id: string, element: HTMLButtonElement | null) => {
    if (element) tiles.current.set(id, element);
    else tiles.current.delete(id);
  }, []);
  const { onSelect } = props;
  const choose = useCallback(
    (id: string) => {
      setActive(id);
      onSelect(id);
    },
    [onSelect],
  );

  return (
    <div
      role="group"
      aria-label={t('roadmap.pathLabel')}
      aria-describedby="roadmap-path-help"
      onKeyDown={onKeyDown}
      data-testid="roadmap-path"
    >
      <p id="roadmap-path-help" className="sr-only">
        {t('roadmap.pathHelp')}
      </p>
      <ol className="relative">
        {groups.map(({ stage, skills }, index) => {
          // A stage is drawn again only when something it shows changes: choosing a skill or
          // moving the Tab stop redraws the stages of the skills involved, not the whole path.
          const has = (id: string | undefined) => id !== undefined && skills.some((s) => s.id === id);
          return (
            <StageSection
              key={stage?.id ?? 'other'}
              stage={stage}
              skills={skills}
              index={index}
              last={index === groups.length - 1}
              statuses={statuses}
              planSkills={planSkills}
              selected={has(selected) ? selected : undefined}
              current={has(current) ? current : undefined}
              dark={dark}
              labels={labels}
              register={register}
              choose={choose}
              focused={setActive}
            />
          );
        })}
      </ol>
    </div>
  );
}

/** One stage of the path: its number on the line, its title and progress, and its skills' tiles. */
const StageSection = memo(function StageSection(props: {
  stage: RoadmapCurriculum['stages'][number] | undefined;
  skills: readonly RoadmapSkill[];
  index: number;
  last: boolean;
  statuses: Readonly<Record<string, Status>>;
  planSkills: ReadonlySet<string>;
  /** The chosen skill, when it is one of this stage's. */
  selected: string | undefined;
  /** The skill holding the Tab stop, when it is one of this stage's. */
  current: string | undefined;
  dark: boolean;
  labels: TileLabels;
  register: (id: string, element: HTMLButtonElement | null) => void;
  choose: (id: string) => void;
  focused: (id: string) => void;
}) {
  const { num, locale } = useLocale();
  const { stage, skills, index, statuses, planSkills } = props;
  const done = settledCount(skills, statuses);
  const id = `path-stage-${stage?.id ?? 'other'}`;
  return (
    <li className="relative pb-6 pl-12 last:pb-0">
      {/* The path's line, from this stage's number down to the next. */}
      {!props.last && (
        <span
          aria-hidden="true"
          className="absolute top-9 bottom-0 left-[17px] w-1 rounded bg-slate-300 dark:bg-slate-600"
        />
      )}
      <span
        aria-hidden="true"
        className={`absolute top-0 left-0 flex h-9 w-9 items-center justify-center rounded-full border-2 text-sm font-bold ${
          done === skills.length
            ? 'border-green-700 bg-green-700 text-white dark:border-green-400 dark:bg-green-400 dark:text-slate-950'
            : 'border-slate-400 bg-white text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100'
        }`}
      >
        {done === skills.length ? '✓' : num(index + 1, 0)}
      </span>
      <section aria-labelledby={id}>
        <StageHeading id={id} stage={stage} done={done} total={skills.length} className="h2 mb-1 pt-1" />
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-2">
          {skills.map((skill) => (
            <Tile
              key={skill.id}
              skill={skill}
              title={textIn(skill.title, locale)}
              status={statuses[skill.id]}
              inPlan={planSkills.size === 0 || planSkills.has(skill.id)}
              planShown={planSkills.size > 0}
              selected={props.selected === skill.id}
              tabStop={props.current === skill.id}
              dark={props.dark}
              labels={props.labels}
              register={props.register}
              choose={props.choose}
              focused={props.focused}
            />
          ))}
        </ul>
      </section>
    </li>
  );
});

const STATUSES = ['done', 'learning', 'skipped', 'none'] as const;
interface TileLabels {
  status: Record<(typeof STATUSES)[number], string>;
  area: Record<Area, string>;
  inPlan: string;
}

/**
 * One skill's tile. Drawn again only when what it shows changes (its status, whether it is chosen
 * or holds the Tab stop, the language, the theme): choosing a skill redraws two tiles, not the path.
 */
const Tile = memo(function Tile(props: {
  skill: RoadmapSkill;
  title: string;
  status: Status | undefined;
  inPlan: boolean;
  /** Whether the learner has a plan, so the label says which skills are in it. */
  planShown: boolean;
  selected: boolean;
  tabStop: boolean;
  dark: boolean;
  labels: TileLabels;
  register: (id: string, element: HTMLButtonElement | null) => void;
  choose: (id: string) => void;
  focused: (id: string) => void;
}) {
  const { skill, status, inPlan, dark, labels } = props;
  const colours = AREA_COLOURS[skill.area];
  const plain = dark ? '#0f172a' : '#ffffff';
  const tint = inPlan ? (dark ? colours.tintDark : colours.tint) : plain;
  const background =
    status === 'done'
      ? colours.strong
      : status === 'learning'
        ? `linear-gradient(90deg, ${colours.strong} 0 8px, ${tint} 8px), linear-gradient(135deg, transparent 55%, ${colours.band}55 55%)`
        : tint;
  const statusLabel = labels.status[status ?? 'none'];
  return (
    <li>
      <button
        type="button"
        ref={(element) => props.register(skill.id, element)}
        data-skill={skill.id}
        tabIndex={props.tabStop ? 0 : -1}
        aria-pressed={props.selected}
        aria-label={[
          props.title,
          labels.area[skill.area],
          statusLabel,
          ...(inPlan && props.planShown ? [labels.inPlan] : []),
        ].join(', ')}
        onClick={() => props.choose(skill.id)}
        onPointerEnter={() => prefetchSkillDetail(skill.id)}
        onPointerDown={() => prefetchSkillDetail(skill.id)}
        onFocus={() => props.focused(skill.id)}
        className={`flex h-full min-h-14 w-full flex-col justify-center overflow-hidden rounded-md py-1 pr-2 pl-3.5 text-left ${
          status === 'done' ? 'text-white' : 'text-slate-900 dark:text-slate-100'
        } ${props.selected ? 'ring-4 ring-blue-600 ring-offset-2 dark:ring-blue-300 dark:ring-offset-slate-900' : ''}`}
        style={{
          // The area's band, 6px down the left inside the border (clipped to its inner corners), is
          // the background's top layer: as an element of its own, in a wrapper beside the text, it
          // made two of the tile's six elements, and the path's 95 tiles most of the page's.
          background: `linear-gradient(${colours.band}, ${colours.band}) 0 0 / 6px 100% no-repeat padding-box, ${background}`,
          border: `2px ${status === 'skipped' ? 'dashed' : 'solid'} ${
            status === 'done' ? colours.strong : inPlan ? colours.band : dark ? '#475569' : '#94a3b8'
          }`,
        }}
      >
        <span className={`text-sm leading-tight font-medium ${status === 'skipped' ? 'line-through' : ''}`}>
          {props.title}
        </span>
        <span aria-hidden="true" className="text-xs">
          {STATUS_STYLE[status ?? 'none'].mark} {statusLabel}
        </span>
      </button>
    </li>
  );
});

function isInView(element: HTMLElement): boolean {
  const r = element.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight;
}

/** The tile in the row above or below whose centre is nearest across; undefined at the edge. */
function nearestInRow(
  from: string,
  key: 'ArrowUp' | 'ArrowDown',
  tiles: ReadonlyMap<string, HTMLElement>,
): string | undefined {
  const start = tiles.get(from)?.getBoundingClientRect();
  if (!start) return undefined;
  const x = start.left + start.width / 2;
  const below = key === 'ArrowDown';
  let row: number | undefined;
  let best: { id: string; dx: number } | undefined;
  // Tiles come in page order, so the first row past the start is the nearest one.
  const entries = [...tiles.entries()].map(([id, el]) => ({ id, r: el.getBoundingClientRect() }));
  const candidates = entries
    .filter(({ r }) => (below ? r.top >= start.bottom - 1 : r.bottom <= start.top + 1))
    .sort((a, b) => (below ? a.r.top - b.r.top : b.r.top - a.r.top));
  for (const { id, r } of candidates) {
    row ??= r.top;
    if (Math.abs(r.top - row) > 2) break;
    const dx = Math.abs(r.left + r.width / 2 - x);
    if (!best || dx < best.dx) best = { id, dx };
  }
  return best?.id;
}
