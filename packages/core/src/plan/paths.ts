import { dirname, isAbsolute, resolve } from 'node:path';
import type { Plan } from './schema.js';

/**
 * Resolves a path written in a plan: relative paths are relative to the plan file's folder (the
 * working directory when the plan did not come from a file); absolute paths stay as they are.
 *
 * @example
 * ```ts
 * resolvePlanPath('/repo/examples/plans/quickstart.yaml', '../data/korean-history-mini.jsonl');
 * // '/repo/examples/data/korean-history-mini.jsonl'
 * ```
 */
export function resolvePlanPath(planFile: string | undefined, path: string): string {
  if (isAbsolute(path)) return path;
  return planFile === undefined ? resolve(path) : resolve(dirname(planFile), path);
}

/**
 * A copy of the plan whose `file` dataset sources carry absolute paths, resolved against `baseDir`
 * (the plan file's folder, `LoadedPlan.baseDir`). Run this just before running a plan; stored plans
 * keep the relative paths.
 */
export function resolvePlanPaths(plan: Plan, baseDir: string): Plan {
  const absolute = (path: string): string => (isAbsolute(path) ? path : resolve(baseDir, path));
  return {
    ...plan,
    datasets: plan.datasets.map((dataset) =>
      dataset.source.type === 'file'
        ? {
            ...dataset,
            source: {
              ...dataset.source,
              path: Array.isArray(dataset.source.path)
                ? dataset.source.path.map(absolute)
                : absolute(dataset.source.path),
            },
          }
        : dataset,
    ),
  };
}
