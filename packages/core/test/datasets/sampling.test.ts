import { describe, expect, it } from 'vitest';
import { mulberry32, randomBelow } from '../../src/datasets/sampling/prng.js';
import { ReservoirSampler } from '../../src/datasets/sampling/reservoir.js';
import { allocateProportionally, StratifiedSampler } from '../../src/datasets/sampling/stratified.js';

function draws(seed: number, n: number): number[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => rng.nextUint32());
}

describe('mulberry32', () => {
  it('produces the reference sequence (checked against an independent implementation)', () => {
    expect(draws(0, 5)).toEqual([1144304738, 1416247, 958946056, 627933444, 2007157716]);
    expect(draws(42, 5)).toEqual([2581720956, 1925393290, 3661312704, 2876485805, 750819978]);
    expect(draws(-1, 3)).toEqual([3850105811, 813802916, 3073704848]);
  });

  it('reduces seeds modulo 2^32', () => {
    expect(draws(2 ** 32 + 42, 3)).toEqual(draws(42, 3));
  });
});

describe('randomBelow', () => {
  it('stays in range and covers it evenly', () => {
    const rng = mulberry32(1);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[randomBelow(rng, 6)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    const big = randomBelow(rng, 2 ** 40);
    expect(Number.isInteger(big) && big >= 0 && big < 2 ** 40).toBe(true);
  });
});

describe('ReservoirSampler', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `row-${i + 1}`);

  function sample(seed: number, k: number): string[] {
    const sampler = new ReservoirSampler<string>(k, mulberry32(seed));
    for (const id of ids) sampler.offer(id);
    return sampler.result();
  }

  it('selects fixed rows for a fixed seed, in input order (values checked against an independent implementation)', () => {
    expect(sample(42, 5)).toEqual(['row-55', 'row-155', 'row-272', 'row-343', 'row-734']);
    expect(sample(7, 3)).toEqual(['row-610', 'row-643', 'row-720']);
  });

  it('is deterministic and depends on the seed', () => {
    expect(sample(123, 20)).toEqual(sample(123, 20));
    expect(sample(123, 20)).not.toEqual(sample(124, 20));
  });

  it('keeps everything when the stream is shorter than the capacity', () => {
    const sampler = new ReservoirSampler<number>(10, mulberry32(1));
    for (const n of [3, 1, 2]) sampler.offer(n);
    expect(sampler.result()).toEqual([3, 1, 2]);
    expect(sampler.count).toBe(3);
  });

  it('is close to uniform', () => {
    const hits = new Array<number>(20).fill(0);
    for (let seed = 0; seed < 4000; seed++) {
      const sampler = new ReservoirSampler<number>(5, mulberry32(seed));
      for (let i = 0; i < 20; i++) sampler.offer(i);
      for (const i of sampler.result()) hits[i]!++;
    }
    // expected 1000 each (4000 × 5/20); binomial sd ≈ 27
    for (const h of hits) expect(Math.abs(h - 1000)).toBeLessThan(120);
  });
});

describe('allocateProportionally', () => {
  it('applies the largest-remainder method', () => {
    expect(allocateProportionally([50, 30, 20], 7)).toEqual([4, 2, 1]);
    expect(allocateProportionally([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(allocateProportionally([10, 5], 30)).toEqual([10, 5]);
    expect(allocateProportionally([333, 333, 334], 10)).toEqual([3, 3, 4]);
    const big = allocateProportionally([3_000_000_000, 1_000_000_000], 1_000_000_000);
    expect(big).toEqual([750_000_000, 250_000_000]);
  });

  it('always sums to the total', () => {
    const counts = [17, 1, 1, 250, 3, 99];
    for (let total = 0; total <= 371; total++) {
      const shares = allocateProportionally(counts, total);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      shares.forEach((s, i) => {
        expect(s).toBeLessThanOrEqual(counts[i]!);
      });
    }
  });
});

describe('StratifiedSampler', () => {
  it('draws each stratum in proportion to its size, in input order', () => {
    const sampler = new StratifiedSampler<string>(20, mulberry32(9));
    const sizes: Record<string, number> = {
      'HASS/History': 500,
      'Science/Physics': 300,
      'Culture/Food': 150,
      Tech: 50,
    };
    let n = 0;
    for (let round = 0; n < 1000; round++) {
      for (const [key, size] of Object.entries(sizes)) {
        if (round < size) {
          sampler.offer(key, `${key}#${round}`);
          n++;
        }
      }
    }
    const result = sampler.result();
    expect(result).toHaveLength(20);
    const per = (key: string) => result.filter((id) => id.startsWith(`${key}#`)).length;
    expect([per('HASS/History'), per('Science/Physics'), per('Culture/Food'), per('Tech')]).toEqual([
      10, 6, 3, 1,
    ]);
    expect(new Set(result).size).toBe(20);
    expect(sampler.counts().get('Tech')).toBe(50);
    const again = new StratifiedSampler<string>(20, mulberry32(9));
    let m = 0;
    for (let round = 0; m < 1000; round++) {
      for (const [key, size] of Object.entries(sizes)) {
        if (round < size) {
          again.offer(key, `${key}#${round}`);
          m++;
        }
      }
    }
    expect(again.result()).toEqual(result);
  });
});
