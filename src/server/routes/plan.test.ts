import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForecastSchema, PlanSchema, RoadmapPlanSchema, StatusSchema, TodaySchema } from '../../contract/index.js';
import { localDate } from '../../learner/context.js';
import { main } from '../../cli/main.js';
import { memoryIo } from '../../cli/io.js';
import { SHIPPED_CURRICULUM } from '../../cli/paths.js';
import { loadCurriculum } from '../../content/load.js';
import { client, harness } from '../test-support/harness.js';
import type { Harness } from '../test-support/harness.js';

let h: Harness;
let api: ReturnType<typeof client>;
beforeEach(async () => {
  h = await harness();
  api = client(h.app);
});
afterEach(async () => {
  await h.close();
});

const onboard = () =>
  api.put('/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 20, startDate: '2026-03-04' });

describe('before onboarding', () => {
  it('answers empty states with 200: no plan, no forecast, no week, zero readiness', async () => {
    expect(await api.get('/api/plan')).toMatchObject({ status: 200, json: { plan: null, forecast: null } });
    expect(await api.get('/api/today')).toMatchObject({
      status: 200,
      json: { today: '2026-03-04', beforeStart: false, week: null },
    });
    const status = await api.get('/api/status');
    expect(status.status).toBe(200);
    const parsed = StatusSchema.parse(status.json);
    expect(parsed).toMatchObject({ forecast: null, burnup: [] });
    expect(parsed.readiness.percent).toBe(0);
  });
});

describe('GET /api/plan', () => {
  it('answers the plan and its forecast, the same for the same state', async () => {
    await onboard();
    const first = (await api.get('/api/plan')).json as { plan: unknown; forecast: unknown };
    const plan = PlanSchema.parse(first.plan);
    const forecast = ForecastSchema.parse(first.forecast);
    expect(plan.startDate).toBe('2026-03-04');
    expect(plan.skills).toEqual(expect.arrayContaining(['python-programming', 'linear-algebra', 'classical-ml']));
    expect(forecast.finishDate).toBe(plan.finishDate);
    expect(forecast.movedDays).toBe(0);
    expect((await api.get('/api/plan')).json).toEqual(first);
  });

  it('re-plans from progress and today: what is done leaves the plan', async () => {
    await onboard();
    const before = PlanSchema.parse(((await api.get('/api/plan')).json as { plan: unknown }).plan);
    await api.post('/api/progress/events', { type: 'done', item: 'python-programming' });
    h.setNow('2026-03-18T12:00:00.000Z');
    const after = (await api.get('/api/plan')).json as { plan: unknown; forecast: unknown };
    const plan = PlanSchema.parse(after.plan);
    expect(plan.skills).not.toContain('python-programming');
    expect(plan.totalHours).toBeLessThan(before.totalHours);
    expect(plan.startDate).toBe('2026-03-18');
    expect(ForecastSchema.parse(after.forecast).originalFinishDate).toBe(before.finishDate);
  });
});

describe('a plan past the horizon', () => {
  it("says so in the plan's notes, in both languages, as mlpath plan says it", async () => {
    // The shipped curriculum, which mlpath plan reads too.
    await h.close();
    h = await harness({ curriculum: loadCurriculum(SHIPPED_CURRICULUM) });
    api = client(h.app);
    await api.put('/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 0.5, startDate: '2026-03-04' });
    const plan = PlanSchema.parse(((await api.get('/api/plan')).json as { plan: unknown }).plan);
    const note = plan.explanations.find((e) => e.kind === 'schedule' && e.subject === 'horizon');
    expect(plan.finishDate > '2036-03-04').toBe(true);
    expect(note?.text['en']).toMatch(
      new RegExp(`^At 0\\.5 h a week this plan runs about \\d+ years, to ${plan.finishDate}: more than 10 years ahead`),
    );
    expect(note?.text['zh-CN']).toContain(`到 ${plan.finishDate} 才完成：超过 10 年`);
    for (const locale of ['en', 'zh-CN']) {
      const io = memoryIo({ env: { MLPATH_TODAY: '2026-03-04', MLPATH_HOME: h.dir, MLPATH_LANG: 'en' } });
      const args = ['plan', '--start-point', 'from-scratch', '--hours', '0.5', '--start', '2026-03-04'];
      expect(await main([...args, '--locale', locale], io)).toBe(0);
      expect(io.stdout()).toContain(`  - ${note?.text[locale] ?? '?'}\n`);
    }
    await api.put('/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 20, startDate: '2026-03-04' });
    const near = PlanSchema.parse(((await api.get('/api/plan')).json as { plan: unknown }).plan);
    expect(near.explanations.some((e) => e.subject === 'horizon')).toBe(false);
  });
});

describe('GET /api/plan/roadmap', () => {
  it("answers the plan's route and skills and this week's skills, the whole plan's own, with a tag", async () => {
    expect((await api.get('/api/plan/roadmap')).json).toEqual({ route: null, skills: [], weekSkills: [] });
    await onboard();
    const whole = (await api.get('/api/plan')).json as { plan: { route: string; skills: string[] } };
    const today = TodaySchema.parse((await api.get('/api/today')).json);
    const roadmap = RoadmapPlanSchema.parse((await api.get('/api/plan/roadmap')).json);
    expect(roadmap.route).toBe(whole.plan.route);
    expect(roadmap.skills).toEqual(whole.plan.skills);
    expect(roadmap.weekSkills).toEqual([...new Set(today.week?.tasks.flatMap((t) => t.skills))]);
    expect(roadmap.weekSkills.length).toBeGreaterThan(0);
    const first = await h.app.request('/api/plan/roadmap');
    const tag = first.headers.get('ETag') ?? '';
    expect(tag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await h.app.request('/api/plan/roadmap', { headers: { 'If-None-Match': tag } })).status).toBe(304);
    const plan = await h.app.request('/api/plan');
    const planTag = plan.headers.get('ETag') ?? '';
    expect(planTag).not.toBe(tag);
    expect((await h.app.request('/api/plan', { headers: { 'If-None-Match': planTag } })).status).toBe(304);
    await api.post('/api/progress/events', { type: 'skipped', item: 'linear-algebra' });
    expect((await h.app.request('/api/plan', { headers: { 'If-None-Match': planTag } })).status).toBe(200);
  });
});

describe('kept answers', () => {
  it('follow every change of profile, progress and date', async () => {
    await onboard();
    const plan = async () => PlanSchema.parse(((await api.get('/api/plan')).json as { plan: unknown }).plan);
    expect((await plan()).hoursPerWeek).toBe(20);
    await api.put('/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 10, startDate: '2026-03-04' });
    expect((await plan()).hoursPerWeek).toBe(10);
    await api.post('/api/progress/events', { type: 'skipped', item: 'linear-algebra' });
    expect((await plan()).skills).not.toContain('linear-algebra');
    await api.post('/api/progress/undo');
    expect((await plan()).skills).toContain('linear-algebra');
    h.setNow('2026-03-11T12:00:00.000Z');
    expect((await plan()).startDate).toBe('2026-03-11');
  });
});

describe('GET /api/today', () => {
  it('answers the current calendar week: Monday to Sunday, numbered from the real start, with its budget', async () => {
    await onboard();
    h.setNow('2026-03-12T12:00:00.000Z');
    await api.post('/api/progress/events', { type: 'hours', hours: 3, date: '2026-03-10' });
    const { status, json } = await api.get('/api/today');
    expect(status).toBe(200);
    const { today, beforeStart, week } = TodaySchema.parse(json);
    expect(today).toBe('2026-03-12');
    expect(beforeStart).toBe(false);
    // Study began on Wednesday 2026-03-04, in the week of Monday 2026-03-02: this is week 2.
    expect(week).toMatchObject({ number: 2, start: '2026-03-09', end: '2026-03-15', off: false });
    expect(week).toMatchObject({ budgetHours: 20, loggedHours: 3, remainingHours: 17 });
    const planned = (week?.tasks ?? []).reduce((sum, t) => sum + t.hours, 0);
    expect(planned).toBeCloseTo(17, 1);
  });

  it("counts the learner's day in the request's time zone (X-Time-Zone), else the server's", async () => {
    await onboard();
    // 20:00 in UTC on Thursday 2026-03-12 is already Friday 04:00 in Shanghai.
    h.setNow('2026-03-12T20:00:00.000Z');
    const inZone = async (zone: string | undefined) => {
      const res = await h.app.request('/api/today', zone === undefined ? {} : { headers: { 'X-Time-Zone': zone } });
      return { status: res.status, json: (await res.json()) as unknown };
    };
    expect(TodaySchema.parse((await inZone('Asia/Shanghai')).json).today).toBe('2026-03-13');
    // A zone in other casing is the same zone.
    expect(TodaySchema.parse((await inZone('asia/SHANGHAI')).json).today).toBe('2026-03-13');
    expect(TodaySchema.parse((await inZone('America/Los_Angeles')).json).today).toBe('2026-03-12');
    expect(TodaySchema.parse((await inZone(undefined)).json).today).toBe(localDate(new Date('2026-03-12T20:00:00Z')));
    // Hours logged with no date are dated the learner's day, not the server's.
    const logged = await h.app.request('/api/progress/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Time-Zone': 'Asia/Shanghai' },
      body: JSON.stringify({ type: 'hours', hours: 2 }),
    });
    expect(logged.status).toBe(200);
    const [event] = await h.store.listEvents('local');
    expect(event).toMatchObject({ type: 'hours', date: '2026-03-13' });
  });

  it("counts a request without X-Time-Zone in the learner's study time zone, where the profile has one", async () => {
    const study = { days: ['mon', 'thu'], time: '18:30', timeZone: 'Asia/Shanghai', reminderMinutes: 20 };
    const profile = { startingPoint: 'from-scratch', hoursPerWeek: 20, startDate: '2026-03-04' };
    expect((await api.put('/api/profile', { ...profile, study })).status).toBe(200);
    // 20:00 in UTC on Thursday 2026-03-12 is already Friday in Shanghai, still Thursday in Los Angeles.
    h.setNow('2026-03-12T20:00:00.000Z');
    const todayIn = async (headers: Record<string, string>) =>
      TodaySchema.parse(await (await h.app.request('/api/today', { headers })).json()).today;
    expect(await todayIn({})).toBe('2026-03-13');
    expect(await todayIn({ 'X-Time-Zone': 'America/Los_Angeles' })).toBe('2026-03-12');
    // Hours logged with no date by a client that names no zone are dated the learner's day.
    const logged = await h.app.request('/api/progress/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'hours', hours: 1 }),
    });
    expect(logged.status).toBe(200);
    expect((await h.store.listEvents('local')).at(-1)).toMatchObject({ type: 'hours', date: '2026-03-13' });
    // Without study days the server's date stands again, read afresh after the profile changed.
    expect((await api.put('/api/profile', profile)).status).toBe(200);
    expect(await todayIn({})).toBe(localDate(new Date('2026-03-12T20:00:00Z')));
  });

  it('refuses a time zone that is not one, naming the header, and changes nothing', async () => {
    await onboard();
    const before = await h.store.listEvents('local');
    for (const zone of ['Mars/Olympus_Mons', '+08:00']) {
      const res = await h.app.request('/api/progress/events', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Time-Zone': zone, 'Accept-Language': 'zh-CN' },
        body: JSON.stringify({ type: 'hours', hours: 2 }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; problems: { path: string }[] } };
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(body.error.message).toContain('X-Time-Zone');
      expect(body.error.message).toContain('IANA');
      expect(body.error.problems[0]?.path).toBe('X-Time-Zone');
    }
    expect((await h.app.request('/api/today', { headers: { 'X-Time-Zone': 'Nowhere' } })).status).toBe(400);
    // UTF-8 text arrives one byte a character: the message shows it as it was written.
    const accented = await h.app.request('/api/today', {
      headers: { 'X-Time-Zone': Buffer.from('Ásia/X', 'utf8').toString('latin1') },
    });
    expect(accented.status).toBe(400);
    expect(((await accented.json()) as { error: { message: string } }).error.message).toContain('"Ásia/X"');
    expect(await h.store.listEvents('local')).toEqual(before);
  });

  it('shows the first week as upcoming before the plan starts', async () => {
    await api.put('/api/profile', { startingPoint: 'from-scratch', startDate: '2026-06-01' });
    const view = TodaySchema.parse((await api.get('/api/today')).json);
    expect(view).toMatchObject({ today: '2026-03-04', beforeStart: true });
    expect(view.week).toMatchObject({ number: 1, start: '2026-06-01', end: '2026-06-07', loggedHours: 0 });
    expect(view.week?.tasks.length).toBeGreaterThan(0);
  });
});

