import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMlpathError } from '../core/errors.js';
import { profileFor } from '../core/planner/index.js';
import type { ProgressEvent } from '../core/progress-model.js';
import { fixtureCurriculum } from '../server/test-support/fixture-curriculum.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { IN_CI, postgresDatabase, postgresReachable, sqliteDatabase } from '../store/test-support/databases.js';
import type { TestDatabase } from '../store/test-support/databases.js';
import type { LearnerContext } from './context.js';
import { parseEvents, type ParsedEvent } from './test-support/ics.js';
import { exportText, importBackup, readBackup } from './exchange.js';

const pgCheck = await postgresReachable();
const curriculum = fixtureCurriculum();

const parse = (ics: string): ParsedEvent[] => parseEvents(ics).sort((a, b) => a.uid.localeCompare(b.uid));

function event(id: string, type: ProgressEvent['type'], at: string, more: Partial<ProgressEvent> = {}): ProgressEvent {
  return { id, type, at, item: more.item, hours: more.hours, date: more.date, text: more.text, undoes: more.undoes };
}

function backupText(events: readonly object[]): string {
  return JSON.stringify({
    format: 'mlpath-backup',
    version: 3,
    exportedAt: '2026-03-16T00:00:00.000Z',
    profile: null,
    events,
    projects: [],
  });
}

