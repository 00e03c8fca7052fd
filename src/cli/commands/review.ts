/**
 * @module commands/review
 * `mlpath review`: the self-check questions of done skills, one card at a time in a terminal
 * (Space or Enter shows the answer, 1-4 rate it again/hard/good/easy, q stops); `--json` lists what
 * is due; `mlpath review CARD RATING` rates one card without a session; `--anki FILE` writes the
 * cards for Anki. Each is one call into the learner layer (`learner/review.ts`), then rendering.
 */
import { emitKeypressEvents } from 'node:readline';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { MlpathError } from '../../core/errors.js';
import { textIn } from '../../core/model.js';
import type { Locale } from '../../core/model.js';
import { REVIEW_RATINGS } from '../../core/review.js';
import type { ReviewRating } from '../../core/review.js';
import { ankiText } from '../../export/anki.js';
import type { LearnerContext } from '../../learner/context.js';
import { rateReview, reviewCards, reviewQueue } from '../../learner/review.js';
import type { ReviewItem, ReviewQueue } from '../../learner/review.js';
import { helpFor } from '../help-messages.js';
import type { CliIo } from '../io.js';
import { ratingWord, rmsg, untilWords } from '../review-messages.js';
import { clock, withSession } from '../session.js';
import type { Session } from '../session.js';
import { writeFileAtomic } from './exchange.js';
import { parseDecimal } from '../../core/decimal.js';

interface ReviewOptions {
  json?: boolean;
  limit?: string;
  anki?: string;
}

/** A key the learner pressed: a character, or `return`, `space`, `quit` (q, Escape or Ctrl-C). */
export type NextKey = () => Promise<string>;

function learnerContext(session: Session, io: CliIo): LearnerContext {
  // A review session takes minutes: each rating is timed when it is given (unless MLPATH_NOW pins it).
  return { ...session.context(), clock: () => clock(io) };
}

/** The due list as `--json` prints it: texts in the learner's language. */
export function queueJson(queue: ReviewQueue, locale: Locale): unknown {
  return {
    at: queue.at,
    cards: queue.cards,
    due: queue.due.map((item) => ({
      card: item.card.key,
      skill: item.card.skill,
      phase: item.card.phase,
      due: item.card.due,
      reps: item.card.reps,
      lapses: item.card.lapses,
      retrievability: item.retrievability ?? null,
      question: textIn(item.question, locale),
      answer: textIn(item.answer, locale),
    })),
    skills: queue.skills.map((s) => ({ ...s, retrievability: s.retrievability ?? null })),
    next: queue.next ?? null,
  };
}

function parseLimit(value: string | undefined, locale: Locale): number | undefined {
  if (value === undefined) return undefined;
  const n = parseDecimal(value);
  if (n === undefined || !Number.isInteger(n) || n < 1) {
    throw new MlpathError({ code: 'INVALID_INPUT', message: rmsg(locale, 'badLimit', { value }) });
  }
  return n;
}

function summary(io: CliIo, queue: ReviewQueue, locale: Locale, ctx: LearnerContext): void {
  const title = (skill: string): string =>
    textIn(ctx.curriculum.skills.find((s) => s.id === skill)?.title ?? { en: skill }, locale);
  if (queue.cards === 0) {
    io.out(`${rmsg(locale, 'noCards')}\n`);
    return;
  }
  for (const s of queue.skills) {
    io.out(
      s.retrievability === undefined
        ? `${rmsg(locale, 'notReviewed', { skill: title(s.skill), due: s.due })}\n`
        : `${rmsg(locale, 'recall', { skill: title(s.skill), percent: Math.round(s.retrievability * 100), due: s.due })}\n`,
    );
  }
  const refresh = queue.skills.filter((s) => s.needsRefresh).map((s) => title(s.skill));
  if (refresh.length > 0) io.out(`${rmsg(locale, 'needsRefresh', { skills: refresh.join(', ') })}\n`);
  if (queue.due.length > 0) io.out(`${rmsg(locale, 'dueCount', { count: queue.due.length })}\n`);
  else if (queue.next !== undefined) {
    io.out(
      `${rmsg(locale, 'nothingDue')} ${rmsg(locale, 'nextDue', { when: untilWords(locale, new Date(queue.at), new Date(queue.next)) })}\n`,
    );
  }
}

/**
 * The terminal session: each due card's question, then on Space or Enter its answer, then a rating
 * from keys 1-4, recorded at once (stopping with q keeps what was rated). Returns the number rated.
 */
