import type { MetricAggregate } from '../../spec/metric.js';

/**
 * The mean of the values with its standard error: the sample standard deviation (n − 1 denominator)
 * divided by √n, as lm-evaluation-harness's `mean_stderr`. With a single value there is no spread to
 * estimate, so `stderr` is left out.
 *
 * @example
 * ```ts
 * meanWithStderr([1, 0, 1, 1]); // { value: 0.75, stderr: 0.25, n: 4 }
 * ```
 */
export function meanWithStderr(values: readonly number[]): MetricAggregate {
  const n = values.length;
  if (n === 0) return { value: Number.NaN, n: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { value: mean, n };
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { value: mean, stderr: Math.sqrt(squares / (n - 1)) / Math.sqrt(n), n };
}
