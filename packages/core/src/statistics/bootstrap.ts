import { mulberry32, type Prng, randomBelow } from '../datasets/sampling/prng.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { assertLevel } from './normal.js';

/**
 * Bootstrap resamples drawn when none are asked for. 2,000 puts the Monte Carlo error of a 95%
 * percentile bound at a few percent of the interval's half-width (Efron & Tibshirani 1993 suggest
 * 1,000–2,000 for intervals); raise it for publication-grade tails.
 */
export const DEFAULT_BOOTSTRAP_RESAMPLES = 2000;

/** The seed of every resampling procedure when none is given: results are reproducible by default. */
export const DEFAULT_STATISTICS_SEED = 0;

/** Options of a seeded bootstrap. */
export interface BootstrapOptions {
  /** Coverage of the interval; 0.95 by default. */
  confidenceLevel?: number;
  /** Seed of the mulberry32 generator; {@link DEFAULT_STATISTICS_SEED} by default. */
  seed?: number;
  /** Number of resamples; {@link DEFAULT_BOOTSTRAP_RESAMPLES} by default. */
  resamples?: number;
}

/** The resolved options of a bootstrap. @internal */
export interface ResolvedBootstrap {
  level: number;
  seed: number;
  resamples: number;
}

/** Validates and fills in bootstrap options. @internal */
export function resolveBootstrap(
  options: BootstrapOptions,
  where: string,
  defaultResamples = DEFAULT_BOOTSTRAP_RESAMPLES,
): ResolvedBootstrap {
  const level = options.confidenceLevel ?? 0.95;
  assertLevel(level, where);
  const resamples = options.resamples ?? defaultResamples;
  if (!Number.isSafeInteger(resamples) || resamples < 1) {
    throw new BenchHubError(`${where}: resamples must be a positive integer, got ${resamples}`);
  }
  const seed = options.seed ?? DEFAULT_STATISTICS_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new BenchHubError(`${where}: seed must be an integer, got ${seed}`);
  }
  return { level, seed, resamples };
}

/**
 * The `q`-quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan
 * type 7, numpy's default): position `h = (n − 1)·q`, value `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`.
 *
 * @example
 * ```ts
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new BenchHubError('quantileSorted: no values');
  if (!(q >= 0 && q <= 1)) throw new BenchHubError(`quantileSorted: q must be in [0, 1], got ${q}`);
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const a = sorted[low] as number;
  if (low + 1 >= sorted.length) return a;
  const b = sorted[low + 1] as number;
  return a + (h - low) * (b - a);
}

/**
 * The percentile interval of bootstrap replicates: their `(1 − level)/2` and `(1 + level)/2`
 * quantiles (type 7). Sorts `replicates` in place.
 * @internal
 */
export function percentileInterval(
  replicates: Float64Array,
  level: number,
): { lower: number; upper: number } {
  replicates.sort();
  const alpha = (1 - level) / 2;
  return { lower: quantileSorted(replicates, alpha), upper: quantileSorted(replicates, 1 - alpha) };
}

/**
 * Bootstrap replicates of the mean: `resamples` times, draw `n` values with replacement (uniform
 * indices from mulberry32 via unbiased `randomBelow`) and take their mean.
 * @internal
 */
export function bootstrapMeans(values: readonly number[], rng: Prng, resamples: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[randomBelow(rng, n)] as number;
    out[r] = sum / n;
  }
  return out;
}

/**
 * A seeded bootstrap percentile interval for the mean of `values` (at least one value). The same
 * values, seed and resamples give the same interval on every machine.
 *
 * @example
 * ```ts
 * bootstrapMeanInterval([0.2, 0.9, 0.4, 0.7], { seed: 7, resamples: 2000 });
 * // { lower: ≈0.3, upper: ≈0.8, level: 0.95 }
 * ```
 */
export function bootstrapMeanInterval(
  values: readonly number[],
  options: BootstrapOptions = {},
): { lower: number; upper: number; level: number } {
  const { level, seed, resamples } = resolveBootstrap(options, 'bootstrapMeanInterval');
  if (values.length === 0) throw new BenchHubError('bootstrapMeanInterval: no values');
  const replicates = bootstrapMeans(values, mulberry32(seed), resamples);
  return { ...percentileInterval(replicates, level), level };
}
