import { describe, expect, it } from 'vitest';
import { compareAllModels, compareModels, comparePairedScores } from '../../src/statistics/compare.js';
import { holmBonferroni } from '../../src/statistics/holm.js';
import { binomialTestHalf, mcnemarExact, mcnemarTest } from '../../src/statistics/mcnemar.js';
import { pairedBootstrap, pairedPermutationTest } from '../../src/statistics/paired.js';
import { result, resultsOf } from './results-fixture.js';

describe("McNemar's exact test", () => {
  it('gives the two-sided exact p for b = 10, c = 2 (2 · 79/4096 = 0.0386)', () => {
    expect(mcnemarExact(10, 2)).toBe(0.03857421875);
    expect(mcnemarExact(2, 10)).toBe(0.03857421875);
  });

  // Binomial(n, ½) tail sums (by hand from binomial coefficients; large n from scipy.stats.binomtest).
  it.each([
    [0, 5, 0.0625], // 2 · 1/32
    [1, 10, 0.021484375], // 2 · 11/1024
    [3, 20, 0.0025768280029296875], // 2 · 1351/2^20
    [17, 50, 0.032839137564268484],
    [20, 51, 0.16077960181198847],
    [3, 60, 6.253851603243987e-14],
    [480, 1000, 0.2174482932041415],
    [4900, 10000, 0.04658552770494645],
    [4000, 10000, 1.7404316412268293e-89],
  ])('binomialTestHalf(%i, %i) = %s', (k, n, p) => {
    expect(Math.abs(binomialTestHalf(k, n) - p) / p).toBeLessThan(1e-9);
  });

  it('is 1 without discordant pairs or with equal counts, and rejects bad counts', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(7, 7)).toBe(1);
    expect(mcnemarExact(4, 3)).toBe(1);
    expect(() => binomialTestHalf(3, 2)).toThrow(/0 ≤ k ≤ n/);
  });

  it('counts discordant pairs from aligned 0/1 scores', () => {
    const a = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0];
    const b = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0];
    expect(mcnemarTest(a, b)).toEqual({
      test: 'mcnemar-exact',
      n: 14,
      aOnly: 10,
      bOnly: 2,
      pValue: 0.03857421875,
    });
    expect(() => mcnemarTest([1, 0.5], [1, 0])).toThrow(/0 or 1/);
    expect(() => mcnemarTest([1], [1, 0])).toThrow(/paired/);
  });
});

describe('paired permutation (sign-flip) test', () => {
  it('enumerates every sign pattern when there are few differences', () => {
    // d = (1, 2, 3): |Σ| = 6 is reached only by all-plus and all-minus: 2 of 8 patterns.
    expect(pairedPermutationTest([3, 4, 5], [2, 2, 2])).toEqual({
      test: 'permutation-exact',
      meanDifference: 2,
      pValue: 0.25,
      resamples: 8,
    });
    // Five equal positive differences: 2/32. Zero differences change nothing.
    expect(pairedPermutationTest([1, 1, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 0, 0]).pValue).toBe(0.0625);
    expect(pairedPermutationTest([0.5, 0.2], [0.5, 0.2]).pValue).toBe(1);
  });

  it('matches the exact binomial p for ±1 differences when it samples (Monte Carlo error)', () => {
    // 27 positive, 13 negative unit differences: |#pos − #neg| ~ the two-sided sign test = binomtest(27, 40).
    const a = [...Array(27).fill(1), ...Array(13).fill(0)];
    const b = [...Array(27).fill(0), ...Array(13).fill(1)];
    const r = pairedPermutationTest(a, b, { seed: 3, resamples: 20_000 });
    expect(r.test).toBe('permutation');
    expect(r.pValue).toBeCloseTo(0.03847730828420026, 2);
    expect(pairedPermutationTest(a, b, { seed: 3, resamples: 20_000 })).toEqual(r);
  });

  it('never reports p = 0 when sampling', () => {
    const a = Array.from({ length: 40 }, () => 1);
    const b = Array.from({ length: 40 }, () => 0);
    expect(pairedPermutationTest(a, b, { resamples: 999 }).pValue).toBe(1 / 1000);
  });
});

describe('paired bootstrap', () => {
  it('gives a seeded percentile interval around the mean difference', () => {
    const a = [0.9, 0.8, 0.7, 0.95, 0.85, 0.6, 0.75, 0.9];
    const b = [0.6, 0.7, 0.65, 0.8, 0.7, 0.62, 0.5, 0.7];
    const r = pairedBootstrap(a, b, { seed: 3 });
    expect(r.meanDifference).toBeCloseTo(0.1475, 12);
    expect(r.ci.lower).toBeGreaterThan(0);
    expect(r.ci.lower).toBeLessThan(r.meanDifference);
    expect(r.ci.upper).toBeGreaterThan(r.meanDifference);
    expect(r.pValue).toBeLessThan(0.05);
    expect(pairedBootstrap(a, b, { seed: 3 })).toEqual(r);
    expect(() => pairedBootstrap([1], [0])).toThrow(/at least 2 pairs/);
  });
});

