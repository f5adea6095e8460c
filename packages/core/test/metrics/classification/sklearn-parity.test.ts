import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accuracyScore,
  type ClassificationAverage,
  type ClassLabel,
  confusionMatrix,
  f1Score,
  fbetaScore,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
  type ZeroDivision,
} from '../../../src/metrics/classification/index.js';

type Num = number | 'NaN';
interface PrfCase {
  data: string;
  options: {
    labels?: ClassLabel[];
    average: ClassificationAverage | null;
    zeroDivision?: ZeroDivision;
    beta?: number | 'Infinity';
    posLabel?: ClassLabel;
  };
  expected: { precision: Num | Num[]; recall: Num | Num[]; fScore: Num | Num[]; support: number[] | null };
}
interface Cases {
  data: Record<string, { yTrue: ClassLabel[]; yPred: ClassLabel[] }>;
  prf: PrfCase[];
  accuracy: { data: string; expected: number; count: number }[];
  confusionMatrix: {
    data: string;
    labels?: ClassLabel[];
    normalize?: 'true' | 'pred' | 'all';
    expected: number[][];
  }[];
}

// Values printed by scikit-learn (1.2.1) for the inputs of its own test suite and docstrings, including
// the y_true / y_pred that suite's make_prediction() builds from iris with a seeded SVC.
const cases = JSON.parse(readFileSync(new URL('./sklearn-cases.json', import.meta.url), 'utf8')) as Cases;

function num(v: Num): number {
  return v === 'NaN' ? Number.NaN : v;
}

function expectClose(actual: number | number[], expected: Num | Num[]): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const values = actual as number[];
    expect(values).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) expectClose(values[i] as number, e);
    return;
  }
  const e = num(expected);
  if (Number.isNaN(e)) expect(actual).toBeNaN();
  else expect(actual).toBeCloseTo(e, 12);
}

function data(name: string) {
  const d = cases.data[name];
  if (d === undefined) throw new Error(`no data ${name}`);
  return d;
}

describe('precisionRecallFscoreSupport matches scikit-learn', () => {
  it.each(cases.prf.map((c) => [`${c.data} ${JSON.stringify(c.options)}`, c] as const))('%s', (_, c) => {
    const { yTrue, yPred } = data(c.data);
    const { beta, ...rest } = c.options;
    const options = {
      ...rest,
      ...(beta === undefined ? {} : { beta: beta === 'Infinity' ? Number.POSITIVE_INFINITY : beta }),
    };
    const result = precisionRecallFscoreSupport(yTrue, yPred, options);
    expectClose(result.precision, c.expected.precision);
    expectClose(result.recall, c.expected.recall);
    expectClose(result.fScore, c.expected.fScore);
    if (c.options.average === null) {
      expect('support' in result ? result.support : undefined).toEqual(c.expected.support);
    } else {
      expect('support' in result).toBe(false);
    }
    // The single-score functions agree with the combined one.
    if (c.options.average !== null && (beta === undefined || beta === 1)) {
      expect(precisionScore(yTrue, yPred, rest)).toBe(result.precision);
      expect(recallScore(yTrue, yPred, rest)).toBe(result.recall);
      expect(f1Score(yTrue, yPred, rest)).toBe(result.fScore);
    }
  });
});

describe('accuracyScore and confusionMatrix match scikit-learn', () => {
  it.each(cases.accuracy.map((c) => [c.data, c] as const))('accuracy %s', (_, c) => {
    const { yTrue, yPred } = data(c.data);
    expect(accuracyScore(yTrue, yPred)).toBeCloseTo(c.expected, 15);
    expect(accuracyScore(yTrue, yPred, { normalize: false })).toBe(c.count);
  });

  it.each(
    cases.confusionMatrix.map(
      (c) => [`${c.data} ${JSON.stringify(c.labels ?? c.normalize ?? '')}`, c] as const,
    ),
  )('confusion matrix %s', (_, c) => {
    const { yTrue, yPred } = data(c.data);
    const matrix = confusionMatrix(yTrue, yPred, {
      ...(c.labels === undefined ? {} : { labels: c.labels }),
      ...(c.normalize === undefined ? {} : { normalize: c.normalize }),
    });
    expect(matrix).toHaveLength(c.expected.length);
    c.expected.forEach((row, i) => {
      for (const [j, value] of row.entries()) expect(matrix[i]?.[j]).toBeCloseTo(value, 12);
    });
  });
});

