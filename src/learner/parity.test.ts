/**
 * The parity suite: one table of cases, each a list of learner steps run through both faces, the
 * real CLI entry (`main`, in process) and the real HTTP app (`createApp`, in process), each on a real
 * SQLite store of its own with the same clock and curriculum. Every step must end the same way in
 * both (done, refused as bad input, refused as a conflict, or nothing to do), with the same
 * suggestions and the same exported text, and the stores must hold the same profile, the same steps
 * in force and the same projects afterwards.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../content/load.js';
import { taskKey, taskLabel } from '../../web/src/lib/task-title.js';
import type { Titled } from '../../web/src/lib/task-title.js';
import { orderEvents, cancelledIds } from '../core/progress.js';
import { testHome } from '../cli/test-support/home.js';
import type { TestHome } from '../cli/test-support/home.js';
import { client, harness } from '../server/test-support/harness.js';
import type { Harness } from '../server/test-support/harness.js';
import { fixtureCurriculum } from '../export/test-support/fixture.js';
import { databaseFile } from '../store/open.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

/** A Friday, so "the Monday on or after today" is 2026-11-30. */
const NOW = '2026-11-27T09:00:00.000Z';

type Step =
  | {
      do: 'profile';
      startingPoint?: string;
      known?: string[];
      hours?: number;
      start?: string;
    }
  | { do: 'mark'; type: 'started' | 'done' | 'skipped' | 'reset'; item: string; noLog?: boolean }
  | { do: 'log'; hours: number; item?: string; date?: string }
  | { do: 'note'; text: string; item?: string }
  | { do: 'undo' }
  | { do: 'project-add'; template: string; id?: string }
  | { do: 'rubric'; project: string; item: string; checked: boolean }
  | { do: 'link'; project: string; kind: 'repository' | 'demo' | 'writeup'; url: string }
  | { do: 'project-remove'; project: string }
  | { do: 'export'; format: 'md' | 'ics' | 'json' }
  | { do: 'week' }
  | { do: 'target'; date: string | null }
  | { do: 'status' }
  /** The forecast against the first plan: `status --json` in the CLI, GET /api/plan in the API. */
  | { do: 'forecast' };

type Ending = 'done' | 'bad-request' | 'conflict' | 'nothing';

interface StepResult {
  readonly ending: Ending;
  /** "Did you mean" suggestions, when refused with some. */
  readonly suggestions: readonly string[];
  /** An export's text. */
  readonly text?: string;
}

