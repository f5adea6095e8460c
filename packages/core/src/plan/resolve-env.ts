import { type PlanIssue, PlanValidationError } from '../errors/index.js';
import type { JudgeSpec, ModelSpec, Plan } from './schema.js';
import { envPlaceholderName, isEndpointUrl, secretRefVariable } from './secret-ref.js';

/** Environment variables, e.g. `process.env`. */
export type PlanEnv = Readonly<Record<string, string | undefined>>;

/** Options of {@link resolvePlanEnv}. */
export interface ResolvePlanEnvOptions {
  /** Where the plan came from, for the error message. */
  source?: string;
}

function resolveModel<T extends ModelSpec | JudgeSpec>(
  model: T,
  path: string,
  env: PlanEnv,
  issues: PlanIssue[],
): T {
  const out = { ...model };
  if (model.apiKey !== undefined) {
    const name = secretRefVariable(model.apiKey);
    const value = name === undefined ? undefined : env[name];
    if (name === undefined || value === undefined || value === '')
      issues.push({ path: `${path}.apiKey`, message: `environment variable ${name ?? '(none)'} is not set` });
    else out.apiKey = value;
  }
  if (model.baseUrl !== undefined) {
    const name = envPlaceholderName(model.baseUrl);
    if (name !== undefined) {
      const value = env[name];
      if (value === undefined || value === '')
        issues.push({ path: `${path}.baseUrl`, message: `environment variable ${name} is not set` });
      else if (!isEndpointUrl(value))
        issues.push({
          path: `${path}.baseUrl`,
          message: `environment variable ${name} is not an http(s) URL`,
        });
      else out.baseUrl = value;
    }
  }
  return out;
}

/**
 * A copy of the plan with every `${VAR}` placeholder and `{ env: 'VAR' }` reference replaced by the
 * variable's value (API keys, and base URLs written as placeholders). Call it only when the plan runs
 * (the CLI passes `process.env`); never store the result, which holds secrets.
 *
 * @example
 * ```ts
 * const runnable = resolvePlanEnv(plan, process.env);
 * ```
 * @throws PlanValidationError naming each missing variable and the field that needs it.
 */
export function resolvePlanEnv(plan: Plan, env: PlanEnv, options: ResolvePlanEnvOptions = {}): Plan {
  const issues: PlanIssue[] = [];
  const models = plan.models.map((model, i) => resolveModel(model, `models[${i}]`, env, issues));
  const judge = plan.evaluation.judge && resolveModel(plan.evaluation.judge, 'evaluation.judge', env, issues);
  if (issues.length > 0)
    throw new PlanValidationError(issues, options.source === undefined ? {} : { source: options.source });
  return { ...plan, models, evaluation: judge ? { ...plan.evaluation, judge } : plan.evaluation };
}
