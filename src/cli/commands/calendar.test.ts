import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { learnerOfFeed } from '../../learner/calendar.js';
import { databaseFile } from '../../store/open.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';

const homes: TestHome[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

function tokenOf(url: string): string {
  return /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(url)?.[1] ?? '';
}

describe('mlpath calendar url', () => {
  it('prints the same feed address each time, and --rotate replaces it and revokes the old one', async () => {
    const h = testHome();
    homes.push(h);
    const first = await h.run(['calendar', 'url']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Your calendar feed: http:\/\/localhost:4321\/calendar\/[A-Za-z0-9_-]{43}\.ics\n$/);
    expect(first.stderr).toMatch(/--rotate/);
    const again = await h.run(['calendar', 'url', '--json', '--base', 'https://plans.example.org/']);
    const json = JSON.parse(again.stdout) as { url: string; path: string; rotatedAt: string | null };
    expect(json.url).toBe(`https://plans.example.org${json.path}`);
    expect(tokenOf(json.url)).toBe(tokenOf(first.stdout.trim()));

    const rotated = await h.run(['calendar', 'url', '--rotate'], { MLPATH_LANG: 'zh-CN' });
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toMatch(/^新地址已替换旧地址，旧地址不再可用：http:\/\/localhost:4321\/calendar\//);
    const store = await openSqliteStore(databaseFile(h.env()));
    try {
      expect(await learnerOfFeed(store, tokenOf(first.stdout.trim()))).toBeUndefined();
      expect(await learnerOfFeed(store, tokenOf(rotated.stdout.trim()))).toBe('local');
    } finally {
      await store.close();
    }
  });

  it('refuses a base that is not an http(s) address, changing nothing', async () => {
    const h = testHome();
    homes.push(h);
    const result = await h.run(['calendar', 'url', '--base', 'ftp://x']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/--base: "ftp:\/\/x" is not an http\(s\) address/);
  });

  it('export --format ics and init with study days give timed sessions in the time zone given', async () => {
    const h = testHome();
    homes.push(h);
    const init = await h.run([
      'init',
      '--yes',
      '--start-point',
      'from-scratch',
      '--start',
      '2026-11-30',
      '--study-days',
      'mon,wed,sat',
      '--study-time',
      '19:00',
      '--time-zone',
      'Europe/Berlin',
    ]);
    expect(init.status).toBe(0);
    const { stdout } = await h.run(['export', '--format', 'ics']);
    const events = new ICAL.Component(ICAL.parse(stdout))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .filter((e) => !e.startDate.isDate);
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]?.startDate.toString()).toBe('2026-11-30T19:00:00');
    for (const e of events) expect([1, 3, 6]).toContain(e.startDate.dayOfWeek(ICAL.Time.MONDAY));
  });
});
