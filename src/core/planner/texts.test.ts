import { describe, expect, it } from 'vitest';
import { listOf, said, sentences, tenths, titled } from './texts.js';

describe('planner records', () => {
  it('makes a sentence a key with values, never words', () => {
    expect(said('route.chosen', { route: { en: 'R' } })).toEqual({
      key: 'route.chosen',
      params: { route: { en: 'R' } },
    });
    expect(said('ready')).toEqual({ key: 'ready', params: {} });
  });

  it('keeps one sentence as it is and joins several into one record, leaving out absent parts', () => {
    const one = said('task.part');
    expect(sentences([undefined, one])).toBe(one);
    expect(sentences([{ en: 'A.' }, undefined, one])).toEqual(
      said('sentences', { list: listOf([{ en: 'A.' }, one], 'sentences') }),
    );
  });

  it('rounds hours to a tenth', () => {
    expect(tenths(12)).toBe(12);
    expect(tenths(12.345)).toBe(12.3);
    expect(tenths(0.04)).toBe(0);
  });

  it('titles a resource by its authored title in English unless asked for the local one', () => {
    const local = { en: 'Local', 'zh-CN': '本地' };
    expect(titled('Authored', local)).toEqual({ en: 'Authored', 'zh-CN': '本地' });
    expect(titled('Authored', local, true)).toEqual({ en: 'Local', 'zh-CN': '本地' });
    expect(titled('Authored', undefined)).toEqual({ en: 'Authored', 'zh-CN': 'Authored' });
  });
});
