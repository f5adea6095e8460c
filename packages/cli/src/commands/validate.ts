import { loadPlanWithSource } from '@benchhub/core';
import type { CliContext } from '../context.js';

/** `benchhub validate <plan>`: reports every problem of a plan, or a one-line summary when it is valid. */
export async function validateCommand(planPath: string, ctx: CliContext): Promise<void> {
  const { plan, format } = await loadPlanWithSource(planPath);
  const from = format === 'benchhub-plus-v2' ? ' (BenchHub Plus 2.0 plan, converted)' : '';
  ctx.out(
    `${planPath}: valid${from} — ${plan.models.length} model(s), ${plan.datasets.length} dataset(s), method ${plan.evaluation.method}`,
  );
}