/** The ids a refusal suggests, in either face's wording. */
function suggestionsIn(message: string): string[] {
  const match = /did you mean:? (.*?)\?/i.exec(message);
  if (!match?.[1]) return [];
  return match[1]
    .split(/, | or /)
    .map((s) => s.replace(/"/g, '').trim())
    .filter((s) => s !== '');
}

const CLI_STEP: Record<Step['do'], (step: never) => string[]> = {
  profile: (s: Extract<Step, { do: 'profile' }>) => [
    'init',
    '--yes',
    '--force',
    ...(s.startingPoint !== undefined ? ['--start-point', s.startingPoint] : []),
    ...(s.known !== undefined ? ['--known', s.known.join(',')] : []),
    ...(s.hours !== undefined ? ['--hours', String(s.hours)] : []),
    ...(s.start !== undefined ? ['--start', s.start] : []),
  ],
  mark: (s: Extract<Step, { do: 'mark' }>) => [
    { started: 'learning', done: 'done', skipped: 'skip', reset: 'reset' }[s.type],
    s.item,
    ...(s.noLog ? ['--no-log'] : []),
  ],
  log: (s: Extract<Step, { do: 'log' }>) => [
    'log',
    String(s.hours),
    ...(s.item !== undefined ? ['--on', s.item] : []),
    ...(s.date !== undefined ? ['--date', s.date] : []),
  ],
  note: (s: Extract<Step, { do: 'note' }>) => ['note', s.text, ...(s.item !== undefined ? ['--on', s.item] : [])],
  undo: () => ['undo'],
  'project-add': (s: Extract<Step, { do: 'project-add' }>) => [
    'project',
    'add',
    s.template,
    ...(s.id !== undefined ? ['--id', s.id] : []),
  ],
  rubric: (s: Extract<Step, { do: 'rubric' }>) => [
    'project',
    'check',
    s.project,
    s.item,
    ...(s.checked ? [] : ['--undo']),
  ],
  link: (s: Extract<Step, { do: 'link' }>) => ['project', 'link', s.project, s.kind, s.url],
  'project-remove': (s: Extract<Step, { do: 'project-remove' }>) => ['project', 'remove', s.project],
  export: (s: Extract<Step, { do: 'export' }>) => ['export', '--format', s.format],
  week: () => ['week', '--json'],
  target: (s: Extract<Step, { do: 'target' }>) => ['target', s.date ?? 'none'],
  status: () => ['status', '--json'],
  forecast: () => ['status', '--json'],
};

/** What a forecast says of the finish: the date, the first plan's, how far it moved and the pace. */
function forecastText(forecast: Record<string, unknown> | null | undefined): string {
  if (!forecast) return 'null';
  const { finishDate, originalFinishDate, movedDays, pace } = forecast;
  return JSON.stringify({ finishDate, originalFinishDate, movedDays, pace });
}

/** What both faces' status share: the forecast with its range and the finish shown before, the target date and the warnings. */
function outlookText(json: unknown): string {
  const { forecast, target, warnings } = json as {
    forecast: Record<string, unknown> | null;
    target: unknown;
    warnings: unknown;
  };
  return JSON.stringify({ forecast, target, warnings });
}

async function viaCli(home: TestHome, step: Step): Promise<StepResult> {
  const argv = (CLI_STEP[step.do] as (s: Step) => string[])(step);
  const { status, stdout, stderr } = await home.run(argv);
  const ending: Ending =
    status === 0 ? (/^Nothing to undo\./.test(stdout) ? 'nothing' : 'done') : status === 1 ? 'conflict' : 'bad-request';
  // What an export writes, or the week `week --json` shows (compared with GET /api/today).
  const text =
    status !== 0
      ? undefined
      : step.do === 'export'
        ? stdout
        : step.do === 'week'
          ? JSON.stringify(JSON.parse(stdout))
          : step.do === 'status'
            ? outlookText(JSON.parse(stdout))
            : step.do === 'forecast'
              ? forecastText((JSON.parse(stdout) as { forecast: Record<string, unknown> | null }).forecast)
              : undefined;
  return { ending, suggestions: suggestionsIn(stderr), ...(text !== undefined ? { text } : {}) };
}

async function viaApi(h: Harness, step: Step): Promise<StepResult> {
  const api = client(h.app);
  let res: { status: number; json: unknown; res: Response };
  switch (step.do) {
    case 'profile':
      res = await api.put('/api/profile', {
        startingPoint: step.startingPoint ?? 'from-scratch',
        ...(step.known !== undefined ? { known: step.known } : {}),
        ...(step.hours !== undefined ? { hoursPerWeek: step.hours } : {}),
        ...(step.start !== undefined ? { startDate: step.start } : {}),
      });
      break;
    case 'mark':
      res = await api.post('/api/progress/events', {
        type: step.type,
        item: step.item,
        ...(step.noLog ? { logPlannedHours: false } : {}),
      });
      break;
    case 'log':
      res = await api.post('/api/progress/events', {
        type: 'hours',
        hours: step.hours,
        ...(step.item !== undefined ? { item: step.item } : {}),
        ...(step.date !== undefined ? { date: step.date } : {}),
      });
      break;
    case 'note':
      res = await api.post('/api/progress/events', {
        type: 'note',
        text: step.text,
        ...(step.item !== undefined ? { item: step.item } : {}),
      });
      break;
    case 'undo':
      res = await api.post('/api/progress/undo', {});
      if (res.status === 404 && JSON.stringify(res.json).includes('nothing to undo'))
        return { ending: 'nothing', suggestions: [] };
      break;
    case 'project-add':
      res = await api.post('/api/projects', { template: step.template, ...(step.id ? { id: step.id } : {}) });
      break;
    case 'rubric':
      res = await api.post(`/api/projects/${step.project}/rubric`, { item: step.item, checked: step.checked });
      break;
    case 'link': {
      // PUT replaces every link: send the ones there with this one changed, as the web does.
      const listed = (await api.get('/api/projects')).json as {
        projects: { id: string; links: Record<string, string> }[];
      };
      const links = listed.projects.find((p) => p.id === step.project)?.links ?? {};
      res = await api.put(`/api/projects/${step.project}/links`, {
        ...links,
        [step.kind === 'repository' ? 'repo' : step.kind]: step.url,
      });
      break;
    }
    case 'project-remove': {
      const response = await h.app.request(`/api/projects/${step.project}`, { method: 'DELETE' });
      res = { status: response.status, json: await response.json(), res: response };
      break;
    }
    case 'week': {
      const week = await api.get('/api/today');
      return week.status === 200
        ? { ending: 'done', suggestions: [], text: JSON.stringify(week.json) }
        : { ending: 'bad-request', suggestions: [] };
    }
    case 'target':
      res = await api.put('/api/profile/target-date', { targetDate: step.date });
      break;
    case 'forecast': {
      const plan = await api.get('/api/plan');
      return plan.status === 200
        ? {
            ending: 'done',
            suggestions: [],
            text: forecastText((plan.json as { forecast: Record<string, unknown> | null }).forecast),
          }
        : { ending: 'bad-request', suggestions: [] };
    }
    case 'status': {
      const report = await api.get('/api/status');
      return report.status === 200
        ? { ending: 'done', suggestions: [], text: outlookText(report.json) }
        : { ending: 'bad-request', suggestions: [] };
    }
    case 'export': {
      const response = await h.app.request(`/api/export?format=${step.format}`);
      const text = await response.text();
      return response.status === 200
        ? { ending: 'done', suggestions: [], text }
        : { ending: 'bad-request', suggestions: [] };
    }
  }
  const ending: Ending =
    res.status === 200 ? 'done' : res.status === 409 || res.status === 422 ? 'conflict' : 'bad-request';
  return { ending, suggestions: suggestionsIn(JSON.stringify(res.json).replace(/\\"/g, '"')) };
}

/** What a store holds, without ids and instants that differ by nature between two stores. */
async function stateOf(store: Store) {
  const events = await store.listEvents('local');
  const cancelled = cancelledIds(events);
  return {
    profile: (await store.getProfile('local')) ?? null,
    steps: orderEvents(events)
      .filter((e) => e.type !== 'undo' && !cancelled.has(e.id))
      .map((e) => ({ type: e.type, item: e.item, hours: e.hours, date: e.date, text: e.text })),
    projects: (await store.listProjects('local')).map((p) => ({ id: p.id, template: p.template, links: p.links })),
  };
}

async function cliState(home: TestHome) {
  const store = await openSqliteStore(databaseFile(home.env()));
  try {
    return await stateOf(store);
  } finally {
    await store.close();
  }
}

interface Case {
  readonly name: string;
  readonly steps: readonly Step[];
  /** How each step must end (in both faces). */
  readonly endings: readonly Ending[];
  /** Steps that must reach the same state (an undone step leaves the state as if it never was). */
  readonly sameAs?: readonly Step[];
  /** Further checks on the state both faces reached. */
  readonly then?: (state: Awaited<ReturnType<typeof stateOf>>, results: readonly StepResult[]) => void;
}

const profile = (extra: Partial<Extract<Step, { do: 'profile' }>> = {}): Step => ({
  do: 'profile',
  startingPoint: 'from-scratch',
  ...extra,
});

const CASES: readonly Case[] = [
  {
    name: 'start date: today',
    steps: [profile()],
    endings: ['done'],
    then: (s) => expect(s.profile?.startDate).toBe('2026-11-27'),
  },
  {
    name: 'suggestions for an unknown skill in a profile',
    steps: [profile({ known: ['pythn-programming'] })],
    endings: ['bad-request'],
    then: (s, r) => {
      expect(r[0]?.suggestions).toContain('python-programming');
      expect(s.profile).toBeNull();
    },
  },
  {
    name: 'spellings and aliases in a profile',
    steps: [profile({ known: ['Linear_Algebra', 'python'] })],
    endings: ['done'],
    then: (s) => expect(s.profile?.known).toEqual(['linear-algebra', 'python']),
  },
  {
    name: 'trimming in a profile',
    steps: [profile({ startingPoint: ' from-scratch ', known: [' linear-algebra '] })],
    endings: ['done'],
    then: (s) => expect(s.profile).toMatchObject({ startingPoint: 'from-scratch', known: ['linear-algebra'] }),
  },
  {
    name: 'bounds: half an hour a week plans; none or 101 are refused',
    steps: [profile({ hours: 0 }), profile({ hours: 101 }), profile({ hours: 0.5 })],
    endings: ['bad-request', 'bad-request', 'done'],
    then: (s) => expect(s.profile?.hoursPerWeek).toBe(0.5),
  },
  {
    name: 'bounds: a start far outside 2000-2100 is refused, not planned into year 10000',
    steps: [profile({ start: '9999-12-31' }), profile({ start: '1999-12-27' }), profile({ start: '2100-12-27' })],
    endings: ['bad-request', 'bad-request', 'done'],
    then: (s) => expect(s.profile?.startDate).toBe('2100-12-27'),
  },
  {
    name: 'bounds: a note of 10,000 characters is kept, one more is refused (the backup holds the same limit)',
    steps: [
      { do: 'note', text: 'y'.repeat(10_001) },
      { do: 'note', text: 'y'.repeat(10_000) },
    ],
    endings: ['bad-request', 'done'],
    then: (s) => expect(s.steps.map((e) => e.text?.length)).toEqual([10_000]),
  },
  {
    name: 'marks: spellings, trimming and suggestions',
    steps: [
      { do: 'mark', type: 'done', item: ' Linear_Algebra ' },
      { do: 'mark', type: 'started', item: 'deep-learning-basic' },
    ],
    endings: ['done', 'bad-request'],
    then: (s, r) => {
      expect(s.steps).toEqual([
        { type: 'done', item: 'linear-algebra', hours: undefined, date: undefined, text: undefined },
      ]);
      expect(r[1]?.suggestions).toContain('deep-learning-basics');
    },
  },
  {
    name: 'skipping an item already skipped records nothing new',
    steps: [
      { do: 'mark', type: 'skipped', item: 'la-book' },
      { do: 'mark', type: 'skipped', item: 'la-book' },
    ],
    endings: ['done', 'done'],
    then: (s) => expect(s.steps.map((e) => e.type)).toEqual(['skipped']),
  },
  {
    name: 'marking done what is already done records nothing new and logs no hours again',
    steps: [
      profile(),
      { do: 'mark', type: 'done', item: 'cs50p/week-0' },
      { do: 'mark', type: 'done', item: 'cs50p/week-0' },
      { do: 'mark', type: 'done', item: 'linear-algebra', noLog: true },
      { do: 'mark', type: 'done', item: 'linear-algebra' },
      { do: 'undo' },
    ],
    endings: ['done', 'done', 'done', 'done', 'done', 'done'],
    // The undo takes back the latest real step, the skill's mark: the unit's tick and its hours stay.
    then: (s) => expect(s.steps.map((e) => `${e.type} ${e.item}`)).toEqual(['done cs50p/week-0', 'hours cs50p/week-0']),
  },
  {
    name: 'a tick logs the task’s planned hours, unless asked not to',
    steps: [
      profile(),
      { do: 'mark', type: 'done', item: 'cs50p/week-0' },
      { do: 'mark', type: 'done', item: 'cs50p/week-1', noLog: true },
    ],
    endings: ['done', 'done', 'done'],
    then: (s) => {
      const logged = s.steps.filter((e) => e.type === 'hours');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ item: 'cs50p/week-0', date: '2026-11-27' });
      expect(logged[0]?.hours).toBeGreaterThan(0);
    },
  },
  {
    name: 'hours: bounds and dates',
    steps: [
      { do: 'log', hours: 0.5 },
      { do: 'log', hours: 25 },
      { do: 'log', hours: 1, date: '2026-11-28' },
      { do: 'log', hours: 2, item: 'cs50p', date: '2026-11-20' },
    ],
    endings: ['done', 'bad-request', 'bad-request', 'done'],
    then: (s) =>
      expect(s.steps.map((e) => [e.hours, e.item, e.date])).toEqual([
        [0.5, undefined, '2026-11-27'],
        [2, 'cs50p', '2026-11-20'],
      ]),
  },
  {
    name: 'export without a profile: the Markdown record yes, the calendar no',
    steps: [
      { do: 'mark', type: 'done', item: 'python' },
      { do: 'export', format: 'md' },
      { do: 'export', format: 'ics' },
    ],
    endings: ['done', 'done', 'bad-request'],
    then: (_s, r) => expect(r[1]?.text).toContain('- [x] Programming in Python'),
  },
  {
    name: 'projects: a taken id is refused, never numbered; an id of its own is taken',
    steps: [
      { do: 'project-add', template: 'chinese-chatbot' },
      { do: 'project-add', template: 'chinese-chatbot' },
      { do: 'project-add', template: 'chinese-chatbot', id: 'chatbot-2' },
      { do: 'project-add', template: 'chinese-chatbo' },
    ],
    endings: ['done', 'conflict', 'done', 'bad-request'],
    then: (s, r) => {
      expect(s.projects.map((p) => p.id).sort()).toEqual(['chatbot-2', 'chinese-chatbot']);
      expect(r[3]?.suggestions).toEqual(['chinese-chatbot']);
    },
  },
  // Undo of each kind of step.
  ...(
    [
      ['a mark', [{ do: 'mark', type: 'started', item: 'linear-algebra' }]],
      ['a tick with the hours it logged', [profile(), { do: 'mark', type: 'done', item: 'cs50p/week-0' }]],
      ['a skip', [{ do: 'mark', type: 'skipped', item: 'cs50p' }]],
      [
        'a reset',
        [
          { do: 'mark', type: 'done', item: 'cs50p' },
          { do: 'mark', type: 'reset', item: 'cs50p' },
        ],
      ],
      ['hours', [{ do: 'log', hours: 2 }]],
      ['a note', [{ do: 'note', text: 'chapter one read', item: 'la-book' }]],
      [
        'a rubric tick',
        [
          { do: 'project-add', template: 'chinese-chatbot' },
          { do: 'rubric', project: 'chinese-chatbot', item: 'write-up', checked: true },
        ],
      ],
      ['a project added', [{ do: 'project-add', template: 'chinese-chatbot' }]],
      [
        'a link set',
        [
          { do: 'project-add', template: 'chinese-chatbot' },
          { do: 'link', project: 'chinese-chatbot', kind: 'repository', url: 'https://github.com/someone/bot' },
        ],
      ],
      [
        'a project removed',
        [
          { do: 'project-add', template: 'chinese-chatbot' },
          { do: 'link', project: 'chinese-chatbot', kind: 'demo', url: 'https://bot.example.org' },
          { do: 'project-remove', project: 'chinese-chatbot' },
        ],
      ],
    ] as [string, Step[]][]
  ).map(([what, setup]): Case => ({
    name: `undo of ${what}`,
    steps: [...setup, { do: 'undo' }],
    endings: [...setup.map((): Ending => 'done'), 'done'],
    sameAs: setup.slice(0, -1),
  })),
  {
    name: 'the current week before the start date, and in the first week',
    steps: [
      profile({ start: '2026-12-14' }),
      { do: 'week' },
      { do: 'undo' },
      profile({ start: '2026-11-23' }),
      { do: 'week' },
    ],
    endings: ['done', 'done', 'nothing', 'done', 'done'],
    then: (_s, r) => {
      // Before the start: the plan's first week, said to be ahead; saving a profile is not a step undo takes back.
      expect(JSON.parse(r[1]?.text ?? 'null')).toMatchObject({
        today: '2026-11-27',
        beforeStart: true,
        week: { number: 1, start: '2026-12-14' },
      });
      expect(JSON.parse(r[4]?.text ?? 'null')?.week).not.toBeNull();
    },
  },
  {
    name: 'the finish range from past weeks, and a target date with the hours it needs',
    steps: [
      profile({ hours: 10, start: '2026-10-26' }),
      { do: 'status' },
      { do: 'log', hours: 6, date: '2026-10-28' },
      { do: 'log', hours: 14, date: '2026-11-04' },
      { do: 'log', hours: 3, date: '2026-11-11' },
      { do: 'log', hours: 12, date: '2026-11-18' },
      { do: 'status' },
      { do: 'target', date: '2027-12-01' },
      { do: 'target', date: '2026-10-01' },
      { do: 'target', date: 'soon' },
      { do: 'status' },
      { do: 'target', date: null },
    ],
    endings: [
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'bad-request',
      'bad-request',
      'done',
      'done',
    ],
    then: (s, r) => {
      // No range from a single week of no study: said so, not invented.
      const before = JSON.parse(r[1]?.text ?? 'null');
      expect(before.forecast).toMatchObject({
        p10: null,
        p50: null,
        p90: null,
        range: { weeks: 0, needed: 4, loggedPerWeek: null, plannedPerWeek: null },
      });
      const after = JSON.parse(r[6]?.text ?? 'null');
      // 6, 14, 3 and 12 hours against 10 a week: 8.75, shown to a tenth.
      expect(after.forecast.range).toEqual({ weeks: 4, needed: 4, runs: 2000, loggedPerWeek: 8.8, plannedPerWeek: 10 });
      expect(after.forecast.p10 <= after.forecast.p50 && after.forecast.p50 <= after.forecast.p90).toBe(true);
      expect(after.forecast.p10 < after.forecast.p90).toBe(true);
      const target = JSON.parse(r[10]?.text ?? 'null').target;
      expect(target).toMatchObject({ date: '2027-12-01', hoursPerWeek: 10 });
      expect(target.hoursPerWeekNeeded).toBeGreaterThan(0);
      // Cleared again: the profile holds none.
      expect(s.profile?.targetDate).toBeUndefined();
    },
  },
  {
    name: 'general study and then a tick count the same hours once: the finish stays where the first plan had it',
    steps: [
      profile({ hours: 10, start: '2026-11-23' }),
      { do: 'log', hours: 3 },
      { do: 'mark', type: 'done', item: 'cs50p/week-0' },
      { do: 'forecast' },
    ],
    endings: ['done', 'done', 'done', 'done'],
    then: (s, r) => {
      // The tick logs what its estimate leaves after the three hours; the week holds the unit's estimate.
      expect(s.steps.map((e) => `${e.type} ${e.item ?? ''}`)).toEqual([
        'hours ',
        'done cs50p/week-0',
        'hours cs50p/week-0',
      ]);
      expect(JSON.parse(r[3]?.text ?? 'null')).toMatchObject({ movedDays: 0 });
    },
  },
  {
    name: 'study logged without an item that no tick accounts for is said, with the task at hand, until it is ticked',
    steps: [
      profile({ hours: 10, start: '2026-11-23' }),
      { do: 'log', hours: 20 },
      { do: 'status' },
      { do: 'mark', type: 'done', item: 'cs50p/week-0' },
      { do: 'status' },
    ],
    endings: ['done', 'done', 'done', 'done', 'done'],
    then: (s, r) => {
      const warned = JSON.parse(r[2]?.text ?? 'null').warnings;
      // The unit at hand is estimated at 10 h, as is a week: the plan counts 10 h as under way, the rest as slow.
      expect(warned).toEqual([
        {
          kind: 'unticked',
          hours: 20,
          underWay: 10,
          next: 'cs50p/week-0',
          title: {
            en: "CS50's Introduction to Programming with Python: Functions and variables",
            'zh-CN': "CS50's Introduction to Programming with Python：函数与变量",
          },
        },
      ]);
      // The tick logs nothing more (the 20 h cover its estimate), and the 10 h left are less than the next unit's 20.
      expect(s.steps.filter((e) => e.type === 'hours')).toHaveLength(1);
      expect(JSON.parse(r[4]?.text ?? 'null').warnings).toEqual([]);
    },
  },
  {
    name: 'a replaced profile keeps the first plan as the baseline, in the status and in the plan alike',
    steps: [profile({ hours: 10 }), { do: 'forecast' }, profile({ hours: 20 }), { do: 'forecast' }],
    endings: ['done', 'done', 'done', 'done'],
    then: (_s, r) => {
      const first = JSON.parse(r[1]?.text ?? 'null');
      const after = JSON.parse(r[3]?.text ?? 'null');
      expect(first.movedDays).toBe(0);
      expect(after.originalFinishDate).toBe(first.finishDate);
      expect(after.finishDate < first.finishDate).toBe(true);
      expect(after.movedDays).toBeLessThan(0);
    },
  },
  {
    name: 'undo with nothing to undo, and undo step by step back to the start',
    steps: [
      { do: 'undo' },
      profile(),
      { do: 'mark', type: 'done', item: 'cs50p/week-0' },
      { do: 'rubric', project: 'nope', item: 'front-end', checked: true },
      { do: 'undo' },
      { do: 'undo' },
    ],
    endings: ['nothing', 'done', 'done', 'bad-request', 'done', 'nothing'],
    then: (s) => expect(s.steps).toEqual([]),
  },
];

const open: { homes: TestHome[]; harnesses: Harness[] } = { homes: [], harnesses: [] };
afterEach(async () => {
  for (const home of open.homes.splice(0)) home.remove();
  for (const h of open.harnesses.splice(0)) await h.close();
});

describe('the CLI and the API answer alike', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const home = testHome(NOW);
      open.homes.push(home);
      const h = await harness({ curriculum: fixtureCurriculum(), now: NOW });
      open.harnesses.push(h);
      const viaCliResults: StepResult[] = [];
      const viaApiResults: StepResult[] = [];
      for (const step of c.steps) {
        viaCliResults.push(await viaCli(home, step));
        viaApiResults.push(await viaApi(h, step));
      }
      expect(
        viaCliResults.map((r) => r.ending),
        'CLI',
      ).toEqual(c.endings);
      expect(
        viaApiResults.map((r) => r.ending),
        'API',
      ).toEqual(c.endings);
      expect(viaCliResults.map((r) => r.suggestions)).toEqual(viaApiResults.map((r) => r.suggestions));
      expect(viaCliResults.map((r) => r.text)).toEqual(viaApiResults.map((r) => r.text));
      const state = await cliState(home);
      expect(state).toEqual(await stateOf(h.store));
      c.then?.(state, viaCliResults);
      if (c.sameAs) {
        const before = await harness({ curriculum: fixtureCurriculum(), now: NOW });
        open.harnesses.push(before);
        for (const step of c.sameAs) await viaApi(before, step);
        expect(state).toEqual(await stateOf(before.store));
      }
    });
  }
});

