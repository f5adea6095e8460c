import { BenchHubError } from '../../errors/benchhub-error.js';
import { type ClassLabel, checkLabelOption, checkTargets } from './labels.js';

/**
 * How per-label scores are combined, as in scikit-learn:
 * - `binary`: only the label `posLabel` (the data must have at most two labels);
 * - `micro`: from the true positives, predictions and supports summed over the labels;
 * - `macro`: the unweighted mean of the per-label scores;
 * - `weighted`: the mean of the per-label scores weighted by support (true instances of each label);
 * - `null`: no averaging, one score per label.
 */
export type ClassificationAverage = 'binary' | 'micro' | 'macro' | 'weighted';

/**
 * The value of a score whose denominator is zero (precision with no predicted positive, recall with no
 * true positive, F with neither): `'warn'` (scikit-learn's default) acts as 0 (BenchHub emits no
 * warning), `0`, `1`, or `NaN`, which leaves that label out of the average.
 */
export type ZeroDivision = 'warn' | 0 | 1 | number;

/** Options shared by the precision, recall and F functions. */
export interface PrecisionRecallOptions {
  /** The labels to score (and their order when `average` is `null`). Default: every label present, sorted. */
  labels?: readonly ClassLabel[];
  /** The positive label when `average` is `binary`. Default `1`, as scikit-learn. */
  posLabel?: ClassLabel;
  /** One weight per sample. */
  sampleWeight?: readonly number[];
  /** See {@link ZeroDivision}. Default `'warn'` (acts as 0). */
  zeroDivision?: ZeroDivision;
}

/** Options of {@link precisionRecallFscoreSupport}, whose `average` defaults to `null` (per label). */
export interface PrecisionRecallFscoreOptions extends PrecisionRecallOptions {
  /** How to combine per-label scores; `null` (the default here) returns them per label. */
  average?: ClassificationAverage | null;
  /** Weight of recall in the F score (default 1: F1; `Infinity` gives recall, 0 precision). */
  beta?: number;
}

/** Precision, recall and F-beta combined over labels. */
export interface AveragedPrecisionRecallF {
  precision: number;
  recall: number;
  fScore: number;
}

/** Precision, recall, F-beta and support of each label. */
export interface PerLabelPrecisionRecallF {
  /** The labels, in the order of the arrays below. */
  labels: ClassLabel[];
  precision: number[];
  recall: number[];
  fScore: number[];
  /** Occurrences (weighted when `sampleWeight` is given) of each label in `yTrue`. */
  support: number[];
}

const AVERAGES: readonly (ClassificationAverage | null)[] = ['binary', 'micro', 'macro', 'weighted', null];

function zeroDivisionValue(fn: string, zeroDivision: ZeroDivision): number {
  if (zeroDivision === 'warn') return 0;
  if (zeroDivision === 0 || zeroDivision === 1 || Number.isNaN(zeroDivision)) return zeroDivision;
  throw new BenchHubError(`${fn}: zeroDivision must be 'warn', 0, 1 or NaN, got ${String(zeroDivision)}`);
}

function divide(numerator: number, denominator: number, zero: number): number {
  return denominator === 0 ? zero : numerator / denominator;
}

/** scikit-learn's `_nanaverage`: NaN entries (and their weights) are left out; zero total weight falls back to the plain mean. */
function nanAverage(values: readonly number[], weights?: readonly number[]): number {
  let sum = 0;
  let weightedSum = 0;
  let weightSum = 0;
  let count = 0;
  for (const [i, v] of values.entries()) {
    if (Number.isNaN(v)) continue;
    const w = weights === undefined ? 1 : (weights[i] as number);
    sum += v;
    weightedSum += v * w;
    weightSum += w;
    count += 1;
  }
  if (count === 0) return Number.NaN;
  if (weights === undefined || weightSum === 0) return sum / count;
  return weightedSum / weightSum;
}

