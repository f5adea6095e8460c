import { describe, expect, it } from 'vitest';
import { MetricValueSchema } from '../../src/domain/metric.js';
import { bootstrapMeanInterval, quantileSorted } from '../../src/statistics/bootstrap.js';
import { clusteredStderr } from '../../src/statistics/clustered.js';
import { mean, meanStderr, sampleStddev } from '../../src/statistics/descriptive.js';
import { summarize, toMetricValue } from '../../src/statistics/summarize.js';
import { wilsonInterval } from '../../src/statistics/wilson.js';

describe('mean, sampleStddev, meanStderr (lm-evaluation-harness sample_stddev / mean_stderr)', () => {
  it('uses Bessel-corrected standard deviation over √n', () => {
    expect(mean([1, 0, 1, 1])).toBe(0.75);
    expect(sampleStddev([1, 0, 1, 0])).toBeCloseTo(0.5773502691896257, 15);
    expect(meanStderr([1, 0, 1, 0])).toBeCloseTo(0.5773502691896257 / 2, 15);
    // numpy: np.std([0.2,0.5,0.9,0.4,0.35], ddof=1) / sqrt(5)
    expect(meanStderr([0.2, 0.5, 0.9, 0.4, 0.35])).toBeCloseTo(0.11789826122551596, 15);
  });

  it('has no stderr below two values and no mean of nothing', () => {
    expect(sampleStddev([0.4])).toBeNull();
    expect(meanStderr([])).toBeNull();
    expect(() => mean([])).toThrow(/empty/);
  });
});

describe('wilsonInterval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("matches Newcombe's published example %i/%i → %s–%s", (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n, 0.95);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
    expect(ci.level).toBe(0.95);
  });

  it('follows the confidence level (values from the closed form with scipy quantiles)', () => {
    const ninety = wilsonInterval(81, 263, 0.9);
    expect(ninety.lower).toBeCloseTo(0.2633136171884814, 12);
    expect(ninety.upper).toBeCloseTo(0.35656634960848815, 12);
    const ninetyNine = wilsonInterval(81, 263, 0.99);
    expect(ninetyNine.lower).toBeCloseTo(0.24013690268760773, 12);
    expect(ninetyNine.upper).toBeCloseTo(0.38528250231822986, 12);
  });

  it('stays in [0, 1] at the extremes and refuses impossible counts', () => {
    expect(wilsonInterval(1, 1)).toMatchObject({ upper: 1 });
    expect(wilsonInterval(1, 1).lower).toBeCloseTo(0.20654931437723745, 12);
    expect(wilsonInterval(0, 1)).toMatchObject({ lower: 0 });
    expect(() => wilsonInterval(5, 4)).toThrow(/successes/);
    expect(() => wilsonInterval(0, 0)).toThrow(/positive integer/);
  });
});

describe('bootstrap percentile interval', () => {
  it('takes type-7 quantiles as numpy.percentile does', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 12);
    expect(quantileSorted([0.1, 0.3, 0.4, 0.7, 0.9], 0.1)).toBeCloseTo(0.18, 12);
    expect(quantileSorted([7], 0.3)).toBe(7);
  });

  it('is reproducible for a seed and changes with it', () => {
    const values = Array.from({ length: 50 }, (_, i) => ((i * 37) % 11) / 10);
    const a = bootstrapMeanInterval(values, { seed: 5 });
    expect(bootstrapMeanInterval(values, { seed: 5 })).toEqual(a);
    expect(bootstrapMeanInterval(values, { seed: 6 })).not.toEqual(a);
  });

  it('agrees with the normal approximation on a large sample', () => {
    const values = Array.from({ length: 400 }, (_, i) => Math.sin(i) ** 2);
    const m = mean(values);
    const se = meanStderr(values) as number;
    const ci = bootstrapMeanInterval(values, { seed: 11, resamples: 4000 });
    expect(ci.lower).toBeCloseTo(m - 1.96 * se, 2);
    expect(ci.upper).toBeCloseTo(m + 1.96 * se, 2);
    expect(ci.lower).toBeLessThan(m);
    expect(ci.upper).toBeGreaterThan(m);
  });

  it('validates its options', () => {
    expect(() => bootstrapMeanInterval([1, 2], { resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapMeanInterval([1, 2], { seed: 1.5 })).toThrow(/seed/);
    expect(() => bootstrapMeanInterval([], {})).toThrow(/no values/);
  });
});

