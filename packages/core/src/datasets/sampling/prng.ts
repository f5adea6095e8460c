/** A seeded source of 32-bit unsigned integers. */
export interface Prng {
  /** The next integer in [0, 2^32). */
  nextUint32(): number;
}

/**
 * Mulberry32, a 32-bit-state PRNG by Tommy Ettinger (2017, public domain): each step adds the odd
 * constant 0x6D2B79F5 to the state and scrambles it with multiplications and xor-shifts. Period 2^32,
 * passes gjrand and PractRand up to the sizes a 32-bit state allows; plenty for drawing samples.
 * It uses only 32-bit integer arithmetic (`Math.imul`, shifts), so the same seed gives the same
 * sequence on every machine and JavaScript engine.
 *
 * The seed is any integer, reduced modulo 2^32 (seeds that differ by a multiple of 2^32 coincide).
 *
 * @example
 * ```ts
 * const rng = mulberry32(42);
 * rng.nextUint32(); // always the same first value for seed 42
 * ```
 */
export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  return {
    nextUint32(): number {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    },
  };
}

const TWO_POW_32 = 0x1_0000_0000;

/**
 * A uniform source in [0, 1) seeded with {@link mulberry32}, for APIs that take `() => number`
 * (few-shot example choice, bootstrap jitter).
 *
 * @example
 * ```ts
 * const random = uniformRandom(7);
 * random(); // the same first value on every machine
 * ```
 */
export function uniformRandom(seed: number): () => number {
  const rng = mulberry32(seed);
  return () => rng.nextUint32() / TWO_POW_32;
}

/**
 * A uniform integer in [0, n) without modulo bias (rejection sampling on 32-bit draws; two draws
 * combined when n exceeds 2^32). `n` must be a positive safe integer.
 */
export function randomBelow(rng: Prng, n: number): number {
  if (n <= TWO_POW_32) {
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = rng.nextUint32();
      if (x < limit) return x % n;
    }
  }
  const span = 2 ** 53;
  const limit = span - (span % n);
  for (;;) {
    const x = (rng.nextUint32() >>> 11) * TWO_POW_32 + rng.nextUint32();
    if (x < limit) return x % n;
  }
}
