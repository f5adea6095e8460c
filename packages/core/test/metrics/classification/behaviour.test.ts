import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../../src/errors/benchhub-error.js';
import {
  accuracyScore,
  confusionMatrix,
  f1Score,
  fbetaScore,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
  uniqueLabels,
} from '../../../src/metrics/classification/index.js';

describe('precision / recall / F: current scikit-learn semantics', () => {
  it('the precision_recall_fscore_support docstring example', () => {
    const yTrue = ['cat', 'dog', 'pig', 'cat', 'dog', 'pig'];
    const yPred = ['cat', 'pig', 'dog', 'cat', 'cat', 'dog'];
    const macro = precisionRecallFscoreSupport(yTrue, yPred, { average: 'macro' });
    expect(macro.precision).toBeCloseTo(0.22, 2);
    expect(macro.recall).toBeCloseTo(0.33, 2);
    expect(macro.fScore).toBeCloseTo(0.26, 1);
    const micro = precisionRecallFscoreSupport(yTrue, yPred, { average: 'micro' });
    expect([micro.precision, micro.recall, micro.fScore].map((v) => v.toFixed(2))).toEqual([
      '0.33',
      '0.33',
      '0.33',
    ]);
    const weighted = precisionRecallFscoreSupport(yTrue, yPred, { average: 'weighted' });
    expect(weighted.precision).toBeCloseTo(0.22, 2);
    const perLabel = precisionRecallFscoreSupport(yTrue, yPred, { labels: ['pig', 'dog', 'cat'] });
    expect(perLabel.labels).toEqual(['pig', 'dog', 'cat']);
    expect(perLabel.precision[2]).toBeCloseTo(2 / 3, 15);
    expect(perLabel.recall).toEqual([0, 0, 1]);
    expect(perLabel.fScore[2]).toBeCloseTo(0.8, 15);
    expect(perLabel.support).toEqual([2, 2, 2]);
  });

  it('zeroDivision NaN leaves the undefined labels out of the average (fbeta_score docstring)', () => {
    const yTrue = [0, 1, 2, 0, 1, 2];
    const empty = [0, 0, 0, 0, 0, 0];
    // label 0: tp 2, predicted 6, support 2 -> F0.5 = 1.25*2 / (0.25*2 + 6); labels 1, 2: F = 0 / (0.25*2)
    expect(fbetaScore(yTrue, empty, { average: 'macro', beta: 0.5, zeroDivision: Number.NaN })).toBeCloseTo(
      2.5 / 6.5 / 3,
      15,
    );
    // labels 1-3 have no prediction: precision NaN (excluded), recall 0, F 0 / support = 0
    const r = precisionRecallFscoreSupport([0, 1, 2, 3, 1, 2], empty, {
      average: 'macro',
      zeroDivision: Number.NaN,
    });
    expect(r.precision).toBeCloseTo(1 / 6, 15);
    expect(r.recall).toBeCloseTo(0.25, 15);
    expect(r.fScore).toBeCloseTo(2 / 7 / 4, 15);
    const perLabel = precisionRecallFscoreSupport([0, 1, 2, 3, 1, 2], empty, { zeroDivision: Number.NaN });
    expect(perLabel.precision.slice(1).every(Number.isNaN)).toBe(true);
    // every value undefined: NaN
    expect(precisionScore([1, 1], [0, 0], { zeroDivision: Number.NaN })).toBeNaN();
  });

  it('F is computed from counts: zeroDivision only when there is neither a true nor a predicted positive', () => {
    // label 2: never true, never predicted -> P = R = F = zeroDivision; label 1: tp 0, predicted 2, support 0
    const r = precisionRecallFscoreSupport([0, 0], [1, 1], { labels: [1, 2], zeroDivision: 1 });
    expect(r.precision).toEqual([0, 1]);
    expect(r.recall).toEqual([1, 1]);
    expect(r.fScore).toEqual([0, 1]);
    // weighted with zero total support falls back to the plain mean (scikit-learn's _nanaverage)
    const w = precisionRecallFscoreSupport([0, 0], [1, 1], {
      labels: [1, 2],
      average: 'weighted',
      zeroDivision: 1,
    });
    expect(w).toEqual({ precision: 0.5, recall: 1, fScore: 0.5 });
    expect(f1Score([0, 0], [0, 0], { zeroDivision: 1 })).toBe(1);
    expect(f1Score([0, 0], [0, 0])).toBe(0);
  });

  it('beta: 0 is precision, Infinity is recall, 2 weighs recall', () => {
    const yTrue = [1, 1, 1, 0, 0];
    const yPred = [1, 0, 0, 1, 0];
    const p = precisionScore(yTrue, yPred);
    const r = recallScore(yTrue, yPred);
    expect(p).toBeCloseTo(0.5, 15);
    expect(r).toBeCloseTo(1 / 3, 15);
    expect(fbetaScore(yTrue, yPred, { beta: 0 })).toBe(p);
    expect(fbetaScore(yTrue, yPred, { beta: Number.POSITIVE_INFINITY })).toBe(r);
    expect(fbetaScore(yTrue, yPred, { beta: 2 })).toBeCloseTo((5 * p * r) / (4 * p + r), 15);
    expect(f1Score(yTrue, yPred)).toBeCloseTo(0.4, 15);
  });

  it('micro averaging over all labels equals accuracy', () => {
    const yTrue = ['a', 'b', 'c', 'a', 'b', 'c', 'a'];
    const yPred = ['a', 'c', 'c', 'b', 'b', 'a', 'a'];
    expect(f1Score(yTrue, yPred, { average: 'micro' })).toBeCloseTo(accuracyScore(yTrue, yPred), 15);
  });

  it('string labels with a posLabel, and sample weights', () => {
    expect(precisionScore(['yes', 'no', 'yes'], ['yes', 'yes', 'yes'], { posLabel: 'yes' })).toBeCloseTo(
      2 / 3,
      15,
    );
    expect(recallScore(['yes', 'no', 'yes'], ['yes', 'yes', 'no'], { posLabel: 'no' })).toBe(0);
    // weights [1, 3, 1]: tp weight 1, predicted weight 1 + 3
    expect(
      precisionScore(['yes', 'no', 'yes'], ['yes', 'yes', 'no'], {
        posLabel: 'yes',
        sampleWeight: [1, 3, 1],
      }),
    ).toBeCloseTo(0.25, 15);
    expect(accuracyScore([0, 1, 1], [0, 1, 0], { sampleWeight: [1, 1, 2] })).toBeCloseTo(0.5, 15);
    expect(accuracyScore([0, 1, 1], [0, 1, 0], { sampleWeight: [1, 1, 2], normalize: false })).toBe(2);
    expect(confusionMatrix([0, 1, 1], [0, 1, 0], { sampleWeight: [1, 1, 2] })).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it('empty inputs behave as scikit-learn', () => {
    expect(accuracyScore([], [])).toBeNaN();
    expect(f1Score([], [])).toBe(0);
    expect(precisionRecallFscoreSupport([], [], { average: 'micro' })).toEqual({
      precision: 0,
      recall: 0,
      fScore: 0,
    });
    expect(precisionRecallFscoreSupport([], [], { average: 'macro' }).precision).toBeNaN();
    expect(confusionMatrix([], [], { labels: [0, 1] })).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(confusionMatrix([], [])).toEqual([]);
  });

  it('sorts labels as scikit-learn: numbers ascending, strings by code point', () => {
    expect(uniqueLabels([10, 2, -1], [2, 3])).toEqual([-1, 2, 3, 10]);
    expect(uniqueLabels(['b', 'B', 'a', '가'], ['😀', '\uffff'])).toEqual([
      'B',
      'a',
      'b',
      '가',
      '\uffff',
      '😀',
    ]);
    expect(confusionMatrix(['b', 'a', 'b'], ['b', 'b', 'a'])).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});

describe('classification errors name the problem', () => {
  const throwsWith = (fn: () => unknown, message: RegExp) => {
    expect(fn).toThrow(BenchHubError);
    expect(fn).toThrow(message);
  };

  it('rejects misuse as scikit-learn does', () => {
    throwsWith(() => precisionScore([0, 1, 2], [0, 1, 1]), /multiclass.*average is 'binary'/);
    throwsWith(() => precisionScore([0, 1], [0, 1], { posLabel: 2 }), /posLabel 2 is not a label.*\[0,1\]/);
    throwsWith(() => f1Score(['a', 'b'], ['a', 'b']), /posLabel 1 is not a label/);
    throwsWith(
      () => precisionRecallFscoreSupport([0, 1], [0, 1], { average: 'samples' as never }),
      /average must be 'binary', 'micro', 'macro', 'weighted' or null/,
    );
    throwsWith(
      () => precisionRecallFscoreSupport([0, 1], [0, 1], { beta: -0.1 }),
      /beta must be a number >= 0/,
    );
    throwsWith(
      () => f1Score([0, 1], [0, 1], { zeroDivision: 0.5 }),
      /zeroDivision must be 'warn', 0, 1 or NaN/,
    );
    throwsWith(() => confusionMatrix([0, 1], [0, 1], { labels: [] }), /labels is empty/);
    throwsWith(
      () => confusionMatrix([0, 1], [0, 1], { labels: [3, 4] }),
      /none of the given labels occurs in yTrue/,
    );
    throwsWith(() => confusionMatrix([0, 1], [0, 1], { normalize: 'rows' as never }), /normalize must be/);
    expect(() => fbetaScore([0, 1], [0, 1], {} as never)).toThrow(/beta is required/);
  });

  it('rejects malformed labels', () => {
    throwsWith(() => accuracyScore([1, 2], [1]), /yTrue has 2 labels but yPred has 1/);
    throwsWith(() => accuracyScore([0.5, 1], [1, 1]), /yTrue\[0\] is 0.5.*continuous/);
    throwsWith(() => accuracyScore([1, 'a'], [1, 'a']), /mixes label types/);
    throwsWith(() => accuracyScore([1, 2], ['1', '2']), /yTrue holds number labels but yPred holds string/);
    throwsWith(() => accuracyScore([null as never], [1]), /yTrue\[0\] is null/);
    throwsWith(
      () => accuracyScore([1], [1], { sampleWeight: [1, 2] }),
      /one weight per sample \(1\), got 2 weights/,
    );
    throwsWith(() => accuracyScore([1], [1], { sampleWeight: [0] }), /weights sum to zero/);
    throwsWith(
      () => f1Score([1, 2], [1, 2], { average: 'macro', labels: ['1'] }),
      /labels holds string labels/,
    );
  });
});
