/**
 * @module placement
 * The placement check `mlpath init` offers: per area, the learner may check it, skip it or stop;
 * per question they think of an answer, see the model answer and judge their own; at the end they
 * confirm the skills to mark known. The questions and the result are the core's (`core/placement.ts`);
 * the prompts are behind `PlacementPrompter` so the flow runs the same with a scripted learner.
 */
import { textIn } from '../core/model.js';
import type { Area, Curriculum, Locale, SelfCheckQuestion } from '../core/model.js';
import { placementMove, placementResult, placementStep, PLACEMENT_ANSWERS, startPlacement } from '../core/placement.js';
import type { PlacementAnswer } from '../core/placement.js';
import { areaName } from './messages.js';
import { rmsg } from './review-messages.js';
import { promptWords } from './prompt-words.js';

export interface PlacementPrompter {
  /** Offer the check at all. */
  offer(): Promise<boolean>;
  area(area: Area, count: number): Promise<'check' | 'skip' | 'stop'>;
  /** The question, then (unless skipped or stopped) the model answer and the learner's judgement. */
  question(question: SelfCheckQuestion, index: number, total: number): Promise<PlacementAnswer | 'skip-area' | 'stop'>;
  /** Confirm the skills to mark known (ids, in skill order). */
  confirm(skills: readonly string[]): Promise<boolean>;
}

/** Run the check (the core's `startPlacement` / `placementMove`); the skills to add to the learner's known ones (empty when declined or none). */
export async function runPlacement(
  curriculum: Pick<Curriculum, 'skills' | 'selfCheck'>,
  known: readonly string[],
  prompter: PlacementPrompter,
): Promise<string[]> {
  let state = startPlacement(curriculum, known);
  if (state.finished || !(await prompter.offer())) return [];
  for (let step = placementStep(state); step.kind !== 'finished'; step = placementStep(state)) {
    if (step.kind === 'area') {
      const choice = await prompter.area(step.area, step.count);
      state = placementMove(state, { kind: choice === 'check' ? 'check' : choice === 'skip' ? 'skip-area' : 'stop' });
    } else {
      const answer = await prompter.question(step.question, step.index, step.total);
      state = placementMove(
        state,
        answer === 'skip-area' || answer === 'stop' ? { kind: answer } : { kind: 'answer', answer },
      );
    }
  }
  const placed = placementResult(curriculum, state);
  if (placed.length === 0) return [];
  return (await prompter.confirm(placed)) ? placed : [];
}

/** The prompter for a terminal, with @clack/prompts; a cancel (Ctrl-C) stops the check. */
export async function terminalPlacementPrompter(
  curriculum: Pick<Curriculum, 'skills'>,
  locale: Locale,
): Promise<PlacementPrompter> {
  const prompts = await import('@clack/prompts');
  const yesNo = promptWords(prompts, locale);
  const r = (key: Parameters<typeof rmsg>[1], values?: Record<string, string | number>): string =>
    rmsg(locale, key, values);
  const title = (id: string): string => textIn(curriculum.skills.find((s) => s.id === id)?.title ?? { en: id }, locale);
  return {
    offer: async () => {
      const value = await prompts.confirm({ ...yesNo, message: r('placementOffer'), initialValue: true });
      return value === true;
    },
    area: async (area, count) => {
      const value = await prompts.select({
        message: r('placementArea', { area: areaName(locale, area), count }),
        options: [
          { value: 'check', label: r('placementArea.check') },
          { value: 'skip', label: r('placementArea.skip') },
          { value: 'stop', label: r('placementArea.stop') },
        ],
      });
      return prompts.isCancel(value) ? 'stop' : (value as 'check' | 'skip' | 'stop');
    },
    question: async (question, index, total) => {
      prompts.note(
        textIn(question.question, locale),
        r('placementQuestion', { index, total, skill: title(question.skill) }),
      );
      const next = await prompts.select({
        message: r('placementThink'),
        options: [
          { value: 'reveal', label: r('placementThink.reveal') },
          { value: 'skip-area', label: r('placementThink.skipArea') },
          { value: 'stop', label: r('placementArea.stop') },
        ],
      });
      if (prompts.isCancel(next)) return 'stop';
      if (next !== 'reveal') return next as 'skip-area' | 'stop';
      prompts.note(textIn(question.answer, locale), r('placementModel'));
      const judged = await prompts.select({
        message: r('placementJudge'),
        options: PLACEMENT_ANSWERS.map((a) => ({ value: a, label: r(`placement.${a}`) })),
      });
      return prompts.isCancel(judged) ? 'stop' : (judged as PlacementAnswer);
    },
    confirm: async (skills) => {
      prompts.note(skills.map((id) => `• ${title(id)}`).join('\n'), r('placementSummary', { count: skills.length }));
      const value = await prompts.confirm({ ...yesNo, message: r('placementConfirm'), initialValue: true });
      return value === true;
    },
  };
}