describe('undo leaves each kind of step as if it had not happened', () => {
  it('takes back a tick with its hours, a project with its links, and a removal', async () => {
    const h = await harness({ curriculum: fixtureCurriculum(), now: NOW });
    open.harnesses.push(h);
    const api = client(h.app);
    const before = await stateOf(h.store);
    await api.put('/api/profile', { startingPoint: 'from-scratch' });
    const afterProfile = await stateOf(h.store);
    await api.post('/api/progress/events', { type: 'done', item: 'cs50p/week-0' });
    expect((await stateOf(h.store)).steps.map((e) => e.type)).toEqual(['done', 'hours']);
    await api.post('/api/progress/undo', {});
    expect(await stateOf(h.store)).toEqual(afterProfile);
    await api.post('/api/projects', { template: 'chinese-chatbot' });
    await api.put('/api/projects/chinese-chatbot/links', { repo: 'https://github.com/someone/bot' });
    const linked = await stateOf(h.store);
    await h.app.request('/api/projects/chinese-chatbot', { method: 'DELETE' });
    expect((await stateOf(h.store)).projects).toEqual([]);
    await api.post('/api/progress/undo', {});
    expect(await stateOf(h.store)).toEqual(linked);
    await api.post('/api/progress/undo', {});
    await api.post('/api/progress/undo', {});
    expect(await stateOf(h.store)).toEqual(afterProfile);
    expect(before.profile).toBeNull();
  });
});

