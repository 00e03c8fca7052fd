import { describe, expect, it } from 'vitest';
import { trackingMessages } from './tracking-messages.js';

describe('trackingMessages: pace', () => {
  it('says a pace within 1% of the estimate as estimated, and names the bound', () => {
    const m = trackingMessages('en');
    expect(m.pace(1.004)).toBe('pace: as estimated (within 1%)');
    expect(m.pace(0.996)).toBe('pace: as estimated (within 1%)');
    expect(trackingMessages('zh-CN').pace(1.004)).toBe('学习速度：与估计一致（相差不到 1%）');
    // 4.6% slower: months on a long plan, said as such.
    expect(m.pace(1.046)).toBe('pace: 5% slower than estimated');
  });

  it('says a larger difference in whole percent, slower or faster', () => {
    const m = trackingMessages('en');
    expect(m.pace(1.2)).toBe('pace: 20% slower than estimated');
    expect(m.pace(0.874)).toBe('pace: 13% faster than estimated');
    expect(trackingMessages('zh-CN').pace(1.2)).toBe('学习速度：比估计慢 20%');
  });
});