/** Which labels are scored, following scikit-learn's `_check_set_wise_labels`. */
function selectLabels(
  fn: string,
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  options: PrecisionRecallFscoreOptions,
  average: ClassificationAverage | null,
): ClassLabel[] {
  if (!AVERAGES.includes(average)) {
    throw new BenchHubError(
      `${fn}: average must be 'binary', 'micro', 'macro', 'weighted' or null, got ${JSON.stringify(average)}`,
    );
  }
  const { type, presentLabels } = checkTargets(fn, yTrue, yPred, options.sampleWeight);
  if (average === 'binary') {
    const posLabel = options.posLabel ?? 1;
    if (type !== 'binary') {
      throw new BenchHubError(
        `${fn}: the data has ${presentLabels.length} labels (multiclass) but average is 'binary'; choose 'micro', 'macro', 'weighted' or null`,
      );
    }
    if (!presentLabels.includes(posLabel) && presentLabels.length >= 2) {
      throw new BenchHubError(
        `${fn}: posLabel ${JSON.stringify(posLabel)} is not a label of the data; it should be one of ${JSON.stringify(presentLabels)}`,
      );
    }
    return [posLabel];
  }
  if (options.labels === undefined) return presentLabels;
  checkLabelOption(fn, options.labels, presentLabels);
  return [...options.labels];
}

function perLabel(
  fn: string,
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  options: PrecisionRecallFscoreOptions,
): PerLabelPrecisionRecallF | AveragedPrecisionRecallF {
  const average = options.average === undefined ? null : options.average;
  const beta = options.beta ?? 1;
  if (typeof beta !== 'number' || Number.isNaN(beta) || beta < 0) {
    throw new BenchHubError(`${fn}: beta must be a number >= 0, got ${String(beta)}`);
  }
  const zero = zeroDivisionValue(fn, options.zeroDivision ?? 'warn');
  const labels = selectLabels(fn, yTrue, yPred, options, average);
  const { sampleWeight } = options;

  // One-vs-rest counts of each label (scikit-learn's multilabel_confusion_matrix).
  const tpOf = new Map<ClassLabel, number>();
  const predOf = new Map<ClassLabel, number>();
  const trueOf = new Map<ClassLabel, number>();
  const add = (map: Map<ClassLabel, number>, label: ClassLabel, w: number) =>
    map.set(label, (map.get(label) ?? 0) + w);
  for (let i = 0; i < yTrue.length; i++) {
    const w = sampleWeight === undefined ? 1 : (sampleWeight[i] as number);
    const t = yTrue[i] as ClassLabel;
    const p = yPred[i] as ClassLabel;
    add(trueOf, t, w);
    add(predOf, p, w);
    if (t === p) add(tpOf, t, w);
  }
  let tpSum = labels.map((l) => tpOf.get(l) ?? 0);
  let predSum = labels.map((l) => predOf.get(l) ?? 0);
  let trueSum = labels.map((l) => trueOf.get(l) ?? 0);
  if (average === 'micro') {
    const total = (xs: number[]) => [xs.reduce((a, b) => a + b, 0)];
    tpSum = total(tpSum);
    predSum = total(predSum);
    trueSum = total(trueSum);
  }

  const beta2 = beta * beta;
  const precision = tpSum.map((tp, i) => divide(tp, predSum[i] as number, zero));
  const recall = tpSum.map((tp, i) => divide(tp, trueSum[i] as number, zero));
  let fScore: number[];
  if (beta === Number.POSITIVE_INFINITY) fScore = recall;
  else if (beta === 0) fScore = precision;
  else {
    // (1 + β²)·P·R / (β²·P + R) written in counts: (1 + β²)·tp / (β²·support + predicted).
    fScore = tpSum.map((tp, i) =>
      divide((1 + beta2) * tp, beta2 * (trueSum[i] as number) + (predSum[i] as number), zero),
    );
  }

  if (average === null) {
    return { labels, precision, recall, fScore: [...fScore], support: trueSum };
  }
  const weights = average === 'weighted' ? trueSum : undefined;
  return {
    precision: nanAverage(precision, weights),
    recall: nanAverage(recall, weights),
    fScore: nanAverage(fScore, weights),
  };
}

/**
 * Precision, recall, F-beta and support as scikit-learn's `precision_recall_fscore_support` (its
 * current definition, where F is computed from the counts and a `NaN` zero-division value is left out
 * of averages). Without `average` it returns one value per label; with one, the combined scores.
 *
 * @example
 * ```ts
 * const yTrue = ['cat', 'dog', 'pig', 'cat', 'dog', 'pig'];
 * const yPred = ['cat', 'pig', 'dog', 'cat', 'cat', 'dog'];
 * precisionRecallFscoreSupport(yTrue, yPred, { average: 'macro' });
 * // { precision: 0.222…, recall: 0.333…, fScore: 0.266… }
 * precisionRecallFscoreSupport(yTrue, yPred).support; // [2, 2, 2]
 * ```
 */