describe('the week’s review time is one figure in the plan and the week, through the CLI and the API', () => {
  const shipped = fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url));
  // A Monday: the whole week is ahead, and its study time is what the hours logged leave.
  const monday = '2026-11-30T09:00:00.000Z';
  const skills = ['python-basics', 'linear-algebra', 'sql-databases'];

  async function bothFaces(logged: number) {
    const home = testHome(monday);
    open.homes.push(home);
    const env = { MLPATH_CURRICULUM: shipped };
    const h = await harness({ curriculum: loadCurriculum(shipped), now: monday });
    open.harnesses.push(h);
    const api = client(h.app);
    expect((await home.run(['init', '--yes', '--start-point', 'from-scratch', '--hours', '10'], env)).status).toBe(0);
    expect((await api.put('/api/profile', { startingPoint: 'from-scratch', hoursPerWeek: 10 })).status).toBe(200);
    for (const item of skills) {
      expect((await home.run(['done', item, '--no-log'], env)).status).toBe(0);
      expect((await api.post('/api/progress/events', { type: 'done', item, logPlannedHours: false })).status).toBe(200);
    }
    if (logged > 0) {
      expect((await home.run(['log', String(logged)], env)).status).toBe(0);
      expect((await api.post('/api/progress/events', { type: 'hours', hours: logged })).status).toBe(200);
    }
    const cliWeek = JSON.parse((await home.run(['week', '--json'], env)).stdout);
    const cliPlan = JSON.parse((await home.run(['plan', '--json'], env)).stdout);
    const cliText = (await home.run(['today'], env)).stdout;
    const apiWeek = (await api.get('/api/today')).json as typeof cliWeek;
    const apiPlan = (await api.get('/api/plan')).json as { forecast: { plan: typeof cliPlan } };
    return { cliWeek, cliPlan, cliText, apiWeek, apiPlan: apiPlan.forecast.plan };
  }

  it('with time to spare: the expected reviews are reserved whole', async () => {
    const f = await bothFaces(0);
    expect(f.cliWeek.review.dueNow).toBeGreaterThan(0);
    expect(f.cliWeek.review).toEqual(f.apiWeek.review);
    expect(f.cliWeek.review.minutes).toBe(f.cliWeek.review.expectedMinutes);
    expect(f.cliPlan.weeks[0].start).toBe(f.cliWeek.week.start);
    expect(f.cliPlan.weeks[0].reviewMinutes).toBe(f.cliWeek.review.minutes);
    expect(f.apiPlan.weeks[0].reviewMinutes).toBe(f.cliWeek.review.minutes);
    expect(f.cliText).toContain(`Review: ${f.cliWeek.review.minutes} min reserved for review this week`);
  });

  it('with the week’s hours nearly all logged: the plan’s reservation, and the words say the reviews take longer', async () => {
    const f = await bothFaces(9.55);
    expect(f.cliWeek.review).toEqual(f.apiWeek.review);
    // 0.45 h of study time is left in the week: 27 minutes, less than the reviews expected take.
    expect(f.cliWeek.review.minutes).toBe(27);
    expect(f.cliWeek.review.expectedMinutes).toBeGreaterThan(27);
    expect(f.cliWeek.review.expectedMinutes).toBe(f.cliWeek.review.reviews * f.cliWeek.review.minutesPerCard);
    expect(f.cliPlan.weeks[0].reviewMinutes).toBe(27);
    expect(f.apiPlan.weeks[0].reviewMinutes).toBe(27);
    expect(f.cliText).toContain(
      `Review: the ${f.cliWeek.review.reviews} reviews expected this week take ${f.cliWeek.review.expectedMinutes} min; its study hours have 27 min left for them`,
    );
  });
});

