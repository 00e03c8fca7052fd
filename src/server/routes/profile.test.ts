import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../content/load.js';
import { ErrorSchema, PlanSchema, ProfileSchema } from '../../contract/index.js';
import { client, harness } from '../test-support/harness.js';
import type { Harness } from '../test-support/harness.js';

const SHIPPED = decodeURIComponent(new URL('../../../curricula/ml-engineer', import.meta.url).pathname);
let h: Harness;
let api: ReturnType<typeof client>;
beforeEach(async () => {
  h = await harness();
  api = client(h.app);
});
afterEach(async () => {
  await h.close();
});

describe('GET /api/profile', () => {
  it('answers null before onboarding: an empty profile is a state, not a 404', async () => {
    const { status, json } = await api.get('/api/profile');
    expect(status).toBe(200);
    expect(json).toEqual({ profile: null });
  });
});

describe('PUT /api/profile', () => {
  it('fills every field the client leaves out from the starting point, starting today', async () => {
    const { status, json } = await api.put('/api/profile', { startingPoint: 'quant-student' });
    expect(status).toBe(200);
    const profile = ProfileSchema.parse((json as { profile: unknown }).profile);
    expect(profile).toMatchObject({
      startingPoint: 'quant-student',
      hoursPerWeek: 15,
      // 2026-03-04 is a Wednesday: the plan starts that day, its first week holding five days' share of the hours.
      startDate: '2026-03-04',
      style: 'structured',
      known: [],
      weeksOff: [],
      freeOnly: false,
      locale: 'en',
    });
    expect((await api.get('/api/profile')).json).toEqual({ profile: json && (json as { profile: unknown }).profile });
  });

  it('stores the fields given, and makes the plan from them', async () => {
    const body = {
      startingPoint: 'from-scratch',
      hoursPerWeek: 10,
      known: ['linear-algebra'],
      weeksOff: [{ start: '2026-04-01', end: '2026-04-14' }],
      startDate: '2026-03-09',
      style: 'practical',
      domain: 'nlp',
      locale: 'zh-CN',
      route: 'data-science-first',
    };
    expect((await api.put('/api/profile', body)).status).toBe(200);
    const stored = await h.store.getProfile('local');
    expect(stored).toMatchObject(body);
    expect((await h.store.firstPlanSnapshot('local'))?.plan.route).toBe('data-science-first');
    const plan = PlanSchema.parse(((await api.get('/api/plan')).json as { plan: unknown }).plan);
    expect(plan.hoursPerWeek).toBe(10);
    expect(plan.route).toBe('data-science-first');
    expect(plan.skills).not.toContain('linear-algebra');
    expect(plan.weeks.filter((w) => w.off).length).toBeGreaterThan(0);
  });

  it.each([
    [{}, 'startingPoint'],
    [{ startingPoint: 'from-scratch', hoursPerWeek: 0 }, 'hoursPerWeek'],
    [{ startingPoint: 'from-scratch', hoursPerWeek: 101 }, 'hoursPerWeek'],
    [{ startingPoint: 'from-scratch', hoursPerWeek: 'ten' }, 'hoursPerWeek'],
    [{ startingPoint: 'from-scratch', startDate: '2026-13-01' }, 'startDate'],
    [{ startingPoint: 'from-scratch', style: 'osmosis' }, 'style'],
    [{ startingPoint: 'from-scratch', weeksOff: [{ start: '2026-05-02', end: '2026-05-01' }] }, 'weeksOff[0].end'],
    [{ startingPoint: 'from-scratch', hoursPerWek: 10 }, 'hoursPerWek'],
    [{ startingPoint: 'from-scratch', effortFactor: 3 }, 'effortFactor'],
  ])('answers 400 naming the field for %j, storing nothing', async (body, field) => {
    const { status, json } = await api.put('/api/profile', body);
    expect(status).toBe(400);
    const { error } = ErrorSchema.parse(json);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems.map((p) => p.path)).toContain(field);
    expect(error.problems.find((p) => p.path === field)?.message).toMatch(/expected|unknown/);
    expect(await h.store.getProfile('local')).toBeUndefined();
  });

  it('says the expected range for hours per week', async () => {
    const { json } = await api.put('/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 0 });
    expect(ErrorSchema.parse(json).error.problems).toEqual([
      {
        path: 'hoursPerWeek',
        message: 'hoursPerWeek: expected at least 0.5 and at most 100 effective hours a week, or "full-time"',
      },
    ]);
  });

  it.each([
    [{ startingPoint: 'from-scrach' }, 'startingPoint', 'from-scratch'],
    [{ startingPoint: 'from-scratch', known: ['python-programming', 'linear-algebr'] }, 'known[1]', 'linear-algebra'],
    [{ startingPoint: 'from-scratch', domain: 'nlpp' }, 'domain', 'nlp'],
    [{ startingPoint: 'from-scratch', route: 'software-frst' }, 'route', 'software-first'],
    [{ startingPoint: 'from-scratch', locale: 'zh-TW' }, 'locale', 'zh-CN'],
  ])('answers 400 with a suggestion for an unknown id in %j', async (body, field, suggestion) => {
    const { status, json } = await api.put('/api/profile', body);
    expect(status).toBe(400);
    const { error } = ErrorSchema.parse(json);
    const problem = error.problems.find((p) => p.path === field);
    expect(problem?.message).toContain(`did you mean "${suggestion}"`);
    // The message says what is wrong in a learner's words; the raw field name is the problem's path.
    expect(error.message).toContain(problem?.message);
    expect(error.message).not.toContain(`${field}:`);
  });

  it('reports every problem of a body at once: a malformed field and an unknown id of a well-formed one', async () => {
    const { status, json } = await api.put('/api/profile', { startingPoint: 'nope', hoursPerWeek: 500 });
    expect(status).toBe(400);
    const { error } = ErrorSchema.parse(json);
    expect(error.problems.map((p) => p.path)).toEqual(['hoursPerWeek', 'startingPoint']);
    expect(error.problems[1]?.message).toContain('unknown starting point "nope"');
    expect(await h.store.getProfile('local')).toBeUndefined();
  });

  it('names the target date in words, in the request language, when it comes before the start', async () => {
    const res = await h.app.request('/api/profile', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' },
      body: JSON.stringify({ startingPoint: 'from-scratch', startDate: '2026-11-30', targetDate: '2020-01-01' }),
    });
    expect(res.status).toBe(400);
    const { error } = ErrorSchema.parse(await res.json());
    expect(error.message).toBe('学习档案无效：目标日期（2020-01-01）必须晚于开始日期（2026-11-30）');
    expect(error.problems).toEqual([
      { path: 'targetDate', message: '目标日期（2020-01-01）必须晚于开始日期（2026-11-30）' },
    ]);
  });

  it('answers 422 UNREACHABLE when no plan can be made, storing nothing', async () => {
    const { status, json } = await api.put('/api/profile', {
      startingPoint: 'from-scratch',
      choices: { exclude: ['strang-la'] },
    });
    expect(status).toBe(422);
    const { error } = ErrorSchema.parse(json);
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toContain('linear-algebra');
    expect(await h.store.getProfile('local')).toBeUndefined();
  });

  it('answers 400 for a body that is not JSON or is empty', async () => {
    expect((await api.put('/api/profile', 'startingPoint=from-scratch')).status).toBe(400);
    const empty = await h.app.request('/api/profile', { method: 'PUT' });
    expect(empty.status).toBe(400);
    expect(ErrorSchema.parse(await empty.json()).error.message).toContain('empty');
  });
});

