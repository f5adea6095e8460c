import type { Prng } from '../datasets/sampling/prng.js';

const TWO_POW_32 = 0x1_0000_0000;

/**
 * A sampler of Binomial(n, p) by inversion of its CDF (tabulated once in O(n), in log space so large
 * `n` does not underflow; each draw is one 32-bit uniform and a binary search). Drawing the number of
 * ones among `n` values resampled with replacement from a 0/1 list with `k` ones is exactly a
 * Binomial(n, k/n) draw, so a bootstrap of a proportion needs one draw per resample instead of `n`.
 * @internal
 */
export function binomialSampler(n: number, p: number): (rng: Prng) => number {
  if (p <= 0) return () => 0;
  if (p >= 1) return () => n;
  const logRatio = Math.log(p) - Math.log1p(-p);
  const logs = new Float64Array(n + 1);
  let logP = n * Math.log1p(-p);
  let top = logP;
  logs[0] = logP;
  for (let k = 0; k < n; k++) {
    logP += Math.log((n - k) / (k + 1)) + logRatio;
    logs[k + 1] = logP;
    if (logP > top) top = logP;
  }
  const cdf = new Float64Array(n + 1);
  let total = 0;
  for (let k = 0; k <= n; k++) {
    total += Math.exp((logs[k] as number) - top);
    cdf[k] = total;
  }
  for (let k = 0; k <= n; k++) cdf[k] = (cdf[k] as number) / total;
  return (rng: Prng): number => {
    const u = (rng.nextUint32() + 0.5) / TWO_POW_32;
    let low = 0;
    let high = n;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cdf[mid] as number) < u) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}