export async function reviewSession(
  ctx: LearnerContext,
  io: CliIo,
  locale: Locale,
  items: readonly ReviewItem[],
  nextKey: NextKey,
  /** How a rating is written (the CLI: under the learner's lock). */
  inTurn: <T>(fn: (ctx: LearnerContext) => Promise<T>) => Promise<T> = (fn) => fn(ctx),
): Promise<number> {
  const bold = io.isTty ? pc.bold : (s: string) => s;
  const dim = io.isTty ? pc.dim : (s: string) => s;
  let rated = 0;
  for (const [i, item] of items.entries()) {
    io.out(
      `\n${dim(rmsg(locale, 'cardHeading', { index: i + 1, total: items.length, skill: textIn(item.skillTitle, locale) }))}\n`,
    );
    io.out(`${bold(textIn(item.question, locale))}\n${dim(rmsg(locale, 'reveal'))}\n`);
    let key = await nextKey();
    while (key !== 'space' && key !== 'return' && key !== 'quit') key = await nextKey();
    if (key === 'quit') {
      io.out(`${rmsg(locale, 'stopped', { count: rated })}\n`);
      return rated;
    }
    io.out(`${rmsg(locale, 'answer')} ${textIn(item.answer, locale)}\n${dim(rmsg(locale, 'rate'))}\n`);
    let rating: ReviewRating | undefined;
    while (rating === undefined) {
      key = await nextKey();
      if (key === 'quit') {
        io.out(`${rmsg(locale, 'stopped', { count: rated })}\n`);
        return rated;
      }
      rating = REVIEW_RATINGS[Number(key) - 1];
    }
    const result = await inTurn((c) => rateReview(c, item.card.key, rating));
    rated++;
    const when = untilWords(locale, new Date(result.event.at), new Date(result.card.due));
    io.out(`${rmsg(locale, 'rated', { rating: ratingWord(locale, rating), when })}\n`);
  }
  io.out(`\n${rmsg(locale, 'finished', { count: rated })}\n`);
  return rated;
}

/** Keys from the terminal, one at a time, in raw mode (restored by `close`). */
function terminalKeys(): { next: NextKey; close: () => void } {
  const stdin = process.stdin;
  emitKeypressEvents(stdin);
  stdin.setRawMode(true);
  stdin.resume();
  const next: NextKey = () =>
    new Promise((done) => {
      stdin.once('keypress', (text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
        if ((key?.ctrl && key.name === 'c') || key?.name === 'escape' || text === 'q') done('quit');
        else if (key?.name === 'return' || key?.name === 'enter') done('return');
        else if (key?.name === 'space') done('space');
        else done(text ?? '');
      });
    });
  return {
    next,
    close: () => {
      stdin.setRawMode(false);
      stdin.pause();
    },
  };
}

export function registerReview(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  program
    .command('review')
    .description(h('review'))
    .argument('[card]', h('review.card'))
    .argument('[rating]', h('review.rating'))
    .option('--json', h('review.json'))
    .option('--limit <n>', h('review.limit'))
    .option('--anki <file>', h('review.anki'))
    .action(async (card: string | undefined, rating: string | undefined, options: ReviewOptions) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const ctx = learnerContext(session, io);
        if (options.anki !== undefined) {
          const cards = await reviewCards(ctx);
          const file = resolve(io.cwd, options.anki);
          writeFileAtomic(
            file,
            ankiText({
              curriculumId: ctx.curriculum.meta.id,
              deck: `mlpath::${textIn(ctx.curriculum.meta.title, locale)}`,
              locale,
              notes: cards.map((c) => ({
                key: c.card.key,
                skill: c.card.skill,
                question: c.question,
                answer: c.answer,
              })),
            }),
            { path: options.anki, flag: '--anki', fileName: 'mlpath-anki.txt' },
          );
          io.out(`${rmsg(locale, 'ankiWritten', { count: cards.length, file: options.anki })}\n`);
          return;
        }
        if (card !== undefined) {
          if (rating === undefined) {
            throw new MlpathError({ code: 'INVALID_INPUT', message: rmsg(locale, 'ratingNeedsCard') });
          }
          const result = await session.inTurn((c) => rateReview(c, card, rating), ctx);
          if (options.json) io.out(`${JSON.stringify({ event: result.event, card: result.card })}\n`);
          else {
            const when = untilWords(locale, new Date(result.event.at), new Date(result.card.due));
            io.out(`${rmsg(locale, 'rated', { rating: ratingWord(locale, result.rating), when })}\n`);
          }
          return;
        }
        const queue = await reviewQueue(ctx, { limit: parseLimit(options.limit, locale) });
        if (options.json) {
          io.out(`${JSON.stringify(queueJson(queue, locale), null, 2)}\n`);
          return;
        }
        summary(io, queue, locale, ctx);
        if (queue.due.length === 0) return;
        if (!io.isTty || !process.stdin.isTTY) {
          io.err(`${rmsg(locale, 'needsTerminal')}\n`);
          return;
        }
        const keys = terminalKeys();
        try {
          await reviewSession(ctx, io, locale, queue.due, keys.next, (fn) => session.inTurn(fn, ctx));
        } finally {
          keys.close();
        }
      });
    });
}
