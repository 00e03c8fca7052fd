/**
 * The backup round trip as a property: whatever state the API or the CLI accepts (any mix of
 * profiles, marks, hours, notes, projects, rubric ticks, links and undos, valid or not, at and past
 * every limit), its JSON export imports into an empty store without a complaint and leaves it
 * holding the same data, which exports to the same JSON. A refused step changes nothing; no step
 * answers 5xx or exits with an internal error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH, MAX_LINK_LENGTH, MAX_TITLE_LENGTH } from '../core/planner/profile.js';
import { MAX_NOTE_LENGTH } from '../core/progress-model.js';
import { itemIndex, knownItemIds } from '../core/progress.js';
import { testHome } from '../cli/test-support/home.js';
import { fixtureCurriculum } from '../export/test-support/fixture.js';
import { databaseFile } from '../store/open.js';
import { openSqliteStore } from '../store/sqlite.js';
import { client, harness } from '../server/test-support/harness.js';

const curriculum = fixtureCurriculum();
const items = knownItemIds(itemIndex(curriculum));
const templates = curriculum.projects.map((p) => p.id);
const rubric = curriculum.meta.rubric.map((r) => r.id);
const skills = curriculum.skills.map((s) => s.id);
const points = curriculum.startingPoints.map((p) => p.id);

/** Text at and around a limit, with characters JSON escapes (quotes, backslashes, newlines, emoji). */
const around = (limit: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: limit - 2, max: limit + 2 }), fc.constantFrom('y', '"', '\\', '\n', '😀', '中'))
    .map(([n, c]) => c.repeat(Math.max(1, Math.floor(n / c.length))).slice(0, Math.max(1, n)));

const text = (limit: number): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) }, around(limit));

const id = fc.oneof(
  fc.constantFrom(...items),
  fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,3}$/),
  around(MAX_ID_LENGTH).map((s) => s.replace(/[^a-z]/g, 'a')),
);

const url = fc.oneof(
  fc.webUrl({ validSchemes: ['https'] }),
  fc.webUrl({ validSchemes: ['http', 'ftp'] }),
  fc.integer({ min: MAX_LINK_LENGTH - 25, max: MAX_LINK_LENGTH + 5 }).map((n) => `https://e.org/${'p'.repeat(n)}`),
  fc.constant(''),
);

const date = fc.oneof(
  fc.date({ min: new Date('1998-01-01'), max: new Date('2102-12-31'), noInvalidDate: true }),
  fc.constant(new Date('9999-12-31')),
);
const day = (d: Date): string => d.toISOString().slice(0, 10);

type Step =
  | {
      do: 'profile';
      startingPoint: string;
      hours: number;
      start: Date;
      known: string[];
      locale: string;
    }
  | { do: 'mark'; type: 'started' | 'done' | 'skipped' | 'reset'; item: string; note: string | undefined }
  | { do: 'log'; hours: number; item: string | undefined; note: string | undefined }
  | { do: 'note'; text: string }
  | { do: 'project'; template: string; id: string | undefined; title: string | undefined }
  | { do: 'rubric'; project: string; item: string; checked: boolean }
  | { do: 'link'; project: string; url: string }
  | { do: 'undo' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    do: fc.constant('profile' as const),
    startingPoint: fc.oneof(fc.constantFrom(...points), id),
    hours: fc.oneof(fc.double({ min: 0.1, max: 120, noNaN: true }), fc.constantFrom(0.5, 100, 101, 150)),
    start: date,
    known: fc.array(fc.oneof(fc.constantFrom(...skills), id), { maxLength: 3 }),
    locale: fc.constantFrom('en', 'zh-CN', 'xx'),
  }),
  fc.record({
    do: fc.constant('mark' as const),
    type: fc.constantFrom('started' as const, 'done' as const, 'skipped' as const, 'reset' as const),
    item: id,
    note: fc.option(text(MAX_NOTE_LENGTH), { nil: undefined }),
  }),
  fc.record({
    do: fc.constant('log' as const),
    hours: fc.oneof(fc.double({ min: -1, max: 30, noNaN: true }), fc.constantFrom(0.0004, 0.0005, 24, 24.0001)),
    item: fc.option(fc.constantFrom(...items), { nil: undefined }),
    note: fc.option(text(MAX_NOTE_LENGTH), { nil: undefined }),
  }),
  fc.record({ do: fc.constant('note' as const), text: text(MAX_NOTE_LENGTH) }),
  fc.record({
    do: fc.constant('project' as const),
    template: fc.oneof(fc.constantFrom(...templates), id),
    id: fc.option(fc.oneof(fc.stringMatching(/^[a-z]{1,8}(-[a-z0-9]{1,4})?$/), id), { nil: undefined }),
    title: fc.option(text(MAX_TITLE_LENGTH), { nil: undefined }),
  }),
  fc.record({
    do: fc.constant('rubric' as const),
    project: fc.constantFrom(...templates),
    item: fc.oneof(fc.constantFrom(...rubric), id),
    checked: fc.boolean(),
  }),
  fc.record({ do: fc.constant('link' as const), project: fc.constantFrom(...templates), url }),
  fc.constant({ do: 'undo' as const }),
);

