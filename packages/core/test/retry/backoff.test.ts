import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/datasets/sampling/prng.js';
import { assertBackoffOptions, backoffDelay } from '../../src/retry/backoff.js';

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap without jitter', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6].map((r) =>
      backoffDelay(r, { baseDelayMs: 100, maxDelayMs: 2_000, jitter: 'none' }),
    );
    expect(delays).toEqual([100, 200, 400, 800, 1_600, 2_000, 2_000]);
  });

  it('full jitter draws uniformly below the exponential ceiling', () => {
    const rng = mulberry32(7);
    const random = (): number => rng.nextUint32() / 2 ** 32;
    const draws = Array.from({ length: 4_000 }, () =>
      backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 10_000, random }),
    );
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(800);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(380);
    expect(mean).toBeLessThan(420);
    // Spread over the whole range, not clustered near the ceiling.
    expect(draws.filter((d) => d < 200).length).toBeGreaterThan(800);
  });

  it('full jitter is reproducible with a seeded random and scales with it', () => {
    const options = { baseDelayMs: 100, maxDelayMs: 10_000 };
    expect(backoffDelay(2, { ...options, random: () => 0.25 })).toBe(100);
    expect(backoffDelay(2, { ...options, random: () => 0 })).toBe(0);
    expect(backoffDelay(2, { ...options, jitter: 'equal', random: () => 0.5 })).toBe(300);
  });

  it('rejects unusable options with the field name', () => {
    expect(() => assertBackoffOptions({ baseDelayMs: -1, maxDelayMs: 10 }, 'x')).toThrow('baseDelayMs');
    expect(() => assertBackoffOptions({ baseDelayMs: 100, maxDelayMs: 10 }, 'x')).toThrow('maxDelayMs');
    expect(() =>
      assertBackoffOptions({ baseDelayMs: 1, maxDelayMs: 10, jitter: 'half' as never }, 'x'),
    ).toThrow('jitter');
  });
});
