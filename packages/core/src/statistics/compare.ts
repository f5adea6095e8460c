import type { SampleResult } from '../domain/result.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import type { BootstrapOptions } from './bootstrap.js';
import { meanStderr } from './descriptive.js';
import { holmBonferroni } from './holm.js';
import { mcnemarTest } from './mcnemar.js';
import { pairedBootstrap, pairedDifferences, pairedPermutationTest } from './paired.js';
import { collectSampleScores, type ExcludedCounts } from './sample-scores.js';
import { type Interval, isBinary, type ScoreKind } from './summarize.js';

/** Options of a paired comparison. */
export interface CompareOptions extends BootstrapOptions {
  /** The metric compared; `accuracy` by default. */
  metric?: string;
  /**
   * `proportion` uses McNemar's exact test, `continuous` the permutation test. Detected when absent:
   * `proportion` when every paired score is 0 or 1.
   */
  kind?: ScoreKind;
  /** Random sign patterns of the permutation test; {@link DEFAULT_PERMUTATION_RESAMPLES} by default. */
  permutationResamples?: number;
  /** Whether to compute the paired bootstrap interval (`ci`); true by default. False skips it (`ci: null`). */
  withInterval?: boolean;
}

/** Two score lists compared on the same samples. */
export interface PairedScoresComparison {
  /** Pairs compared. */
  n: number;
  meanA: number;
  meanB: number;
  /** `meanA − meanB`. */
  meanDifference: number;
  /** Standard error of the mean difference: `sampleStddev(a − b) / √n`; `null` when n < 2. */
  stderr: number | null;
  /** Paired bootstrap percentile interval of the mean difference; `null` when n < 2 or not asked for. */
  ci: Interval | null;
  test: 'mcnemar-exact' | 'permutation-exact' | 'permutation';
  /** Two-sided p-value of "no difference". */
  pValue: number;
  /** McNemar's discordant counts (0/1 scores only). */
  discordant?: { aOnly: number; bOnly: number };
}

/** Two models compared on the samples both were scored on. */
export interface PairedComparison extends PairedScoresComparison {
  modelA: string;
  modelB: string;
  metric: string;
  /** Pairs dropped because a side failed or was not scored, counted per side. */
  excluded: { a: ExcludedCounts; b: ExcludedCounts; pairs: number };
}

/**
 * Compares two aligned score lists (`a[i]`, `b[i]` on the same sample): McNemar's exact test for 0/1
 * scores, else the paired permutation (sign-flip) test; the mean difference with its stderr and a paired
 * bootstrap percentile interval (seeded; {@link DEFAULT_BOOTSTRAP_RESAMPLES} resamples by default).
 *
 * @example
 * ```ts
 * comparePairedScores([1, 1, 1, 0], [0, 1, 0, 0]); // test 'mcnemar-exact', meanDifference 0.5, pValue 0.5
 * ```
 */
export function comparePairedScores(
  a: readonly number[],
  b: readonly number[],
  options: CompareOptions = {},
): PairedScoresComparison {
  const d = pairedDifferences(a, b, 'comparePairedScores');
  const n = d.length;
  if (n === 0) throw new BenchHubError('comparePairedScores: no pairs to compare');
  const binary = isBinary(a) && isBinary(b);
  const kind = options.kind ?? (binary ? 'proportion' : 'continuous');
  if (kind === 'proportion' && !binary) {
    throw new BenchHubError("comparePairedScores: kind 'proportion' needs 0/1 scores; use kind 'continuous'");
  }
  const meanA = a.reduce((s, x) => s + x, 0) / n;
  const meanB = b.reduce((s, x) => s + x, 0) / n;
  const ci = n >= 2 && options.withInterval !== false ? pairedBootstrap(a, b, options).ci : null;
  const base = { n, meanA, meanB, meanDifference: meanA - meanB, stderr: meanStderr(d), ci };
  if (kind === 'proportion') {
    const m = mcnemarTest(a, b);
    return { ...base, test: m.test, pValue: m.pValue, discordant: { aOnly: m.aOnly, bOnly: m.bOnly } };
  }
  const p = pairedPermutationTest(a, b, {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.permutationResamples === undefined ? {} : { resamples: options.permutationResamples }),
  });
  return { ...base, test: p.test, pValue: p.pValue };
}

function singleModel(results: readonly SampleResult[], side: string): string {
  const first = results[0];
  if (first === undefined) throw new BenchHubError(`compareModels: no results for model ${side}`);
  const other = results.find((r) => r.modelId !== first.modelId);
  if (other !== undefined) {
    throw new BenchHubError(
      `compareModels: the results of model ${side} mix models "${first.modelId}" and "${other.modelId}"`,
    );
  }
  return first.modelId;
}

function describeKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => {
    const [dataset, id] = JSON.parse(k) as [string, string];
    return `${dataset}:${id}`;
  });
  return `${shown.join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
}

/**
 * Compares two models on the same samples, aligned by `[datasetName, sampleId]` (repeats averaged).
 * Both models must have results for the same samples: a sample only one of them has is an error naming
 * it. A pair where either side failed (an error) or has no score for the metric is dropped and counted,
 * never scored 0. See {@link comparePairedScores} for the tests.
 *
 * @example
 * ```ts
 * const c = compareModels(resultsOfGpt, resultsOfClaude, { metric: 'accuracy', seed: 1 });
 * c.meanDifference; c.pValue; c.ci; // A − B, McNemar's exact p, paired bootstrap interval
 * ```
 */
export function compareModels(
  resultsA: Iterable<SampleResult>,
  resultsB: Iterable<SampleResult>,
  options: CompareOptions = {},
): PairedComparison {
  const metric = options.metric ?? 'accuracy';
  const listA = [...resultsA];
  const listB = [...resultsB];
  const modelA = singleModel(listA, 'A');
  const modelB = singleModel(listB, 'B');
  const sideA = collectSampleScores(listA, metric);
  const sideB = collectSampleScores(listB, metric);
  const onlyA = [...sideA.seen].filter((k) => !sideB.seen.has(k));
  const onlyB = [...sideB.seen].filter((k) => !sideA.seen.has(k));
  if (onlyA.length > 0 || onlyB.length > 0) {
    const parts = [
      onlyA.length > 0 ? `${onlyA.length} only for "${modelA}" (${describeKeys(onlyA)})` : '',
      onlyB.length > 0 ? `${onlyB.length} only for "${modelB}" (${describeKeys(onlyB)})` : '',
    ].filter(Boolean);
    throw new BenchHubError(
      `compareModels: the models were not run on the same samples: ${parts.join('; ')}. Compare them on a common sample set.`,
    );
  }
  const keys = [...sideA.seen].sort();
  const a: number[] = [];
  const b: number[] = [];
  for (const key of keys) {
    const x = sideA.scores.get(key);
    const y = sideB.scores.get(key);
    if (x !== undefined && y !== undefined) {
      a.push(x.value);
      b.push(y.value);
    }
  }
  if (a.length === 0) {
    throw new BenchHubError(
      `compareModels: no sample has a "${metric}" score for both "${modelA}" and "${modelB}" (failed or unscored results are not scores)`,
    );
  }
  return {
    modelA,
    modelB,
    metric,
    ...comparePairedScores(a, b, options),
    excluded: { a: sideA.excluded, b: sideB.excluded, pairs: keys.length - a.length },
  };
}

/** One comparison of {@link compareAllModels}, with its multiplicity-adjusted p-value. */
export interface AdjustedComparison extends PairedComparison {
  /** The p-value after the correction (Holm unless `adjust: 'none'`). */
  adjustedPValue: number;
  /** Whether the difference is significant at `alpha` after the correction. */
  significant: boolean;
}

/**
 * Compares every pair of models in `results` (grouped by `modelId`, models in order of first
 * appearance) with {@link compareModels}, and corrects the p-values for the number of comparisons with
 * Holm–Bonferroni (or not, with `adjust: 'none'`).
 *
 * @example
 * ```ts
 * for (const c of compareAllModels(results, { alpha: 0.05 })) {
 *   console.log(c.modelA, c.modelB, c.meanDifference, c.adjustedPValue, c.significant);
 * }
 * ```
 */
export function compareAllModels(
  results: Iterable<SampleResult>,
  options: CompareOptions & { alpha?: number; adjust?: 'holm' | 'none' } = {},
): AdjustedComparison[] {
  const byModel = new Map<string, SampleResult[]>();
  for (const r of results) {
    const list = byModel.get(r.modelId);
    if (list === undefined) byModel.set(r.modelId, [r]);
    else list.push(r);
  }
  const models = [...byModel.keys()];
  const comparisons: PairedComparison[] = [];
  for (let i = 0; i < models.length; i++) {
    for (let j = i + 1; j < models.length; j++) {
      comparisons.push(
        compareModels(
          byModel.get(models[i] as string) ?? [],
          byModel.get(models[j] as string) ?? [],
          options,
        ),
      );
    }
  }
  const alpha = options.alpha ?? 0.05;
  const pValues = comparisons.map((c) => c.pValue);
  const adjusted = options.adjust === 'none' ? pValues : holmBonferroni(pValues, alpha).adjusted;
  return comparisons.map((c, i) => {
    const adjustedPValue = adjusted[i] as number;
    return { ...c, adjustedPValue, significant: adjustedPValue <= alpha };
  });
}
