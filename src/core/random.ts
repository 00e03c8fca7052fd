/**
 * @module random
 * A seeded pseudo-random generator for what must be reproducible: the forecast range's simulated
 * futures, and the random curricula of property tests and benchmarks. The core never calls
 * `Math.random`: the same seed always gives the same numbers.
 */

/** mulberry32, a small and fast 32-bit generator: numbers in [0, 1) from the given seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