/** The export without its moment of writing. */
function comparable(backupText: string): unknown {
  const { exportedAt: _at, ...rest } = JSON.parse(backupText) as Record<string, unknown>;
  return rest;
}

describe('any state a face accepts survives export and import into an empty store', () => {
  it('through the API', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const source = await harness({ curriculum });
        const target = await harness({ curriculum });
        try {
          const api = client(source.app);
          for (const s of steps) {
            const answer = await apiStep(api, s);
            expect(answer, JSON.stringify(s).slice(0, 300)).toBeLessThan(500);
            if (answer < 300) accepted++;
          }
          const exported = await source.app.request('/api/export?format=json');
          expect(exported.status).toBe(200);
          const backup = await exported.text();
          const imported = await client(target.app).post('/api/import', backup);
          expect(imported.status, JSON.stringify(imported.json).slice(0, 1000)).toBe(200);
          expect(await target.store.exportData('local')).toEqual(await source.store.exportData('local'));
          const again = await (await target.app.request('/api/export?format=json')).text();
          expect(comparable(again)).toEqual(comparable(backup));
        } finally {
          await source.close();
          await target.close();
        }
      }),
      { numRuns: 40, seed: 20261130, endOnFailure: true },
    );
    // The runs exercised stored state, not only refusals.
    expect(accepted).toBeGreaterThan(40);
  }, 600_000);

  it('through the CLI', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const source = testHome();
        const target = testHome();
        try {
          for (const s of steps) {
            const result = await source.run(cliStep(s));
            // 0 done, 1 refused input, 2 bad usage, 3 not found, 4 conflict; 70 would be a bug.
            expect(result.status, `${JSON.stringify(s).slice(0, 300)}\n${result.stderr}`).toBeLessThan(64);
            if (result.status === 0) accepted++;
          }
          const exported = await source.run(['export', '--format', 'json', '-o', 'backup.json']);
          expect(exported.status, exported.stderr).toBe(0);
          const imported = await target.run(['import', `${source.dir}/backup.json`]);
          expect(imported.status, imported.stderr).toBe(0);
          expect(await dump(target.env())).toEqual(await dump(source.env()));
        } finally {
          source.remove();
          target.remove();
        }
      }),
      { numRuns: 25, seed: 20261130, endOnFailure: true },
    );
    expect(accepted).toBeGreaterThan(25);
  }, 600_000);
});

async function dump(env: Record<string, string | undefined>): Promise<unknown> {
  const store = await openSqliteStore(databaseFile(env));
  try {
    return await store.exportData('local');
  } finally {
    await store.close();
  }
}

async function apiStep(api: ReturnType<typeof client>, s: Step): Promise<number> {
  switch (s.do) {
    case 'profile':
      return (
        await api.put('/api/profile', {
          startingPoint: s.startingPoint,
          hoursPerWeek: s.hours,
          startDate: day(s.start),
          known: s.known,
          locale: s.locale,
        })
      ).status;
    case 'mark':
      return (await api.post('/api/progress/events', { type: s.type, item: s.item })).status;
    case 'log':
      return (await api.post('/api/progress/events', { type: 'hours', hours: s.hours, item: s.item })).status;
    case 'note':
      return (await api.post('/api/progress/events', { type: 'note', text: s.text })).status;
    case 'project':
      return (await api.post('/api/projects', { template: s.template, id: s.id, title: s.title })).status;
    case 'rubric':
      return (await api.post(`/api/projects/${s.project}/rubric`, { item: s.item, checked: s.checked })).status;
    case 'link':
      return (await api.put(`/api/projects/${s.project}/links`, { repo: s.url })).status;
    case 'undo':
      return (await api.post('/api/progress/undo', {})).status;
  }
}

function cliStep(s: Step): string[] {
  switch (s.do) {
    case 'profile':
      return [
        'init',
        '--yes',
        '--force',
        '--start-point',
        s.startingPoint,
        '--hours',
        String(s.hours),
        '--start',
        day(s.start),
        ...(s.known.length > 0 ? ['--known', s.known.join(',')] : []),
        '--locale',
        s.locale,
      ];
    case 'mark':
      return [
        { started: 'learning', done: 'done', skipped: 'skip', reset: 'reset' }[s.type],
        ...(s.note !== undefined ? ['--note', s.note] : []),
        '--',
        s.item,
      ];
    case 'log':
      return [
        'log',
        ...(s.item !== undefined ? ['--on', s.item] : []),
        ...(s.note !== undefined ? ['--note', s.note] : []),
        '--',
        String(s.hours),
      ];
    case 'note':
      return ['note', '--', s.text];
    case 'project':
      return [
        'project',
        'add',
        ...(s.id !== undefined ? ['--id', s.id] : []),
        ...(s.title !== undefined ? ['--title', s.title] : []),
        '--',
        s.template,
      ];
    case 'rubric':
      return ['project', 'check', ...(s.checked ? [] : ['--undo']), '--', s.project, s.item];
    case 'link':
      return ['project', 'link', '--', s.project, 'repository', s.url];
    case 'undo':
      return ['undo'];
  }
}
