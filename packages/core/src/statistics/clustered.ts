import { BenchHubError } from '../errors/benchhub-error.js';
import { assertFiniteValues } from './descriptive.js';

/**
 * The small-sample correction of a clustered standard error:
 * - `cluster-count` (default): multiply the sandwich variance by `C/(C − 1)` for `C` clusters, the usual
 *   finite-cluster correction (CR1 without the regressor term; what inspect_ai's `stderr(cluster=…)` uses).
 * - `miller`: Miller (2024), eq. 4, as printed: `SE² = SE_CLT² + (1/n²) Σ_c Σ_i Σ_{j≠i} eᵢ eⱼ`, where
 *   `SE_CLT² = Σ eᵢ² / (n(n − 1))` is the ordinary (Bessel-corrected) squared stderr.
 * - `none`: the plain sandwich estimator `(1/n²) Σ_c (Σ_{i∈c} eᵢ)²`.
 * Here `eᵢ = sᵢ − s̄` are deviations from the overall mean.
 */
export type ClusterCorrection = 'cluster-count' | 'miller' | 'none';

/** A clustered standard error with the number of clusters it saw. */
export interface ClusteredStderr {
  /** `null` when it is undefined: fewer than two clusters (`cluster-count`), fewer than two values. */
  stderr: number | null;
  clusters: number;
  correction: ClusterCorrection;
}

/**
 * The cluster-robust standard error of a mean (Miller 2024, "Adding Error Bars to Evals", §2.2 and
 * appendix A): questions that share a cluster (a passage, a subject, a source document) are not
 * independent, so the variance of the mean sums the deviations within each cluster before squaring:
 *
 * `Var(s̄) = (1/n²) Σ_c (Σ_{i∈c} (sᵢ − s̄))²`, then a small-sample correction (see
 * {@link ClusterCorrection}; `cluster-count`, i.e. `× C/(C − 1)`, by default).
 *
 * With every value in its own cluster, both `cluster-count` and `miller` reduce exactly to the ordinary
 * stderr `sampleStddev / √n`. With positively correlated clusters the clustered stderr is larger.
 *
 * @param values one score per sample.
 * @param clusterKeys the cluster of each sample (same length as `values`), e.g. its subject or passage id.
 *
 * @example
 * ```ts
 * clusteredStderr([1, 1, 0, 0], ['a', 'a', 'b', 'b']).stderr; // 0.5 (iid stderr: 0.2887)
 * ```
 */
export function clusteredStderr(
  values: readonly number[],
  clusterKeys: readonly (string | number)[],
  options: { correction?: ClusterCorrection } = {},
): ClusteredStderr {
  const correction = options.correction ?? 'cluster-count';
  if (clusterKeys.length !== values.length) {
    throw new BenchHubError(
      `clusteredStderr: ${values.length} values but ${clusterKeys.length} cluster keys (one key per value)`,
    );
  }
  assertFiniteValues(values, 'values');
  const n = values.length;
  if (n === 0) return { stderr: null, clusters: 0, correction };
  let total = 0;
  for (const v of values) total += v;
  const mu = total / n;
  const sums = new Map<string | number, number>();
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const e = (values[i] as number) - mu;
    squares += e * e;
    const key = clusterKeys[i] as string | number;
    sums.set(key, (sums.get(key) ?? 0) + e);
  }
  let clusterSquares = 0;
  for (const s of sums.values()) clusterSquares += s * s;
  const clusters = sums.size;
  let variance: number | null;
  if (correction === 'none') variance = clusterSquares / (n * n);
  else if (correction === 'cluster-count') {
    variance = clusters < 2 ? null : ((clusterSquares / (n * n)) * clusters) / (clusters - 1);
  } else {
    variance = n < 2 ? null : squares / (n * (n - 1)) + (clusterSquares - squares) / (n * n);
  }
  return { stderr: variance === null ? null : Math.sqrt(Math.max(0, variance)), clusters, correction };
}
