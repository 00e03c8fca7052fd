/**
 * @module RoadmapOutline
 * The roadmap as headings and lists: one heading per stage in the route's order, one list item per
 * skill with its status. Every skill is a button, so it works with a keyboard and a screen reader.
 */
import type { RoadmapCurriculum } from '../lib/api.js';
import type { Status } from '../lib/api.js';
import { useLocale } from '../lib/locale.js';
import { AREA_COLOURS, skillsByStage, STATUS_STYLE } from '../lib/skills.js';
import { settledCount, StageHeading } from './StageHeading.js';

export function RoadmapOutline(props: {
  curriculum: RoadmapCurriculum;
  route: string | undefined;
  statuses: Readonly<Record<string, Status>>;
  selected: string | undefined;
  onSelect: (skillId: string) => void;
}) {
  const { t, tx } = useLocale();
  const groups = skillsByStage(props.curriculum, props.route);
  return (
    <div className="space-y-4" data-testid="roadmap-outline">
      {groups.map(({ stage, skills }) => {
        const id = `stage-${stage?.id ?? 'other'}`;
        return (
          <section key={stage?.id ?? 'other'} className="card" aria-labelledby={id}>
            <StageHeading
              id={id}
              stage={stage}
              done={settledCount(skills, props.statuses)}
              total={skills.length}
              className="h2"
            />
            <ul className="space-y-1">
              {skills.map((skill) => {
                const status = props.statuses[skill.id];
                return (
                  <li key={skill.id} className="flex items-center gap-2">
                    <span
                      aria-hidden="true"
                      className="inline-block h-4 w-1.5 shrink-0 rounded"
                      style={{ background: AREA_COLOURS[skill.area].band }}
                    />
                    <span aria-hidden="true" className="w-4 text-center">
                      {STATUS_STYLE[status ?? 'none'].mark}
                    </span>
                    <button
                      type="button"
                      className={`text-left underline-offset-2 hover:underline ${
                        props.selected === skill.id ? 'font-bold' : ''
                      }`}
                      aria-current={props.selected === skill.id ? 'true' : undefined}
                      onClick={() => props.onSelect(skill.id)}
                    >
                      {tx(skill.title)}
                      <span className="sr-only">
                        {' '}
                        {t('common.pairInParens', { a: t(`area.${skill.area}`), b: t(`status.${status ?? 'none'}`) })}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
