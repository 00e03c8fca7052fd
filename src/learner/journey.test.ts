/**
 * Nine weeks of a developer who only ticks what "This week" shows (and logs the time), never marking a
 * skill by hand, run through the real `mlpath` entry and the real HTTP app, in process, on one SQLite
 * file with the shipped curriculum. Every view must show the skills those units teach as done, with
 * the same numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CURRICULUM } from '../cli/paths.js';
import { memoryIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { loadCurriculum } from '../content/load.js';
import { addDays } from '../core/dates.js';
import type { Plan } from '../core/plan-model.js';
import { createApp } from '../server/app.js';
import { ProgressSummarySchema, StatusSchema, TodaySchema } from '../contract/index.js';
import { databaseFile } from '../store/open.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

const START = '2027-01-04'; // a Monday
const HOURS = 12;

let dir: string;
let now: string;
let store: Store;
let app: ReturnType<typeof createApp>;
const env = (): Record<string, string> => ({
  MLPATH_HOME: join(dir, 'home'),
  MLPATH_NOW: now,
  MLPATH_LANG: 'en',
  TZ: 'UTC',
});

async function cli(args: string[]): Promise<string> {
  const io = memoryIo({ env: env(), cwd: dir });
  const status = await main(args, io);
  if (status !== 0) throw new Error(`mlpath ${args.join(' ')} exited ${status}: ${io.stderr()}`);
  return io.stdout();
}
const cliJson = async (args: string[]): Promise<unknown> => JSON.parse(await cli([...args, '--json'])) as unknown;
async function api(path: string): Promise<unknown> {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return path.includes('format=md') ? res.text() : res.json();
}

/** Wednesday of plan week `n` (1-based), at noon. */
const wednesdayOf = (n: number): string => `${addDays(START, 7 * (n - 1) + 2)}T12:00:00.000Z`;

const ticked = new Set<string>();
let firstPlan: Plan;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlpath-journey-'));
  now = `${START}T09:00:00.000Z`;
  await cli(['init', '--yes', '--start-point', 'developer', '--hours', String(HOURS), '--start', START]);
  firstPlan = (await cliJson(['plan'])) as Plan;
  store = await openSqliteStore(databaseFile(env()));
  app = createApp({
    store,
    curriculum: loadCurriculum(SHIPPED_CURRICULUM),
    clock: () => new Date(now),
    version: 'test',
  });
  for (let week = 1; week <= 9; week++) {
    now = wednesdayOf(week);
    const view = TodaySchema.parse(await cliJson(['week']));
    expect(view.week?.number).toBe(week);
    let hours = 0;
    for (const task of view.week?.tasks ?? []) {
      const key = task.key ?? (task.unit ? `${task.resource}/${task.unit}` : task.resource);
      if (ticked.has(key)) continue;
      await cli(['done', key]);
      ticked.add(key);
      hours += task.hours;
    }
    if (hours > 0) await cli(['log', String(Math.min(24, Math.round(hours * 10) / 10))]);
  }
  now = wednesdayOf(10);
}, 240_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Skills every unit of the first plan that teaches them was ticked: what the learner finished. */
function finishedSkills(): Set<string> {
  const units = new Map<string, Set<string>>();
  for (const week of firstPlan.weeks) {
    for (const task of week.tasks) {
      const key = task.key ?? (task.unit ? `${task.resource}/${task.unit}` : task.resource);
      for (const skill of task.skills) units.set(skill, (units.get(skill) ?? new Set()).add(key));
    }
  }
  return new Set([...units].filter(([, keys]) => [...keys].every((k) => ticked.has(k))).map(([skill]) => skill));
}

