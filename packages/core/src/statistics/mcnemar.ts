import { BenchHubError } from '../errors/benchhub-error.js';

const EXACT_INTEGER_LIMIT = 50;

/**
 * The two-sided exact binomial p-value for `k` successes in `n` trials with success probability ½:
 * `min(1, 2 · P(X ≤ min(k, n − k)))` (the distribution is symmetric, so doubling the smaller tail is
 * the same as summing every outcome no more likely than `k`). Exact in integer arithmetic up to n = 50,
 * summed in log space above, so any `n` works.
 *
 * @example
 * ```ts
 * binomialTestHalf(2, 12); // 0.0386 (= 2 · 79/4096)
 * ```
 */
export function binomialTestHalf(k: number, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(k) || k < 0 || k > n) {
    throw new BenchHubError(`binomialTestHalf: need integers 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  if (n === 0) return 1;
  const tail = Math.min(k, n - k);
  if (2 * tail >= n) return 1;
  if (n <= EXACT_INTEGER_LIMIT) {
    // Binomial coefficients up to C(50, 25) ≈ 1.3e14 are exact doubles, and so is their sum and 2^-n.
    let coefficient = 1;
    let sum = 1;
    for (let j = 0; j < tail; j++) {
      coefficient = (coefficient * (n - j)) / (j + 1);
      sum += coefficient;
    }
    return Math.min(1, 2 * sum * 2 ** -n);
  }
  // log P(X = j) for j = 0..tail, by the recurrence P(j+1)/P(j) = (n − j)/(j + 1).
  let logP = -n * Math.LN2;
  const logs: number[] = [logP];
  for (let j = 0; j < tail; j++) {
    logP += Math.log((n - j) / (j + 1));
    logs.push(logP);
  }
  const top = logs[logs.length - 1] as number;
  let scaled = 0;
  for (const l of logs) scaled += Math.exp(l - top);
  return Math.min(1, 2 * Math.exp(top) * scaled);
}

/** The outcome of McNemar's exact test. */
export interface McNemarResult {
  test: 'mcnemar-exact';
  /** Pairs compared. */
  n: number;
  /** Pairs that model A got right and model B wrong (McNemar's `b`). */
  aOnly: number;
  /** Pairs that model B got right and model A wrong (McNemar's `c`). */
  bOnly: number;
  /** Two-sided exact p-value. */
  pValue: number;
}

/**
 * McNemar's exact test for two models' 0/1 scores on the same samples: under the null both models are
 * equally good, so each discordant pair (one right, one wrong) is A's with probability ½, and the
 * p-value is the two-sided exact binomial test of `b` successes in `b + c` trials
 * ({@link binomialTestHalf}). Concordant pairs carry no information about the difference.
 *
 * @example
 * ```ts
 * mcnemarExact(10, 2); // 0.03857421875
 * ```
 */
export function mcnemarExact(aOnly: number, bOnly: number): number {
  return binomialTestHalf(aOnly, aOnly + bOnly);
}

/**
 * McNemar's exact test from aligned 0/1 score lists (`a[i]` and `b[i]` are the two models' scores on the
 * same sample).
 *
 * @example
 * ```ts
 * mcnemarTest([1, 1, 0, 1], [0, 1, 0, 0]); // { test: 'mcnemar-exact', n: 4, aOnly: 2, bOnly: 0, pValue: 0.5 }
 * ```
 */
export function mcnemarTest(a: readonly number[], b: readonly number[]): McNemarResult {
  if (a.length !== b.length) {
    throw new BenchHubError(
      `mcnemarTest: ${a.length} scores for A but ${b.length} for B (they must be paired)`,
    );
  }
  let aOnly = 0;
  let bOnly = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if ((x !== 0 && x !== 1) || (y !== 0 && y !== 1)) {
      throw new BenchHubError(`mcnemarTest: scores must be 0 or 1, got a[${i}]=${x}, b[${i}]=${y}`);
    }
    if (x === 1 && y === 0) aOnly++;
    else if (x === 0 && y === 1) bOnly++;
  }
  return { test: 'mcnemar-exact', n: a.length, aOnly, bOnly, pValue: mcnemarExact(aOnly, bOnly) };
}
