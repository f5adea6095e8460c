import { BenchHubError } from '../../errors/benchhub-error.js';

/** The attempts at one problem: `n` samples generated, `c` of them correct. */
export interface PassAtKCounts {
  /** Samples generated for the problem. */
  n: number;
  /** Samples that passed. */
  c: number;
}

function checkCount(value: unknown, name: string, where: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new BenchHubError(`${where}: ${name} must be a non-negative integer, got ${String(value)}`);
  }
}

function checkedPassAtK(n: number, c: number, k: number, where: string): number {
  checkCount(n, 'n', where);
  checkCount(c, 'c', where);
  checkCount(k, 'k', where);
  if (k < 1) throw new BenchHubError(`${where}: k must be at least 1, got ${k}`);
  if (c > n) throw new BenchHubError(`${where}: c (${c} correct) exceeds n (${n} samples)`);
  if (k > n) {
    throw new BenchHubError(
      `${where}: k (${k}) exceeds n (${n} samples); pass@k needs at least k samples per problem`,
    );
  }
  if (n - c < k) return 1.0;
  // 1 − C(n−c, k) / C(n, k) = 1 − ∏_{i=n−c+1}^{n} (1 − k/i): no huge binomials, no overflow.
  let product = 1.0;
  for (let i = n - c + 1; i <= n; i++) product *= 1.0 - k / i;
  return 1.0 - product;
}

/**
 * The unbiased pass@k estimator of Chen et al. (2021, "Evaluating Large Language Models Trained on
 * Code"): the probability that at least one of `k` samples drawn without replacement from `n`
 * generated samples, `c` of them correct, passes: `1 − C(n−c, k) / C(n, k)`, computed as the
 * numerically stable product `1 − ∏_{i=n−c+1}^{n} (1 − k/i)`. Throws when `k > n` (the estimator is
 * undefined there) or `c > n`.
 *
 * @example
 * ```ts
 * passAtK(10, 1, 1); // 0.1
 * passAtK(10, 1, 5); // 0.5
 * passAtK(5, 2, 2);  // 0.7
 * ```
 */
export function passAtK(n: number, c: number, k: number): number {
  return checkedPassAtK(n, c, k, 'passAtK');
}

/** The pass@k of each problem and their mean. */
export interface PassAtKResult {
  /** The mean pass@k over the problems (what papers report as pass@k). */
  value: number;
  /** pass@k of each problem, in input order. */
  perProblem: number[];
  /** Number of problems. */
  n: number;
}

/**
 * pass@k over many problems: {@link passAtK} of each and their mean, as HumanEval's
 * `estimate_pass_at_k(...).mean()`. Every problem needs at least `k` samples.
 *
 * @example
 * ```ts
 * meanPassAtK([{ n: 10, c: 1 }, { n: 10, c: 0 }], 1); // { value: 0.05, perProblem: [0.1, 0], n: 2 }
 * ```
 */
export function meanPassAtK(problems: readonly PassAtKCounts[], k: number): PassAtKResult {
  if (!Array.isArray(problems) || problems.length === 0) {
    throw new BenchHubError('meanPassAtK: give at least one problem { n, c }');
  }
  const perProblem = problems.map((p, i) => {
    if (typeof p !== 'object' || p === null) {
      throw new BenchHubError(`meanPassAtK: problem [${i}] must be an object { n, c }`);
    }
    return checkedPassAtK(p.n, p.c, k, `meanPassAtK: problem [${i}]`);
  });
  let sum = 0;
  for (const v of perProblem) sum += v;
  return { value: sum / perProblem.length, perProblem, n: perProblem.length };
}
