/**
 * `mlpath init --force` over a stored profile, in a real SQLite home: the settings the learner does
 * not give again are kept, and the command says which, as the flags that would change them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../core/plan-model.js';
import { databaseFile } from '../../store/open.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';

const homes: TestHome[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

async function storedProfile(h: TestHome): Promise<Profile | undefined> {
  const store = await openSqliteStore(databaseFile(h.env()));
  try {
    return await store.getProfile('local');
  } finally {
    await store.close();
  }
}

async function ok(h: TestHome, args: string[], env?: Record<string, string>): Promise<string> {
  const result = await h.run(args, env);
  expect(result.status, `mlpath ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

const FIRST = [
  'init',
  '--yes',
  '--start-point',
  'from-scratch',
  '--hours',
  '8',
  '--style',
  'practical',
  '--domain',
  'nlp',
  '--weeks-off',
  '2027-01-04..2027-01-10',
  '--study-days',
  'mon,wed,sat',
  '--study-time',
  '19:30',
  '--time-zone',
  'Europe/Berlin',
  '--reminder',
  '15',
];

describe('mlpath init --force', () => {
  it('keeps the stored settings not given again and names them', async () => {
    const h = testHome();
    homes.push(h);
    await ok(h, FIRST);
    // The time zone is not given again: it stays Berlin's, not this computer's.
    const out = await ok(h, ['init', '--yes', '--force', '--start-point', 'from-scratch', '--study-days', 'tue,thu']);
    const profile = await storedProfile(h);
    expect(profile?.study).toEqual({
      days: ['tue', 'thu'],
      time: '19:30',
      timeZone: 'Europe/Berlin',
      reminderMinutes: 15,
    });
    expect(profile?.hoursPerWeek).toBe(8);
    expect(profile?.style).toBe('practical');
    expect(profile?.domain).toBe('nlp');
    expect(profile?.weeksOff).toEqual([{ start: '2027-01-04', end: '2027-01-10' }]);
    expect(out).toContain(
      'Kept from the earlier profile (give a flag again to change it): --hours 8 --style practical --domain nlp --weeks-off 2027-01-04..2027-01-10 --study-time 19:30 --time-zone Europe/Berlin --reminder 15\n',
    );
  });

  it('without --start-point keeps the starting point too; a flag given replaces, none clears', async () => {
    const h = testHome();
    homes.push(h);
    await ok(h, FIRST);
    const json = await ok(h, ['init', '--yes', '--force', '--hours', '12', '--domain', 'none', '--json']);
    const { profile, kept } = JSON.parse(json) as { profile: Profile; kept: string[] };
    expect(profile.startingPoint).toBe('from-scratch');
    expect(profile.hoursPerWeek).toBe(12);
    expect(profile.domain).toBeUndefined();
    expect(kept).not.toContain('--hours 8');
    expect(kept).toContain('--study-days mon,wed,sat');
    expect((await storedProfile(h))?.domain).toBeUndefined();
  });

  it('says so in Chinese', async () => {
    const h = testHome();
    homes.push(h);
    await ok(h, FIRST);
    const out = await ok(h, ['--locale', 'zh-CN', 'init', '--yes', '--force', '--hours', '9']);
    expect(out).toContain('沿用旧学习档案中的设置（再次给出对应参数即可修改）：--style practical');
  });

  it('a first init says nothing was kept', async () => {
    const h = testHome();
    homes.push(h);
    const out = await ok(h, FIRST);
    expect(out).not.toContain('Kept from');
  });
});
