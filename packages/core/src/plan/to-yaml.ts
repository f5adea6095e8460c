import { stringify } from 'yaml';
import { type Plan, PlanSchema } from './schema.js';
import { orderBySchema } from './schema-walk.js';

/**
 * Writes a plan in BenchHub's YAML format: keys in the schema's order, defaults written out, no
 * anchors or aliases, placeholders kept. Loading the result gives back an equal plan.
 *
 * @example
 * ```ts
 * await writeFile('plan.yaml', planToYaml(await loadPlan('old-benchhub-plus-plan.yaml')));
 * ```
 */
export function planToYaml(plan: Plan): string {
  return stringify(orderBySchema(PlanSchema, plan), { aliasDuplicateObjects: false, lineWidth: 0 });
}