export function precisionRecallFscoreSupport(
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  options?: PrecisionRecallFscoreOptions & { average?: null },
): PerLabelPrecisionRecallF;
export function precisionRecallFscoreSupport(
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  options: PrecisionRecallFscoreOptions & { average: ClassificationAverage },
): AveragedPrecisionRecallF;
export function precisionRecallFscoreSupport(
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  options?: PrecisionRecallFscoreOptions,
): PerLabelPrecisionRecallF | AveragedPrecisionRecallF;
export function precisionRecallFscoreSupport(
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  options: PrecisionRecallFscoreOptions = {},
): PerLabelPrecisionRecallF | AveragedPrecisionRecallF {
  return perLabel('precisionRecallFscoreSupport', yTrue, yPred, options);
}

/** Options of the single-score functions, whose `average` defaults to `binary` as in scikit-learn. */
export interface ScoreOptions extends PrecisionRecallOptions {
  /** How to combine per-label scores; default `binary` (positive label `posLabel`); `null` gives one score per label. */
  average?: ClassificationAverage | null;
}

/** Options of {@link fbetaScore}. */
export interface FbetaScoreOptions extends ScoreOptions {
  /** Weight of recall (must be ≥ 0). */
  beta: number;
}

function pick(
  fn: string,
  key: keyof AveragedPrecisionRecallF,
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  options: ScoreOptions & { beta?: number },
): number | number[] {
  const result = perLabel(fn, yTrue, yPred, {
    ...options,
    average: options.average === undefined ? 'binary' : options.average,
  });
  return result[key];
}

type Labels = readonly ClassLabel[];

/**
 * Precision `tp / (tp + fp)` as scikit-learn's `precision_score` (default `average: 'binary'` with
 * `posLabel: 1`; `average: null` gives one value per label).
 *
 * @example
 * ```ts
 * precisionScore([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }); // 0.222…
 * precisionScore(['yes', 'no', 'yes'], ['yes', 'yes', 'yes'], { posLabel: 'yes' }); // 0.666…
 * ```
 */
export function precisionScore(
  yTrue: Labels,
  yPred: Labels,
  options: ScoreOptions & { average: null },
): number[];
export function precisionScore(yTrue: Labels, yPred: Labels, options?: ScoreOptions): number;
export function precisionScore(yTrue: Labels, yPred: Labels, options: ScoreOptions = {}): number | number[] {
  return pick('precisionScore', 'precision', yTrue, yPred, options);
}

/**
 * Recall `tp / (tp + fn)` as scikit-learn's `recall_score` (default `average: 'binary'`, `posLabel: 1`).
 *
 * @example
 * ```ts
 * recallScore([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }); // 0.333…
 * ```
 */
export function recallScore(
  yTrue: Labels,
  yPred: Labels,
  options: ScoreOptions & { average: null },
): number[];
export function recallScore(yTrue: Labels, yPred: Labels, options?: ScoreOptions): number;
export function recallScore(yTrue: Labels, yPred: Labels, options: ScoreOptions = {}): number | number[] {
  return pick('recallScore', 'recall', yTrue, yPred, options);
}

/**
 * F1, the harmonic mean of precision and recall, as scikit-learn's `f1_score` (default
 * `average: 'binary'`, `posLabel: 1`).
 *
 * @example
 * ```ts
 * f1Score([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }); // 0.266…
 * f1Score([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'micro' }); // 0.333…
 * ```
 */
export function f1Score(yTrue: Labels, yPred: Labels, options: ScoreOptions & { average: null }): number[];
export function f1Score(yTrue: Labels, yPred: Labels, options?: ScoreOptions): number;
export function f1Score(yTrue: Labels, yPred: Labels, options: ScoreOptions = {}): number | number[] {
  return pick('f1Score', 'fScore', yTrue, yPred, { ...options, beta: 1 });
}

/**
 * F-beta as scikit-learn's `fbeta_score`: `(1 + β²)·P·R / (β²·P + R)`; β < 1 favours precision.
 *
 * @example
 * ```ts
 * fbetaScore([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro', beta: 0.5 }); // 0.238…
 * ```
 */
export function fbetaScore(
  yTrue: Labels,
  yPred: Labels,
  options: FbetaScoreOptions & { average: null },
): number[];
export function fbetaScore(yTrue: Labels, yPred: Labels, options: FbetaScoreOptions): number;
export function fbetaScore(yTrue: Labels, yPred: Labels, options: FbetaScoreOptions): number | number[] {
  if (typeof options !== 'object' || options === null || options.beta === undefined) {
    throw new BenchHubError('fbetaScore: options.beta is required');
  }
  return pick('fbetaScore', 'fScore', yTrue, yPred, options);
}
