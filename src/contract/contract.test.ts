import { describe, expect, it } from 'vitest';
import { MAX_SUGGEST_INPUT, suggest } from '../core/errors.js';
import { suggestIds } from '../core/planner/profile.js';
import { fixtureCurriculum } from '../export/test-support/fixture.js';
import { LearnerError } from '../learner/errors.js';
import { requireItem } from '../learner/items.js';
import { client, harness } from '../server/test-support/harness.js';
import { Backup, LIMITS, Profile, ProfileInput, ProgressEvent, ProgressEventInput } from './index.js';

const profile = {
  startingPoint: 'from-scratch',
  known: [],
  hoursPerWeek: 10,
  weeksOff: [],
  startDate: '2026-11-30',
  style: 'structured',
  freeOnly: false,
  locale: 'en',
  choices: { pin: [], exclude: [], swap: [], own: [] },
};

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('the contract', () => {
  it('bounds the stored profile by the core limits, naming the field', () => {
    expect(Profile.safeParse(profile).success).toBe(true);
    expect(pathsOf(Profile.safeParse({ ...profile, hoursPerWeek: 150 }))).toEqual(['hoursPerWeek']);
    expect(pathsOf(Profile.safeParse({ ...profile, hoursPerWeek: LIMITS.hoursPerWeek }))).toEqual([]);
    expect(pathsOf(Profile.safeParse({ ...profile, known: ['k'.repeat(LIMITS.id + 1)] }))).toEqual(['known.0']);
    expect(
      pathsOf(
        Profile.safeParse({
          ...profile,
          choices: {
            ...profile.choices,
            own: [{ id: 'x', title: 't', url: `https://e.org/${'p'.repeat(LIMITS.link)}`, hours: 1, teaches: [] }],
          },
        }),
      ),
    ).toEqual(['choices.own.0.url']);
  });

  it('takes the same bounds for what a client sends as for what is stored', () => {
    expect(ProfileInput.safeParse({ startingPoint: 'x', hoursPerWeek: LIMITS.hoursPerWeek + 1 }).success).toBe(false);
    expect(ProfileInput.safeParse({ startingPoint: 'x'.repeat(LIMITS.id + 1) }).success).toBe(false);
    expect(ProfileInput.safeParse({ startingPoint: 'x'.repeat(LIMITS.id) }).success).toBe(true);
    const note = (length: number) => ProgressEventInput.safeParse({ type: 'note', text: 'y'.repeat(length) }).success;
    expect([note(LIMITS.note), note(LIMITS.note + 1)]).toEqual([true, false]);
    const stored = (type: string, length: number) =>
      ProgressEvent.safeParse({ id: 'e1', type, at: '2026-11-27T10:00:00.000Z', item: 'x', text: 'y'.repeat(length) })
        .success;
    // A note with a mark is a note; a project's change (two projects as JSON) may be longer.
    expect([stored('note', LIMITS.note + 1), stored('done', LIMITS.note + 1)]).toEqual([false, false]);
    expect([stored('project-change', LIMITS.note + 1), stored('project-change', LIMITS.eventText + 1)]).toEqual([
      true,
      false,
    ]);
  });

  it('holds a log entry to a day, and a tick’s planned hours to what the plan gave the task', () => {
    const hours = (id: string, value: number) =>
      ProgressEvent.safeParse({ id, type: 'hours', at: '2026-11-27T10:00:00.000Z', hours: value, date: '2026-11-27' })
        .success;
    expect([hours('e1', LIMITS.hoursPerEntry), hours('e1', LIMITS.hoursPerEntry + 1)]).toEqual([true, false]);
    expect(hours('e1:planned-hours', 120)).toBe(true);
  });

  it('refuses a backup whose ids appear twice, naming the second', () => {
    const event = { id: 'e1', type: 'note', at: '2026-11-27T10:00:00.000Z', text: 'hi' };
    const result = Backup.safeParse({
      format: 'mlpath-backup',
      version: 2,
      exportedAt: '2026-11-27T10:00:00.000Z',
      profile: null,
      events: [event, event],
      projects: [],
    });
    expect(pathsOf(result)).toEqual(['events.1.id']);
  });
});

describe('"did you mean" never runs on an over-long input', () => {
  it('gives no suggestions past the limit, where the same input within it would get some', () => {
    expect(MAX_SUGGEST_INPUT).toBe(2 * LIMITS.id + 1);
    // Within the limit a candidate inside the input is suggested; past it the search does not run.
    expect(suggest(`${'a'.repeat(MAX_SUGGEST_INPUT - 6)}python`, ['python'])).toEqual(['python']);
    expect(suggest(`${'a'.repeat(MAX_SUGGEST_INPUT - 5)}python`, ['python'])).toEqual([]);
    expect(suggestIds(`${'a'.repeat(1_000_000)}-python`, ['python-basics'])).toEqual([]);
  });

  it('refuses an item of a megabyte by its length, in the learner layer and the API', async () => {
    const curriculum = fixtureCurriculum();
    const huge = 'x'.repeat(1_000_000);
    let refusal: unknown;
    try {
      requireItem(curriculum, huge);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(LearnerError);
    expect((refusal as LearnerError).reason).toBe('too-long');
    expect((refusal as LearnerError).message).not.toContain(huge.slice(0, 1000));

    const h = await harness({ curriculum });
    try {
      const api = client(h.app);
      const atLimit = await api.post('/api/progress/events', { type: 'done', item: 'x'.repeat(401) });
      expect(atLimit.status).toBe(404);
      const over = await api.post('/api/progress/events', { type: 'done', item: 'x'.repeat(402) });
      expect(over.status).toBe(400);
      expect(JSON.stringify(over.json)).toContain('"path":"item"');
      const path = await api.delete(`/api/projects/${'p'.repeat(100_000)}`);
      expect(path.status).toBe(400);
      expect(JSON.stringify(path.json)).toContain('"path":"id"');
    } finally {
      await h.close();
    }
  });
});
