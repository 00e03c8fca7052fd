/**
 * A week off declared ahead is off for all seven days: on its Wednesday `mlpath today` says rest,
 * `mlpath week` and GET /api/today hold nothing for it, and neither calendar export places anything
 * in it. A range that crosses a week boundary keeps both partial weeks' study off its days.
 */
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHome } from '../cli/test-support/home.js';
import type { TestHome } from '../cli/test-support/home.js';
import { loadCurriculum } from '../content/load.js';
import { createApp } from '../server/app.js';
import { TodaySchema } from '../contract/index.js';
import { databaseFile } from '../store/open.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

const WEEK_OFF = { start: '2026-12-14', end: '2026-12-20' }; // Monday to Sunday
const CROSSING = { start: '2027-01-06', end: '2027-01-12' }; // Wednesday to Tuesday
const WEDNESDAY = '2026-12-16T12:00:00.000Z';

let home: TestHome;
let store: Store;
let now: string;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  home = testHome('2026-11-27T09:00:00.000Z');
  const init = await home.run([
    'init',
    '--yes',
    '--start-point',
    'from-scratch',
    '--hours',
    '10',
    '--start',
    '2026-11-30',
    '--weeks-off',
    `${WEEK_OFF.start}..${WEEK_OFF.end},${CROSSING.start}..${CROSSING.end}`,
  ]);
  expect(init.status).toBe(0);
  store = await openSqliteStore(databaseFile(home.env()));
  now = WEDNESDAY;
  app = createApp({ store, curriculum: loadCurriculum(home.curriculum), clock: () => new Date(now), version: 'test' });
});
afterEach(async () => {
  await store.close();
  home.remove();
});

const run = (args: string[]) => home.run(args, { MLPATH_NOW: now });

/** Every event of an iCalendar file as [first day, last day] (all-day events end the day after). */
function eventDays(ics: string): { summary: string; first: string; last: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const end = event.endDate.clone();
    end.adjust(-1, 0, 0, 0);
    return { summary: event.summary, first: event.startDate.toString(), last: end.toString() };
  });
}

const overlaps = (e: { first: string; last: string }, range: { start: string; end: string }): boolean =>
  e.first <= range.end && e.last >= range.start;

describe('a week off declared ahead', () => {
  it('on its Wednesday, today says rest and the week holds nothing, in the CLI and the API alike', async () => {
    const today = await run(['today']);
    expect(today.status).toBe(0);
    expect(today.stdout).toBe('A week off: rest.\n');

    const week = await run(['week']);
    expect(week.stdout).toBe('Week 3, 2026-12-14 to 2026-12-20\nA week off: rest.\n');

    const cliView = TodaySchema.parse(JSON.parse((await run(['week', '--json'])).stdout));
    expect(cliView.week).toEqual({
      number: 3,
      start: '2026-12-14',
      end: '2026-12-20',
      off: true,
      budgetHours: 0,
      loggedHours: 0,
      remainingHours: 0,
      tasks: [],
    });
    const apiView = TodaySchema.parse(await (await app.request('/api/today')).json());
    expect(apiView).toEqual(cliView);
  });

  it('is empty in the iCalendar export, and a range across weeks keeps study off each of its days', async () => {
    const fromCli = eventDays((await run(['export', '--format', 'ics'])).stdout);
    const res = await app.request('/api/export?format=ics');
    expect(res.status).toBe(200);
    const fromApi = eventDays(await res.text());
    for (const events of [fromCli, fromApi]) {
      expect(events.length).toBeGreaterThan(10);
      expect(events.filter((e) => overlaps(e, WEEK_OFF))).toEqual([]);
      expect(events.filter((e) => overlaps(e, CROSSING))).toEqual([]);
      // The study of the weeks either side of the crossing range sits on their open days.
      expect(events.some((e) => e.first === '2027-01-04' && e.last === '2027-01-05')).toBe(true);
      expect(events.some((e) => e.first === '2027-01-13' && e.last === '2027-01-17')).toBe(true);
    }
  });
});
