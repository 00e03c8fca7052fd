import { describe, expect, it } from 'vitest';
import { normalizeSkillId, resolveSkillId } from './skill-id.js';

describe('normalizeSkillId', () => {
  it('turns Metacademy underscore tags into kebab-case ids', () => {
    expect(normalizeSkillId('linear_regression')).toBe('linear-regression');
  });
  it('keeps hyphenated tags and lower-cases everything', () => {
    expect(normalizeSkillId('Feed-Forward-Neural-Nets')).toBe('feed-forward-neural-nets');
  });
  it('collapses runs of separators and trims them at the ends', () => {
    expect(normalizeSkillId('  k__means !! ')).toBe('k-means');
  });
  it('drops accents rather than the letters under them', () => {
    expect(normalizeSkillId('Gödel_numbering')).toBe('godel-numbering');
  });
});

describe('resolveSkillId', () => {
  const ids = new Set(['backpropagation', 'linear-regression']);
  it('accepts an id as written', () => {
    expect(resolveSkillId('backpropagation', ids)).toBe('backpropagation');
  });
  it('accepts the Metacademy spelling of an id', () => {
    expect(resolveSkillId('linear_regression', ids)).toBe('linear-regression');
  });
  it('returns undefined for an id that is not there in any spelling', () => {
    expect(resolveSkillId('logistic_regression', ids)).toBeUndefined();
  });
});
