import { type PlanIssue, PlanValidationError } from '../errors/index.js';
import { formatPlanPath, sortPlanIssues, zodIssuesToPlanIssues } from './issues.js';
import { type Plan, PlanObjectSchema, planRuleIssues } from './schema.js';
import { convertV2Plan, isV2PlanData, V2PlanSchema } from './v2.js';
import type { LineLocator } from './yaml-source.js';

/** The plan formats BenchHub reads. */
export type PlanFormat = 'benchhub' | 'benchhub-plus-v2';

/** A validated plan and the format it was written in. */
export interface ValidatedPlan {
  plan: Plan;
  format: PlanFormat;
}

function issueAt(path: readonly PropertyKey[], message: string, lineAt: LineLocator | undefined): PlanIssue {
  const line = lineAt?.(path);
  return line === undefined
    ? { path: formatPlanPath(path), message }
    : { path: formatPlanPath(path), line, message };
}

function fail(issues: PlanIssue[], source: string | undefined): never {
  throw new PlanValidationError(sortPlanIssues(issues), source === undefined ? {} : { source });
}

function dedupe(issues: PlanIssue[]): PlanIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type PathMapper = (path: readonly PropertyKey[]) => readonly PropertyKey[];

function validateProjectPlan(
  data: unknown,
  lineAt: LineLocator | undefined,
  mapPath: PathMapper = (path) => path,
): { plan?: Plan; issues: PlanIssue[] } {
  // Fields and cross-field rules are checked separately: zod skips refinements once a field has
  // failed, and every problem should be reported at once.
  const result = PlanObjectSchema.safeParse(data);
  const issues = result.success
    ? []
    : zodIssuesToPlanIssues(result.error.issues, { schema: PlanObjectSchema, data, lineAt, mapPath });
  for (const rule of planRuleIssues(data)) issues.push(issueAt(mapPath(rule.path), rule.message, lineAt));
  if (result.success && issues.length === 0) return { plan: result.data, issues };
  return { issues: dedupe(issues) };
}

/**
 * Validates parsed plan data in either format, collecting every problem. A BenchHub Plus plan
 * (`version: "2.0"`) is checked against its own fields, then converted.
 *
 * @throws PlanValidationError naming every problem with its path (and line, given `lineAt`).
 */
export function validatePlanData(data: unknown, lineAt?: LineLocator, source?: string): ValidatedPlan {
  if (data === null || data === undefined) fail([{ path: '', message: 'the plan is empty' }], source);
  if (typeof data !== 'object' || Array.isArray(data))
    fail([issueAt([], 'a plan must be a mapping of fields (name, models, datasets, ...)', lineAt)], source);

  const record = data as Record<string, unknown>;
  if ('version' in record && !('benchhub' in record)) {
    if (!isV2PlanData(record))
      fail(
        [
          issueAt(
            ['version'],
            `unsupported version ${JSON.stringify(record.version)}: BenchHub reads BenchHub Plus plans with version "2.0" and its own plans marked 'benchhub: 1'`,
            lineAt,
          ),
        ],
        source,
      );
    const v2 = V2PlanSchema.safeParse(data);
    if (!v2.success)
      fail(zodIssuesToPlanIssues(v2.error.issues, { schema: V2PlanSchema, data, lineAt }), source);
    const converted = convertV2Plan(v2.data);
    // Problems found after conversion are reported at the v2 field they came from.
    const result = validateProjectPlan(converted.plan, lineAt, converted.originOf);
    if (!result.plan)
      fail(
        result.issues.map((issue) => ({
          ...issue,
          message: `${issue.message} (after conversion from version 2.0)`,
        })),
        source,
      );
    return { plan: result.plan, format: 'benchhub-plus-v2' };
  }

  const result = validateProjectPlan(data, lineAt);
  if (!result.plan) fail(result.issues, source);
  return { plan: result.plan, format: 'benchhub' };
}
