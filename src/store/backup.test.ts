import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupToJson, parseBackup } from '../export/backup.js';
import type { Profile } from '../core/plan-model.js';
import { backupOf, restoreBackup } from './backup.js';
import { newEvent } from './events.js';
import type { KyselyStore } from './kysely-store.js';
import { openSqliteStore } from './sqlite.js';
import { tempDir } from './test-support/databases.js';

const profile: Profile = {
  startingPoint: 'developer',
  known: [],
  hoursPerWeek: 10,
  weeksOff: [],
  startDate: '2026-11-30',
  style: 'structured',
  domain: 'nlp',
  freeOnly: false,
  locale: 'zh-CN',
  target: undefined,
  route: undefined,
  effortFactor: undefined,
  choices: { pin: [], exclude: [], swap: [], own: [] },
};

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function freshStore(): Promise<KyselyStore> {
  const dir = tempDir();
  const store = await openSqliteStore(join(dir, 'mlpath.db'));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => store.close());
  await store.ensureLearner();
  return store;
}

async function filledStore(): Promise<KyselyStore> {
  const store = await freshStore();
  await store.saveProfile('local', profile, '2026-11-27T00:00:00.000Z');
  const started = newEvent('started', { item: 'python-programming' }, new Date('2026-11-27T08:00:00Z'));
  const tick = newEvent('project-milestone', { item: 'bot', text: 'front-end' }, new Date('2026-11-27T09:30:00Z'));
  await store.appendEvents('local', [
    started,
    newEvent('hours', { hours: 1.25, date: '2026-11-27', item: 'cs50p/week-0' }, new Date('2026-11-27T09:00:00Z')),
    tick,
    newEvent('note', { text: '向量空间 "quoted" \\ back\nslash' }, new Date('2026-11-27T09:40:00Z')),
    newEvent('undo', { undoes: started.id }, new Date('2026-11-27T10:00:00Z')),
  ]);
  await store.addProject('local', {
    id: 'bot',
    template: 'chinese-chatbot',
    title: '中文客服聊天机器人',
    createdAt: '2026-11-27T09:20:00.000Z',
    links: { repository: 'https://example.org/bot', demo: undefined, writeup: undefined },
  });
  await store.addPosting('local', {
    id: 'p-1a2b3c4d',
    title: 'Machine Learning Engineer',
    text: '<h1>Machine Learning Engineer</h1><p>PyTorch &amp; Kubernetes; 熟悉大模型优先</p>',
    addedAt: '2026-11-27T11:00:00.000Z',
  });
  return store;
}

