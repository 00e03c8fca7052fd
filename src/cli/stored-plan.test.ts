import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testHome } from './test-support/home.js';
import type { TestHome } from './test-support/home.js';

const homes: TestHome[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

function fresh(): TestHome {
  const h = testHome('2026-11-30T08:00:00.000Z');
  homes.push(h);
  return h;
}

async function planJson(
  h: TestHome,
  args: string[] = [],
): Promise<{
  profile: { hoursPerWeek: number; startingPoint: string };
  skills: string[];
  startDate: string;
  finishDate: string;
}> {
  const result = await h.run(['plan', '--json', '--curriculum', h.curriculum, ...args]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('mlpath plan without --start-point', () => {
  it('plans from the stored profile and leaves out what progress settled', async () => {
    const h = fresh();
    await h.run(['init', '--yes', '--start-point', 'from-scratch', '--hours', '12', '--start', '2026-11-30']);
    const before = await planJson(h);
    expect(before.profile.hoursPerWeek).toBe(12);
    expect(before.skills).toContain('python-programming');
    await h.run(['done', 'python-programming']);
    const after = await planJson(h);
    expect(after.skills).not.toContain('python-programming');
    expect(after.finishDate < before.finishDate).toBe(true);
  });

  it('lets a flag override one stored field and keeps the rest', async () => {
    const h = fresh();
    await h.run([
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
    const plan = await planJson(h, ['--hours', '20']);
    expect(plan.profile.hoursPerWeek).toBe(20);
    expect(plan.startDate).toBe('2026-11-30');
  });

  it('without a stored profile says so and how to make one, and creates no database', async () => {
    const h = fresh();
    const result = await h.run(['plan', '--json', '--curriculum', h.curriculum]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('mlpath init');
    expect(existsSync(join(h.home, 'mlpath.db'))).toBe(false);
    const planned = await planJson(h, ['--start-point', 'from-scratch']);
    expect(planned.profile.startingPoint).toBe('from-scratch');
    expect(existsSync(join(h.home, 'mlpath.db'))).toBe(false);
  });
});
