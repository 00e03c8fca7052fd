import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.js';
import { httpStatusOf } from './errors.js';
import { client, harness } from './test-support/harness.js';

const SERVER_DOC = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');

/** docs/server.md's table of error codes: each code it names -> the status it gives. */
function documentedStatuses(): Map<string, number> {
  const text = SERVER_DOC;
  const table = text.slice(text.indexOf('| code | status |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  const statuses = new Map<string, number>();
  for (const row of rows) {
    const [codes = '', status = ''] = row.split('|').slice(1, 3);
    for (const code of codes.split(',')) statuses.set(code.trim(), Number.parseInt(status.trim(), 10));
  }
  return statuses;
}

describe('the error codes', () => {
  it('are each in docs/server.md with the HTTP status the server answers, and nothing else is', () => {
    const documented = documentedStatuses();
    // A client never sees CURRICULUM_INVALID: the server's own broken curriculum answers INTERNAL.
    const answered = ERROR_CODES.filter((code) => code !== 'CURRICULUM_INVALID');
    expect(Object.fromEntries(documented)).toEqual(
      Object.fromEntries(answered.map((code) => [code, httpStatusOf(code)])),
    );
  });
});

describe("docs/server.md's example of a failure", () => {
  it('is what PUT /api/profile answers for hoursPerWeek 0', async () => {
    const after = SERVER_DOC.slice(SERVER_DOC.indexOf('Every failure answers one shape'));
    const start = after.indexOf('```json\n') + '```json\n'.length;
    const block = after.slice(start, after.indexOf('\n```', start));
    const h = await harness();
    try {
      const { status, json } = await client(h.app).put('/api/profile', {
        startingPoint: 'from-scratch',
        hoursPerWeek: 0,
      });
      expect(status).toBe(400);
      expect(json).toEqual(JSON.parse(block));
    } finally {
      await h.close();
    }
  });
});
