/**
 * A whole session in a fresh MLPATH_HOME, as a learner would type it: init with flags, mark and
 * log progress, look at the status, export all three formats, and restore the backup into
 * another fresh home, which must then hold the identical state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../store/open.js';
import { openSqliteStore } from '../store/sqlite.js';
import { testHome } from './test-support/home.js';
import type { TestHome } from './test-support/home.js';

const homes: TestHome[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

async function data(h: TestHome): Promise<unknown> {
  const store = await openSqliteStore(databaseFile(h.env()));
  try {
    return await store.exportData('local');
  } finally {
    await store.close();
  }
}

async function ok(h: TestHome, args: string[]): Promise<string> {
  const result = await h.run(args);
  expect(result.status, `mlpath ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('a scripted session', () => {
  it('init, done, log, status, export in three formats, import into a fresh home: identical state', async () => {
    const first = testHome('2026-11-30T08:00:00.000Z');
    const second = testHome('2026-11-30T08:00:00.000Z');
    homes.push(first, second);

    const init = await ok(first, [
      'init',
      '--yes',
      '--start-point',
      'from-scratch',
      '--hours',
      '12',
      '--start',
      '2026-11-30',
      '--domain',
      'nlp',
    ]);
    expect(init).toContain('Recommended route: Software first');
    expect(init).toContain('Your first weeks:');
    expect(init).toContain('2026-11-30');
    await ok(first, ['learning', 'python-programming']);
    await ok(first, ['done', 'python-programming']);
    await ok(first, ['log', '2.5', '--on', 'cs50p']);
    await ok(first, ['log', '45m', '--on', 'linear-algebra']);
    await ok(first, ['skip', 'cs50p/week-1']);
    await ok(first, ['undo']);
    await ok(first, ['project', 'add', 'chinese-chatbot']);
    await ok(first, ['project', 'check', 'chinese-chatbot', 'front-end']);
    await ok(first, ['project', 'link', 'chinese-chatbot', 'demo', 'https://example.org/demo']);
    const status = await ok(first, ['status']);
    expect(status).toContain('Learn to code  ████████████████████  1/1');
    expect(status).toContain('Hours in total: 3.3\n');

    await ok(first, ['export', '--format', 'json', '-o', 'backup.json']);
    await ok(first, ['export', '--format', 'md', '-o', 'progress.md']);
    await ok(first, ['export', '--format', 'ics', '-o', 'plan.ics']);
    const md = readFileSync(join(first.dir, 'progress.md'), 'utf8');
    expect(md).toContain('- [x] Programming in Python');
    expect(md).toContain('- [x] A front end others can try');
    const ics = readFileSync(join(first.dir, 'plan.ics'), 'utf8');
    expect(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').length).toBeGreaterThan(0);

    await ok(second, ['import', join(first.dir, 'backup.json')]);
    expect(await data(second)).toEqual(await data(first));
    // Everything derived from the state is the same too.
    const statusOf = async (h: TestHome): Promise<unknown> => {
      const json = JSON.parse(await ok(h, ['status', '--json']));
      delete json.forecast.previousFinishDate; // plan snapshots are history, not state
      return json;
    };
    expect(await statusOf(second)).toEqual(await statusOf(first));
    expect(await ok(second, ['export', '--format', 'md'])).toBe(await ok(first, ['export', '--format', 'md']));
    expect(await ok(second, ['export', '--format', 'ics'])).toBe(await ok(first, ['export', '--format', 'ics']));
    expect(await ok(second, ['today'])).toBe(await ok(first, ['today']));
  });

  it('init refuses to replace a profile without --force, and asks for flags when there is no terminal', async () => {
    const h = testHome();
    homes.push(h);
    const noFlags = await h.run(['init']);
    expect(noFlags.status).toBe(2);
    expect(noFlags.stderr).toContain('pass --yes');
    await ok(h, ['init', '--yes', '--start-point', 'from-scratch']);
    const again = await h.run(['init', '--yes', '--start-point', 'from-scratch']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');
    const bad = await h.run(['init', '--yes', '--force', '--start-point', 'from-scrach']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/did you mean "from-scratch"/i);
    await ok(h, ['init', '--yes', '--force', '--start-point', 'from-scratch', '--hours', '20', '--locale', 'zh-CN']);
    const status = await h.run(['status'], { MLPATH_LANG: '' });
    expect(status.stdout).toContain('累计学习：0 小时');
  });
});
