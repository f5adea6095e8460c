import { BenchHubError } from '../errors/benchhub-error.js';

function checkGroups(values: readonly number[], sizes: readonly number[], where: string): void {
  if (values.length !== sizes.length) {
    throw new BenchHubError(
      `${where}: ${values.length} values but ${sizes.length} sizes (one size per group)`,
    );
  }
  if (values.length === 0) throw new BenchHubError(`${where}: no groups`);
  sizes.forEach((n, i) => {
    if (!Number.isSafeInteger(n) || n < 1)
      throw new BenchHubError(`${where}: sizes[${i}] must be a positive integer, got ${n}`);
  });
}

/**
 * The score of a group from its sub-groups' scores, as lm-evaluation-harness's
 * `aggregate_subtask_metrics`: weighted by the sub-groups' sizes (`weight_by_size: true`, the micro
 * average: equal to the mean over all samples) or the plain mean of the sub-group scores (the macro
 * average).
 *
 * @example
 * ```ts
 * aggregateSubtaskMetrics([0.3, 0.2, 0.4], [20, 40, 100], false); // 0.3
 * aggregateSubtaskMetrics([0.3, 0.2, 0.4], [20, 40, 100], true);  // 0.3375
 * ```
 */
export function aggregateSubtaskMetrics(
  metrics: readonly number[],
  sizes: readonly number[],
  weightBySize = true,
): number {
  checkGroups(metrics, sizes, 'aggregateSubtaskMetrics');
  let num = 0;
  let den = 0;
  metrics.forEach((m, i) => {
    const w = weightBySize ? (sizes[i] as number) : 1;
    num += m * w;
    den += w;
  });
  return num / den;
}

/**
 * The stderr of a group from its sub-groups' stderrs, as lm-evaluation-harness's `pooled_sample_stderr`
 * (the one it reports for every group, weighted or not): the pooled variance
 * `s²ₚ = Σ (nᵢ − 1)·nᵢ·seᵢ² / (N − k)` (`nᵢ·seᵢ²` recovers each sub-group's sample variance) over
 * `N = Σ nᵢ` samples, and `√(s²ₚ / N)`. It equals the stderr of the concatenated samples when the
 * sub-groups have equal means, and ignores between-group spread. `null` when a sub-group's stderr is
 * unknown (lm-eval's "N/A") or every sub-group has a single sample (N = k).
 *
 * @example
 * ```ts
 * pooledSampleStderr([0.0492, 0.0651], [100, 60]); // ≈ 0.0393
 * ```
 */
export function pooledSampleStderr(
  stderrs: readonly (number | null)[],
  sizes: readonly number[],
): number | null {
  if (stderrs.length !== sizes.length) {
    throw new BenchHubError(`pooledSampleStderr: ${stderrs.length} stderrs but ${sizes.length} sizes`);
  }
  if (stderrs.some((s) => s === null)) return null;
  checkGroups(stderrs as number[], sizes, 'pooledSampleStderr');
  let total = 0;
  let pooled = 0;
  stderrs.forEach((se, i) => {
    const n = sizes[i] as number;
    pooled += (n - 1) * (se as number) ** 2 * n;
    total += n;
  });
  const dof = total - sizes.length;
  if (dof <= 0) return null;
  return Math.sqrt(pooled / dof / total);
}

/**
 * The stderr of a weighted mean of independent sub-group means, `√(Σ wᵢ²·seᵢ²)`, with `wᵢ = nᵢ/N`
 * (weighted by size) or `1/k` (plain mean): the textbook stratified-sampling stderr. Unlike
 * {@link pooledSampleStderr} it follows the weighting, so a plain mean over groups of unequal size gets
 * the larger uncertainty its small groups carry. `null` when a sub-group's stderr is unknown.
 *
 * @example
 * ```ts
 * stratifiedStderr([0.05, 0.1], [100, 25], false); // √(0.25·0.0025 + 0.25·0.01) ≈ 0.0559
 * ```
 */
export function stratifiedStderr(
  stderrs: readonly (number | null)[],
  sizes: readonly number[],
  weightBySize = true,
): number | null {
  if (stderrs.length !== sizes.length) {
    throw new BenchHubError(`stratifiedStderr: ${stderrs.length} stderrs but ${sizes.length} sizes`);
  }
  if (stderrs.some((s) => s === null)) return null;
  checkGroups(stderrs as number[], sizes, 'stratifiedStderr');
  const total = sizes.reduce((s, n) => s + n, 0);
  let variance = 0;
  stderrs.forEach((se, i) => {
    const w = weightBySize ? (sizes[i] as number) / total : 1 / sizes.length;
    variance += w * w * (se as number) ** 2;
  });
  return Math.sqrt(variance);
}
