/**
 * The calendar on the shipped curriculum: events per export (all-day blocks, and timed sessions on
 * three study days) and the time of an export and of the same export again (feed refreshes), over a
 * real SQLite file. Prints figures; nothing is asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCurriculum } from '../src/content/load.js';
import { profileFor } from '../src/core/planner/index.js';
import { calendarFile } from '../src/learner/calendar.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const curriculum = loadCurriculum(join(import.meta.dirname, '..', 'curricula', 'ml-engineer'));
const dir = mkdtempSync(join(tmpdir(), 'mlpath-bench-calendar-'));
try {
  for (const study of [
    undefined,
    { days: ['mon', 'wed', 'sat'] as const, time: '19:00', timeZone: 'Europe/Berlin', reminderMinutes: 15 },
  ]) {
    const store = await openSqliteStore(join(dir, `${study ? 'sessions' : 'blocks'}.db`));
    await store.ensureLearner('local', 'local', '2026-11-30T00:00:00.000Z');
    const profile = profileFor(curriculum, 'from-scratch', {
      startDate: '2026-11-30',
      study: study && { ...study, days: [...study.days] },
    });
    await store.saveProfile('local', profile, '2026-11-30T00:00:00.000Z');
    const ctx = { store, curriculum, clock: () => new Date('2026-11-30T12:00:00.000Z'), learnerId: 'local' };
    let t = performance.now();
    const text = await calendarFile(ctx);
    const first = performance.now() - t;
    t = performance.now();
    await calendarFile(ctx);
    const again = performance.now() - t;
    const events = text.split('BEGIN:VEVENT').length - 1;
    console.log(
      `${study ? 'study days (3 a week)' : 'week-long blocks'}: ${events} events, ${Math.round(text.length / 1024)} KB; first export ${first.toFixed(0)} ms, again ${again.toFixed(0)} ms`,
    );
    await store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
