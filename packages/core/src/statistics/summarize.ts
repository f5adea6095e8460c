import { mulberry32 } from '../datasets/sampling/prng.js';
import type { ConfidenceInterval } from '../domain/leaderboard.js';
import type { MetricAggregation, MetricValue } from '../domain/metric.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { type BootstrapOptions, bootstrapMeans, percentileInterval, resolveBootstrap } from './bootstrap.js';
import { type ClusterCorrection, type ClusteredStderr, clusteredStderr } from './clustered.js';
import { assertFiniteValues, meanStderr } from './descriptive.js';
import { wilsonInterval } from './wilson.js';

/**
 * What per-sample scores are: `proportion` for 0/1 outcomes (accuracy, exact match), `continuous` for
 * anything else (F1, BLEU, ROUGE, a judge's 1–10 rating).
 */
export type ScoreKind = 'proportion' | 'continuous';

/**
 * How an interval was computed: `wilson` (score interval of a proportion), `bootstrap-percentile`
 * (seeded resampling of the samples), `stratified-bootstrap-percentile` (resampling within each
 * sub-group), `normal` (`value ± z·stderr`).
 */
export type IntervalMethod = 'wilson' | 'bootstrap-percentile' | 'stratified-bootstrap-percentile' | 'normal';

/** A confidence interval and how it was computed. */
export interface Interval extends ConfidenceInterval {
  method: IntervalMethod;
}

/** An aggregate of per-sample scores: the mean with its uncertainty. */
export interface Summary {
  /** The mean; `null` when there are no values. */
  value: number | null;
  n: number;
  /** `sampleStddev / √n` (ddof = 1, lm-evaluation-harness's `mean_stderr`); `null` when n < 2. */
  stderr: number | null;
  /**
   * Wilson for proportions (n ≥ 1), bootstrap percentile for continuous scores (n ≥ 2); `null` when
   * undefined (no values; a single continuous value).
   */
  ci: Interval | null;
  kind: ScoreKind;
  /** Present when `clusters` were given: the cluster-robust stderr. */
  clustered?: ClusteredStderr;
}

/** Options of {@link summarize}. */
export interface SummarizeOptions extends BootstrapOptions {
  /** Detected when absent: `proportion` when every value is 0 or 1, else `continuous`. */
  kind?: ScoreKind;
  /** The cluster key of each value (same length), to add a clustered stderr (Miller 2024). */
  clusters?: readonly (string | number)[];
  /** Small-sample correction of the clustered stderr; `cluster-count` by default. */
  clusterCorrection?: ClusterCorrection;
}

/** Whether every value is exactly 0 or 1. */
export function isBinary(values: readonly number[]): boolean {
  for (const v of values) if (v !== 0 && v !== 1) return false;
  return true;
}

/**
 * Aggregates per-sample scores into their mean with n, standard error and confidence interval.
 *
 * - stderr: sample standard deviation (ddof = 1) / √n, exactly lm-evaluation-harness's `mean_stderr`.
 * - ci: the Wilson score interval for proportions; for continuous scores a seeded bootstrap percentile
 *   interval of the mean ({@link DEFAULT_BOOTSTRAP_RESAMPLES} resamples, seed 0 unless given; type-7
 *   quantiles of the replicates).
 * - Edge cases: no values → `value`, `stderr`, `ci` all `null`; one value → `stderr` `null`, `ci` Wilson
 *   for a proportion and `null` for a continuous score. Never NaN.
 *
 * @example
 * ```ts
 * summarize([1, 0, 1, 1]);
 * // { value: 0.75, n: 4, stderr: 0.25, ci: { lower: 0.3006, upper: 0.9544, level: 0.95, method: 'wilson' }, kind: 'proportion' }
 * summarize([0.41, 0.77, 0.52], { seed: 1, confidenceLevel: 0.9 }).ci?.method; // 'bootstrap-percentile'
 * ```
 */
export function summarize(values: readonly number[], options: SummarizeOptions = {}): Summary {
  const { level, seed, resamples } = resolveBootstrap(options, 'summarize');
  assertFiniteValues(values, 'values');
  const binary = isBinary(values);
  const kind: ScoreKind = options.kind ?? (values.length > 0 && binary ? 'proportion' : 'continuous');
  if (kind === 'proportion' && !binary) {
    const bad = values.findIndex((v) => v !== 0 && v !== 1);
    throw new BenchHubError(
      `summarize: kind 'proportion' needs 0/1 scores, but values[${bad}] is ${values[bad]}; use kind 'continuous'`,
    );
  }
  const n = values.length;
  const clustered =
    options.clusters === undefined
      ? undefined
      : clusteredStderr(values, options.clusters, {
          correction: options.clusterCorrection ?? 'cluster-count',
        });
  const withClusters = <T extends object>(summary: T): T =>
    clustered === undefined ? summary : { ...summary, clustered };
  if (n === 0) return withClusters({ value: null, n: 0, stderr: null, ci: null, kind });
  let sum = 0;
  for (const v of values) sum += v;
  const value = sum / n;
  const stderr = meanStderr(values);
  let ci: Interval | null = null;
  if (kind === 'proportion') {
    ci = { ...wilsonInterval(sum, n, level), method: 'wilson' };
  } else if (n >= 2) {
    const replicates = bootstrapMeans(values, mulberry32(seed), resamples);
    ci = { ...percentileInterval(replicates, level), level, method: 'bootstrap-percentile' };
  }
  return withClusters({ value, n, stderr, ci, kind });
}

/**
 * A {@link Summary} as the domain's {@link MetricValue} (which has no room for "no value": a summary of
 * no samples is an error here).
 *
 * @example
 * ```ts
 * toMetricValue(summarize([1, 0, 1, 1]), 'accuracy');
 * // { name: 'accuracy', value: 0.75, n: 4, stderr: 0.25, ci: [0.3006, 0.9544], ciLevel: 0.95, aggregation: 'mean' }
 * ```
 */
export function toMetricValue(
  summary: Summary,
  name: string,
  aggregation: MetricAggregation = 'mean',
): MetricValue {
  if (summary.value === null) {
    throw new BenchHubError(`toMetricValue: metric "${name}" has no value (no scored samples)`);
  }
  return {
    name,
    value: summary.value,
    n: summary.n,
    aggregation,
    ...(summary.stderr === null ? {} : { stderr: summary.stderr }),
    ...(summary.ci === null ? {} : { ci: [summary.ci.lower, summary.ci.upper], ciLevel: summary.ci.level }),
  };
}