function suite(name: string, makeDatabase: () => TestDatabase): void {
  describe(`${name}: a backup restored`, () => {
    const databases: TestDatabase[] = [];
    const stores: KyselyStore[] = [];
    let now: Date;

    async function home(): Promise<LearnerContext> {
      const database = makeDatabase();
      databases.push(database);
      const store = await database.open();
      stores.push(store);
      await store.ensureLearner('local', 'local', '2026-03-01T00:00:00.000Z');
      return { store, curriculum, clock: () => now, learnerId: 'local', timeZone: 'UTC' };
    }

    beforeEach(() => {
      now = new Date('2026-03-04T12:00:00.000Z');
    });
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
      for (const database of databases.splice(0)) await database.drop();
    });

    it('keeps the calendar record: the next export goes on from the same SEQUENCE and still cancels', async () => {
      const source = await home();
      await source.store.saveProfile(
        'local',
        profileFor(curriculum, 'from-scratch', { startDate: '2026-03-09' }),
        '2026-03-01T00:00:00.000Z',
      );
      const first = parse(await exportText(source, { format: 'ics' }));
      // A week in, the first unit is done: later blocks move up (SEQUENCE 1), its blocks ahead are cancelled.
      now = new Date('2026-03-16T12:00:00.000Z');
      await source.store.appendEvents('local', [
        event('e1', 'done', '2026-03-15T18:00:00.000Z', { item: 'cs50x/week-0' }),
      ]);
      const second = parse(await exportText(source, { format: 'ics' }));
      const cancelled = second.filter((e) => e.status === 'CANCELLED');
      expect(cancelled.length).toBeGreaterThan(0);
      expect(second.some((e) => e.status === undefined && e.sequence > 0)).toBe(true);

      const backup = await exportText(source, { format: 'json' });
      expect(JSON.parse(backup)).toMatchObject({ version: 3, calendar: { events: expect.any(Array) } });
      const target = await home();
      await importBackup(target, { backup: readBackup(backup, 'backup.json', curriculum), merge: false });

      now = new Date('2026-03-17T12:00:00.000Z');
      const restored = parse(await exportText(target, { format: 'ics' }));
      // Exactly what the original home exports now, event for event.
      expect(restored).toEqual(parse(await exportText(source, { format: 'ics' })));
      const earlier = new Map([...first, ...second].map((e) => [e.uid, e]));
      expect(restored.every((e) => earlier.has(e.uid))).toBe(true);
      for (const e of restored) expect(e.sequence).toBeGreaterThanOrEqual(earlier.get(e.uid)?.sequence ?? 0);
      expect(restored.filter((e) => e.status === 'CANCELLED')).toEqual(cancelled);

      // A version 2 backup (no record) is still read: its calendar starts again at SEQUENCE 0.
      const old = JSON.parse(backup) as { version: number; calendar: { events?: unknown } };
      old.version = 2;
      delete old.calendar.events;
      const fresh = await home();
      await importBackup(fresh, { backup: readBackup(JSON.stringify(old), 'old.json', curriculum), merge: false });
      const again = parse(await exportText(fresh, { format: 'ics' }));
      expect(again.map((e) => e.uid).every((uid) => earlier.has(uid))).toBe(true);
      expect(again.every((e) => e.sequence === 0 && e.status === undefined)).toBe(true);
    });

    it('merged into the same calendar keeps the higher SEQUENCE per UID', async () => {
      const source = await home();
      await source.store.saveProfile(
        'local',
        profileFor(curriculum, 'from-scratch', { startDate: '2026-03-09' }),
        '2026-03-01T00:00:00.000Z',
      );
      await exportText(source, { format: 'ics' });
      const early = await exportText(source, { format: 'json' });
      now = new Date('2026-03-16T12:00:00.000Z');
      await source.store.appendEvents('local', [
        event('e1', 'done', '2026-03-15T18:00:00.000Z', { item: 'cs50x/week-0' }),
      ]);
      await exportText(source, { format: 'ics' });
      const records = await source.store.listCalendarRecords('local');
      expect(records.some((r) => r.sequence > 0)).toBe(true);
      // The older backup, merged back, lowers nothing.
      await importBackup(source, { backup: readBackup(early, 'early.json', curriculum), merge: true });
      expect(await source.store.listCalendarRecords('local')).toEqual(records);
    });

    describe('refuses hours the live paths refuse, and writes nothing', () => {
      async function filled(): Promise<LearnerContext> {
        const ctx = await home();
        now = new Date('2026-03-16T12:00:00.000Z');
        await ctx.store.appendEvents('local', [
          event('h1', 'hours', '2026-03-15T20:00:00.000Z', { hours: 20, date: '2026-03-15' }),
        ]);
        return ctx;
      }

      async function refusal(ctx: LearnerContext, text: string, merge: boolean): Promise<unknown> {
        const before = await ctx.store.exportData('local');
        const error = await importBackup(ctx, { backup: readBackup(text, 'b.json', curriculum), merge }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(await ctx.store.exportData('local')).toEqual(before);
        expect(await ctx.store.getCalendar('local')).toBeUndefined();
        return error;
      }

      it('a day over 24 hours with what is logged (merge)', async () => {
        const ctx = await filled();
        const text = backupText([
          { id: 'n1', type: 'note', at: '2026-03-14T10:00:00.000Z', text: 'fine' },
          { id: 'h2', type: 'hours', at: '2026-03-15T21:00:00.000Z', hours: 5, date: '2026-03-15' },
        ]);
        const error = await refusal(ctx, text, true);
        expect(isMlpathError(error) && error.code).toBe('IMPORT_INVALID');
        expect(error).toMatchObject({ coded: { key: 'backup.badHours', params: { count: 1 } } });
        const problems = isMlpathError(error) ? error.problems : [];
        expect(problems.map((p) => p.path)).toEqual(['events[1].hours']);
        expect(problems[0]?.message).toContain('"h2"');
        expect(problems[0]?.message).toContain('2026-03-15');
        expect(problems[0]?.message).toContain('25 h');
      });

      it('hours on a future day (merge, and into an empty store)', async () => {
        const ctx = await filled();
        const text = backupText([
          { id: 'h3', type: 'hours', at: '2026-03-16T10:00:00.000Z', hours: 1, date: '2026-03-17' },
        ]);
        const error = await refusal(ctx, text, true);
        const problems = isMlpathError(error) ? error.problems : [];
        expect(problems.map((p) => p.path)).toEqual(['events[0].date']);
        expect(problems[0]?.message).toContain('today is 2026-03-16');
        const empty = await home();
        expect(await refusal(empty, text, false)).toMatchObject({ code: 'IMPORT_INVALID' });
      });

      it('but takes what the live path takes: up to 24 hours a day, undone hours counting for nothing', async () => {
        const ctx = await filled();
        const text = backupText([
          { id: 'h4', type: 'hours', at: '2026-03-15T21:00:00.000Z', hours: 9, date: '2026-03-15' },
          { id: 'u4', type: 'undo', at: '2026-03-15T21:01:00.000Z', undoes: 'h4' },
          { id: 'h5', type: 'hours', at: '2026-03-15T22:00:00.000Z', hours: 4, date: '2026-03-15' },
          { id: 'h1', type: 'hours', at: '2026-03-15T20:00:00.000Z', hours: 20, date: '2026-03-15' },
        ]);
        const result = await importBackup(ctx, { backup: readBackup(text, 'b.json', curriculum), merge: true });
        expect(result).toMatchObject({ eventsAdded: 3, eventsSkipped: 1 });
      });
    });
  });
}

suite('SQLite', sqliteDatabase);
describe.skipIf(!pgCheck.ok && !IN_CI)('PostgreSQL', () => {
  suite('PostgreSQL', postgresDatabase);
});