describe('one name per task: `today`, `done`, the API and the web', () => {
  const shipped = fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url));
  const monday = '2026-11-30T09:00:00.000Z';

  it('names this week’s tasks and a ticked one alike on every face, in both languages', async () => {
    const home = testHome(monday);
    open.homes.push(home);
    const env = { MLPATH_CURRICULUM: shipped };
    const curriculum = loadCurriculum(shipped);
    const h = await harness({ curriculum, now: monday });
    open.harnesses.push(h);
    const api = client(h.app);
    const profile = ['init', '--yes', '--start-point', 'developer', '--hours', '12', '--start', '2026-11-30'];
    expect((await home.run(profile, env)).status).toBe(0);
    const saved = await api.put('/api/profile', {
      startingPoint: 'developer',
      hoursPerWeek: 12,
      startDate: '2026-11-30',
    });
    expect(saved.status).toBe(200);
    const tasks = ((await api.get('/api/today')).json as { week: { tasks: Titled[] } }).week.tasks;
    // Resources with a local title and units (Kaggle Learn, the maths specialisation) among them.
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    for (const locale of ['en', 'zh-CN'] as const) {
      const week = (await home.run(['week'], { ...env, MLPATH_LANG: locale })).stdout;
      const today = (await home.run(['today'], { ...env, MLPATH_LANG: locale })).stdout;
      for (const task of tasks) {
        const label = taskLabel(curriculum, locale, task).title;
        expect(label).not.toBe(taskKey(task));
        expect(week).toContain(`• ${label}  `);
      }
      // `today` lists what to study now: the first of them.
      expect(today).toContain(`• ${taskLabel(curriculum, locale, tasks[0] ?? { resource: '' }).title}  `);
    }
    const [first, second] = tasks;
    if (!first || !second) throw new Error('two tasks expected');
    const done = (await home.run(['done', taskKey(first), '--no-log'], env)).stdout;
    expect(done).toContain(`Done: ${taskLabel(curriculum, 'en', first).title}`);
    const zh = (await home.run(['done', taskKey(second), '--no-log'], { ...env, MLPATH_LANG: 'zh-CN' })).stdout;
    expect(zh).toContain(taskLabel(curriculum, 'zh-CN', second).title);
    // Ticked through the API, the item leaves the week's tasks and keeps its name in the week's ticks.
    await api.post('/api/progress/events', { type: 'done', item: taskKey(first), logPlannedHours: false });
    const after = (await api.get('/api/today')).json as { ticked: { key: string; title: Titled['title'] }[] };
    const [resource = '', unit] = taskKey(first).split('/');
    const ticked = after.ticked.find((t) => t.key === taskKey(first));
    expect(taskLabel(curriculum, 'en', { resource, unit, title: ticked?.title }).title).toBe(
      taskLabel(curriculum, 'en', first).title,
    );
  });
});
