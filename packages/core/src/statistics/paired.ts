import { mulberry32, randomBelow } from '../datasets/sampling/prng.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { type BootstrapOptions, percentileInterval, resolveBootstrap } from './bootstrap.js';
import { assertFiniteValues } from './descriptive.js';
import type { Interval } from './summarize.js';

/** Sign-flip resamples drawn when none are asked for (p-values near 0.05 then carry a Monte Carlo error of about ±0.002). */
export const DEFAULT_PERMUTATION_RESAMPLES = 10_000;

/**
 * Up to this many non-zero differences the permutation test enumerates all 2^m sign patterns and its
 * p-value is exact; above it, it draws random patterns.
 */
export const EXACT_PERMUTATION_LIMIT = 16;

/** Checks two paired score lists and returns their differences `a[i] − b[i]`. @internal */
export function pairedDifferences(a: readonly number[], b: readonly number[], where: string): number[] {
  if (a.length !== b.length) {
    throw new BenchHubError(`${where}: ${a.length} scores for A but ${b.length} for B (they must be paired)`);
  }
  assertFiniteValues(a, `${where}: a`);
  assertFiniteValues(b, `${where}: b`);
  return a.map((x, i) => x - (b[i] as number));
}

/** A paired bootstrap of the mean difference. */
export interface PairedBootstrapResult {
  /** `mean(a) − mean(b)`. */
  meanDifference: number;
  /** Percentile interval of the resampled mean differences. */
  ci: Interval;
  /**
   * Two-sided bootstrap p-value: twice the smaller share of replicates at or beyond 0 on either side,
   * at most 1 — the smallest `1 − level` at which the percentile interval would exclude 0.
   */
  pValue: number;
  resamples: number;
  seed: number;
}

/**
 * Paired bootstrap of the mean difference between two models on the same samples: resample the
 * samples (pairs stay together, so per-question difficulty cancels) `resamples` times with a seeded
 * mulberry32 generator, and take the percentile interval of `mean(a*) − mean(b*)`. At least 2 pairs.
 *
 * @example
 * ```ts
 * pairedBootstrap([0.9, 0.8, 0.7, 0.95], [0.6, 0.7, 0.65, 0.8], { seed: 3 }).ci.lower > 0; // true
 * ```
 */
export function pairedBootstrap(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapOptions = {},
): PairedBootstrapResult {
  const { level, seed, resamples } = resolveBootstrap(options, 'pairedBootstrap');
  const d = pairedDifferences(a, b, 'pairedBootstrap');
  const n = d.length;
  if (n < 2) throw new BenchHubError(`pairedBootstrap: need at least 2 pairs, got ${n}`);
  let total = 0;
  for (const x of d) total += x;
  const rng = mulberry32(seed);
  const replicates = new Float64Array(resamples);
  let atOrBelow = 0;
  let atOrAbove = 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[randomBelow(rng, n)] as number;
    const m = sum / n;
    replicates[r] = m;
    if (m <= 0) atOrBelow++;
    if (m >= 0) atOrAbove++;
  }
  const pValue = Math.min(1, (2 * Math.min(atOrBelow, atOrAbove)) / resamples);
  const bounds = percentileInterval(replicates, level);
  return {
    meanDifference: total / n,
    ci: { ...bounds, level, method: 'bootstrap-percentile' },
    pValue,
    resamples,
    seed,
  };
}

/** A paired permutation (sign-flip) test. */
export interface PermutationTestResult {
  test: 'permutation-exact' | 'permutation';
  /** `mean(a) − mean(b)`. */
  meanDifference: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Sign patterns evaluated: 2^m when exact, else the resamples drawn. */
  resamples: number;
  /** The seed used (random patterns only). */
  seed?: number;
}

/**
 * The paired permutation test (sign-flip randomisation test, Fisher 1935) of "A and B score the same on
 * average": under the null each difference `dᵢ = aᵢ − bᵢ` is as likely to have either sign, so the
 * statistic `|Σ dᵢ|` is compared with its values under random sign flips. Zero differences do not affect
 * it. With at most {@link EXACT_PERMUTATION_LIMIT} non-zero differences all 2^m patterns are enumerated
 * (exact p = share of patterns at least as extreme); otherwise `resamples` patterns are drawn with a
 * seeded mulberry32 generator and `p = (1 + extreme) / (1 + resamples)` (Phipson & Smyth 2010, never 0).
 * "At least as extreme" allows a relative tolerance of 1e-9 for floating-point ties.
 *
 * @example
 * ```ts
 * pairedPermutationTest([3, 4, 5], [2, 2, 2]).pValue; // 0.25 (exact: 2 of 8 patterns)
 * ```
 */
export function pairedPermutationTest(
  a: readonly number[],
  b: readonly number[],
  options: { seed?: number; resamples?: number } = {},
): PermutationTestResult {
  const { seed, resamples } = resolveBootstrap(
    options,
    'pairedPermutationTest',
    DEFAULT_PERMUTATION_RESAMPLES,
  );
  const d = pairedDifferences(a, b, 'pairedPermutationTest');
  const nonzero = d.filter((x) => x !== 0);
  const meanDifference = d.length === 0 ? 0 : d.reduce((s, x) => s + x, 0) / d.length;
  const m = nonzero.length;
  if (m === 0) return { test: 'permutation-exact', meanDifference, pValue: 1, resamples: 1 };
  let observed = 0;
  let scale = 0;
  for (const x of nonzero) {
    observed += x;
    scale += Math.abs(x);
  }
  const threshold = Math.abs(observed) - 1e-9 * scale;
  if (m <= EXACT_PERMUTATION_LIMIT) {
    const patterns = 2 ** m;
    let extreme = 0;
    for (let mask = 0; mask < patterns; mask++) {
      let sum = 0;
      for (let i = 0; i < m; i++) sum += mask & (1 << i) ? -(nonzero[i] as number) : (nonzero[i] as number);
      if (Math.abs(sum) >= threshold) extreme++;
    }
    return { test: 'permutation-exact', meanDifference, pValue: extreme / patterns, resamples: patterns };
  }
  const rng = mulberry32(seed);
  let extreme = 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    let bits = 0;
    for (let i = 0; i < m; i++) {
      if (i % 32 === 0) bits = rng.nextUint32();
      sum += bits & 1 ? -(nonzero[i] as number) : (nonzero[i] as number);
      bits >>>= 1;
    }
    if (Math.abs(sum) >= threshold) extreme++;
  }
  return { test: 'permutation', meanDifference, pValue: (1 + extreme) / (1 + resamples), resamples, seed };
}