describe('POST /api/plan/preview', () => {
  it("answers the plan and the recommended route with its reasons for the learner's starting point, saving nothing", async () => {
    const { status, json } = await api.post('/api/plan/preview', { startingPoint: 'quant-student', hoursPerWeek: 10 });
    expect(status).toBe(200);
    const { plan, recommendation } = json as { plan: unknown; recommendation: { route: string; reasons: unknown[] } };
    const parsed = PlanSchema.parse(plan);
    expect(parsed.route).toBe('data-science-first');
    expect(parsed.hoursPerWeek).toBe(10);
    expect(recommendation).toEqual({
      route: 'data-science-first',
      // The route's reason for from-scratch learners is left out.
      reasons: [{ en: 'Quantitative students start from maths.', 'zh-CN': '理科学生从数学开始。' }],
    });
    expect(await h.store.getProfile('local')).toBeUndefined();
  });

  it('answers a market-ready plan with its comparison (a role without market weights adds nothing)', async () => {
    const { status, json } = await api.post('/api/plan/preview', { startingPoint: 'quant-student', marketReady: true });
    expect(status).toBe(200);
    const plan = PlanSchema.parse((json as { plan: unknown }).plan);
    expect(plan.marketReady).toEqual({
      articleFinishDate: plan.finishDate,
      articleWeekCount: plan.weekCount,
      extraWeeks: 0,
      extraHours: 0,
      addedSkills: [],
    });
    const bad = await api.post('/api/plan/preview', { startingPoint: 'quant-student', marketReady: 'yes' });
    expect(bad.status).toBe(400);
    expect(ErrorSchema.parse(bad.json).error.problems.map((p) => p.path)).toEqual(['marketReady']);
  });

  it('answers 400 naming the field, as PUT /api/profile does', async () => {
    const { status, json } = await api.post('/api/plan/preview', { startingPoint: 'from-scratch', freeOnly: 'yes' });
    expect(status).toBe(400);
    expect(ErrorSchema.parse(json).error.problems.map((p) => p.path)).toEqual(['freeOnly']);
  });
});

