export { ANSWER_EXTRA_FIELDS, type AnswerExtras, planAnswerJsonSchema, splitAnswer } from './answer.js';
export {
  ASSUMPTION_FACTOR,
  DEFAULT_SELF_CONFIDENCE,
  llmConfidence,
  MAX_COUNTED_ASSUMPTIONS,
  REPAIR_FACTOR,
} from './confidence.js';
export { type GuardInput, type GuardResult, guardAnswer, type ModelRefParts } from './guard.js';
export { extractJsonObject, type JsonObjectResult, parseJsonObject } from './json-text.js';
export {
  createLLMPlanner,
  DEFAULT_VENDOR_MODELS,
  LLM_PLANNER_ID,
  type LLMPlannerOptions,
} from './llm-planner.js';
export { type PlannerDefaults, repairMessage, requestMessage, systemPrompt } from './prompts.js';
export {
  chooseStrategy,
  type PlannerStrategy,
  PROPOSE_PLAN_TOOL,
  planRequest,
  RESPONSE_FORMAT_NAME,
  readAnswer,
} from './strategy.js';
export { taxonomyText } from './taxonomy-text.js';
export { type AnswerVerdict, validateAnswer } from './validate-answer.js';
