export { formatPlanPath, type IssueContext } from './issues.js';
export {
  definePlan,
  type LoadedPlan,
  type LoadPlanOptions,
  loadPlan,
  loadPlanWithSource,
  parsePlan,
  parsePlanText,
} from './load.js';
export { resolvePlanPath, resolvePlanPaths } from './paths.js';
export { type PlanEnv, type ResolvePlanEnvOptions, resolvePlanEnv } from './resolve-env.js';
export {
  EVALUATION_METHODS,
  type EvaluationMethod,
  type EvaluationSpec,
  EvaluationSpecSchema,
  JUDGE_MODES,
  type JudgeSpec,
  JudgeSpecSchema,
  KNOWN_PROVIDERS,
  type ModelParameters,
  ModelParametersSchema,
  ModelPriceSchema,
  type ModelPriceSpec,
  type ModelSpec,
  type ModelSpecInput,
  ModelSpecObjectSchema,
  ModelSpecSchema,
  type OutputSpec,
  OutputSpecSchema,
  PLAN_FORMAT_VERSION,
  type Plan,
  type PlanInput,
  PlanObjectSchema,
  type PlanRuleIssue,
  PlanSchema,
  planRuleIssues,
  type RateLimitSpec,
  RateLimitSpecSchema,
  REPEAT_REDUCERS,
  RepeatReducerSchema,
  type RepeatReducerSpec,
} from './schema.js';
export {
  type EnvRef,
  EnvRefSchema,
  envPlaceholderName,
  type SecretRef,
  SecretRefSchema,
  secretRefVariable,
} from './secret-ref.js';
export { planToYaml } from './to-yaml.js';
export {
  BENCHHUB_HUB_DATASETS,
  convertV2Plan,
  isV2PlanData,
  providerForV2Type,
  type V2Plan,
  V2PlanSchema,
} from './v2.js';
export { type PlanFormat, type ValidatedPlan, validatePlanData } from './validate.js';
