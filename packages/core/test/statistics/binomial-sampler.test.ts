import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/datasets/sampling/prng.js';
import { binomialSampler } from '../../src/statistics/binomial-sampler.js';

function moments(
  n: number,
  p: number,
  draws: number,
): { mean: number; variance: number; min: number; max: number } {
  const draw = binomialSampler(n, p);
  const rng = mulberry32(9);
  let sum = 0;
  let squares = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < draws; i++) {
    const x = draw(rng);
    sum += x;
    squares += x * x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = sum / draws;
  return { mean, variance: squares / draws - mean * mean, min, max };
}

describe('binomialSampler', () => {
  it('draws Binomial(n, p): mean np and variance np(1 − p) within Monte Carlo error', () => {
    const small = moments(20, 0.3, 200_000);
    expect(small.mean).toBeCloseTo(6, 1);
    expect(small.variance).toBeCloseTo(4.2, 1);
    expect(small.min).toBeGreaterThanOrEqual(0);
    expect(small.max).toBeLessThanOrEqual(20);
  });

  it('does not underflow for large n', () => {
    const large = moments(20_000, 0.5, 20_000);
    expect(Math.abs(large.mean - 10_000)).toBeLessThan(2);
    expect(large.variance / 5000).toBeCloseTo(1, 1);
  });

  it('is constant at p = 0 and p = 1', () => {
    const rng = mulberry32(1);
    expect(binomialSampler(7, 0)(rng)).toBe(0);
    expect(binomialSampler(7, 1)(rng)).toBe(7);
  });
});
