import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownPath } from './files.js';

describe('shownPath', () => {
  const cwd = resolve(sep, 'work', 'project');
  it('is relative inside the working folder, "." for the folder itself', () => {
    expect(shownPath(join(cwd, 'curricula', 'x', 'skills.yaml'), cwd)).toBe(join('curricula', 'x', 'skills.yaml'));
    expect(shownPath(cwd, cwd)).toBe('.');
  });
  it('is absolute outside it, never climbing out with ..', () => {
    expect(shownPath(resolve(sep, 'tmp', 'ossu', 'README.md'), cwd)).toBe(resolve(sep, 'tmp', 'ossu', 'README.md'));
    expect(shownPath(resolve(cwd, '..', 'shared', 'x'), cwd)).toBe(resolve(sep, 'work', 'shared', 'x'));
    expect(shownPath(resolve(cwd, '..'), cwd)).toBe(resolve(sep, 'work'));
  });
});
