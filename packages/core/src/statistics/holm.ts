import { BenchHubError } from '../errors/benchhub-error.js';

/** Holm-adjusted p-values and decisions, in the order of the input. */
export interface HolmResult {
  /** Adjusted p-values: reject hypothesis i at level α exactly when `adjusted[i] ≤ α`. */
  adjusted: number[];
  /** Whether each hypothesis is rejected at `alpha`. */
  reject: boolean[];
  alpha: number;
}

/**
 * The Holm–Bonferroni step-down correction (Holm 1979) for `m` simultaneous tests, controlling the
 * family-wise error rate at `alpha`. With p-values sorted ascending `p₍₁₎ ≤ … ≤ p₍ₘ₎`, the adjusted
 * value is `p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎)` (as R's `p.adjust(method = "holm")`).
 *
 * @example
 * ```ts
 * holmBonferroni([0.01, 0.04, 0.03, 0.005]);
 * // { adjusted: [0.03, 0.06, 0.06, 0.02], reject: [true, false, false, true], alpha: 0.05 }
 * ```
 */
export function holmBonferroni(pValues: readonly number[], alpha = 0.05): HolmResult {
  if (!(alpha > 0 && alpha < 1))
    throw new BenchHubError(`holmBonferroni: alpha must be in (0, 1), got ${alpha}`);
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1))
      throw new BenchHubError(`holmBonferroni: pValues[${i}] must be in [0, 1], got ${p}`);
  });
  const m = pValues.length;
  const order = pValues
    .map((_, i) => i)
    .sort((x, y) => (pValues[x] as number) - (pValues[y] as number) || x - y);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
    adjusted[index] = running;
  });
  return { adjusted, reject: adjusted.map((p) => p <= alpha), alpha };
}