describe('region and full time through the API (shipped curriculum)', () => {
  beforeEach(async () => {
    await h.close();
    h = await harness({ curriculum: loadCurriculum(SHIPPED) });
    api = client(h.app);
  });

  it('suggests cn for a Chinese learner without setting it, and stores it only when sent', async () => {
    const preview = await api.post('/api/plan/preview', { startingPoint: 'from-scratch', locale: 'zh-CN' });
    expect(preview.status).toBe(200);
    expect((preview.json as { regionToConfirm?: string }).regionToConfirm).toBe('cn');
    const put = await api.put('/api/profile', { startingPoint: 'from-scratch', locale: 'zh-CN' });
    expect((put.json as { profile: { region?: string } }).profile.region).toBeUndefined();
    expect((put.json as { regionToConfirm?: string }).regionToConfirm).toBe('cn');
    const confirmed = await api.put('/api/profile', { startingPoint: 'from-scratch', locale: 'zh-CN', region: 'cn' });
    expect(ProfileSchema.parse((confirmed.json as { profile: unknown }).profile).region).toBe('cn');
    expect((confirmed.json as { regionToConfirm?: string }).regionToConfirm).toBeUndefined();
    expect((await h.store.getProfile('local'))?.region).toBe('cn');
  });

  it('refuses an unknown region, naming the field and the valid ones', async () => {
    const { status, json } = await api.put('/api/profile', { startingPoint: 'from-scratch', region: 'mars' });
    expect(status).toBe(400);
    const problem = ErrorSchema.parse(json).error.problems.find((p) => p.path === 'region');
    expect(problem?.message).toContain('cn');
    expect(await h.store.getProfile('local')).toBeUndefined();
  });

  it('takes "full-time" for hours a week as 28 effective hours', async () => {
    const { json } = await api.put('/api/profile', { startingPoint: 'developer', hoursPerWeek: 'full-time' });
    expect(ProfileSchema.parse((json as { profile: unknown }).profile).hoursPerWeek).toBe(28);
  });
});

describe('PUT /api/profile: study days', () => {
  it('stores study days and a time, and the calendar export places sessions on them', async () => {
    const study = { days: ['mon', 'thu'], time: '18:30', timeZone: 'Asia/Shanghai', reminderMinutes: 20 };
    const { status, json } = await api.put('/api/profile', {
      startingPoint: 'from-scratch',
      startDate: '2026-03-09',
      study,
    });
    expect(status).toBe(200);
    expect(ProfileSchema.parse((json as { profile: unknown }).profile).study).toEqual(study);
    expect(((await api.get('/api/profile')).json as { profile: { study: unknown } }).profile.study).toEqual(study);
    const ics = await (await h.app.request('/api/export?format=ics')).text();
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260309T183000');
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260312T183000');
    expect(ics).not.toContain('DTSTART;TZID=Asia/Shanghai:20260310');
  });

  it('names the field of a bad study day, time or time zone, and stores nothing', async () => {
    const bad = [
      [{ days: ['someday'], time: '19:00', timeZone: 'UTC' }, 'study.days[0]'],
      [{ days: [], time: '19:00', timeZone: 'UTC' }, 'study.days'],
      [{ days: ['mon'], time: '7pm', timeZone: 'UTC' }, 'study.time'],
      [{ days: ['mon'], time: '19:00', timeZone: 'Nowhere/Else' }, 'study.timeZone'],
      [{ days: ['mon'], time: '19:00', timeZone: 'UTC', reminderMinutes: 2000 }, 'study.reminderMinutes'],
      // 20 hours a week (the starting point's) in one day: 20-hour sessions.
      [{ days: ['sun'], time: '09:00', timeZone: 'UTC' }, 'study'],
    ] as const;
    for (const [study, path] of bad) {
      const { status, json } = await api.put('/api/profile', { startingPoint: 'from-scratch', study });
      expect(status).toBe(400);
      const error = ErrorSchema.parse(json).error;
      expect(error.problems.map((p) => p.path)).toContain(path);
    }
    expect((await api.get('/api/profile')).json).toEqual({ profile: null });
  });
});
