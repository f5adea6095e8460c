import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../../src/errors/benchhub-error.js';
import { meanPassAtK, passAtK } from '../../../src/metrics/pass-at-k/index.js';

/** C(n, k) exactly. */
function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

/** 1 − C(n−c, k)/C(n, k) from exact binomials, rounded once at the end. */
function exactPassAtK(n: number, c: number, k: number): number {
  const total = binomial(n, k);
  const failing = binomial(n - c, k);
  const scale = 10n ** 30n;
  return Number(((total - failing) * scale) / total) / 1e30;
}

describe('passAtK (Chen et al. 2021 unbiased estimator)', () => {
  it('gives the textbook values', () => {
    expect(passAtK(10, 1, 1)).toBeCloseTo(0.1, 15);
    expect(passAtK(10, 1, 5)).toBeCloseTo(0.5, 15);
    expect(passAtK(5, 2, 2)).toBeCloseTo(0.7, 15);
    expect(passAtK(200, 0, 100)).toBe(0);
    expect(passAtK(10, 10, 1)).toBe(1);
    // fewer failures than k: every draw of k contains a success
    expect(passAtK(10, 8, 3)).toBe(1);
  });

  it('pass@1 is the fraction correct', () => {
    for (const [n, c] of [
      [200, 37],
      [20, 3],
      [7, 6],
    ] as const) {
      expect(passAtK(n, c, 1)).toBeCloseTo(c / n, 14);
    }
  });

  it('equals 1 − C(n−c, k)/C(n, k) computed exactly, even where the binomials overflow doubles', () => {
    for (const n of [1, 2, 5, 13, 50, 200, 1000]) {
      for (const c of [0, 1, Math.floor(n / 3), n - 1, n].filter((v) => v >= 0 && v <= n)) {
        for (const k of [1, 2, 10, 100].filter((v) => v <= n)) {
          expect(passAtK(n, c, k), `n=${n} c=${c} k=${k}`).toBeCloseTo(exactPassAtK(n, c, k), 12);
        }
      }
    }
  });

  it('is non-decreasing in k and in c', () => {
    let previous = 0;
    for (let k = 1; k <= 50; k++) {
      const value = passAtK(50, 4, k);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
    expect(passAtK(50, 5, 10)).toBeGreaterThan(passAtK(50, 4, 10));
  });

  it('rejects k > n, c > n and non-integers', () => {
    expect(() => passAtK(5, 1, 10)).toThrow(BenchHubError);
    expect(() => passAtK(5, 1, 10)).toThrow(/k \(10\) exceeds n \(5 samples\)/);
    expect(() => passAtK(5, 6, 1)).toThrow(/c \(6 correct\) exceeds n \(5 samples\)/);
    expect(() => passAtK(5, 1, 0)).toThrow(/k must be at least 1/);
    expect(() => passAtK(5.5, 1, 1)).toThrow(/n must be a non-negative integer, got 5.5/);
    expect(() => passAtK(5, -1, 1)).toThrow(/c must be a non-negative integer/);
  });
});

describe('meanPassAtK', () => {
  it('averages the per-problem estimates (HumanEval estimate_pass_at_k(...).mean())', () => {
    const result = meanPassAtK(
      [
        { n: 10, c: 1 },
        { n: 10, c: 0 },
        { n: 5, c: 2 },
      ],
      2,
    );
    const perProblem = [1 - 36 / 45, 0, 0.7];
    expect(result.n).toBe(3);
    for (const [i, v] of result.perProblem.entries()) expect(v).toBeCloseTo(perProblem[i] as number, 15);
    expect(result.value).toBeCloseTo((1 - 36 / 45 + 0.7) / 3, 15);
  });

  it('names the problem that cannot be scored', () => {
    expect(() =>
      meanPassAtK(
        [
          { n: 10, c: 1 },
          { n: 3, c: 1 },
        ],
        5,
      ),
    ).toThrow(/problem \[1\]: k \(5\) exceeds n \(3/);
    expect(() => meanPassAtK([], 1)).toThrow(/at least one problem/);
  });
});
