/**
 * @module server/routes/review
 * GET /api/review (the cards due and recall per skill; `?limit=N`) and POST /api/review/ratings
 * (rate one card). Each is one call into the learner layer (learner/review.ts).
 */
import { Hono } from 'hono';
import type { ReviewCard } from '../../core/review.js';
import { rateReview, reviewQueue } from '../../learner/review.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContext } from '../context.js';
import { ReviewQuery, ReviewRatingInput } from '../../contract/index.js';
import { parseBody, parseQuery } from '../validate.js';
import { json } from '../answers.js';

const cardJson = (card: ReviewCard) => ({ ...card, lastReview: card.lastReview ?? null });

export function reviewRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/review', async (c) => {
    const { limit } = parseQuery(c, ReviewQuery);
    const queue = await reviewQueue(learnerContext(deps, c), { limit });
    return json(c, {
      at: queue.at,
      cards: queue.cards,
      due: queue.due.map((item) => ({
        ...item,
        card: cardJson(item.card),
        retrievability: item.retrievability ?? null,
      })),
      skills: queue.skills.map((s) => ({ ...s, retrievability: s.retrievability ?? null })),
      next: queue.next ?? null,
    });
  });

  routes.post('/review/ratings', async (c) => {
    const input = await parseBody(c, ReviewRatingInput);
    const { event, card } = await rateReview(learnerContext(deps, c), input.card, input.rating, { id: input.id });
    return json(c, { event, card: cardJson(card) });
  });

  return routes;
}
