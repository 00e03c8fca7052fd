import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { ErrorSchema, ProgressEventSchema, ReviewCardSchema, ReviewQueueSchema } from '../../contract/index.js';
import { client, harness } from '../test-support/harness.js';
import type { Harness } from '../test-support/harness.js';

const curriculum = loadCurriculum(fileURLToPath(new URL('../../../curricula/ml-engineer', import.meta.url)));
const cards = curriculum.selfCheck.filter((q) => q.skill === 'linear-algebra').map((q) => `linear-algebra/${q.id}`);

let h: Harness;
let api: ReturnType<typeof client>;
beforeEach(async () => {
  h = await harness({ curriculum });
  api = client(h.app);
});
afterEach(async () => {
  await h.close();
});

describe('the review API', () => {
  it('lists the due cards of done skills with their texts in every locale', async () => {
    expect(ReviewQueueSchema.parse((await api.get('/api/review')).json)).toMatchObject({
      cards: 0,
      due: [],
      next: null,
    });
    await api.post('/api/progress/events', { type: 'done', item: 'linear-algebra' });
    const queue = ReviewQueueSchema.parse((await api.get('/api/review')).json);
    expect(queue.due.map((d) => d.card.key)).toEqual(cards);
    expect(Object.keys(queue.due[0]?.question ?? {})).toEqual(['en', 'zh-CN']);
    expect(queue.due[0]?.retrievability).toBeNull();
    expect(queue.skills).toEqual([
      {
        skill: 'linear-algebra',
        cards: cards.length,
        reviewed: 0,
        retrievability: null,
        lapses: 0,
        needsRefresh: false,
        due: cards.length,
      },
    ]);
    expect(ReviewQueueSchema.parse((await api.get('/api/review?limit=1')).json).due).toHaveLength(1);
  });

  it('rates a card: a reviewed event, the card rescheduled, off the due list until then', async () => {
    await api.post('/api/progress/events', { type: 'done', item: 'linear-algebra' });
    const { status, json } = await api.post('/api/review/ratings', { card: cards[0], rating: 'easy' });
    expect(status).toBe(200);
    const { event, card } = json as { event: unknown; card: unknown };
    expect(ProgressEventSchema.parse(event)).toMatchObject({ type: 'reviewed', item: cards[0], text: 'easy' });
    const rescheduled = ReviewCardSchema.parse(card);
    expect(rescheduled.phase).toBe('review');
    const queue = ReviewQueueSchema.parse((await api.get('/api/review')).json);
    expect(queue.due.map((d) => d.card.key)).toEqual(cards.slice(1));
    expect(queue.next).toBe(rescheduled.due);
    h.setNow(rescheduled.due);
    expect(ReviewQueueSchema.parse((await api.get('/api/review')).json).due.map((d) => d.card.key)).toEqual([
      cards[0],
      ...cards.slice(1),
    ]);
  });

  it('refuses an unknown card, a skill not done, a bad rating or limit, and records nothing', async () => {
    const notDone = await api.post('/api/review/ratings', { card: cards[0], rating: 'good' });
    expect(notDone.status).toBe(404);
    expect(ErrorSchema.parse(notDone.json).error.code).toBe('NOT_FOUND');
    const bad = await api.post('/api/review/ratings', { card: cards[0], rating: 'perfect' });
    expect(bad.status).toBe(400);
    expect((await api.get('/api/review?limit=0')).status).toBe(400);
    expect(await h.store.listEvents('local')).toEqual([]);
  });
});
