/**
 * @module store/keyed-mutex
 * An in-process lock per key: `run(key, fn)` starts `fn` only after every earlier `fn` of the same
 * key has settled. Keys with nothing waiting are forgotten, so the map holds only busy keys.
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.#tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = before.then(() => mine);
    this.#tails.set(key, tail);
    await before;
    try {
      return await fn();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** How many keys are held or waited for (for tests). */
  get size(): number {
    return this.#tails.size;
  }
}
