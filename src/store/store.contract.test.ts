/**
 * The same behaviour from both stores: every test here runs against a real SQLite file and a
 * real PostgreSQL database. Under CI=true the PostgreSQL half must run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan, Profile } from '../core/plan-model.js';
import type { ProgressEvent } from '../core/progress-model.js';
import type { CalendarRecord } from '../core/calendar/sync.js';
import type { KyselyStore } from './kysely-store.js';
import { tokenHash } from './kysely-store.js';
import { MIGRATIONS } from './migrations.js';
import { LOCAL_LEARNER, SHOWN_FORECAST } from './store.js';
import type { KeptPosting, PortfolioProject } from './store.js';
import { IN_CI, postgresDatabase, postgresReachable, sqliteDatabase } from './test-support/databases.js';
import type { TestDatabase } from './test-support/databases.js';

const pgCheck = await postgresReachable();
if (!pgCheck.ok && !IN_CI) {
  console.warn(`PostgreSQL contract tests skipped: cannot reach the test database (${pgCheck.reason})`);
}

const profile: Profile = {
  startingPoint: 'developer',
  known: ['python-programming'],
  hoursPerWeek: 12.5,
  weeksOff: [{ start: '2026-12-24', end: '2027-01-02' }],
  startDate: '2026-11-30',
  style: 'practical',
  domain: 'nlp',
  freeOnly: true,
  locale: 'zh-CN',
  target: undefined,
  route: undefined,
  effortFactor: undefined,
  choices: { pin: [], exclude: [], swap: [], own: [] },
};

function event(id: string, type: ProgressEvent['type'], at: string, more: Partial<ProgressEvent> = {}): ProgressEvent {
  return {
    id,
    type,
    at,
    item: more.item,
    hours: more.hours,
    date: more.date,
    text: more.text,
    undoes: more.undoes,
  };
}

const events: ProgressEvent[] = [
  event('a1', 'started', '2026-11-27T08:00:00.000Z', { item: 'python-programming' }),
  event('a2', 'hours', '2026-11-27T09:00:00.000Z', { hours: 1.75, date: '2026-11-26', item: 'cs50x/week-0' }),
  event('a3', 'note', '2026-11-27T09:30:00.000Z', { text: '第一周：指针很难 ✓' }),
  event('a4', 'undo', '2026-11-27T09:31:00.000Z', { undoes: 'a3' }),
  event('a5', 'done', '2026-11-27T10:00:00.000Z', { item: 'python-programming' }),
];

const project: PortfolioProject = {
  id: 'chatbot',
  template: 'nlp-chatbot',
  title: '中文客服机器人',
  createdAt: '2026-11-27T11:00:00.000Z',
  links: { repository: 'https://example.org/me/chatbot', demo: undefined, writeup: undefined },
};

const posting: KeptPosting = {
  id: 'p-3f2a9c1d',
  title: '机器学习工程师（大模型方向）',
  text: '机器学习工程师（大模型方向）\n岗位要求：熟悉 PyTorch、Kubernetes；有大模型微调经验者优先。🚀',
  addedAt: '2026-11-27T12:00:00.000Z',
};

function contract(name: string, makeDatabase: () => TestDatabase): void {
  describe(`${name} store`, () => {
    let database: TestDatabase;
    let store: KyselyStore;

    beforeEach(async () => {
      database = makeDatabase();
      store = await database.open();
    });
    afterEach(async () => {
      await store.close();
      await database.drop();
    });

    it('creates the local learner on first use and returns the same one afterwards', async () => {
      const first = await store.ensureLearner(LOCAL_LEARNER, 'local', '2026-11-27T00:00:00.000Z');
      const again = await store.ensureLearner(LOCAL_LEARNER, 'someone else', '2026-11-28T00:00:00.000Z');
      expect(again).toEqual(first);
      expect(await store.listLearners()).toEqual([first]);
    });

    it('keeps a profile and replaces it on save', async () => {
      await store.ensureLearner();
      expect(await store.getProfile(LOCAL_LEARNER)).toBeUndefined();
      await store.saveProfile(LOCAL_LEARNER, profile, '2026-11-27T00:00:00.000Z');
      expect(await store.getProfile(LOCAL_LEARNER)).toEqual(profile);
      await store.saveProfile(LOCAL_LEARNER, { ...profile, hoursPerWeek: 20 }, '2026-11-28T00:00:00.000Z');
      expect((await store.getProfile(LOCAL_LEARNER))?.hoursPerWeek).toBe(20);
    });

    it('returns events exactly as appended, in order, with Chinese text and decimal hours', async () => {
      await store.ensureLearner();
      await store.appendEvents(LOCAL_LEARNER, events.slice(0, 2));
      await store.appendEvents(LOCAL_LEARNER, events.slice(2));
      expect(await store.listEvents(LOCAL_LEARNER)).toEqual(events);
      expect(await store.countEvents(LOCAL_LEARNER)).toBe(events.length);
    });

    it('refuses an event id already recorded and writes none of that batch', async () => {
      await store.ensureLearner();
      await store.appendEvents(LOCAL_LEARNER, events.slice(0, 1));
      const batch = [event('b1', 'done', '2026-11-28T00:00:00.000Z', { item: 'x' }), events[0] as ProgressEvent];
      await expect(store.appendEvents(LOCAL_LEARNER, batch)).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(store.appendEvents(LOCAL_LEARNER, [events[0] as ProgressEvent])).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect((await store.listEvents(LOCAL_LEARNER)).map((e) => e.id)).toEqual(['a1']);
    });

    it('keeps each learner’s events and projects apart', async () => {
      await store.ensureLearner('ann');
      await store.ensureLearner('bo');
      await store.appendEvents('ann', events);
      await store.appendEvents('bo', events.slice(0, 1)); // the same ids are fine for another learner
      await store.addProject('ann', project);
      expect(await store.countEvents('bo')).toBe(1);
      expect(await store.listProjects('bo')).toEqual([]);
      expect(await store.listProjects('ann')).toEqual([project]);
    });

    it('counts each learner’s events as they are appended; a refused batch or a rolled-back transaction counts none', async () => {
      await store.ensureLearner('ann');
      await store.ensureLearner('bo');
      expect(await store.countEvents('ann')).toBe(0);
      const many = Array.from({ length: 1203 }, (_, i) =>
        event(`m${i}`, 'hours', '2026-11-28T00:00:00.000Z', { hours: 1, date: '2026-11-28' }),
      );
      await store.appendEvents('ann', many); // three batches of rows in one transaction
      await store.appendEvents('ann', events.slice(0, 1));
      await store.appendEvents('bo', events.slice(0, 2));
      await expect(
        store.appendEvents('ann', [events[1] as ProgressEvent, events[0] as ProgressEvent]),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(
        store.exclusive('ann', async (bound) => {
          await bound.appendEvents('ann', events.slice(2, 4));
          throw new Error('the request failed after writing');
        }),
      ).rejects.toThrow('the request failed after writing');
      expect(await store.countEvents('ann')).toBe(1204);
      expect(await store.countEvents('bo')).toBe(2);
      expect(await store.countEvents('nobody')).toBe(0);
      expect((await store.listEvents('ann')).length).toBe(1204);
    });

    it('gives a database from before the counts (schema 7) its learners’ counts when it is opened', async () => {
      await store.ensureLearner('ann');
      await store.ensureLearner('bo');
      await store.appendEvents('ann', events);
      await store.appendEvents('bo', events.slice(0, 2));
      await store.close();
      const statements =
        database.name === 'sqlite'
          ? ['DROP TRIGGER events_counted', 'ALTER TABLE learners DROP COLUMN event_count']
          : [
              'DROP TRIGGER events_counted ON events',
              'DROP FUNCTION mlpath_count_event()',
              'ALTER TABLE learners DROP COLUMN event_count',
            ];
      for (const statement of [...statements, 'DELETE FROM schema_migrations WHERE version = 8'])
        await database.exec(statement);
      store = await database.open();
      expect(await store.countEvents('ann')).toBe(events.length);
      expect(await store.countEvents('bo')).toBe(2);
      await store.appendEvents('bo', events.slice(2, 3));
      expect(await store.countEvents('bo')).toBe(3);
    });

    it('finds events by id, of the one learner only', async () => {
      await store.ensureLearner('ann');
      await store.ensureLearner('bo');
      await store.appendEvents('ann', events);
      await store.appendEvents('bo', events.slice(0, 1));
      const second = events[1] as ProgressEvent;
      const found = await store.findEvents('ann', [second.id, 'no-such-event']);
      expect(found).toEqual([second]);
      expect(await store.findEvents('bo', [second.id])).toEqual([]);
      expect(await store.findEvents('ann', [])).toEqual([]);
    });

    it('keeps plan snapshots and tells the first from the latest', async () => {
      await store.ensureLearner();
      expect(await store.latestPlanSnapshot(LOCAL_LEARNER)).toBeUndefined();
      const plan = { route: 'software-first', finishDate: '2027-09-01', weeks: [] } as unknown as Plan;
      await store.savePlanSnapshot(LOCAL_LEARNER, {
        id: 's1',
        at: '2026-11-27T00:00:00.000Z',
        reason: 'init',
        finishDate: '2027-09-01',
        plan,
      });
      await store.savePlanSnapshot(LOCAL_LEARNER, {
        id: 's2',
        at: '2026-12-27T00:00:00.000Z',
        reason: 'status',
        finishDate: '2027-10-01',
        plan: { ...plan, finishDate: '2027-10-01' },
      });
      expect((await store.firstPlanSnapshot(LOCAL_LEARNER))?.finishDate).toBe('2027-09-01');
      const latest = await store.latestPlanSnapshot(LOCAL_LEARNER);
      expect(latest?.id).toBe('s2');
      expect(latest?.plan.finishDate).toBe('2027-10-01');
    });

    it('never takes a snapshot of a shown forecast for the first plan', async () => {
      await store.ensureLearner();
      const plan = { route: 'software-first', finishDate: '2028-04-01', weeks: [] } as unknown as Plan;
      // A restored learner: no first plan yet, then a status shown, then a profile saved.
      await store.savePlanSnapshot(LOCAL_LEARNER, {
        id: 'shown',
        at: '2026-11-27T00:00:00.000Z',
        reason: SHOWN_FORECAST,
        finishDate: '2028-04-01',
        plan,
      });
      expect(await store.firstPlanSnapshot(LOCAL_LEARNER)).toBeUndefined();
      expect((await store.latestPlanSnapshot(LOCAL_LEARNER))?.id).toBe('shown');
      expect(await store.latestFinishDate(LOCAL_LEARNER)).toBe('2028-04-01');
      await store.savePlanSnapshot(LOCAL_LEARNER, {
        id: 'first',
        at: '2026-11-28T00:00:00.000Z',
        reason: 'init',
        finishDate: '2028-03-29',
        plan: { ...plan, finishDate: '2028-03-29' },
      });
      expect((await store.firstPlanSnapshot(LOCAL_LEARNER))?.id).toBe('first');
      expect((await store.latestPlanSnapshot(LOCAL_LEARNER))?.id).toBe('first');
      expect(await store.latestFinishDate(LOCAL_LEARNER)).toBe('2028-03-29');
    });

    it('keeps a progress fold that only one covering more events, or made with another key, replaces', async () => {
      await store.ensureLearner();
      await store.ensureLearner('other');
      expect(await store.getProgressFold(LOCAL_LEARNER)).toBeUndefined();
      const at = '2026-11-27T11:00:00.000Z';
      await store.saveProgressFold(LOCAL_LEARNER, {
        cursor: 'c5',
        events: 5,
        key: 'k1',
        fold: '{"n":5}',
        updatedAt: at,
      });
      await store.saveProgressFold(LOCAL_LEARNER, {
        cursor: 'c3',
        events: 3,
        key: 'k1',
        fold: '{"n":3}',
        updatedAt: at,
      });
      expect(await store.getProgressFold(LOCAL_LEARNER)).toEqual({
        cursor: 'c5',
        events: 5,
        key: 'k1',
        fold: '{"n":5}',
        updatedAt: at,
      });
      await store.saveProgressFold(LOCAL_LEARNER, {
        cursor: 'c7',
        events: 7,
        key: 'k1',
        fold: '{"n":7}',
        updatedAt: at,
      });
      expect((await store.getProgressFold(LOCAL_LEARNER))?.fold).toBe('{"n":7}');
      await store.saveProgressFold(LOCAL_LEARNER, {
        cursor: undefined,
        events: 0,
        key: 'k2',
        fold: '{}',
        updatedAt: at,
      });
      expect(await store.getProgressFold(LOCAL_LEARNER)).toMatchObject({ cursor: undefined, events: 0, key: 'k2' });
      expect(await store.getProgressFold('other')).toBeUndefined();
    });

    it('adds projects, sets and clears their links, and refuses a second project with the same id', async () => {
      await store.ensureLearner();
      await store.addProject(LOCAL_LEARNER, project);
      await expect(store.addProject(LOCAL_LEARNER, project)).rejects.toMatchObject({ code: 'CONFLICT' });
      await store.setProjectLink(LOCAL_LEARNER, 'chatbot', 'demo', 'https://example.org/demo');
      await store.setProjectLink(LOCAL_LEARNER, 'chatbot', 'repository', undefined);
      expect((await store.listProjects(LOCAL_LEARNER))[0]?.links).toEqual({
        repository: undefined,
        demo: 'https://example.org/demo',
        writeup: undefined,
      });
      await expect(store.setProjectLink(LOCAL_LEARNER, 'nope', 'demo', 'https://x.org')).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('keeps job postings per learner, with Chinese text, refuses one kept twice and removes by id', async () => {
      await store.ensureLearner('ann');
      await store.ensureLearner('bo');
      expect(await store.listPostings('ann')).toEqual([]);
      const later: KeptPosting = {
        id: 'p-0000aaaa',
        title: 'MLOps Engineer',
        text: 'MLOps Engineer\nDocker',
        addedAt: '2026-11-28T00:00:00.000Z',
      };
      await store.addPosting('ann', later);
      await store.addPosting('ann', posting);
      await expect(store.addPosting('ann', posting)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await store.listPostings('ann')).toEqual([posting, later]);
      expect(await store.listPostings('bo')).toEqual([]);
      await expect(store.removePosting('bo', posting.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await store.removePosting('ann', posting.id);
      expect(await store.listPostings('ann')).toEqual([later]);
    });

    it('removes a project, and refuses to remove one that is not there', async () => {
      await store.ensureLearner();
      await store.addProject(LOCAL_LEARNER, project);
      await store.removeProject(LOCAL_LEARNER, 'chatbot');
      expect(await store.listProjects(LOCAL_LEARNER)).toEqual([]);
      await expect(store.removeProject(LOCAL_LEARNER, 'chatbot')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // Its id is free again (undo of a removal adds it back).
      await store.addProject(LOCAL_LEARNER, project);
      expect((await store.listProjects(LOCAL_LEARNER)).map((p) => p.id)).toEqual(['chatbot']);
    });

    it('imports a backup into an empty learner to give the identical data', async () => {
      await store.ensureLearner('ann');
      await store.saveProfile('ann', profile, '2026-11-27T00:00:00.000Z');
      await store.appendEvents('ann', events);
      await store.addProject('ann', project);
      await store.addPosting('ann', posting);
      const backup = await store.exportData('ann');
      expect(backup.postings).toEqual([posting]);
      const result = await store.importData('bo', backup, { merge: false, at: '2026-11-28T00:00:00.000Z' });
      expect(result).toEqual({
        eventsAdded: events.length,
        eventsSkipped: 0,
        projectsAdded: 1,
        postingsAdded: 1,
        profileWritten: true,
      });
      expect(await store.exportData('bo')).toEqual(backup);
    });

    it('refuses to import into a learner with data unless merging, and writes nothing', async () => {
      await store.ensureLearner();
      await store.appendEvents(LOCAL_LEARNER, events.slice(0, 1));
      const backup = { profile, events, projects: [project], postings: [posting] };
      await expect(
        store.importData(LOCAL_LEARNER, backup, { merge: false, at: '2026-11-28T00:00:00.000Z' }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(await store.exportData(LOCAL_LEARNER)).toEqual({
        profile: undefined,
        events: events.slice(0, 1),
        projects: [],
        postings: [],
      });
    });

    it('merges a backup by event id, twice over without duplicates', async () => {
      await store.ensureLearner();
      await store.appendEvents(LOCAL_LEARNER, [
        events[0] as ProgressEvent,
        event('own', 'done', '2026-11-29T00:00:00.000Z', { item: 'y' }),
      ]);
      const backup = { profile, events, projects: [project], postings: [posting] };
      const first = await store.importData(LOCAL_LEARNER, backup, { merge: true, at: '2026-11-30T00:00:00.000Z' });
      expect(first).toMatchObject({
        eventsAdded: events.length - 1,
        eventsSkipped: 1,
        projectsAdded: 1,
        postingsAdded: 1,
      });
      const second = await store.importData(LOCAL_LEARNER, backup, { merge: true, at: '2026-11-30T00:00:00.000Z' });
      expect(second).toMatchObject({
        eventsAdded: 0,
        eventsSkipped: events.length,
        projectsAdded: 0,
        postingsAdded: 0,
      });
      expect(await store.listPostings(LOCAL_LEARNER)).toEqual([posting]);
      const ids = (await store.listEvents(LOCAL_LEARNER)).map((e) => e.id);
      expect(ids.sort()).toEqual([...events.map((e) => e.id), 'own'].sort());
    });

    it('keeps a calendar per learner: the feed secret is found by its digest, and a replaced one is not', async () => {
      await store.ensureLearner();
      expect(await store.getCalendar(LOCAL_LEARNER)).toBeUndefined();
      const calendar = {
        calendarId: 'c0ffee',
        token: undefined,
        createdAt: '2026-11-30T00:00:00.000Z',
        rotatedAt: undefined,
      };
      await store.saveCalendar(LOCAL_LEARNER, calendar);
      expect(await store.getCalendar(LOCAL_LEARNER)).toEqual(calendar);
      await store.saveCalendar(LOCAL_LEARNER, { ...calendar, token: 'first-secret' });
      expect(await store.findCalendarByTokenHash(tokenHash('first-secret'))).toEqual({
        learnerId: LOCAL_LEARNER,
        token: 'first-secret',
      });
      await store.saveCalendar(LOCAL_LEARNER, {
        ...calendar,
        token: 'second-secret',
        rotatedAt: '2026-12-01T00:00:00.000Z',
      });
      expect(await store.findCalendarByTokenHash(tokenHash('first-secret'))).toBeUndefined();
      expect((await store.findCalendarByTokenHash(tokenHash('second-secret')))?.learnerId).toBe(LOCAL_LEARNER);
      expect(await store.getCalendar(LOCAL_LEARNER)).toMatchObject({
        calendarId: 'c0ffee',
        rotatedAt: '2026-12-01T00:00:00.000Z',
      });
    });

    it('records what was exported per event UID, replacing a record by its UID', async () => {
      await store.ensureLearner();
      const record: CalendarRecord = {
        uid: 'u1@mlpath',
        subject: 'task:cs50x/week-0',
        occurrence: 2,
        sequence: 0,
        fingerprint: 'f1',
        state: 'active',
        allDay: false,
        start: '2026-12-02T19:00:00',
        end: '2026-12-02T21:00:00',
        timeZone: 'Asia/Shanghai',
        summary: '📘 函数 (2 h)',
        updatedAt: '2026-11-30T00:00:00.000Z',
      };
      const milestone: CalendarRecord = {
        ...record,
        uid: 'u2@mlpath',
        subject: 'milestone:code',
        occurrence: 0,
        allDay: true,
        start: '2026-12-13',
        end: '2026-12-14',
        timeZone: undefined,
      };
      await store.saveCalendarRecords(LOCAL_LEARNER, [record, milestone]);
      await store.saveCalendarRecords(LOCAL_LEARNER, [
        { ...record, sequence: 1, state: 'cancelled', fingerprint: 'f2' },
      ]);
      expect(await store.listCalendarRecords(LOCAL_LEARNER)).toEqual([
        { ...record, sequence: 1, state: 'cancelled', fingerprint: 'f2' },
        milestone,
      ]);
      expect(await store.listCalendarRecords('someone-else')).toEqual([]);
    });

    it('pages events after a cursor, reports the newest cursor and the profile with its saved-at time', async () => {
      await store.ensureLearner();
      await store.ensureLearner('someone-else');
      expect(await store.eventCursor(LOCAL_LEARNER)).toBeUndefined();
      expect(await store.listEventsAfter(LOCAL_LEARNER, undefined, 10)).toEqual({
        events: [],
        cursor: undefined,
        more: false,
      });
      await store.appendEvents(LOCAL_LEARNER, events.slice(0, 2));
      await store.appendEvents('someone-else', [event('x1', 'note', '2026-11-27T09:00:00.000Z', { text: 'x' })]);
      await store.appendEvents(LOCAL_LEARNER, events.slice(2));
      const first = await store.listEventsAfter(LOCAL_LEARNER, undefined, 3);
      expect(first.events).toEqual(events.slice(0, 3));
      expect(first.more).toBe(true);
      const rest = await store.listEventsAfter(LOCAL_LEARNER, first.cursor, 3);
      expect(rest.events).toEqual(events.slice(3));
      expect(rest.more).toBe(false);
      expect(rest.cursor).toBe(await store.eventCursor(LOCAL_LEARNER));
      expect(await store.listEventsAfter(LOCAL_LEARNER, rest.cursor, 3)).toEqual({
        events: [],
        cursor: rest.cursor,
        more: false,
      });
      await expect(store.listEventsAfter(LOCAL_LEARNER, 'not-a-cursor', 3)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });

      expect(await store.getProfileRecord(LOCAL_LEARNER)).toBeUndefined();
      await store.saveProfile(LOCAL_LEARNER, profile, '2026-11-27T12:00:00.000Z');
      const record = await store.getProfileRecord(LOCAL_LEARNER);
      expect(record?.savedAt).toBe('2026-11-27T12:00:00.000Z');
      expect(record?.profile).toEqual(JSON.parse(JSON.stringify(profile)));
    });

    it('keeps idempotency keys per learner, dropping old ones, and sync cursors per remote', async () => {
      await store.ensureLearner();
      await store.ensureLearner('someone-else');
      const record = {
        key: 'k1',
        requestHash: 'h1',
        status: 200,
        contentType: 'application/json',
        response: '{"ok":true,"text":"第一周"}',
        createdAt: '2026-11-27T12:00:00.000Z',
      };
      await store.saveIdempotencyKey(LOCAL_LEARNER, record, '2026-11-26T12:00:00.000Z');
      expect(await store.findIdempotencyKey(LOCAL_LEARNER, 'k1')).toEqual(record);
      expect(await store.findIdempotencyKey('someone-else', 'k1')).toBeUndefined();
      // The same key for another learner is theirs alone.
      await store.saveIdempotencyKey('someone-else', { ...record, response: 'theirs' }, '2026-11-26T12:00:00.000Z');
      expect((await store.findIdempotencyKey(LOCAL_LEARNER, 'k1'))?.response).toBe(record.response);
      // A day later, keeping another answer drops the first.
      await store.saveIdempotencyKey(
        LOCAL_LEARNER,
        { ...record, key: 'k2', createdAt: '2026-11-28T13:00:00.000Z' },
        '2026-11-27T13:00:00.000Z',
      );
      expect(await store.findIdempotencyKey(LOCAL_LEARNER, 'k1')).toBeUndefined();
      expect(await store.findIdempotencyKey(LOCAL_LEARNER, 'k2')).toBeDefined();

      expect(await store.getSyncCursors(LOCAL_LEARNER, 'https://a.example.org u1')).toBeUndefined();
      const cursors = { pushed: '5', pulled: '17', syncedAt: '2026-11-27T12:00:00.000Z' };
      await store.saveSyncCursors(LOCAL_LEARNER, 'https://a.example.org u1', cursors);
      await store.saveSyncCursors(LOCAL_LEARNER, 'https://a.example.org u1', { ...cursors, pulled: '18' });
      await store.saveSyncCursors(LOCAL_LEARNER, 'https://b.example.org u1', {
        pushed: undefined,
        pulled: undefined,
        syncedAt: '2026-11-27T12:00:00.000Z',
      });
      expect(await store.getSyncCursors(LOCAL_LEARNER, 'https://a.example.org u1')).toEqual({
        ...cursors,
        pulled: '18',
      });
      expect(await store.getSyncCursors(LOCAL_LEARNER, 'https://b.example.org u1')).toEqual({
        pushed: undefined,
        pulled: undefined,
        syncedAt: '2026-11-27T12:00:00.000Z',
      });
    });

    it('keeps everything across close and reopen, applying migrations only once', async () => {
      await store.ensureLearner();
      await store.appendEvents(LOCAL_LEARNER, events);
      await store.close();
      store = await database.open();
      expect(await store.listEvents(LOCAL_LEARNER)).toEqual(events);
      const applied = await store.transaction((db) => db.selectFrom('schema_migrations').selectAll().execute());
      expect(applied.map((m) => Number(m.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('refuses a database whose schema is newer than this mlpath knows, leaving it as it was', async () => {
      await store.ensureLearner();
      await store.appendEvents(LOCAL_LEARNER, events);
      await store.transaction((db) =>
        db
          .insertInto('schema_migrations')
          .values({ version: 999, name: 'future', applied_at: '2030-01-01T00:00:00Z' })
          .execute(),
      );
      await store.close();
      await expect(database.open()).rejects.toMatchObject({
        code: 'STORAGE',
        message: expect.stringMatching(/newer mlpath/),
      });
      // Back to a version this mlpath knows: the data is all there.
      store = await openIgnoringFuture(database);
      expect(await store.listEvents(LOCAL_LEARNER)).toEqual(events);
    });
  });
}

/** Remove the future marker with a plain connection, then open normally. */
async function openIgnoringFuture(database: TestDatabase): Promise<KyselyStore> {
  await database.exec('DELETE FROM schema_migrations WHERE version = 999');
  return database.open();
}

contract('SQLite', sqliteDatabase);
describe.skipIf(!pgCheck.ok && !IN_CI)('PostgreSQL', () => {
  contract('PostgreSQL', postgresDatabase);
});