describe('scikit-learn test-suite assertions', () => {
  it('binary single class (test_precision_recall_f_binary_single_class)', () => {
    expect(precisionScore([1, 1], [1, 1])).toBe(1);
    expect(recallScore([1, 1], [1, 1])).toBe(1);
    expect(f1Score([1, 1], [1, 1])).toBe(1);
    expect(fbetaScore([1, 1], [1, 1], { beta: 0 })).toBe(1);
    expect(precisionScore([-1, -1], [-1, -1])).toBe(0);
    expect(recallScore([-1, -1], [-1, -1])).toBe(0);
    expect(f1Score([-1, -1], [-1, -1])).toBe(0);
    expect(fbetaScore([-1, -1], [-1, -1], { beta: Number.POSITIVE_INFINITY })).toBe(0);
    expect(fbetaScore([-1, -1], [-1, -1], { beta: Number.POSITIVE_INFINITY })).toBeCloseTo(
      fbetaScore([-1, -1], [-1, -1], { beta: 1e5 }),
      12,
    );
  });

  it('extra labels (test_precision_recall_f_extra_labels)', () => {
    const yTrue = [1, 3, 3, 2];
    const yPred = [1, 1, 3, 2];
    const labels = [0, 1, 2, 3, 4];
    expect(recallScore(yTrue, yPred, { labels, average: null })).toEqual([0, 1, 1, 0.5, 0]);
    expect(recallScore(yTrue, yPred, { labels, average: 'macro' })).toBeCloseTo(2.5 / 5, 15);
    for (const average of ['micro', 'weighted'] as const) {
      expect(recallScore(yTrue, yPred, { labels, average })).toBeCloseTo(
        recallScore(yTrue, yPred, { average }),
        15,
      );
    }
  });

  it('ignored labels (test_precision_recall_f_ignored_labels)', () => {
    const yTrue = [1, 1, 2, 3];
    const yPred = [1, 3, 3, 3];
    const labels = [1, 3];
    expect(recallScore(yTrue, yPred, { labels, average: null })).toEqual([0.5, 1]);
    expect(recallScore(yTrue, yPred, { labels, average: 'macro' })).toBeCloseTo(0.75, 15);
    expect(recallScore(yTrue, yPred, { labels, average: 'weighted' })).toBeCloseTo((0.5 * 2 + 1) / 3, 15);
    expect(recallScore(yTrue, yPred, { labels, average: 'micro' })).toBeCloseTo(2 / 3, 15);
    for (const average of ['macro', 'weighted', 'micro'] as const) {
      expect(recallScore(yTrue, yPred, { labels, average })).not.toBe(recallScore(yTrue, yPred, { average }));
    }
  });

  it('binary averaged equals the mean / support-weighted mean of the per-label scores', () => {
    const { yTrue, yPred } = data('binary_averaged');
    const perLabel = precisionRecallFscoreSupport(yTrue, yPred);
    const macro = precisionRecallFscoreSupport(yTrue, yPred, { average: 'macro' });
    const weighted = precisionRecallFscoreSupport(yTrue, yPred, { average: 'weighted' });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const support = perLabel.support;
    const wmean = (xs: number[]) =>
      xs.reduce((a, x, i) => a + x * (support[i] as number), 0) / support.reduce((a, b) => a + b, 0);
    expect(macro.precision).toBeCloseTo(mean(perLabel.precision), 15);
    expect(macro.fScore).toBeCloseTo(mean(perLabel.fScore), 15);
    expect(weighted.recall).toBeCloseTo(wmean(perLabel.recall), 15);
    expect(weighted.fScore).toBeCloseTo(wmean(perLabel.fScore), 15);
  });

  it('pathological all-wrong predictions give 0, not NaN (test_zero_precision_recall)', () => {
    const yTrue = [0, 1, 2, 0, 1, 2];
    const yPred = [2, 0, 1, 1, 2, 0];
    expect(precisionScore(yTrue, yPred, { average: 'macro' })).toBe(0);
    expect(recallScore(yTrue, yPred, { average: 'macro' })).toBe(0);
    expect(f1Score(yTrue, yPred, { average: 'macro' })).toBe(0);
  });

  it('iris multiclass rounded values of test_precision_recall_f1_score_multiclass', () => {
    const { yTrue, yPred } = data('iris_multiclass');
    const r = precisionRecallFscoreSupport(yTrue, yPred);
    expect(r.precision.map((v) => Number(v.toFixed(2)))).toEqual([0.83, 0.33, 0.42]);
    expect(r.recall.map((v) => Number(v.toFixed(2)))).toEqual([0.79, 0.1, 0.9]);
    expect(r.support).toEqual([24, 31, 20]);
    expect(f1Score(yTrue, yPred, { average: 'weighted' })).toBeCloseTo(0.47, 2);
    expect(confusionMatrix(yTrue, yPred, { labels: [0, 1] })).toEqual([
      [19, 4],
      [4, 3],
    ]);
    expect(confusionMatrix(yTrue, yPred, { labels: [2, 3] })).toEqual([
      [18, 0],
      [0, 0],
    ]);
  });

  it('iris binary confusion matrix, also with string labels (test_confusion_matrix_binary)', () => {
    const { yTrue, yPred } = data('iris_binary');
    const expected = [
      [22, 3],
      [8, 17],
    ];
    expect(confusionMatrix(yTrue, yPred)).toEqual(expected);
    expect(confusionMatrix(yTrue.map(String), yPred.map(String))).toEqual(expected);
  });

  it('normalised confusion matrices (test_confusion_matrix_normalize*)', () => {
    const yTest = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2];
    // chain(*permutations([0, 1, 2]))
    const yPred = [0, 1, 2, 0, 2, 1, 1, 0, 2, 1, 2, 0, 2, 0, 1, 2, 1, 0];
    for (const [normalize, value] of [
      ['true', 1 / 3],
      ['pred', 1 / 3],
      ['all', 1 / 9],
    ] as const) {
      for (const row of confusionMatrix(yTest, yPred, { normalize })) {
        for (const v of row) expect(v).toBeCloseTo(value, 9);
      }
    }
    expect(confusionMatrix(yTest, yPred).flat()).toEqual(Array(9).fill(2));
    const single = { yTrue: [0, 0, 0, 0, 1, 1, 1, 1], yPred: [0, 0, 0, 0, 0, 0, 0, 0] };
    const sum = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0);
    expect(sum(confusionMatrix(single.yTrue, single.yPred, { normalize: 'true' }))).toBeCloseTo(2, 12);
    expect(sum(confusionMatrix(single.yTrue, single.yPred, { normalize: 'pred' }))).toBeCloseTo(1, 12);
    expect(sum(confusionMatrix(single.yTrue, single.yPred, { normalize: 'all' }))).toBeCloseTo(1, 12);
  });
});