describe('the JSON backup', () => {
  it('has the documented top level, decimal hours and item ids', async () => {
    const store = await filledStore();
    const json = JSON.parse(backupToJson(await backupOf(store, 'local', '2026-11-28T00:00:00.000Z')));
    expect(Object.keys(json)).toEqual(['format', 'version', 'exportedAt', 'profile', 'events', 'projects', 'postings']);
    expect(json.version).toBe(3);
    expect(json.postings).toEqual([
      {
        id: 'p-1a2b3c4d',
        title: 'Machine Learning Engineer',
        text: '<h1>Machine Learning Engineer</h1><p>PyTorch &amp; Kubernetes; 熟悉大模型优先</p>',
        addedAt: '2026-11-27T11:00:00.000Z',
      },
    ]);
    expect(json.events[1]).toMatchObject({ type: 'hours', hours: 1.25, item: 'cs50p/week-0', date: '2026-11-27' });
    expect(json.events[0]).toMatchObject({ type: 'started', item: 'python-programming' });
    expect(json.projects[0]).toMatchObject({
      id: 'bot',
      checked: ['front-end'],
      links: { repository: 'https://example.org/bot' },
    });
  });

  it('restored into an empty store gives the identical state, and exports identically again', async () => {
    const source = await filledStore();
    const text = backupToJson(await backupOf(source, 'local', '2026-11-28T00:00:00.000Z'));
    const target = await freshStore();
    const result = await restoreBackup(target, 'local', parseBackup(text, 'backup.json'), {
      merge: false,
      at: '2026-11-28T01:00:00.000Z',
    });
    expect(result).toEqual({
      eventsAdded: 5,
      eventsSkipped: 0,
      projectsAdded: 1,
      postingsAdded: 1,
      profileWritten: true,
    });
    expect(await target.exportData('local')).toEqual(await source.exportData('local'));
    expect(backupToJson(await backupOf(target, 'local', '2026-11-28T00:00:00.000Z'))).toBe(text);
  });

  it('refuses a non-empty store without --merge and writes nothing; with merge adds only new events', async () => {
    const source = await filledStore();
    const backup = await backupOf(source, 'local', '2026-11-28T00:00:00.000Z');
    const target = await freshStore();
    const own = newEvent('done', { item: 'linear-algebra' });
    await target.appendEvents('local', [own]);
    await expect(
      restoreBackup(target, 'local', backup, { merge: false, at: '2026-11-28T01:00:00.000Z' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await target.listEvents('local')).toEqual([own]);
    await restoreBackup(target, 'local', backup, { merge: true, at: '2026-11-28T01:00:00.000Z' });
    const again = await restoreBackup(target, 'local', backup, { merge: true, at: '2026-11-28T01:00:00.000Z' });
    expect(again.eventsAdded).toBe(0);
    expect(await target.countEvents('local')).toBe(6);
  });
});

describe('parseBackup refuses bad files with a clear message naming the place', () => {
  const good = (): Record<string, unknown> => ({
    format: 'mlpath-backup',
    version: 1,
    exportedAt: '2026-11-28T00:00:00.000Z',
    profile: null,
    events: [{ id: 'e1', type: 'hours', at: '2026-11-28T00:00:00.000Z', hours: 2, date: '2026-11-27' }],
    projects: [],
  });

  it('accepts the minimal good file', () => {
    expect(parseBackup(JSON.stringify(good()), 'b.json').events).toHaveLength(1);
  });

  it('keeps study days through a backup and back', () => {
    const profile = {
      startingPoint: 'from-scratch',
      known: [],
      hoursPerWeek: 6,
      weeksOff: [],
      startDate: '2026-11-30',
      style: 'structured',
      freeOnly: false,
      locale: 'zh-CN',
      choices: { pin: [], exclude: [], swap: [], own: [] },
      study: { days: ['mon', 'wed', 'sat'], time: '19:00', timeZone: 'Asia/Shanghai', reminderMinutes: 15 },
    };
    const parsed = parseBackup(JSON.stringify({ ...good(), profile }), 'b.json');
    expect(parsed.profile?.study).toEqual(profile.study);
    expect(JSON.parse(backupToJson(parsed)).profile.study).toEqual(profile.study);
  });

  it('keeps a target date through a backup and back, and refuses one that is not a date', () => {
    const profile = {
      startingPoint: 'from-scratch',
      known: [],
      hoursPerWeek: 6,
      weeksOff: [],
      startDate: '2026-11-30',
      style: 'structured',
      freeOnly: false,
      locale: 'en',
      choices: { pin: [], exclude: [], swap: [], own: [] },
      targetDate: '2027-09-01',
    };
    const parsed = parseBackup(JSON.stringify({ ...good(), profile }), 'b.json');
    expect(parsed.profile?.targetDate).toBe('2027-09-01');
    expect(JSON.parse(backupToJson(parsed)).profile.targetDate).toBe('2027-09-01');
    try {
      parseBackup(JSON.stringify({ ...good(), profile: { ...profile, targetDate: 'soon' } }), 'b.json');
      expect.unreachable();
    } catch (error) {
      expect((error as { problems: { path: string }[] }).problems[0]?.path).toBe('profile.targetDate');
    }
  });

  it('keeps instants with an offset as the same moment in UTC, so events order correctly', () => {
    const backup = good();
    backup['events'] = [{ id: 'e1', type: 'done', at: '2026-11-28T08:30:00+08:00', item: 'x' }];
    expect(parseBackup(JSON.stringify(backup), 'b.json').events[0]?.at).toBe('2026-11-28T00:30:00.000Z');
  });

  it('names line and column of broken JSON', () => {
    const text = '{\n  "format": "mlpath-backup",\n  "version": 1,\n  oops\n}';
    expect(() => parseBackup(text, 'b.json')).toThrow(/^b\.json:4:3: is not valid JSON/);
  });

  it('says a foreign JSON file is not a backup', () => {
    expect(() => parseBackup('{"name": "my-package", "version": "1.0.0"}', 'package.json')).toThrow(
      /package\.json: is not an mlpath backup/,
    );
    expect(() => parseBackup('[1, 2, 3]', 'list.json')).toThrow(/is not an mlpath backup/);
  });

  it('says a backup from a newer version needs a newer mlpath', () => {
    expect(() => parseBackup(JSON.stringify({ ...good(), version: 4 }), 'b.json')).toThrow(
      /written by a newer mlpath \(backup version 4; this one reads up to 3\)/,
    );
  });

  it('reads a version 1 backup (before kept postings) as one with no postings', () => {
    const backup = parseBackup(JSON.stringify(good()), 'b.json');
    expect(backup.version).toBe(1);
    expect(backup.postings).toEqual([]);
  });

  it('reads postings of a version 2 backup and refuses a posting kept twice or too long', () => {
    const posting = { id: 'p-1', title: 'ML Engineer', text: 'ML Engineer\nPyTorch', addedAt: '2026-11-28T00:00:00Z' };
    const v2 = { ...good(), version: 2, postings: [posting] };
    expect(parseBackup(JSON.stringify(v2), 'b.json').postings).toEqual([
      { ...posting, addedAt: '2026-11-28T00:00:00.000Z' },
    ]);
    expect(() => parseBackup(JSON.stringify({ ...v2, postings: [posting, posting] }), 'b.json')).toThrow(
      /not a valid mlpath backup/,
    );
    try {
      parseBackup(JSON.stringify({ ...v2, postings: [{ ...posting, text: 'x'.repeat(100_001) }] }), 'b.json');
      expect.unreachable();
    } catch (error) {
      expect((error as { problems: { path: string }[] }).problems[0]?.path).toBe('postings[0].text');
    }
  });

  it('reads the calendar record of a version 3 backup, and names a record given twice or malformed', () => {
    const record = {
      uid: '0123456789abcdef0123456789abcdef@mlpath',
      subject: 'task:cs50x/week-0',
      occurrence: 0,
      sequence: 2,
      fingerprint: 'f00d',
      state: 'cancelled',
      allDay: true,
      start: '2026-03-16',
      end: '2026-03-23',
      summary: 'Study: CS50x',
      updatedAt: '2026-03-16T12:00:00Z',
    };
    const calendar = { id: '0123456789abcdef0123456789abcdef', events: [record] };
    const v3 = { ...good(), version: 3, calendar };
    expect(parseBackup(JSON.stringify(v3), 'b.json').calendar).toEqual({
      id: calendar.id,
      events: [{ ...record, timeZone: undefined, updatedAt: '2026-03-16T12:00:00.000Z' }],
    });
    const problemsOf = (value: unknown): string[] => {
      try {
        parseBackup(JSON.stringify(value), 'b.json');
        return [];
      } catch (error) {
        return (error as { problems: { path: string }[] }).problems.map((p) => p.path);
      }
    };
    expect(problemsOf({ ...v3, calendar: { ...calendar, events: [record, record] } })).toEqual([
      'calendar.events[1].uid',
    ]);
    expect(
      problemsOf({ ...v3, calendar: { ...calendar, events: [{ ...record, sequence: -1, start: 'Monday' }] } }),
    ).toEqual(['calendar.events[0].sequence', 'calendar.events[0].start']);
    // A version 2 calendar (its id alone) reads as one with no record.
    expect(
      parseBackup(JSON.stringify({ ...good(), version: 2, calendar: { id: calendar.id } }), 'b.json').calendar,
    ).toEqual({ id: calendar.id, events: [] });
  });

  it('lists each invalid field by its path', () => {
    const bad = good();
    bad['events'] = [
      { id: 'e1', type: 'hours', at: 'yesterday', hours: -1 },
      { id: 'e1', type: 'teleported', at: '2026-11-28T00:00:00.000Z' },
      { id: 'e3', type: 'done', at: '2026-11-28T00:00:00.000Z' },
    ];
    try {
      parseBackup(JSON.stringify(bad), 'b.json');
      expect.unreachable('parseBackup accepted an invalid backup');
    } catch (error) {
      const problems = (error as { problems: { path: string; message: string }[] }).problems;
      const paths = problems.map((p) => p.path);
      expect(paths).toEqual(
        expect.arrayContaining(['events[0].at', 'events[0].hours', 'events[1].type', 'events[2].item']),
      );
      expect((error as { code: string }).code).toBe('IMPORT_INVALID');
    }
  });

  it('reads a backup written to disk and then truncated as invalid', async () => {
    const store = await filledStore();
    const dir = tempDir();
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'backup.json');
    writeFileSync(file, backupToJson(await backupOf(store, 'local', '2026-11-28T00:00:00.000Z')));
    const text = readFileSync(file, 'utf8');
    expect(() => parseBackup(text.slice(0, Math.floor(text.length / 2)), file)).toThrow(/is not valid JSON/);
  });
});
