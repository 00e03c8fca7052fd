import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../core/plan-model.js';
import { databaseFile } from '../../store/open.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';

const profile: Profile = {
  startingPoint: 'from-scratch',
  known: [],
  hoursPerWeek: 10,
  weeksOff: [],
  startDate: '2026-11-27',
  style: 'structured',
  domain: 'nlp',
  freeOnly: false,
  locale: 'zh-CN',
  target: undefined,
  route: undefined,
  effortFactor: undefined,
  choices: { pin: [], exclude: [], swap: [], own: [] },
};

const homes: TestHome[] = [];
async function home(withProfile: boolean): Promise<TestHome> {
  const h = testHome();
  homes.push(h);
  if (withProfile) {
    const store = await openSqliteStore(databaseFile(h.env()));
    await store.ensureLearner();
    await store.saveProfile('local', profile, '2026-11-27T00:00:00.000Z');
    await store.close();
  }
  return h;
}
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

async function dump(h: TestHome): Promise<unknown> {
  const store = await openSqliteStore(databaseFile(h.env()));
  try {
    return await store.exportData('local');
  } finally {
    await store.close();
  }
}

describe('mlpath export', () => {
  it('writes a calendar of the plan in the profile’s language that ical.js reads back', async () => {
    const h = await home(true);
    const result = await h.run(['export', '--format', 'ics', '-o', 'plan.ics'], { MLPATH_LANG: '' });
    expect(result.status).toBe(0);
    const ics = readFileSync(join(h.dir, 'plan.ics'), 'utf8');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(2);
    expect(events[0]?.summary).toMatch(
      /^📘 CS50's Introduction to Programming with Python[:：] ?函数与变量（\d+(\.\d)? 小时）$/,
    );
    expect(result.stderr).toContain('已导出 ics 到 plan.ics');
  });

  it('writes the Markdown checklist and the JSON backup to standard output', async () => {
    const h = await home(true);
    await h.run(['done', 'python-programming']);
    const md = await h.run(['export', '--format', 'md']);
    expect(md.stdout).toContain('- [x] Programming in Python `python-programming`');
    const json = JSON.parse((await h.run(['export', '--format', 'json'])).stdout);
    expect(json.events).toHaveLength(1);
    expect(json.profile.startingPoint).toBe('from-scratch');
  });

  it('refuses an unknown format naming the flag', async () => {
    const h = await home(true);
    const result = await h.run(['export', '--format', 'pdf']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format must be ics, md or json (got "pdf")');
  });
});

describe('mlpath import', () => {
  it('restores a backup into a fresh home to the identical state, and refuses a second import without --merge', async () => {
    const source = await home(true);
    await source.run(['done', 'python-programming']);
    await source.run(['log', '1.5', '--on', 'cs50p']);
    await source.run(['project', 'add', 'chinese-chatbot']);
    await source.run(['project', 'check', 'chinese-chatbot', 'front-end']);
    await source.run(['export', '--format', 'json', '-o', 'backup.json']);
    const target = await home(false);
    const file = join(source.dir, 'backup.json');
    expect(await target.run(['import', file])).toMatchObject({ status: 0 });
    expect(await dump(target)).toEqual(await dump(source));
    const again = await target.run(['import', file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('add --merge');
    const merged = await target.run(['import', file, '--merge', '--json']);
    // done, the hours, the project's start (a step undo can take back) and its rubric tick.
    expect(JSON.parse(merged.stdout)).toEqual({
      eventsAdded: 0,
      eventsSkipped: 4,
      projectsAdded: 0,
      postingsAdded: 0,
      profileWritten: false,
      undoable: false,
      unknownItems: [],
    });
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('imports events naming items this curriculum lacks, keeps them, and says which', async () => {
    const source = await home(true);
    await source.run(['done', 'python-programming']);
    await source.run(['export', '--format', 'json', '-o', 'backup.json']);
    const file = join(source.dir, 'backup.json');
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { events: Array<Record<string, unknown>> };
    const first = backup.events[0] ?? {};
    backup.events.push(
      { ...first, id: '00000000-0000-4000-8000-000000000001', item: 'retired-skill' },
      { ...first, id: '00000000-0000-4000-8000-000000000002', item: 'gone-course/week-1', type: 'started' },
    );
    writeFileSync(file, JSON.stringify(backup));
    const target = await home(false);
    const result = await target.run(['--locale', 'en', 'import', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "2 items the backup's events name are not in this curriculum (gone-course/week-1, retired-skill)",
    );
    expect(JSON.stringify(await dump(target))).toContain('retired-skill');
    const json = await (await home(false)).run(['import', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      eventsAdded: 3,
      unknownItems: ['gone-course/week-1', 'retired-skill'],
    });
  });

  it('refuses corrupt, foreign, future and missing files with a clear message and writes nothing', async () => {
    const source = await home(true);
    await source.run(['done', 'python-programming']);
    const backup = (await source.run(['export', '--format', 'json'])).stdout;
    const target = await home(false);
    const files: Array<[string, string, RegExp]> = [
      ['truncated.json', backup.slice(0, backup.length / 2), /truncated\.json:\d+:\d+: is not valid JSON/],
      ['package.json', '{"name": "left-pad", "version": "1.3.0"}', /package\.json: is not an mlpath backup/],
      ['future.json', backup.replace('"version": 3', '"version": 7'), /written by a newer mlpath \(backup version 7/],
      ['bad-event.json', backup.replace('"type": "done"', '"type": "finished"'), /events\[0\]\.type/],
      ['photo.json', '\u0089PNG\r\n\u001a\n binary', /is not valid JSON/],
      // Profiles that pass the file's form but no plan could be made from: refused by the same rule as
      // `init` and the API, so an import never leaves every command failing.
      ['hours.json', backup.replace('"hoursPerWeek": 10', '"hoursPerWeek": 150'), /profile\.hoursPerWeek/],
      [
        'year.json',
        backup.replace('"startDate": "2026-11-27"', '"startDate": "9999-12-31"'),
        /profile\.startDate: 9999-12-31 is out of range/,
      ],
      [
        'point.json',
        backup.replace('"startingPoint": "from-scratch"', '"startingPoint": "astronaut"'),
        /profile\.startingPoint: unknown starting point "astronaut"/,
      ],
      [
        'note.json',
        backup.replace('"type": "done"', `"type": "note", "text": "${'y'.repeat(10_001)}"`),
        /events\[0\]\.text/,
      ],
      [
        'known.json',
        backup.replace('"known": []', '"known": ["astrology"]'),
        /profile\.known\[0\]: unknown skill "astrology"/,
      ],
      ['locale.json', backup.replace('"locale": "zh-CN"', '"locale": "xx"'), /profile\.locale: unknown locale "xx"/],
      // An id of a megabyte is refused by its length, before any "did you mean" search.
      ['long-id.json', backup.replace('"python-programming"', `"${'p'.repeat(1_000_000)}"`), /events\[0\]\.item/],
      [
        'long-own.json',
        backup.replace('"own": []', `"own": [{ "id": "${'o'.repeat(201)}", "title": "t", "hours": 1, "teaches": [] }]`),
        /profile\.choices\.own\[0\]\.id/,
      ],
    ];
    for (const [name, text, message] of files) {
      writeFileSync(join(target.dir, name), text);
      const result = await target.run(['import', name]);
      expect(result.status, name).toBe(1);
      expect(result.stderr, name).toMatch(message);
      expect(result.stderr, name).toContain('nothing was imported');
      expect(result.stderr, name).not.toMatch(/\n\s+at /); // no stack trace
    }
    const missing = await target.run(['import', 'nowhere.json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      'mlpath: cannot read nowhere.json: there is no such file; nothing was imported\n' +
        "check the path and the file's name (`ls .` lists the folder)\n",
    );
    expect(await dump(target)).toEqual({ profile: undefined, events: [], projects: [], postings: [] });
  });

  it('refuses a file that is not a backup, one from a newer mlpath and an invalid one, in Chinese', async () => {
    const source = await home(true);
    await source.run(['done', 'python-programming']);
    const backup = (await source.run(['export', '--format', 'json'])).stdout;
    const target = await home(false);
    writeFileSync(join(target.dir, 'package.json'), '{"name": "left-pad", "version": "1.3.0"}');
    writeFileSync(join(target.dir, 'future.json'), backup.replace('"version": 3', '"version": 7'));
    const foreign = await target.run(['import', 'package.json'], { MLPATH_LANG: 'zh-CN' });
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain(
      'package.json：不是 mlpath 备份（没有 "format": "mlpath-backup"）；未导入任何内容',
    );
    expect(foreign.stderr).toContain('请提供 `mlpath export --format json` 写出的文件');
    const future = await target.run(['import', 'future.json'], { MLPATH_LANG: 'zh-CN' });
    expect(future.status).toBe(1);
    expect(future.stderr).toMatch(
      /future\.json：由更新版本的 mlpath 写入（备份版本 7；当前版本最高读取 \d+）；未导入任何内容/,
    );
    const badEvent = backup.replace('"type": "done"', '"type": "finished"');
    writeFileSync(join(target.dir, 'bad-event.json'), badEvent);
    const invalid = await target.run(['import', 'bad-event.json'], { MLPATH_LANG: 'zh-CN' });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/bad-event\.json：不是有效的 mlpath 备份（\d+ 个问题）；未导入任何内容/);
    expect(invalid.stderr).toMatch(/events\[0\]\.type：/);
    expect(await dump(target)).toEqual({ profile: undefined, events: [], projects: [], postings: [] });
  });

  it('names every problem of an invalid backup by its field, an unknown starting point among them, in Chinese', async () => {
    const target = await home(false);
    writeFileSync(
      join(target.dir, 'nope.json'),
      '{"format":"mlpath-backup","version":2,"profile":{"startingPoint":"nope"},"events":[]}',
    );
    const zh = await target.run(['import', 'nope.json'], { MLPATH_LANG: 'zh-CN' });
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('  exportedAt：应为 ISO 时刻');
    expect(zh.stderr).toContain('  profile.startDate：应为日历日期');
    expect(zh.stderr).toContain('  profile.freeOnly：类型不对，应为布尔值（true 或 false）');
    expect(zh.stderr).toContain('  profile.startingPoint：未知的起点“nope”');
    // Every problem line names its field once, with the full-width colon.
    const lines = zh.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line, line).toMatch(/^ {2}[\w.[\]]+：\S/);
    const en = await target.run(['import', 'nope.json']);
    expect(en.stderr).toContain('  profile.startingPoint: unknown starting point "nope"');
    expect(await dump(target)).toEqual({ profile: undefined, events: [], projects: [], postings: [] });
  });

  it('tells a file it cannot write or read by the path given, in words, with the fix, in both languages', async () => {
    const h = await home(true);
    mkdirSync(join(h.dir, 'somedir'));
    const noFolder = await h.run(['export', '--format', 'md', '-o', 'nowhere/x.md']);
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toBe(
      'mlpath: cannot write nowhere/x.md: the folder nowhere does not exist; nothing was written\n' +
        'create the folder first (`mkdir -p nowhere`), or give -o a path in a folder that exists\n',
    );
    const folder = await h.run(['export', '--format', 'md', '-o', 'somedir'], { MLPATH_LANG: 'zh-CN' });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(
      'mlpath：无法写入 somedir：这是一个文件夹；未写入任何内容\n为 -o 指定一个文件名，例如 somedir/mlpath.md\n',
    );
    const read = await h.run(['import', 'somedir']);
    expect(read.status).toBe(1);
    expect(read.stderr).toContain('cannot read somedir: it is a folder, not a file; nothing was imported');
    const missing = await h.run(['import', 'nope.json'], { MLPATH_LANG: 'zh-CN' });
    expect(missing.stderr).toContain('mlpath：无法读取 nope.json：没有这个文件；未导入任何内容');
    // Neither the temporary file's name nor a system code reaches the learner, and nothing is left behind.
    for (const result of [noFolder, folder, read, missing]) expect(result.stderr).not.toMatch(/\.tmp|E[A-Z]{3,}/);
    expect(readdirSync(join(h.dir, 'somedir'))).toEqual([]);
    expect(readdirSync(h.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
