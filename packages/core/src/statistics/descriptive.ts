import { BenchHubError } from '../errors/benchhub-error.js';

/**
 * Throws a clear error unless every value is a finite number; `what` names the input in the message.
 * @internal
 */
export function assertFiniteValues(values: readonly number[], what: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new BenchHubError(`${what}[${i}] must be a finite number, got ${String(v)}`);
    }
  }
}

/**
 * The arithmetic mean. An empty list has no mean: that is an error, not NaN.
 *
 * @example
 * ```ts
 * mean([1, 0, 1, 1]); // 0.75
 * ```
 */
export function mean(values: readonly number[]): number {
  if (values.length === 0)
    throw new BenchHubError('mean: no values (the mean of an empty list is undefined)');
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * The sample standard deviation with Bessel's correction (`ddof = 1`), as lm-evaluation-harness's
 * `sample_stddev`: `√(Σ(xᵢ − x̄)² / (n − 1))`. `null` when there are fewer than two values.
 *
 * @example
 * ```ts
 * sampleStddev([1, 0, 1, 0]); // 0.5773502691896257
 * sampleStddev([1]);          // null
 * ```
 */
export function sampleStddev(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mu = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - mu) * (v - mu);
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * The standard error of the mean, `sampleStddev / √n`, as lm-evaluation-harness's `mean_stderr` (the
 * stderr it reports for `acc`, `acc_norm`, `exact_match` and every mean-aggregated metric). `null` when
 * there are fewer than two values.
 *
 * @example
 * ```ts
 * meanStderr([1, 0, 1, 0]); // 0.28867513459481287
 * ```
 */
export function meanStderr(values: readonly number[]): number | null {
  const sd = sampleStddev(values);
  return sd === null ? null : sd / Math.sqrt(values.length);
}
