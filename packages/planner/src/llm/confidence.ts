/** The self-reported confidence assumed when the model reports none. */
export const DEFAULT_SELF_CONFIDENCE = 0.7;
/** Factor per repair round: an answer that needed fixing is less likely to be what was meant. */
export const REPAIR_FACTOR = 0.85;
/** Factor per assumption (warning), counted up to {@link MAX_COUNTED_ASSUMPTIONS}. */
export const ASSUMPTION_FACTOR = 0.9;
/** Assumptions beyond this many lower the confidence no further. */
export const MAX_COUNTED_ASSUMPTIONS = 5;

/**
 * The confidence of an LLM plan: the model's self-report (default {@link DEFAULT_SELF_CONFIDENCE}),
 * clamped to [0, 1], times {@link REPAIR_FACTOR} per repair round and {@link ASSUMPTION_FACTOR} per
 * assumption the user is warned about (at most {@link MAX_COUNTED_ASSUMPTIONS}), rounded to 2 decimals.
 * A model cannot talk its way to 1 once it needed a repair or had to assume something.
 *
 * @example
 * ```ts
 * llmConfidence({ selfReported: 0.95, repairs: 1, assumptions: 1 }); // 0.73
 * ```
 */
export function llmConfidence(input: {
  selfReported: number | undefined;
  repairs: number;
  assumptions: number;
}): number {
  const self = Math.min(1, Math.max(0, input.selfReported ?? DEFAULT_SELF_CONFIDENCE));
  const counted = Math.min(MAX_COUNTED_ASSUMPTIONS, Math.max(0, input.assumptions));
  const value = self * REPAIR_FACTOR ** Math.max(0, input.repairs) * ASSUMPTION_FACTOR ** counted;
  return Math.round(value * 100) / 100;
}
