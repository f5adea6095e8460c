import { BenchHubError } from '../../errors/benchhub-error.js';
import { type ClassLabel, checkLabelOption, checkTargets } from './labels.js';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /**
   * Labels indexing the rows and columns, in this order; samples whose true or predicted label is not
   * among them are left out. Default: every label of `yTrue` and `yPred`, sorted (`uniqueLabels`).
   */
  labels?: readonly ClassLabel[];
  /** One weight per sample. */
  sampleWeight?: readonly number[];
  /** Divide by the row sums (`true`), the column sums (`pred`) or the total (`all`); 0/0 gives 0. */
  normalize?: 'true' | 'pred' | 'all';
}

/**
 * The confusion matrix as scikit-learn's `confusion_matrix`: `matrix[i][j]` counts the samples whose
 * true label is `labels[i]` and whose predicted label is `labels[j]`. In the binary case with labels
 * `[negative, positive]`, the entries are `[[tn, fp], [fn, tp]]`.
 *
 * @example
 * ```ts
 * confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]); // [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
 * confusionMatrix(['cat', 'ant', 'cat'], ['ant', 'ant', 'cat'], { labels: ['ant', 'cat'] }); // [[1, 0], [1, 1]]
 * ```
 */
export function confusionMatrix(
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  options: ConfusionMatrixOptions = {},
): number[][] {
  const { sampleWeight, normalize } = options;
  const { presentLabels } = checkTargets('confusionMatrix', yTrue, yPred, sampleWeight);
  if (normalize !== undefined && normalize !== 'true' && normalize !== 'pred' && normalize !== 'all') {
    throw new BenchHubError(
      `confusionMatrix: normalize must be 'true', 'pred' or 'all', got ${String(normalize)}`,
    );
  }
  let labels = presentLabels;
  const given = options.labels;
  if (given !== undefined) {
    checkLabelOption('confusionMatrix', given, presentLabels);
    if (given.length === 0) throw new BenchHubError('confusionMatrix: labels is empty');
    // No sample: an all-zero matrix, as scikit-learn.
    if (yTrue.length === 0) return given.map(() => given.map(() => 0));
    const inTrue = new Set(yTrue);
    if (!given.some((label) => inTrue.has(label))) {
      throw new BenchHubError('confusionMatrix: none of the given labels occurs in yTrue');
    }
    labels = [...given];
  }
  const index = new Map<ClassLabel, number>();
  // With a repeated label, scikit-learn's index lookup keeps the last position.
  for (const [i, label] of labels.entries()) index.set(label, i);
  const matrix = labels.map(() => labels.map(() => 0));
  for (let s = 0; s < yTrue.length; s++) {
    const row = index.get(yTrue[s] as ClassLabel);
    const column = index.get(yPred[s] as ClassLabel);
    if (row === undefined || column === undefined) continue;
    (matrix[row] as number[])[column] =
      ((matrix[row] as number[])[column] as number) +
      (sampleWeight === undefined ? 1 : (sampleWeight[s] as number));
  }
  if (normalize === undefined) return matrix;
  const rowSums = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = labels.map((_, c) => matrix.reduce((sum, row) => sum + (row[c] as number), 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  return matrix.map((row, r) =>
    row.map((value, c) => {
      const d =
        normalize === 'true'
          ? (rowSums[r] as number)
          : normalize === 'pred'
            ? (columnSums[c] as number)
            : total;
      return d === 0 ? 0 : value / d;
    }),
  );
}
