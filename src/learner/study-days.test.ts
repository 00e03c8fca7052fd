/**
 * Study days through both faces: `mlpath today` and GET /api/today follow them (on another day they say
 * so and show the next study day's session), and the calendar feed places timed sessions on them, in
 * the learner's time zone, read back with ical.js; changing the days moves the sessions.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { testHome } from '../cli/test-support/home.js';
import type { TestHome } from '../cli/test-support/home.js';
import { client, harness } from '../server/test-support/harness.js';
import type { Harness } from '../server/test-support/harness.js';

const open: { homes: TestHome[]; harnesses: Harness[] } = { homes: [], harnesses: [] };
afterEach(async () => {
  for (const home of open.homes.splice(0)) home.remove();
  for (const h of open.harnesses.splice(0)) await h.close();
});

const STUDY = ['--study-days', 'mon,wed,sat', '--study-time', '19:00', '--time-zone', 'Europe/Berlin'];

describe('today follows the study days', () => {
  it('on a day that is not a study day says so and shows the next study day’s session', async () => {
    const home = testHome('2026-11-27T09:00:00.000Z');
    open.homes.push(home);
    const init = await home.run(['init', '--yes', '--start-point', 'from-scratch', '--hours', '6', ...STUDY]);
    expect(init.status).toBe(0);

    // Tuesday 2026-12-01: not a study day. Monday's session passed unused, so the week's 6 hours are
    // shared over the study days left (Wednesday and Saturday): the next session is Wednesday's 3 hours.
    const tuesday = { MLPATH_NOW: '2026-12-01T09:00:00.000Z' };
    const text = await home.run(['today'], tuesday);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Today, Tue 2026-12-01, is not one of your study days (Mon, Wed, Sat).');
    expect(text.stdout).toContain('Next session: Wed 2026-12-02 at 19:00 (Europe/Berlin), 3 h:');
    const json = JSON.parse((await home.run(['today', '--json'], tuesday)).stdout);
    expect(json.studyDay).toEqual({ today: false, days: ['mon', 'wed', 'sat'] });
    expect(json.session).toMatchObject({ date: '2026-12-02', weekday: 'wed', time: '19:00', minutes: 180 });
    const pieces = json.session.pieces as { minutes: number }[];
    expect(pieces.reduce((sum, p) => sum + p.minutes, 0)).toBe(180);

    // Wednesday: today's session.
    const wednesday = await home.run(['today'], { MLPATH_NOW: '2026-12-02T09:00:00.000Z' });
    expect(wednesday.stdout).toContain('Today, Wed 2026-12-02, is a study day: 19:00 (Europe/Berlin), 3 h:');
    expect(wednesday.stdout).not.toContain('not one of your study days');

    // In Chinese too.
    const zh = await home.run(['today'], { ...tuesday, MLPATH_LANG: 'zh-CN' });
    expect(zh.stdout).toContain('今天（周二 2026-12-01）不是你的学习日（周一、周三、周六）。');
    expect(zh.stdout).toContain('下一次学习：周三 2026-12-02 19:00（Europe/Berlin），3 小时：');
  });

  it('the API answers the same session', async () => {
    const h = await harness({ now: '2026-12-01T09:00:00.000Z' });
    open.harnesses.push(h);
    const api = client(h.app);
    const study = { days: ['mon', 'wed', 'sat'], time: '19:00', timeZone: 'Europe/Berlin' };
    expect(
      (
        await api.put('/api/profile', {
          startingPoint: 'from-scratch',
          hoursPerWeek: 6,
          startDate: '2026-11-30',
          study,
        })
      ).status,
    ).toBe(200);
    const today = (await api.get('/api/today')).json as { studyDay: unknown; session: { date: string } };
    expect(today.studyDay).toEqual({ today: false, days: ['mon', 'wed', 'sat'] });
    expect(today.session.date).toBe('2026-12-02');
  });
});

interface Session {
  readonly uid: string;
  readonly weekday: number;
  readonly time: string;
  readonly zone: string;
  readonly cancelled: boolean;
}

function timedSessions(ics: string): Session[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar
    .getAllSubcomponents('vevent')
    .map((component) => ({ component, event: new ICAL.Event(component) }))
    .filter(({ event }) => !event.startDate.isDate)
    .map(({ component, event }) => ({
      uid: event.uid,
      weekday: event.startDate.dayOfWeek(ICAL.Time.MONDAY),
      time: `${String(event.startDate.hour).padStart(2, '0')}:${String(event.startDate.minute).padStart(2, '0')}`,
      zone: String(component.getFirstProperty('dtstart')?.getParameter('tzid') ?? ''),
      cancelled: String(component.getFirstPropertyValue('status') ?? '') === 'CANCELLED',
    }));
}

describe('the calendar feed places sessions on the study days', () => {
  it('timed sessions on the chosen days and time, in the learner’s time zone; new days move them', async () => {
    const h = await harness();
    open.harnesses.push(h);
    const api = client(h.app);
    const profile = { startingPoint: 'from-scratch', hoursPerWeek: 6, startDate: '2026-03-09' };
    const study = { time: '19:00', timeZone: 'Europe/Berlin' };
    await api.put('/api/profile', { ...profile, study: { ...study, days: ['mon', 'wed', 'sat'] } });
    const { feed } = (await api.get('/api/calendar')).json as { feed: { path: string } };

    const first = timedSessions(await (await h.app.request(feed.path)).text());
    expect(first.length).toBeGreaterThan(10);
    // Monday = 1 ... Sunday = 7.
    expect(new Set(first.map((s) => s.weekday))).toEqual(new Set([1, 3, 6]));
    // Every session starts at 19:00 Berlin time, or right after the session's earlier piece.
    expect([...new Set(first.map((s) => s.zone))]).toEqual(['Europe/Berlin']);
    expect(first.some((s) => s.time === '19:00')).toBe(true);
    expect(first.every((s) => s.time >= '19:00')).toBe(true);

    await api.put('/api/profile', { ...profile, study: { ...study, days: ['tue', 'thu'], time: '07:30' } });
    const moved = timedSessions(await (await h.app.request(feed.path)).text());
    const active = moved.filter((s) => !s.cancelled);
    expect(new Set(active.map((s) => s.weekday))).toEqual(new Set([2, 4]));
    expect(active.some((s) => s.time === '07:30')).toBe(true);
    // Sessions that left the plan go out once as cancelled, so subscribed calendars drop them.
    const gone = moved.filter((s) => s.cancelled);
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.every((s) => first.some((f) => f.uid === s.uid))).toBe(true);
  });
});
