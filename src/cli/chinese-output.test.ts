/**
 * The Chinese typography rules the catalogue test applies to each template, applied to what the
 * commands print once the formatters have filled the templates in: a duration or an hour count a
 * formatter builds by itself ("3 h") slips past a template check.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { typographySlips } from '../i18n/test-support/typography.js';
import { testHome } from './test-support/home.js';
import { displayWidth, loadWidths } from './width.js';
import { ratingWord, rmsg, untilWords } from './review-messages.js';
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
    const run = async (args: string[]): Promise<string> => {
      const result = await h.run(args, zh);
      expect(result.status, `mlpath ${args.join(' ')}: ${result.stderr}`).toBe(0);
      outputs.set(args.join(' '), result.stdout + result.stderr);
      return args.join(' ');
    };
    const initLine = await run([
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
    // The plan's explanations (the planner's words) are checked on their own elsewhere; here, its title.
    const plan = await h.run(['plan'], zh);
    expect(plan.status, plan.stderr).toBe(0);
    await run(['burnup']);
    await run(['today', '--help']);
    // A refused value is worded in Chinese too, with no English placeholder.
    const refused = await h.run(['log', 'abc'], zh);
    expect(refused.status).toBe(2);
    outputs.set('log abc', refused.stderr);
    expect(refused.stderr).not.toMatch(/HOURS/);
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
    // init's first weeks and the plan's route name set their asides in full-width brackets.
    expect(outputs.get(initLine)).toMatch(/2026-11-30（\d+(\.\d+)? 小时）/);
    expect(plan.stdout.split('\n')[0]).toMatch(/^[^()]+：.+（[a-z-]+）$/);
    expect(outputs.get('today --help')).toContain('用法：mlpath today [options]');
    // The burn-up table's columns line up by the columns each text takes (a Chinese heading two a character).
    await loadWidths();
    const table = (outputs.get('burnup') ?? '').split('\n').slice(1, 6);
    const ends = (line: string): number[] =>
      [...line.matchAll(/\S+/g)].map((m) => displayWidth(line.slice(0, (m.index ?? 0) + m[0].length)));
    // The first column is set left, the others right: their right edges line up with their headings'.
    for (const line of table.slice(1)) expect(ends(line).slice(1), line).toEqual(ends(table[0] ?? '').slice(1));
    expect(outputs.get('today')).toContain('学习日');
    expect(outputs.get('today')).toMatch(/\d 小时：/);
    expect(outputs.get('export --format ics')).toContain('mlpath：测试路线');
    expect(outputs.get('export --format ics')).toMatch(/（\d+(\.\d+)? 小时）/);
  });

  it("sets a review's next time apart from the Chinese before it: 下次复习 10 分钟后", () => {
    const from = new Date('2026-11-30T08:00:00.000Z');
    for (const minutes of [10, 120, 3 * 24 * 60]) {
      const when = untilWords('zh-CN', from, new Date(from.getTime() + minutes * 60_000));
      const line = rmsg('zh-CN', 'rated', { rating: ratingWord('zh-CN', 'good'), when });
      expect(line).toMatch(/下次复习 \d+ (分钟|小时|天)后。$/);
      expect(typographySlips(line), line).toEqual([]);
    }
  });
});