describe('GET /api/status', () => {
  it('answers readiness, the forecast and a burn-up that rises when a skill is marked done', async () => {
    await onboard();
    const before = StatusSchema.parse((await api.get('/api/status')).json);
    expect(before.readiness.percent).toBe(0);
    // Calendar weeks: the first is the week of Monday 2026-03-02, where study began on the Wednesday.
    expect(before.burnup[0]).toMatchObject({ week: '2026-03-02', doneHours: 0, loggedHours: 0 });
    const last = before.burnup.at(-1);
    expect(last?.plannedHours).toBeCloseTo(before.forecast?.remainingHours ?? -1, 0);
    // Weeks not yet begun have no done hours; weeks past have no forecast.
    expect(before.burnup[1]?.doneHours).toBeNull();

    await api.post('/api/progress/events', { type: 'done', item: 'python-programming' });
    const after = StatusSchema.parse((await api.get('/api/status')).json);
    expect(after.readiness.percent).toBeGreaterThan(0);
    expect(after.readiness.gaps.map((g) => g.skill)).not.toContain('python-programming');
    expect(after.burnup[0]?.doneHours).toBeGreaterThan(0);

    h.setNow('2026-03-20T12:00:00.000Z');
    const later = StatusSchema.parse((await api.get('/api/status')).json);
    expect(later.burnup[0]?.forecastHours).toBeNull();
    expect(later.burnup[2]?.forecastHours).not.toBeNull();
  });
});