describe('nine weeks of ticking units, no skill marked by hand', () => {
  it('ticked real units and marked no skill', async () => {
    expect(ticked.size).toBeGreaterThan(8);
    const events = await store.listEvents('local');
    const skillIds = new Set(loadCurriculum(SHIPPED_CURRICULUM).skills.map((s) => s.id));
    expect(events.filter((e) => e.type === 'done' && skillIds.has(e.item ?? ''))).toEqual([]);
    expect(finishedSkills().size).toBeGreaterThan(3);
  });

  it('counts week 10 from the real start date', async () => {
    const cliView = TodaySchema.parse(await cliJson(['today']));
    const apiView = TodaySchema.parse(await api('/api/today'));
    expect(cliView.week?.number).toBe(10);
    expect(apiView).toEqual(cliView);
  });

  it('shows the skills those units teach as done in /api/progress, the Markdown export and the roadmap data', async () => {
    const progress = ProgressSummarySchema.parse(await api('/api/progress'));
    const markdownApi = (await api('/api/export?format=md')) as string;
    const markdownCli = await cli(['export', '--format', 'md']);
    for (const skill of finishedSkills()) {
      expect(progress.skills[skill], skill).toBe('done');
      expect(markdownApi).toMatch(new RegExp(`- \\[x\\] .*\`${skill}\``));
      expect(markdownCli).toMatch(new RegExp(`- \\[x\\] .*\`${skill}\``));
    }
    const doneInMarkdown = (markdownApi.match(/^- \[x\] /gm) ?? []).length;
    // The summary counts the plan's skills, as status does; the list also ticks skills done outside it.
    const summary = markdownApi.match(/(\d+) of the (\d+) skills in your plan done/);
    expect(Number(summary?.[1])).toBeGreaterThan(0);
    expect(Number(summary?.[1])).toBeLessThanOrEqual(doneInMarkdown);
    expect(doneInMarkdown).toBeGreaterThanOrEqual(finishedSkills().size);
  });

  it('gives the same numbers in `status --json`, /api/status, /api/progress and the stage bars', async () => {
    const fromCli = StatusSchema.omit({ burnup: true }).parse(await cliJson(['status']));
    const fromApi = StatusSchema.parse(await api('/api/status'));
    const progress = ProgressSummarySchema.parse(await api('/api/progress'));
    const { burnup, ...apiStatus } = fromApi;
    // Shown second, the API's status says the finish was where the CLI's showed it; the rest is equal.
    expect(apiStatus.forecast?.previousFinishDate).toBe(fromCli.forecast?.finishDate);
    const forecast = fromCli.forecast && { ...fromCli.forecast, previousFinishDate: fromCli.forecast.finishDate };
    expect(apiStatus).toEqual({ ...fromCli, forecast });
    expect(fromCli.skills).toEqual(progress.stats.skillsDone);
    const markdown = (await api('/api/export?format=md')) as string;
    expect(markdown).toContain(
      `${fromCli.skills.done} of the ${fromCli.skills.total} skills in your plan done (the curriculum has ${fromCli.curriculumSkills.total})`,
    );
    expect(fromCli.curriculumSkills).toEqual(progress.stats.curriculumSkills);
    // The stage bars count the same skills as the total.
    expect(fromCli.stages.reduce((sum, s) => sum + s.total, 0)).toBeLessThanOrEqual(fromCli.skills.total);
    for (const { id, ...count } of fromCli.stages) expect(progress.stats.doneByStage[id]).toEqual(count);
    expect(fromCli.readiness.percent).toBeGreaterThan(0);

    // Every finished skill is counted in its stage's bar.
    const curriculum = loadCurriculum(SHIPPED_CURRICULUM);
    for (const skill of finishedSkills()) {
      const stage = curriculum.stages.find(
        (s) => s.skills.includes(skill) && fromCli.stages.some((r) => r.id === s.id),
      );
      if (stage) expect(fromCli.stages.find((r) => r.id === stage.id)?.done ?? 0).toBeGreaterThan(0);
    }
    const text = await cli(['status']);
    for (const row of fromCli.stages) expect(text).toContain(`${row.done}/${row.total}`);
    expect(text).toContain(
      `Skills done: ${fromCli.skills.done} of the ${fromCli.skills.total} in your plan (the curriculum has ${fromCli.curriculumSkills.total})`,
    );

    // The burn-up: "done" is the planned hours of finished work; "hours logged" what was logged.
    const current = burnup.filter((p) => p.doneHours !== null).at(-1);
    expect(current?.doneHours).toBeGreaterThan(0);
    // The burn-up rounds to a tenth (375.05 reads 375.1): at most half a tenth apart.
    expect(Math.abs((current?.loggedHours ?? Number.NaN) - fromCli.totalHours)).toBeLessThanOrEqual(0.05 + 1e-9);
  });
});
