import { type Prng, randomBelow } from './prng.js';

/** An item kept by a sampler, with its position in the input stream. */
export interface Kept<T> {
  ordinal: number;
  value: T;
}

/**
 * A uniform sample of at most `capacity` items from a stream of unknown length in O(capacity) memory:
 * Vitter's Algorithm R (Knuth, TAOCP vol. 2, 3.4.2). The first `capacity` items are kept; the i-th
 * item after them (1-based count i) replaces a random slot with probability capacity/i.
 *
 * Algorithm R draws one random integer per item; Li's Algorithm L draws fewer but needs `Math.log` and
 * `Math.exp`, whose last bits may differ between JavaScript engines. R uses only integer draws, so a
 * seed selects the same rows everywhere. {@link ReservoirSampler.result} returns the kept items in
 * stream order, not in replacement order.
 *
 * @example
 * ```ts
 * const sampler = new ReservoirSampler<string>(2, mulberry32(7));
 * for (const id of ['a', 'b', 'c', 'd']) sampler.offer(id);
 * sampler.result(); // two of them, in input order; the same two for seed 7 on every machine
 * ```
 */
export class ReservoirSampler<T> {
  private readonly kept: Kept<T>[] = [];
  private seen = 0;

  constructor(
    readonly capacity: number,
    private readonly rng: Prng,
  ) {
    if (!Number.isSafeInteger(capacity) || capacity < 0)
      throw new RangeError(`capacity must be a non-negative integer, got ${capacity}`);
  }

  /** How many items were offered. */
  get count(): number {
    return this.seen;
  }

  /** Offers the next item; `ordinal` (default: the offer count) orders the result. */
  offer(value: T, ordinal: number = this.seen): void {
    this.seen++;
    if (this.kept.length < this.capacity) {
      this.kept.push({ ordinal, value });
      return;
    }
    if (this.capacity === 0) return;
    const slot = randomBelow(this.rng, this.seen);
    if (slot < this.capacity) this.kept[slot] = { ordinal, value };
  }

  /** The kept items with their ordinals, in slot order (not sorted). */
  entries(): Kept<T>[] {
    return this.kept.slice();
  }

  /** The kept items in stream order. */
  result(): T[] {
    return this.kept
      .slice()
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((k) => k.value);
  }
}
