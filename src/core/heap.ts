/**
 * @module heap
 * A binary min-heap of numbers (node or task indices) under a caller's ordering. Used where a
 * deterministic "smallest first" queue is needed: topological order by authored position, and the
 * scheduler's ready tasks by priority.
 */
export class IndexHeap {
  private readonly items: number[] = [];

  /** `less(a, b)`: whether a comes before b. Ties must be broken by the caller for determinism. */
  constructor(private readonly less: (a: number, b: number) => boolean = (a, b) => a < b) {}

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = a[p] ?? 0;
      if (!this.less(value, parent)) break;
      a[i] = parent;
      i = p;
    }
    a[i] = value;
  }

  peek(): number | undefined {
    return this.items[0];
  }

  pop(): number | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop() ?? 0;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && this.less(a[r] ?? 0, a[l] ?? 0) ? r : l;
        const child = a[c] ?? 0;
        if (!this.less(child, last)) break;
        a[i] = child;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
