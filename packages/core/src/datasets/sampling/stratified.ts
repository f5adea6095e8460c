import { type Prng, randomBelow } from './prng.js';
import { type Kept, ReservoirSampler } from './reservoir.js';

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Splits `total` among strata in proportion to their sizes by the largest-remainder (Hamilton) method:
 * each stratum gets the floor of its exact quota `total × count / sum`, and the units left go one each
 * to the largest fractional remainders (ties: the larger stratum, then the earlier one). Exact integer
 * arithmetic. When `total` is at least the sum, every stratum gets its whole count.
 *
 * @example
 * ```ts
 * allocateProportionally([50, 30, 20], 7); // [4, 2, 1]: quotas 3.5, 2.1, 1.4 → floors 3, 2, 1, one left → the 0.5
 * ```
 */
export function allocateProportionally(counts: readonly number[], total: number): number[] {
  const sum = counts.reduce((a, b) => a + b, 0);
  if (total >= sum) return counts.slice();
  const bigSum = BigInt(sum);
  const floors: number[] = [];
  const remainders: bigint[] = [];
  let given = 0;
  for (const count of counts) {
    const product = BigInt(total) * BigInt(count);
    const floor = Number(product / bigSum);
    floors.push(floor);
    remainders.push(product % bigSum);
    given += floor;
  }
  const order = counts.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    if (counts[a] !== counts[b]) return counts[b]! - counts[a]!;
    return a - b;
  });
  for (let k = 0; k < total - given; k++) floors[order[k]!]!++;
  return floors;
}

/**
 * A stratified sample of `size` items from a stream: one reservoir per stratum (each holding up to
 * `size` items, since allocations are known only at the end), then proportional allocation by
 * {@link allocateProportionally} over the strata's full counts, and a uniform pick of each stratum's
 * share from its reservoir. Memory is O(size × strata). The result is in stream order and depends only
 * on the input order and the PRNG seed; strata are processed in code-point order of their keys.
 */
export class StratifiedSampler<T> {
  private readonly strata = new Map<string, ReservoirSampler<T>>();
  private ordinal = 0;

  constructor(
    readonly size: number,
    private readonly rng: Prng,
  ) {}

  /** Offers the next item, in the stratum named `key`. */
  offer(key: string, value: T): void {
    let reservoir = this.strata.get(key);
    if (!reservoir) {
      reservoir = new ReservoirSampler<T>(this.size, this.rng);
      this.strata.set(key, reservoir);
    }
    reservoir.offer(value, this.ordinal++);
  }

  /** How many items each stratum received, by key. */
  counts(): Map<string, number> {
    return new Map([...this.strata].map(([key, r]) => [key, r.count]));
  }

  /** The sample, in stream order. */
  result(): T[] {
    const keys = [...this.strata.keys()].sort(byCodePoint);
    const reservoirs = keys.map((k) => this.strata.get(k)!);
    const shares = allocateProportionally(
      reservoirs.map((r) => r.count),
      this.size,
    );
    const picked: Kept<T>[] = [];
    reservoirs.forEach((reservoir, i) => {
      const entries = reservoir.entries();
      const share = shares[i]!;
      for (let j = 0; j < share; j++) {
        const k = j + randomBelow(this.rng, entries.length - j);
        const chosen = entries[k]!;
        entries[k] = entries[j]!;
        entries[j] = chosen;
        picked.push(chosen);
      }
    });
    return picked.sort((a, b) => a.ordinal - b.ordinal).map((k) => k.value);
  }
}