describe('summarize', () => {
  it('reports a proportion with its Wilson interval', () => {
    const s = summarize([1, 0, 1, 1]);
    expect(s).toMatchObject({ value: 0.75, n: 4, stderr: 0.25, kind: 'proportion' });
    expect(s.ci?.method).toBe('wilson');
    expect(s.ci?.lower).toBeCloseTo(0.30064184258240184, 12);
    expect(s.ci?.upper).toBeCloseTo(0.9544127391902995, 12);
  });

  it('reports a continuous score with a seeded bootstrap interval at the requested level', () => {
    const values = [0.41, 0.77, 0.52, 0.3, 0.95, 0.6];
    const s = summarize(values, { seed: 1, confidenceLevel: 0.9 });
    expect(s.kind).toBe('continuous');
    expect(s.ci).toMatchObject({ level: 0.9, method: 'bootstrap-percentile' });
    expect(s.ci?.lower).toBeLessThan(s.value as number);
    expect(s.ci?.upper).toBeGreaterThan(s.value as number);
    expect(summarize(values, { seed: 1, confidenceLevel: 0.9 })).toEqual(s);
    const wider = summarize(values, { seed: 1, confidenceLevel: 0.99 }).ci;
    expect((wider?.upper ?? 0) - (wider?.lower ?? 0)).toBeGreaterThan(
      (s.ci?.upper ?? 0) - (s.ci?.lower ?? 0),
    );
  });

  it('defines n = 0 and n = 1 without NaN', () => {
    expect(summarize([])).toEqual({ value: null, n: 0, stderr: null, ci: null, kind: 'continuous' });
    const one = summarize([1]);
    expect(one).toMatchObject({ value: 1, n: 1, stderr: null, kind: 'proportion' });
    expect(one.ci?.lower).toBeCloseTo(0.20654931437723745, 12);
    expect(summarize([0.4])).toEqual({ value: 0.4, n: 1, stderr: null, ci: null, kind: 'continuous' });
    const constant = summarize([0.5, 0.5, 0.5]);
    expect(constant.stderr).toBe(0);
    expect(constant.ci).toMatchObject({ lower: 0.5, upper: 0.5 });
  });

  it('refuses non-binary values as a proportion and non-finite values at all', () => {
    expect(() => summarize([1, 0.5], { kind: 'proportion' })).toThrow(/values\[1\] is 0.5/);
    expect(() => summarize([1, Number.NaN])).toThrow(/values\[1\] must be a finite number/);
  });

  it('adds a clustered stderr when clusters are given', () => {
    const s = summarize([1, 1, 0, 0], { clusters: ['a', 'a', 'b', 'b'] });
    expect(s.stderr).toBeCloseTo(Math.sqrt(1 / 3) / 2, 12);
    expect(s.clustered).toEqual({ stderr: 0.5, clusters: 2, correction: 'cluster-count' });
  });

  it('converts to a MetricValue the domain schema accepts', () => {
    const value = toMetricValue(summarize([1, 0, 1, 1]), 'accuracy');
    expect(MetricValueSchema.parse(value)).toEqual(value);
    expect(value).toMatchObject({
      name: 'accuracy',
      value: 0.75,
      n: 4,
      stderr: 0.25,
      ciLevel: 0.95,
      aggregation: 'mean',
    });
    expect(() => toMetricValue(summarize([]), 'accuracy')).toThrow(/no scored samples/);
  });
});

describe('clusteredStderr (Miller 2024)', () => {
  const values = [0.2, 0.9, 0.4, 0.35, 0.8, 0.1, 0.65];

  it('reduces to the ordinary stderr when every sample is its own cluster', () => {
    const keys = values.map((_, i) => i);
    const iid = meanStderr(values) as number;
    expect(clusteredStderr(values, keys).stderr).toBeCloseTo(iid, 14);
    expect(clusteredStderr(values, keys, { correction: 'miller' }).stderr).toBeCloseTo(iid, 14);
  });

  it('grows when scores are correlated within clusters (hand-computed)', () => {
    // s̄ = ½, deviations ±½, cluster sums 1 and −1: sandwich variance 2/16.
    const v = [1, 1, 0, 0];
    const k = ['a', 'a', 'b', 'b'];
    expect(clusteredStderr(v, k, { correction: 'none' }).stderr).toBeCloseTo(Math.sqrt(2 / 16), 14);
    expect(clusteredStderr(v, k).stderr).toBeCloseTo(0.5, 14); // × C/(C − 1) = 2
    // Miller eq. 4: SE_CLT² = Σe²/(n(n−1)) = 1/12, cross terms (2 − 1)/16.
    expect(clusteredStderr(v, k, { correction: 'miller' }).stderr).toBeCloseTo(
      Math.sqrt(1 / 12 + 1 / 16),
      14,
    );
  });

  it('is undefined with one cluster under the cluster-count correction, and checks its input', () => {
    expect(clusteredStderr([1, 0, 1], ['x', 'x', 'x'])).toEqual({
      stderr: null,
      clusters: 1,
      correction: 'cluster-count',
    });
    expect(() => clusteredStderr([1, 0], ['a'])).toThrow(/2 values but 1 cluster keys/);
  });
});
