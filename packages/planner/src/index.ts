/**
 * @packageDocumentation
 * `@benchhub/planner`: natural-language evaluation requests to BenchHub plans. `createRulePlanner()` reads
 * a request offline with Korean and English keywords; `createLLMPlanner({ provider })` asks a model for a
 * structured plan draft, validates and repairs it, and falls back to the rule planner, saying so. Both
 * implement core's `PlannerV1` and return plans that pass core's plan validation.
 * Importing it does no I/O, reads no environment variable and starts no timer.
 */
export type {
  BenchHubSpecVersion,
  PlanContext,
  PlannerCapabilities,
  PlannerV1,
  PlanProposal,
  PlanSuggestion,
} from '@benchhub/core';
export { PlanningError, type PlanningIssue } from './errors.js';
export {
  createLLMPlanner,
  LLM_PLANNER_ID,
  type LLMPlannerOptions,
  type PlannerStrategy,
  taxonomyText,
} from './llm/index.js';
export {
  type BuiltPlan,
  buildPlan,
  checkDraft,
  type PlanDraft,
  PlanDraftSchema,
  planDraftJsonSchema,
} from './plan/index.js';
export {
  analyzeRequest,
  createRulePlanner,
  type RequestAnalysis,
  RULE_PLANNER_ID,
  type RulePlannerOptions,
} from './rules/index.js';
