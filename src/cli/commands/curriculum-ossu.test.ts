/**
 * An OSSU curriculum imported into a home that has progress on another curriculum, then planned
 * on: readable words where the import has no starting points, counts in the catalogue's plural
 * forms, file places as the user can find them, and only the curriculum's own hours in its weeks.
 */
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CORPORA, skipWithoutCorpus } from '../../importers/test-support/corpora.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';

const homes: TestHome[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

async function ok(h: TestHome, args: string[], env?: Record<string, string>): Promise<string> {
  const result = await h.run(args, env);
  expect(result.status, `mlpath ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout + result.stderr;
}

describe.skipIf(skipWithoutCorpus('ossu/computer-science'))('an imported OSSU curriculum in use', () => {
  it('is checked, shown and planned on in its own terms', async () => {
    // A Tuesday: the week's first day is gone, 6/7 of 28 hours are left for it.
    const h = testHome('2026-12-01T09:00:00.000Z');
    homes.push(h);
    await ok(h, ['init', '--yes', '--start-point', 'from-scratch', '--hours', '28']);
    await ok(h, ['log', '3', '--on', 'cs50p']);
    await ok(h, ['log', '1']);

    // The source lies outside the working folder: its places are absolute, not `../../…`.
    const source = resolve(CORPORA, 'ossu/computer-science');
    const imported = await ok(h, ['curriculum', 'import', '--from', 'ossu', source, '-o', 'ossu']);
    expect(imported).toContain(`(${join(source, 'README.md')}:`);
    expect(imported).not.toContain('../');

    const check = await ok(h, ['curriculum', 'check', 'ossu']);
    expect(check).toMatch(/, 1 route, 0 starting points, 0 roles, 0 projects\n$/);
    expect(await ok(h, ['--locale', 'zh-CN', 'curriculum', 'check', 'ossu'])).toContain('、1 条路线、0 个起点、');

    const ossu = { MLPATH_CURRICULUM: join(h.dir, 'ossu') };
    const plan = await ok(h, ['plan'], ossu);
    expect(plan).toContain('Starting point: none (this curriculum has no starting points) ·');
    expect(plan).not.toContain('from-scratch');
    // 24 hours, less the hour logged on nothing in particular; the 3 on the other curriculum's
    // course are no part of this one's week.
    expect(plan).toContain('  Week 1 · 2026-12-01 · 23 h\n');
    // On the curriculum they were logged on, they are.
    expect(await ok(h, ['plan'])).toContain('  Week 1 · 2026-12-01 · 20 h\n');
  });
});
