/**
 * @module StageHeading
 * A stage's heading on the roadmap, the same in the path and the outline: its title, how many of
 * its skills are settled (done or skipped) of how many, and its summary.
 */
import type { Status } from '../lib/api.js';
import { useLocale } from '../lib/locale.js';
import type { Stage } from '../lib/skills.js';

/** How many of the skills are done or skipped. */
export function settledCount(skills: readonly { readonly id: string }[], statuses: Record<string, Status>): number {
  return skills.filter((s) => statuses[s.id] === 'done' || statuses[s.id] === 'skipped').length;
}

export function StageHeading(props: {
  /** The heading's element id (the stage's section is labelled by it). */
  id: string;
  /** The stage; undefined for the skills no stage of the route holds. */
  stage: Stage | undefined;
  done: number;
  total: number;
  className: string;
}) {
  const { t, tx } = useLocale();
  const { stage } = props;
  return (
    <>
      <h2 id={props.id} className={props.className}>
        {stage ? tx(stage.title) : t('roadmap.otherSkills')}{' '}
        <span className="text-sm font-normal muted">
          {t('roadmap.stageProgress', { done: props.done, total: props.total })}
        </span>
      </h2>
      {stage?.summary && <p className="mb-2 text-sm muted">{tx(stage.summary)}</p>}
    </>
  );
}
