import type { ConfidenceInterval } from '../domain/leaderboard.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { criticalZ } from './normal.js';

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; method 3 of Newcombe 1998):
 * with `p̂ = successes / n` and `z` the two-sided critical value of the level,
 * `(p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)`. Unlike the Wald interval it stays inside
 * [0, 1] and is not degenerate at 0 or n successes.
 *
 * `successes` may carry floating-point noise (a weighted mean times n); it must lie in [0, n].
 *
 * @example
 * ```ts
 * wilsonInterval(81, 263, 0.95); // { lower: 0.2553, upper: 0.3662, level: 0.95 } (Newcombe 1998)
 * ```
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): ConfidenceInterval {
  if (!Number.isInteger(n) || n < 1) {
    throw new BenchHubError(`wilsonInterval: n must be a positive integer, got ${n}`);
  }
  if (!(successes >= -1e-9 * n && successes <= n * (1 + 1e-9))) {
    throw new BenchHubError(`wilsonInterval: successes must be in [0, ${n}], got ${successes}`);
  }
  const z = criticalZ(level);
  const p = Math.min(1, Math.max(0, successes / n));
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), level };
}
