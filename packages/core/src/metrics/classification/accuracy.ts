import { BenchHubError } from '../../errors/benchhub-error.js';
import { type ClassLabel, checkTargets } from './labels.js';

/** Options of {@link accuracyScore}. */
export interface AccuracyOptions {
  /** Return the fraction of correct predictions (default `true`) or their (weighted) count. */
  normalize?: boolean;
  /** One weight per sample. */
  sampleWeight?: readonly number[];
}

/**
 * The fraction of predictions equal to the true label, as scikit-learn's `accuracy_score`
 * (`normalize: false` gives the count; `sampleWeight` weights each sample; no sample gives `NaN`).
 *
 * @example
 * ```ts
 * accuracyScore([0, 1, 2, 3], [0, 2, 1, 3]); // 0.5
 * accuracyScore([0, 1, 2, 3], [0, 2, 1, 3], { normalize: false }); // 2
 * ```
 */
export function accuracyScore(
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  options: AccuracyOptions = {},
): number {
  const { normalize = true, sampleWeight } = options;
  checkTargets('accuracyScore', yTrue, yPred, sampleWeight);
  let correct = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = sampleWeight === undefined ? 1 : (sampleWeight[i] as number);
    if (yTrue[i] === yPred[i]) correct += w;
    total += w;
  }
  if (!normalize) return correct;
  // As scikit-learn: no sample gives NaN; weights summing to zero are an error.
  if (yTrue.length === 0) return Number.NaN;
  if (total === 0) throw new BenchHubError('accuracyScore: the sample weights sum to zero');
  return correct / total;
}
