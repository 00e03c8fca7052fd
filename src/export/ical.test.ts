import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { planToIcs } from './ical.js';
import { fixtureCurriculum, fixturePlan } from './test-support/fixture.js';

const curriculum = fixtureCurriculum();
const plan = fixturePlan();
const now = new Date('2026-11-27T08:00:00.000Z');

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

describe('planToIcs', () => {
  it('writes one all-day event per study block of each week that is not off, plus the milestones', () => {
    const events = parse(planToIcs(plan, curriculum, { locale: 'en', now })).getAllSubcomponents('vevent');
    const blocks = events.filter((e) => !String(e.getFirstPropertyValue('summary')).startsWith('Milestone'));
    expect(blocks).toHaveLength(4);
    const first = new ICAL.Event(blocks[0]);
    expect(first.startDate.toString()).toBe('2026-11-30');
    expect(first.startDate.isDate).toBe(true);
    expect(first.endDate.toString()).toBe('2026-12-07');
    expect(first.summary).toBe("📘 CS50's Introduction to Programming with Python: Functions and variables (7.5 h)");
    expect(String(blocks[0]?.getFirstPropertyValue('url'))).toBe('https://cs50.harvard.edu/python/weeks/0/');
    expect(first.description).toContain('Why: Every later stage is written in Python.');
    // The week off (2026-12-07) has no block.
    expect(blocks.map((b) => new ICAL.Event(b).startDate.toString())).not.toContain('2026-12-07');
    const milestones = events.filter((e) => String(e.getFirstPropertyValue('summary')).startsWith('Milestone'));
    // The first milestone fell in the week off: it shows on the last day before it, when the work ended.
    expect(milestones.map((m) => new ICAL.Event(m).startDate.toString())).toEqual(['2026-12-06', '2026-12-27']);
  });

  it('round-trips Chinese titles and descriptions exactly, with every line folded within 75 octets', () => {
    const ics = planToIcs(plan, curriculum, { locale: 'zh-CN', now });
    const lines = ics.split('\r\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // Folding must have happened somewhere inside Chinese text, and never split a character.
    expect(lines.some((l) => l.startsWith(' ') && /[\u4e00-\u9fff]/.test(l))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
    const events = parse(ics)
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e));
    const first = events[0];
    expect(first?.summary).toBe("📘 CS50's Introduction to Programming with Python：函数与变量（7.5 小时）");
    expect(first?.description).toContain(
      '原因：后面每个阶段都用 Python 编写，所以先学它；这句话故意写得很长，用来检验按字节折行时不会把一个汉字拆成两半。',
    );
    expect(first?.description).toContain('技能：Python 编程');
    expect(events.map((e) => e.summary)).toContain('🛏 线性代数应该这样学（2.5 小时）');
    expect(events.map((e) => e.summary)).toContain('🛠 中文客服聊天机器人（10 小时）');
    expect(events.map((e) => e.summary)).toContain('里程碑：学习编程');
  });

  it('gives every event a stable, unique UID so a newer export updates the calendar instead of duplicating', () => {
    const a = parse(planToIcs(plan, curriculum, { locale: 'en', now })).getAllSubcomponents('vevent');
    const b = parse(
      planToIcs(plan, curriculum, { locale: 'en', now: new Date('2026-12-01T00:00:00Z') }),
    ).getAllSubcomponents('vevent');
    const uids = a.map((e) => String(e.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(uids.length);
    expect(b.map((e) => String(e.getFirstPropertyValue('uid')))).toEqual(uids);
  });

  it('declares a published RFC 5545 calendar with a product id, ending every line (the last too) with CRLF', () => {
    const ics = planToIcs(plan, curriculum, { locale: 'en', now });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('marks week-long blocks and milestones transparent, so they never make the learner look busy', () => {
    const events = parse(planToIcs(plan, curriculum, { locale: 'en', now })).getAllSubcomponents('vevent');
    expect(events.length).toBe(6);
    for (const e of events) expect(e.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('gives no milestone a day inside a week off the learner gave', () => {
    const ics = planToIcs(plan, curriculum, {
      locale: 'en',
      now,
      weeksOff: [{ start: '2026-12-24', end: '2027-01-03' }],
    });
    const milestones = parse(ics)
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .filter((e) => e.summary.startsWith('Milestone'));
    expect(milestones.map((m) => m.startDate.toString())).toEqual(['2026-12-06', '2026-12-23']);
  });
});

describe('planToIcs with study days', () => {
  const berlin = { time: '19:00', timeZone: 'Europe/Berlin', reminderMinutes: 15 } as const;

  function sessions(ics: string): { event: ICAL.Event; component: ICAL.Component }[] {
    const calendar = parse(ics);
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    return calendar
      .getAllSubcomponents('vevent')
      .map((component) => ({ event: new ICAL.Event(component), component }))
      .filter(({ event }) => !event.startDate.isDate);
  }

  it('places timed sessions on the study days at the chosen local time, with the time zone and a reminder', () => {
    const ics = planToIcs(plan, curriculum, { locale: 'en', now, study: { days: ['mon', 'wed', 'sat'], ...berlin } });
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
    const timed = sessions(ics);
    expect(timed.length).toBeGreaterThan(3);
    for (const { event, component } of timed) {
      expect([1, 3, 6]).toContain(event.startDate.dayOfWeek(ICAL.Time.MONDAY));
      expect(component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
      expect(component.getFirstPropertyValue('transp')).toBe('OPAQUE');
      expect(String(component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger'))).toBe('-PT15M');
    }
    // The first session of the plan: Monday 30 November, 19:00 in Berlin (UTC+1 in winter).
    const first = timed[0]?.event;
    expect(first?.startDate.toString()).toBe('2026-11-30T19:00:00');
    expect(first?.startDate.toJSDate().toISOString()).toBe('2026-11-30T18:00:00.000Z');
    // Week one's 10 hours are all there, shared over its three study days.
    const weekOne = timed.filter(({ event }) => event.startDate.toString() < '2026-12-07');
    const minutes = weekOne.reduce((sum, { event }) => sum + event.duration.toSeconds() / 60, 0);
    expect(minutes).toBe(600);
    expect(new Set(weekOne.map(({ event }) => event.startDate.toString().slice(0, 10)))).toEqual(
      new Set(['2026-11-30', '2026-12-02', '2026-12-05']),
    );
    // No week-long banners are left for weeks with study days.
    expect(
      parse(ics)
        .getAllSubcomponents('vevent')
        .filter((e) => new ICAL.Event(e).duration.days >= 7),
    ).toEqual([]);
  });

  it('moves the sessions when the study days change', () => {
    const mwS = sessions(
      planToIcs(plan, curriculum, { locale: 'en', now, study: { days: ['mon', 'wed', 'sat'], ...berlin } }),
    );
    const tuTh = sessions(
      planToIcs(plan, curriculum, { locale: 'en', now, study: { days: ['tue', 'thu'], ...berlin, time: '07:30' } }),
    );
    const days = (list: typeof mwS) => new Set(list.map(({ event }) => event.startDate.dayOfWeek(ICAL.Time.MONDAY)));
    expect(days(mwS)).toEqual(new Set([1, 3, 6]));
    expect(days(tuTh)).toEqual(new Set([2, 4]));
    expect(tuTh[0]?.event.startDate.toString()).toBe('2026-12-01T07:30:00');
    const total = (list: typeof mwS) => list.reduce((sum, { event }) => sum + event.duration.toSeconds(), 0);
    expect(total(tuTh)).toBe(total(mwS));
  });

  it('writes a time zone with summer time so that a summer session converts right', () => {
    const summer = {
      ...plan,
      startDate: '2027-06-07',
      weeks: plan.weeks.slice(0, 1).map((w) => ({ ...w, start: '2027-06-07' })),
      milestones: [],
    };
    const timed = sessions(planToIcs(summer, curriculum, { locale: 'en', now, study: { days: ['mon'], ...berlin } }));
    expect(timed[0]?.event.startDate.toJSDate().toISOString()).toBe('2027-06-07T17:00:00.000Z');
    const shanghai = sessions(
      planToIcs(summer, curriculum, {
        locale: 'zh-CN',
        now,
        study: { days: ['mon'], time: '20:00', timeZone: 'Asia/Shanghai', reminderMinutes: undefined },
      }),
    );
    expect(shanghai[0]?.event.startDate.toJSDate().toISOString()).toBe('2027-06-07T12:00:00.000Z');
    expect(shanghai[0]?.component.getFirstSubcomponent('valarm')).toBeNull();
  });
});
