import type { MetricAggregate } from '../../spec/metric.js';
import { mean, meanStderr } from '../../statistics/descriptive.js';

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
  const value = mean(values);
  const stderr = meanStderr(values);
  return stderr === null ? { value, n } : { value, stderr, n };
}
