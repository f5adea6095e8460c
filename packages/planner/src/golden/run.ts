import type { PlanInput, PlannerV1 } from '@benchhub/core';
import { PlanningError } from '../errors.js';
import type { GoldenScore, PlanOutcome } from './score.js';

/**
 * Plans one golden request: the plan and warnings, or the message of the `PlanningError` that refused
 * it (any other error propagates: it is a bug, not an answer).
 */
export async function planOutcome(
  planner: PlannerV1<PlanInput>,
  query: string,
): Promise<PlanOutcome & { plannerUsed?: string }> {
  try {
    const proposal = await planner.plan(query);
    return { plan: proposal.plan, warnings: proposal.warnings, plannerUsed: proposal.plannerUsed };
  } catch (error) {
    if (!PlanningError.isInstance(error)) throw error;
    return { warnings: [], error: error.message };
  }
}

/** The fields the scores missed, one line each (`id field: expected …, got …`). */
export function describeMisses(scores: readonly GoldenScore[]): string[] {
  return scores.flatMap((s) =>
    s.fields
      .filter((f) => !f.ok)
      .map(
        (f) => `${s.id} ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`,
      ),
  );
}
