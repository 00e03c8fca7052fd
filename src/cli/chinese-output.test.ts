/**
 * The Chinese typography rules the catalogue test applies to each template, applied to what the
 * commands print once the formatters have filled the templates in: a duration or an hour count a
 * formatter builds by itself ("3 h") slips past a template check.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { typographySlips } from '../i18n/test-support/typography.js';
import { testHome } from './test-support/home.js';
import type { TestHome } from './test-support/home.js';

const homes: TestHome[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

describe('Chinese output of the commands', () => {
  it('follows the catalogue typography: 小时 for hours, full-width colons, no space between Chinese', async () => {
    // Monday 2026-11-30, a study day: `today` shows its session with the session's length.
    const h = testHome('2026-11-30T08:00:00.000Z');
    homes.push(h);
    const zh = { MLPATH_LANG: 'zh-CN' };
    const outputs = new Map<string, string>();
    const run = async (args: string[]): Promise<void> => {
      const result = await h.run(args, zh);
      expect(result.status, `mlpath ${args.join(' ')}: ${result.stderr}`).toBe(0);
      outputs.set(args.join(' '), result.stdout + result.stderr);
    };
    await run([
      'init',
      '--yes',
      '--start-point',
      'from-scratch',
      '--hours',
      '9',
      '--start',
      '2026-11-30',
      '--study-days',
      'mon,wed,sat',
      '--study-time',
      '19:00',
      '--time-zone',
      'Europe/Berlin',
    ]);
    await run(['today']);
    await run(['week']);
    await run(['log', '1.5']);
    await run(['status']);
    await run(['export', '--format', 'md']);
    // The calendar's words, read back from the iCalendar text (its own syntax has colons of its own).
    const ics = await h.run(['export', '--format', 'ics'], zh);
    expect(ics.status, ics.stderr).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(ics.stdout));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(0);
    outputs.set(
      'export --format ics',
      [
        String(calendar.getFirstPropertyValue('x-wr-calname')),
        ...events.flatMap((e) => [e.summary, e.description]),
      ].join('\n'),
    );
    for (const [command, text] of outputs) expect(typographySlips(text), `mlpath ${command}`).toEqual([]);
    expect(outputs.get('today')).toContain('学习日');
    expect(outputs.get('today')).toMatch(/\d 小时：/);
    expect(outputs.get('export --format ics')).toContain('mlpath：测试路线');
    expect(outputs.get('export --format ics')).toMatch(/\(\d+(\.\d+)? 小时\)/);
  });
});
