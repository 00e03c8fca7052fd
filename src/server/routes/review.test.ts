import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import {
  ErrorSchema,
  ProgressEventSchema,
  ReviewCardSchema,
  ReviewQueueSchema,
  StatusSchema,
  TodaySchema,
} from '../../contract/index.js';
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

  it('records a rating sent twice with the same id once (the web’s offline outbox may resend it)', async () => {
    await api.post('/api/progress/events', { type: 'done', item: 'linear-algebra' });
    const body = { id: 'rating-0001', card: cards[0], rating: 'good' };
    const first = await api.post('/api/review/ratings', body);
    const again = await api.post('/api/review/ratings', body);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.json).toEqual(first.json);
    expect((await h.store.listEvents('local')).filter((e) => e.type === 'reviewed').map((e) => e.id)).toEqual([
      'rating-0001',
    ]);
    const taken = await api.post('/api/review/ratings', { ...body, id: (await h.store.listEvents('local'))[0]?.id });
    expect(taken.status).toBe(409);
  });

  it('reserves the week’s expected review minutes in GET /api/today', async () => {
    await api.put('/api/profile', { startingPoint: 'developer' });
    expect(TodaySchema.parse((await api.get('/api/today')).json).review).toEqual({
      reviews: 0,
      dueNow: 0,
      minutesPerCard: 2,
      expectedMinutes: 0,
      minutes: 0,
    });
    await api.post('/api/progress/events', { type: 'done', item: 'linear-algebra' });
    const review = TodaySchema.parse((await api.get('/api/today')).json).review;
    // Every new card is due now, and a good answer to a new card brings it back within minutes.
    expect(review?.dueNow).toBe(cards.length);
    expect(review?.reviews).toBeGreaterThan(cards.length);
    expect(review?.expectedMinutes).toBe((review?.reviews ?? 0) * 2);
    // The week has the study time for them: all of it reserved, as the plan's first week shows.
    expect(review?.minutes).toBe(review?.expectedMinutes);
    const plan = (await api.get('/api/plan')).json as { forecast: { plan: { weeks: { reviewMinutes?: number }[] } } };
    expect(plan.forecast.plan.weeks[0]?.reviewMinutes).toBe(review?.minutes);
  });

  it('flags a skill whose cards keep lapsing and lowers readiness by its recall (GET /api/status)', async () => {
    await api.put('/api/profile', { startingPoint: 'from-scratch' });
    await api.post('/api/progress/events', { type: 'done', item: 'python-basics' });
    const before = StatusSchema.parse((await api.get('/api/status')).json);
    expect(before.needsRefresh).toEqual([]);
    // A skill readiness weighs for the role (python-basics is among what postings ask).
    const pythonCards = curriculum.selfCheck
      .filter((q) => q.skill === 'python-basics')
      .map((q) => `python-basics/${q.id}`);
    expect(before.readiness.percent).toBeGreaterThan(0);
    // Three cards learned, then each forgotten when it comes due: three lapses.
    for (const card of pythonCards.slice(0, 3)) {
      const rated = await api.post('/api/review/ratings', { card, rating: 'easy' });
      const learned = ReviewCardSchema.parse((rated.json as { card: unknown }).card);
      h.setNow(learned.due);
      expect((await api.post('/api/review/ratings', { card, rating: 'again' })).status).toBe(200);
    }
    const after = StatusSchema.parse((await api.get('/api/status')).json);
    expect(after.needsRefresh).toEqual(['python-basics']);
    expect(after.readiness.percent).toBeLessThan(before.readiness.percent);
  });

  it('serves the self-check questions the web’s placement check asks, revalidated by ETag', async () => {
    const first = await api.get('/api/self-check');
    expect(first.status).toBe(200);
    expect((first.json as { questions: unknown[] }).questions).toEqual(curriculum.selfCheck);
    const tag = first.res.headers.get('etag') ?? '';
    expect(tag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await h.app.request('/api/self-check', { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
  });
});