describe('Holm–Bonferroni', () => {
  it('adjusts step-down and keeps the input order (hand-computed)', () => {
    // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.04·1, 0.06) = 0.06
    const r = holmBonferroni([0.01, 0.04, 0.03, 0.005]);
    expect(r.adjusted.map((p) => Number(p.toFixed(12)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(r.reject).toEqual([true, false, false, true]);
  });

  it('caps at 1, handles no tests, and checks p-values', () => {
    expect(holmBonferroni([0.5, 0.9]).adjusted).toEqual([1, 1]);
    expect(holmBonferroni([])).toEqual({ adjusted: [], reject: [], alpha: 0.05 });
    expect(() => holmBonferroni([1.2])).toThrow(/pValues\[0\]/);
  });
});

describe('compareModels on sample results', () => {
  const a = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0];
  const b = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0];

  it('aligns by sample id whatever the order and uses McNemar for 0/1 scores', () => {
    const c = compareModels(resultsOf('gpt', a), resultsOf('claude', b).reverse(), { seed: 1 });
    expect(c).toMatchObject({
      modelA: 'gpt',
      modelB: 'claude',
      metric: 'accuracy',
      n: 14,
      test: 'mcnemar-exact',
      pValue: 0.03857421875,
      discordant: { aOnly: 10, bOnly: 2 },
    });
    expect(c.meanDifference).toBeCloseTo(8 / 14, 12);
    expect(c.ci?.lower).toBeGreaterThan(0);
  });

  it('refuses models run on different samples, naming them', () => {
    const extra = [...resultsOf('claude', b), result({ model: 'claude', sample: 'extra-1', score: 1 })];
    expect(() => compareModels(resultsOf('gpt', a), extra)).toThrow(/1 only for "claude" \(bench:extra-1\)/);
    expect(() =>
      compareModels([...resultsOf('gpt', a), ...resultsOf('x', a)], resultsOf('claude', b)),
    ).toThrow(/mix models/);
  });

  it('drops pairs whose call failed instead of scoring them 0', () => {
    const withFailure = resultsOf('claude', b);
    withFailure[0] = result({ model: 'claude', sample: 's0', error: 'timeout' });
    const c = compareModels(resultsOf('gpt', a), withFailure);
    expect(c.n).toBe(13);
    expect(c.excluded).toEqual({ a: { failed: 0, unscored: 0 }, b: { failed: 1, unscored: 0 }, pairs: 1 });
    expect(c.discordant).toEqual({ aOnly: 9, bOnly: 2 });
  });

  it('averages repeats and uses the permutation test for continuous scores', () => {
    const gpt = [
      ...resultsOf('gpt', [1, 0, 1, 1]),
      ...resultsOf('gpt', [1, 1, 1, 0]).map((r) => ({ ...r, repeat: 1 })),
    ];
    const claude = resultsOf('claude', [0, 0, 1, 0]);
    const c = compareModels(gpt, claude);
    expect(c.test).toBe('permutation-exact');
    expect(c.meanA).toBeCloseTo(0.75, 12);
    // d = (1, 0.5, 0, 0.5): |Σ| = 2 only when all three non-zero signs agree: 2 of 8.
    expect(c.pValue).toBe(0.25);
  });

  it('compares every pair of models with Holm-adjusted p-values', () => {
    const results = [...resultsOf('gpt', a), ...resultsOf('claude', b), ...resultsOf('same', a)];
    const all = compareAllModels(results);
    expect(all.map((c) => [c.modelA, c.modelB])).toEqual([
      ['gpt', 'claude'],
      ['gpt', 'same'],
      ['claude', 'same'],
    ]);
    // raw p: 0.0386, 1, 0.0386 → Holm: 3·0.0386 for both small ones (the second is raised to the first), 1
    expect(all[0]?.adjustedPValue).toBeCloseTo(3 * 0.03857421875, 12);
    expect(all[2]?.adjustedPValue).toBeCloseTo(3 * 0.03857421875, 12);
    expect(all[1]?.adjustedPValue).toBe(1);
    expect(all.map((c) => c.significant)).toEqual([false, false, false]);
    expect(compareAllModels(results, { adjust: 'none' }).map((c) => c.significant)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('compares aligned lists directly', () => {
    const c = comparePairedScores([1, 1, 1, 0], [0, 1, 0, 0]);
    expect(c).toMatchObject({ n: 4, meanDifference: 0.5, test: 'mcnemar-exact', pValue: 0.5 });
    expect(() => comparePairedScores([], [])).toThrow(/no pairs/);
  });
});
