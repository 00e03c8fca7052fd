import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite.js';
import { databaseFile } from '../../store/open.js';
import { foldProgress } from '../../core/progress.js';
import { fixtureCurriculum } from '../../export/test-support/fixture.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';
import { MlpathError } from '../../core/errors.js';
import { parseHours } from './track.js';

const homes: TestHome[] = [];
function fresh(now?: string): TestHome {
  const home = testHome(now);
  homes.push(home);
  return home;
}
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

async function stateOf(home: TestHome) {
  const store = await openSqliteStore(databaseFile(home.env()));
  try {
    const events = await store.listEvents('local');
    return { events, state: foldProgress(events, fixtureCurriculum()) };
  } finally {
    await store.close();
  }
}

describe('mlpath done|learning|skip|reset', () => {
  it('records each status for skills, resources and units, and says what it recorded', async () => {
    const home = fresh();
    expect(await home.run(['learning', 'python-programming'])).toMatchObject({
      status: 0,
      stdout: 'Learning: Programming in Python\n',
    });
    expect((await home.run(['done', 'cs50p/week-0'])).stdout).toBe(
      "Done: CS50's Introduction to Programming with Python: Functions and variables\n",
    );
    expect((await home.run(['skip', 'la-book'])).status).toBe(0);
    expect((await home.run(['done', 'linear-algebra'])).status).toBe(0);
    expect((await home.run(['reset', 'linear-algebra'])).status).toBe(0);
    const { state } = await stateOf(home);
    expect(state.skills).toEqual(new Map([['python-programming', 'learning']]));
    expect(state.items).toEqual(
      new Map([
        ['cs50p/week-0', 'done'],
        ['la-book', 'skipped'],
      ]),
    );
  });

  it('answers to the one-letter keys d, l, s and r', async () => {
    const home = fresh();
    await home.run(['l', 'linear-algebra']);
    expect((await stateOf(home)).state.skills.get('linear-algebra')).toBe('learning');
    await home.run(['d', 'linear-algebra']);
    expect((await stateOf(home)).state.skills.get('linear-algebra')).toBe('done');
    await home.run(['s', 'cs50p']);
    expect((await stateOf(home)).state.items.get('cs50p')).toBe('skipped');
    await home.run(['r', 'linear-algebra']);
    expect((await stateOf(home)).state.skills.has('linear-algebra')).toBe(false);
  });

  it('follows an old skill id to today’s skill', async () => {
    const home = fresh();
    await home.run(['done', 'python']);
    const { state, events } = await stateOf(home);
    expect(events[0]?.item).toBe('python-programming');
    expect(state.skills.get('python-programming')).toBe('done');
  });

  it('exits non-zero on an unknown id with "did you mean" suggestions, and records nothing', async () => {
    const home = fresh();
    const result = await home.run(['done', 'linear-algebr']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('there is no skill, resource or unit "linear-algebr"');
    expect(result.stderr).toContain('did you mean "linear-algebra"?');
    expect((await stateOf(home)).events).toEqual([]);
  });

  it('speaks Chinese when asked to', async () => {
    const home = fresh();
    expect((await home.run(['done', 'python-programming'], { MLPATH_LANG: 'zh-CN' })).stdout).toBe(
      '已完成：Python 编程\n',
    );
    const bad = await home.run(['done', 'pythn-programming'], { MLPATH_LANG: 'zh-CN' });
    expect(bad.stderr).toContain('你是不是想输入 “python-programming”？');
  });
});

describe('mlpath note', () => {
  it('keeps a note, about an item if given, and undo takes it back', async () => {
    const home = fresh();
    expect((await home.run(['note', '第一章读完了', '--on', 'la-book'])).stdout).toBe('Note kept.\n');
    expect((await stateOf(home)).events[0]).toMatchObject({ type: 'note', text: '第一章读完了', item: 'la-book' });
    expect((await home.run(['undo'])).stdout).toBe('Undone: note "第一章读完了"\n');
    expect((await home.run(['note', '  '])).status).toBe(2);
  });

  it('refuses a skill before the text with the form meant, and keeps nothing', async () => {
    const home = fresh();
    const result = await home.run(['note', 'la-book', 'chapter one done']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'mlpath: note takes its text as one argument (it got 2): quote the text, and name the skill or resource with --on, as in: mlpath note "chapter one done" --on la-book\n',
    );
    expect((await stateOf(home)).events).toEqual([]);
    const zh = await home.run(['--locale', 'zh-CN', 'note', 'la-book', '第一章', '读完了']);
    expect(zh.stderr).toContain('note 只接受一个参数作为笔记内容（收到 3 个）');
    expect(zh.stderr).toContain('mlpath note "第一章 读完了" --on la-book');
  });
});

describe('mlpath undo', () => {
  it('takes back the latest step, then the one before, then says there is nothing left', async () => {
    const home = fresh();
    await home.run(['learning', 'linear-algebra']);
    await home.run(['done', 'linear-algebra']);
    expect((await home.run(['undo'])).stdout).toBe('Undone: done Linear algebra [vectors]\n');
    expect((await stateOf(home)).state.skills.get('linear-algebra')).toBe('learning');
    await home.run(['undo']);
    expect((await stateOf(home)).state.skills.has('linear-algebra')).toBe(false);
    expect(await home.run(['undo'])).toMatchObject({ status: 0, stdout: 'Nothing to undo.\n' });
    expect((await stateOf(home)).events.map((e) => e.type)).toEqual(['started', 'done', 'undo', 'undo']);
  });
});

describe('mlpath log', () => {
  it('records decimal hours for a day and an item', async () => {
    const home = fresh();
    const result = await home.run(['log', '1h30m', '--on', 'cs50p', '--date', '2026-11-25']);
    expect(result).toMatchObject({
      status: 0,
      stdout: "Logged 1.5 h on 2026-11-25 for CS50's Introduction to Programming with Python.\n",
    });
    await home.run(['log', '0.75']);
    const { state } = await stateOf(home);
    expect(state.logged).toEqual([
      { date: '2026-11-25', hours: 1.5 },
      { date: '2026-11-27', hours: 0.75 },
    ]);
    expect([...state.loggedByItem]).toEqual([
      ['cs50p', 1.5],
      ['', 0.75],
    ]);
  });

  it('refuses bad hours, bad, future or long-past dates and unknown items, naming the flag, and records nothing', async () => {
    const home = fresh();
    const cases: Array<[string[], RegExp]> = [
      [['log', 'lots'], /HOURS must be a number of hours/],
      [['log', '25'], /HOURS must be/],
      [['log', '1', '--date', '2026-02-30'], /--date must be a calendar date/],
      [['log', '1', '--date', '2026-12-01'], /--date 2026-12-01 is in the future/],
      [['log', '1', '--date', '1900-01-01'], /--date 1900-01-01 is before 2000-01-01 \(is the year right\?\)/],
      [['log', '1', '--on', 'cs51p'], /did you mean "cs50p"\?/],
    ];
    for (const [args, message] of cases) {
      const result = await home.run(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect((await stateOf(home)).events).toEqual([]);
  });

  it('reads the usual ways of writing a time', () => {
    expect(parseHours('2')).toBe(2);
    expect(parseHours('1.25')).toBe(1.25);
    expect(parseHours('90m')).toBe(1.5);
    expect(parseHours('1h30m')).toBe(1.5);
    expect(parseHours('1:45')).toBe(1.75);
    expect(parseHours('0')).toBeUndefined();
    expect(parseHours('-1')).toBeUndefined();
    // The bounds are the one rule the API and the web's form apply (isEntryHours): 0.1 h in, none or 25 h out.
    expect(parseHours('0.1')).toBe(0.1);
    expect(parseHours('6m')).toBe(0.1);
    expect(parseHours('24')).toBe(24);
    expect(parseHours('25')).toBeUndefined();
    expect(parseHours('0.0004')).toBeUndefined();
  });

  it('refuses a minutes part of 60 or more after hours as a typo, naming the value and how to write it', async () => {
    expect(parseHours('1h59m')).toBe(1.983);
    expect(() => parseHours('1h99m')).toThrow(MlpathError);
    expect(() => parseHours('1h60')).toThrow(MlpathError);
    // Minutes alone may be any number (90m is 1.5 h); hours with too many minutes are no entry at all.
    expect(parseHours('99m')).toBe(1.65);
    expect(parseHours('24h99m')).toBeUndefined();
    const home = fresh();
    const en = await home.run(['log', '1h99m']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('"1h99m" has 99 minutes past the hours, and an hour has 60: use 2h39m or 2.65');
    const zh = await home.run(['log', '1h99m'], { MLPATH_LANG: 'zh-CN' });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('“1h99m”的分钟部分是 99，而一小时只有 60 分钟：请写成 2h39m 或 2.65');
    expect((await stateOf(home)).events).toEqual([]);
  });
});

describe('mlpath project', () => {
  it('adds a project from a template, ticks and unticks rubric items, sets links and lists them', async () => {
    const home = fresh();
    expect((await home.run(['project', 'add', 'chinese-chatbot'])).status).toBe(0);
    expect((await home.run(['project', 'check', 'chinese-chatbot', 'front-end'])).stdout).toContain('Ticked');
    expect((await home.run(['project', 'check', 'chinese-chatbot', 'write-up'])).status).toBe(0);
    expect((await home.run(['project', 'check', 'chinese-chatbot', 'write-up', '--undo'])).stdout).toContain(
      'Unticked',
    );
    expect(
      (await home.run(['project', 'link', 'chinese-chatbot', 'repository', 'https://example.org/bot'])).status,
    ).toBe(0);
    const list = JSON.parse((await home.run(['project', 'list', '--json'])).stdout);
    expect(list).toHaveLength(1);
    expect(list[0].links.repository).toBe('https://example.org/bot');
    expect(list[0].rubric).toEqual([
      { id: 'front-end', title: 'A front end others can try', checked: true },
      { id: 'write-up', title: 'A write-up', checked: false },
    ]);
  });

  it('names unknown templates, projects, rubric items and link kinds with suggestions', async () => {
    const home = fresh();
    expect((await home.run(['project', 'add', 'chinese-chatbt'])).stderr).toContain('did you mean "chinese-chatbot"?');
    await home.run(['project', 'add', 'chinese-chatbot', '--id', 'bot']);
    const twice = await home.run(['project', 'add', 'chinese-chatbot', '--id', 'bot'], { MLPATH_LANG: 'zh-CN' });
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('已有项目“bot”');
    expect((await home.run(['project', 'check', 'bot', 'frontend'])).stderr).toContain('did you mean "front-end"?');
    expect((await home.run(['project', 'check', 'bott', 'front-end'])).stderr).toContain('did you mean "bot"?');
    const badKind = await home.run(['project', 'link', 'bot', 'homepage', 'https://x.org']);
    expect(badKind.status).toBe(2);
    expect(badKind.stderr).toContain('KIND must be one of repository, demo, writeup');
    expect((await home.run(['project', 'link', 'bot', 'demo', 'not a url'])).stderr).toContain(
      'URL must be an absolute https:// address',
    );
  });

  it('names a bad link kind and a missing URL in Chinese', async () => {
    const home = fresh();
    await home.run(['project', 'add', 'chinese-chatbot', '--id', 'bot']);
    const badKind = await home.run(['project', 'link', 'bot', 'homepage', 'https://x.org'], { MLPATH_LANG: 'zh-CN' });
    expect(badKind.status).toBe(2);
    expect(badKind.stderr).toContain('KIND 必须是以下之一：repository, demo, writeup（实际为“homepage”）');
    const noUrl = await home.run(['project', 'link', 'bot', 'demo'], { MLPATH_LANG: 'zh-CN' });
    expect(noUrl.stderr).toContain('请给出网址，或用 --clear 删除该链接');
  });
});

describe('a data folder holding someone else’s database', () => {
  it('is refused with a clear message and exit status 3, and left untouched', async () => {
    const home = fresh();
    const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    mkdirSync(home.home, { recursive: true });
    const file = databaseFile(home.env());
    writeFileSync(file, 'SQLite format 3\u0000 but not really'.repeat(50));
    const before = readFileSync(file);
    const result = await home.run(['done', 'python-programming']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('is not an mlpath database');
    expect(result.stderr).toContain('MLPATH_HOME');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('ticking a task', () => {
  it('logs the planned hours with a line saying so, --no-log ticks only, and undo takes both back', async () => {
    const home = fresh();
    expect((await home.run(['init', '--yes', '--start-point', 'from-scratch'])).status).toBe(0);
    const ticked = await home.run(['done', 'cs50p/week-0']);
    expect(ticked.stdout).toMatch(
      /^Done: .*Functions and variables\nLogged the [\d.]+ h left of its estimate after the hours logged so far, on 2026-11-27; add --no-log/,
    );
    const only = await home.run(['done', 'cs50p/week-1', '--no-log']);
    expect(only.stdout).not.toContain('Logged');
    expect((await stateOf(home)).events.map((e) => e.type)).toEqual(['done', 'hours', 'done']);
    await home.run(['undo']);
    const undone = await home.run(['undo']);
    expect(undone.stdout).toMatch(/^Undone: done .*Functions and variables\nUndone: [\d.]+ h logged for 2026-11-27\n$/);
    const { state } = await stateOf(home);
    expect(state.items.size).toBe(0);
    expect(state.logged).toEqual([]);
  });

  it('takes the planned hours back when the task is unticked, and says so in both languages', async () => {
    const home = fresh();
    expect((await home.run(['init', '--yes', '--start-point', 'from-scratch'])).status).toBe(0);
    const ticked = await home.run(['done', 'cs50p/week-0']);
    const hours = /Logged the ([\d.]+) h/.exec(ticked.stdout)?.[1];
    expect(hours).toBeDefined();
    const unticked = await home.run(['reset', 'cs50p/week-0']);
    expect(unticked.stdout).toContain(`Took back the ${hours} h logged when it was ticked.`);
    expect((await stateOf(home)).state.logged).toEqual([]);
    await home.run(['done', 'cs50p/week-0']);
    const zh = await home.run(['--locale', 'zh-CN', 'reset', 'cs50p/week-0']);
    expect(zh.stdout).toContain(`已撤回勾选时为它记录的 ${hours} 小时。`);
  });

  it('says so when a skip or a done changes nothing, and when init replaces a profile', async () => {
    const home = fresh();
    await home.run(['skip', 'la-book']);
    expect((await home.run(['skip', 'la-book'])).stdout).toBe(
      'Already skipped: Linear Algebra Done Right (nothing new recorded)\n',
    );
    await home.run(['done', 'linear-algebra']);
    expect((await home.run(['done', 'linear-algebra'])).stdout).toBe(
      'Already done: Linear algebra [vectors] (nothing new recorded, no hours logged again)\n',
    );
    expect((await home.run(['--locale', 'zh-CN', 'done', 'linear-algebra'])).stdout).toMatch(
      /^早已完成：.*（未记录新内容，也未再次记录学时）\n$/,
    );
    await home.run(['init', '--yes', '--start-point', 'from-scratch']);
    const again = await home.run(['init', '--yes', '--force', '--hours', '12']);
    expect(again.stdout).toContain('`mlpath undo` cannot bring it back. Your progress and your first plan are kept.');
  });
});

describe('undo of project steps', () => {
  it('names what it takes back: a removal, a link, the project itself', async () => {
    const home = fresh();
    await home.run(['project', 'add', 'chinese-chatbot', '--id', 'bot']);
    await home.run(['project', 'link', 'bot', 'demo', 'https://bot.example.org']);
    expect((await home.run(['project', 'remove', 'bot'])).stdout).toContain('`mlpath undo` brings it back');
    expect((await home.run(['undo'])).stdout).toBe('Undone: project bot removed\n');
    expect((await home.run(['undo'])).stdout).toBe('Undone: links of project bot changed\n');
    expect((await home.run(['undo'])).stdout).toBe('Undone: project bot added\n');
    expect(JSON.parse((await home.run(['project', 'list', '--json'])).stdout)).toEqual([]);
  });
});
