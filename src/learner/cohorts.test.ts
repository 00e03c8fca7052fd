/**
 * The cohort rules that need no server: reading an invite code from what a learner typed, and the
 * embedded store refusing cohorts (they live on the multi-user server's PostgreSQL).
 */
import { describe, expect, it } from 'vitest';
import { sqliteDatabase } from '../store/test-support/databases.js';
import { formatInviteCode, inviteCodeFrom } from './cohorts.js';

describe('inviteCodeFrom', () => {
  it('reads the code in any case, with or without its dash or spaces, or from an invite link', () => {
    for (const typed of [
      'K7M2P-9QXRT',
      'k7m2p9qxrt',
      ' K7M2P 9QXRT ',
      'https://mlpath.example.org/#/cohorts?join=K7M2P-9QXRT',
      'http://127.0.0.1:4321/cohorts?join=k7m2p-9qxrt',
    ]) {
      expect(inviteCodeFrom(typed), typed).toBe('K7M2P9QXRT');
    }
    // Letters read as digits the way Crockford's base 32 means them.
    expect(inviteCodeFrom('K7M2P-9QXRO')).toBe('K7M2P9QXR0');
    expect(inviteCodeFrom('ILILI-OOOOO')).toBe('1111100000');
    expect(formatInviteCode('K7M2P9QXRT')).toBe('K7M2P-9QXRT');
  });

  it('finds no code in text that cannot be one', () => {
    for (const typed of [
      '',
      'K7M2P',
      'K7M2P-9QXRT-1',
      'K7M2P-9QXR!',
      'https://example.org/#/cohorts',
      'https://[bad',
    ]) {
      expect(inviteCodeFrom(typed), typed).toBeUndefined();
    }
  });
});

describe('cohorts on the embedded store', () => {
  it('are refused with the way to a server, and nothing is written', async () => {
    const database = sqliteDatabase();
    const store = await database.open();
    try {
      const learner = await store.ensureLearner();
      await expect(
        store.createCohort(
          {
            id: 'c1',
            name: 'x',
            kind: 'team',
            targetDate: '2027-01-01',
            inviteCode: 'K7M2P9QXRT',
            createdAt: '2026-03-04T12:00:00.000Z',
          },
          learner.id,
        ),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('mlpath serve --multi-user') });
      await expect(store.listCohortsOf(learner.id)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
