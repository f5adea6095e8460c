export {
  BENCHHUB_BENCHMARKS,
  BENCHHUB_TOTAL_QUESTIONS,
  BENCHMARK_NAMES,
  type BenchmarkInfo,
  findBenchmark,
} from './benchmarks.js';
export { type BuiltPlan, buildPlan, DEFAULT_JUDGE } from './build-plan.js';
export {
  COMPATIBLE_VENDORS,
  type CompatibleVendor,
  compatibleVariables,
  findCompatibleVendor,
} from './compatible-vendors.js';
export {
  checkDraft,
  type DraftModel,
  DraftModelSchema,
  PLAN_LANGUAGES,
  PLAN_PROBLEM_TYPES,
  PLAN_PROVIDERS,
  PLAN_SUBJECTS,
  PLAN_TARGET_TYPES,
  type PlanDraft,
  type PlanDraftLike,
  PlanDraftSchema,
  type PlanLanguage,
  planDraftJsonSchema,
} from './draft.js';
export { suggestionFilters } from './suggestion-filters.js';
