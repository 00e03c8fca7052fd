import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexHeap } from './heap.js';

describe('IndexHeap', () => {
  it('pops numbers smallest first by default', () => {
    const heap = new IndexHeap();
    for (const n of [5, 1, 4, 1, 3]) heap.push(n);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop() ?? -1);
    expect(out).toEqual([1, 1, 3, 4, 5]);
    expect(heap.pop()).toBeUndefined();
  });

  it("follows the caller's order, ties broken as the caller says", () => {
    const priority = [2, 1, 2, 0];
    const heap = new IndexHeap(
      (a, b) => (priority[a] ?? 0) - (priority[b] ?? 0) < 0 || (priority[a] === priority[b] && a < b),
    );
    [0, 1, 2, 3].forEach((i) => heap.push(i));
    expect(heap.peek()).toBe(3);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([3, 1, 0, 2]);
  });

  it('sorts any list of numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (values) => {
        const heap = new IndexHeap();
        values.forEach((v) => heap.push(v));
        const out: number[] = [];
        while (heap.size > 0) out.push(heap.pop() ?? 0);
        expect(out).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });
});
