import { describe, expect, it } from 'vitest';
import { MlpathError } from '../core/errors.js';
import { reportError } from './exit-codes.js';
import { memoryIo } from './io.js';

describe('reportError', () => {
  it('says a lone problem once when the headline already says it, and lists problems that add something', () => {
    const once = memoryIo();
    const same = new MlpathError({
      code: 'NOT_FOUND',
      message: 'cannot import notes.md: no such file',
      problems: [{ message: 'notes.md: no such file' }],
    });
    reportError(same, once, 'en');
    expect(once.stderr()).toBe('mlpath: cannot import notes.md: no such file\n');

    const listed = memoryIo();
    const more = new MlpathError({
      code: 'INVALID_INPUT',
      message: 'the backup has 2 problems',
      problems: [{ message: 'events[0].at: not a time' }, { message: 'events[3].hours: above 24' }],
    });
    reportError(more, listed, 'en');
    expect(listed.stderr()).toContain('  events[0].at: not a time\n');
    expect(listed.stderr()).toContain('  events[3].hours: above 24\n');
  });
});
