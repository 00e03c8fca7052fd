/**
 * @module PlacementCheck
 * The placement check of onboarding, the same check `mlpath init` offers: per area the learner
 * checks it, skips it or stops; per question they answer in their head, see the model answer and
 * judge their own; at the end a summary of the skills they showed they know, to mark known (the
 * planner then leaves them out) or not. The steps and the result are the core's
 * (`core/placement.ts`); this is only their face.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Curriculum } from '../../../src/core/model.js';
import {
  PLACEMENT_ANSWERS,
  placementMove,
  placementResult,
  placementStep,
  startPlacement,
  type PlacementMove,
} from '../../../src/core/placement.js';
import { useSelfCheck } from '../lib/data.js';
import { useLocale } from '../lib/locale.js';
import { ErrorNote, Loading } from './Feedback.js';
import { InlineCode } from './InlineCode.js';

export function PlacementCheck(props: {
  curriculum: Pick<Curriculum, 'skills'>;
  /** Skills already known (the starting point's and the ones ticked): not asked about. */
  known: readonly string[];
  /** The learner is done: the skills to mark known (empty when none or declined). */
  onDone: (placed: readonly string[]) => void;
}) {
  const { t, tx, num } = useLocale();
  const selfCheck = useSelfCheck();
  const { curriculum, known } = props;
  const questions = selfCheck.data?.questions;
  const initial = useMemo(
    () => (questions ? startPlacement({ skills: curriculum.skills, selfCheck: questions }, known) : undefined),
    [curriculum.skills, questions, known],
  );
  const [moves, setMoves] = useState<readonly PlacementMove[]>([]);
  const [revealed, setRevealed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Each step's heading takes focus, so a screen reader reads the new question or area.
  useEffect(() => {
    heading.current?.focus();
  }, [moves.length]);

  if (selfCheck.error) return <ErrorNote error={selfCheck.error} onRetry={selfCheck.reload} />;
  if (!initial) return <Loading />;
  const state = moves.reduce(placementMove, initial);
  const step = placementStep(state);
  const move = (next: PlacementMove) => {
    setRevealed(false);
    setMoves((list) => [...list, next]);
  };
  const skillTitle = (id: string) => tx(curriculum.skills.find((s) => s.id === id)?.title) || id;
  const areaName = (area: string) => t(`area.${area}`, { defaultValue: area });
  const stop = (
    <button type="button" className="btn" onClick={() => move({ kind: 'stop' })}>
      {t('onboarding.check.stop')}
    </button>
  );

  if (step.kind === 'area') {
    return (
      <div className="card space-y-3" data-testid="placement-area">
        <p className="text-sm muted">
          {t('onboarding.check.areaOf', { n: num(step.index, 0), total: num(step.of, 0) })}
        </p>
        <h2 ref={heading} tabIndex={-1} className="h2">
          {t('onboarding.check.area', { area: areaName(step.area), count: step.count })}
        </h2>
        <p className="text-sm">{t('onboarding.check.areaHint')}</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn btn-primary" onClick={() => move({ kind: 'check' })}>
            {t('onboarding.check.checkArea')}
          </button>
          <button type="button" className="btn" onClick={() => move({ kind: 'skip-area' })}>
            {t('onboarding.check.skipArea')}
          </button>
          {stop}
        </div>
      </div>
    );
  }

  if (step.kind === 'question') {
    return (
      <div className="card space-y-3" data-testid="placement-question">
        <p className="text-sm muted">
          {t('onboarding.check.questionOf', {
            area: areaName(step.area),
            n: num(step.index, 0),
            total: num(step.total, 0),
            skill: skillTitle(step.question.skill),
          })}
        </p>
        <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold whitespace-pre-line">
          <InlineCode text={tx(step.question.question)} />
        </h2>
        {!revealed ? (
          <>
            <p className="text-sm muted">{t('onboarding.check.think')}</p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn btn-primary" onClick={() => setRevealed(true)}>
                {t('onboarding.check.show')}
              </button>
              <button type="button" className="btn" onClick={() => move({ kind: 'skip-area' })}>
                {t('onboarding.check.skipRest')}
              </button>
              {stop}
            </div>
          </>
        ) : (
          <>
            <div className="rounded-md border-l-4 border-blue-700 bg-slate-50 p-3 dark:border-blue-300 dark:bg-slate-800">
              <h3 className="text-sm font-semibold">{t('onboarding.check.model')}</h3>
              <p className="whitespace-pre-line" data-testid="placement-answer">
                <InlineCode text={tx(step.question.answer)} />
              </p>
            </div>
            <fieldset>
              <legend className="mb-2 font-semibold">{t('onboarding.check.judge')}</legend>
              <div className="flex flex-wrap gap-2">
                {PLACEMENT_ANSWERS.map((answer) => (
                  <button
                    key={answer}
                    type="button"
                    className={`btn ${answer === 'knew' ? 'btn-primary' : ''}`}
                    onClick={() => move({ kind: 'answer', answer })}
                  >
                    {t(`onboarding.check.answer.${answer}`)}
                  </button>
                ))}
              </div>
            </fieldset>
          </>
        )}
      </div>
    );
  }

  const placed = placementResult(curriculum, state);
  return (
    <div className="card space-y-3" data-testid="placement-summary">
      <h2 ref={heading} tabIndex={-1} className="h2">
        {t('onboarding.check.summaryTitle')}
      </h2>
      {placed.length === 0 ? (
        <>
          <p>{t('onboarding.check.none')}</p>
          <button type="button" className="btn btn-primary" onClick={() => props.onDone([])}>
            {t('onboarding.check.toPlan')}
          </button>
        </>
      ) : (
        <>
          <p>{t('onboarding.check.summary', { count: placed.length })}</p>
          <ul className="list-disc pl-5" data-testid="placed-skills">
            {placed.map((id) => (
              <li key={id}>{skillTitle(id)}</li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn btn-primary" onClick={() => props.onDone(placed)}>
              {t('onboarding.check.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => props.onDone([])}>
              {t('onboarding.check.decline')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** The offer on the step "What you know": tick skills by hand below, or take the check. */
export function PlacementOffer({ onStart }: { onStart: () => void }) {
  const { t } = useLocale();
  return (
    <div className="card mb-3 space-y-2" data-testid="placement-offer">
      <h3 className="font-semibold">{t('onboarding.check.title')}</h3>
      <p className="text-sm">{t('onboarding.check.intro')}</p>
      <button type="button" className="btn btn-primary" onClick={onStart}>
        {t('onboarding.check.start')}
      </button>
    </div>
  );
}
