export type { CoreField, RequestAnalysis, RulePlannerOptions } from './analyze.js';
export { analyzeRequest } from './analyze.js';
export { parseContextModel } from './context-models.js';
export {
  DEFAULT_NICKNAME_MODELS,
  extractModels,
  isLocalEndpoint,
  LOCAL_SERVER_URLS,
  type ModelExtraction,
  type NamedModel,
  type NicknameModels,
} from './extract-models.js';
export { extractSampleSizes, extractSeeds, type ReadNumber } from './extract-numbers.js';
export { LABEL_LEXICON, type LexiconEntry, type LexiconMeaning, SUBJECT_LEXICON } from './lexicon.js';
export { RequestText, type TextMatch } from './request-text.js';
export { createRulePlanner, RULE_PLANNER_ID, ruleConfidence } from './rule-planner.js';
