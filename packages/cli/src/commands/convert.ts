import { loadPlan, planToYaml } from '@benchhub/core';
import type { CliContext } from '../context.js';

/** `benchhub convert <plan>`: prints the plan in BenchHub's own format (e.g. a BenchHub Plus 2.0 plan). */
export async function convertCommand(planPath: string, ctx: CliContext): Promise<void> {
  ctx.out(planToYaml(await loadPlan(planPath)).trimEnd());
}
